package org.rollcall.schoolclass;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.rollcall.auth.Actor;
import org.rollcall.common.PageRequest;
import org.rollcall.user.UserQuery;
import org.rollcall.user.UserService;
import org.rollcall.user.UserView;

/**
 * People who could be added to the class, found by the "find" search on the class page: the first
 * {@link ClassPages#CANDIDATES} of them and how many there are, both without those already in the class.
 */
public record Candidates(String find, List<UserView> users, long total) {

    public boolean searched() {
        return find != null;
    }

    /** Too many to count: the search matched more than it counts ({@link org.rollcall.common.Page#totalExact}). */
    public boolean many() {
        return total < 0;
    }

    static Candidates find(UserService users, Actor me, ClassView schoolClass, String find) {
        if (find == null) {
            return new Candidates(null, List.of(), 0);
        }
        Set<String> members = schoolClass.members().stream().map(MemberView::username).collect(Collectors.toSet());
        var found = users.search(me, UserQuery.of(find, null, null, null, "name"),
                PageRequest.of(0, Math.min(PageRequest.MAX_SIZE, ClassPages.CANDIDATES + members.size())));
        List<UserView> notMembers = found.items().stream().filter(u -> !members.contains(u.username())).limit(ClassPages.CANDIDATES).toList();
        if (!found.totalExact()) {
            return new Candidates(find, notMembers, -1);
        }
        // the same search within the class counts the members it found (the actor sees every member of a class they manage)
        long foundMembers = members.isEmpty() ? 0
                : users.search(me, UserQuery.of(find, null, schoolClass.code(), null, "name"), PageRequest.of(0, 1)).total();
        return new Candidates(find, notMembers, found.total() - foundMembers);
    }
}

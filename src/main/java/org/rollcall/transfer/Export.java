package org.rollcall.transfer;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.common.db.KeyedRow;
import org.rollcall.schoolclass.ClassRepository;
import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.MembershipRepository;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.user.UserRepository;
import org.rollcall.user.UserRow;

/**
 * Every class, user (password hashes included) and membership, page by page in id order. Run the
 * three inside one transaction to get one consistent copy.
 */
@ApplicationScoped
public class Export {

    private final ClassRepository groups;
    private final UserRepository users;
    private final MembershipRepository memberships;

    public Export(ClassRepository groups, UserRepository users, MembershipRepository memberships) {
        this.groups = groups;
        this.users = users;
        this.memberships = memberships;
    }

    /** @return how many classes were handed to the sink */
    @Transactional
    public long classes(Actor actor, int pageSize, Consumer<List<ClassRow>> sink) {
        AccessPolicy.requireAdmin(actor, "export classes");
        return pages(after -> groups.exportPage(after, pageSize), sink);
    }

    /** @return how many users were handed to the sink */
    @Transactional
    public long users(Actor actor, int pageSize, Consumer<List<UserRow>> sink) {
        AccessPolicy.requireAdmin(actor, "export users");
        return pages(after -> users.exportPage(after, pageSize), sink);
    }

    /** @return how many memberships were handed to the sink */
    @Transactional
    public long memberships(Actor actor, int pageSize, Consumer<List<MembershipRow>> sink) {
        AccessPolicy.requireAdmin(actor, "export memberships");
        return pages(after -> memberships.exportPage(after, pageSize), sink);
    }

    private static <T> long pages(LongFunction<List<KeyedRow<T>>> pageAfter, Consumer<List<T>> sink) {
        long after = -1;
        long total = 0;
        while (true) {
            List<KeyedRow<T>> page = pageAfter.apply(after);
            if (page.isEmpty()) {
                return total;
            }
            sink.accept(page.stream().map(KeyedRow::row).toList());
            after = page.get(page.size() - 1).id();
            total += page.size();
        }
    }
}

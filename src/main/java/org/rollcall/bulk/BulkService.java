package org.rollcall.bulk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.Params;
import org.rollcall.common.Text;
import org.rollcall.schoolclass.ClassRole;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.schoolclass.ClassView;
import org.rollcall.schoolclass.MemberForm;
import org.rollcall.schoolclass.MemberView;
import org.rollcall.user.PasswordReset;
import org.rollcall.user.Role;
import org.rollcall.user.User;
import org.rollcall.user.UserQuery;
import org.rollcall.user.UserRepository;
import org.rollcall.user.UserService;
import org.rollcall.user.UserUpdate;
import org.rollcall.user.UserView;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One action over many users. Each user is decided on their own, against the permissions matrix
 * ({@link AccessPolicy}), and changed through the same service a click on their page goes
 * through, a chunk of users to a transaction: a refusal for one user (a teacher selecting a
 * teacher) leaves the others done, and every changed user gets the audit event that call records.
 * Enabling and disabling, the actions a term's start and end repeat over whole rosters, write a
 * chunk with one statement ({@link UserService#setEnabled(Actor, java.util.Collection, boolean)}).
 */
@ApplicationScoped
public class BulkService {

    /** The most users one action takes: a school's whole roster, not a runaway filter. */
    public static final int MAX_USERS = 10_000;
    static final int CHUNK = 200;

    @Inject
    UserService users;
    @Inject
    ClassService classes;
    @Inject
    UserRepository userRepository;
    @Inject
    AccessPolicy policy;

    /** Checks the request and finds its users; refuses (400) more than {@link #MAX_USERS}. */
    public BulkPlan plan(Actor actor, BulkRequest request) {
        AccessPolicy.requireStaff(actor, "users");
        if (request == null) {
            throw DomainException.invalid("action", "is required");
        }
        BulkAction action = BulkAction.parse(request.action());
        action.requireAllowed(actor);
        String code = null;
        ClassRole classRole = null;
        Set<String> members = Set.of();
        if (action.needsClass()) {
            if (Text.emptyToNull(Text.trim(request.classCode())) == null) {
                throw DomainException.invalid("classCode", "is required for " + action.id());
            }
            code = ClassService.normaliseCode(request.classCode());
            ClassView schoolClass = classes.find(actor, code).orElseThrow(() -> DomainException.invalid("classCode",
                    "no class '" + request.classCode().strip() + "'"));
            members = schoolClass.members().stream().map(MemberView::username).collect(Collectors.toSet());
            classRole = Text.emptyToNull(Text.trim(request.classRole())) == null ? ClassRole.STUDENT
                    : ClassRole.parseField("classRole", request.classRole());
        }
        Role role = null;
        if (action == BulkAction.CHANGE_ROLE) {
            if (Text.emptyToNull(Text.trim(request.role())) == null) {
                throw DomainException.invalid("role", "is required for change-role");
            }
            role = Role.parseField("role", request.role());
        }
        return new BulkPlan(action, select(actor, request), code, classRole, role, members);
    }

    /** The users the request names or its filter finds: at least one, at most {@link #MAX_USERS}. */
    List<String> select(Actor actor, BulkRequest request) {
        if ((request.usernames() == null) == (request.filter() == null)) {
            throw DomainException.invalid("usernames", "give either usernames or a filter");
        }
        if (request.usernames() != null) {
            List<String> named = request.usernames().stream().map(Text::trim).map(Text::lower).filter(u -> u != null && !u.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
            if (named.size() > MAX_USERS) {
                throw tooMany("usernames", "names " + named.size());
            }
            if (named.isEmpty()) {
                throw DomainException.invalid("usernames", "select at least one user");
            }
            return named;
        }
        BulkRequest.Filter f = request.filter();
        UserQuery query = UserQuery.of(f.q(), f.role(), f.group(), Params.bool("enabled", Text.emptyToNull(f.enabled())), null);
        Page<UserView> page = users.searchCurrent(actor, query, PageRequest.of(0, PageRequest.MAX_SIZE));
        if (page.total() > MAX_USERS) {
            throw tooMany("filter", "matches " + page.total() + " users");
        }
        List<String> found = new ArrayList<>((int) page.total());
        while (!page.items().isEmpty()) {
            page.items().forEach(u -> found.add(u.username()));
            if (page.items().size() < page.size() || found.size() > MAX_USERS) {
                break;
            }
            page = users.searchCurrent(actor, query, PageRequest.of(page.page() + 1, page.size()));
        }
        if (found.size() > MAX_USERS) {   // a search too wide to count says so only page by page
            throw tooMany("filter", "matches more than " + String.format("%,d", MAX_USERS) + " users");
        }
        if (found.isEmpty()) {
            throw DomainException.invalid("filter", "matches no users");
        }
        return found;
    }

    private static DomainException tooMany(String field, String what) {
        return DomainException.invalid(field, what + "; a bulk action takes at most " + String.format("%,d", MAX_USERS)
                + " users at once: narrow the selection down");
    }

    /**
     * Carries the plan out, a chunk of users to a transaction; {@code progress} hears how many are
     * decided after each chunk. Should a service refuse a user in a way the checks before its call
     * did not foresee (which rolls the chunk's transaction back), the chunk is done again with a
     * transaction per user, so that only that user is refused.
     */
    public BulkResult run(Actor actor, BulkPlan plan, IntConsumer progress) {
        List<BulkOutcome> outcomes = new ArrayList<>(plan.usernames().size());
        Set<String> members = new HashSet<>(plan.classMembers());
        for (int from = 0; from < plan.usernames().size(); from += CHUNK) {
            List<String> chunk = plan.usernames().subList(from, Math.min(plan.usernames().size(), from + CHUNK));
            Map<String, User> found = QuarkusTransaction.requiringNew().call(() -> userRepository.findByUsernames(chunk));
            // a password reset hashes with Argon2id: a chunk of them would hold its rows 3-28 s (200 x 15-140 ms)
            List<BulkOutcome> decided = plan.action() == BulkAction.RESET_PASSWORDS ? null : inOneTransaction(actor, plan, chunk, found, members);
            outcomes.addAll(decided != null ? decided : decide(actor, plan, chunk, found, members, false));
            progress.accept(outcomes.size());
        }
        return BulkResult.of(plan.action(), outcomes);
    }

    /** The chunk's outcomes, decided in one transaction; null when a service refused a user (nothing was written then). */
    private List<BulkOutcome> inOneTransaction(Actor actor, BulkPlan plan, List<String> chunk, Map<String, User> found,
            Set<String> members) {
        Set<String> before = new HashSet<>(members);
        try {
            return QuarkusTransaction.requiringNew().call(() -> decide(actor, plan, chunk, found, members, true));
        } catch (DomainException e) {
            members.clear();
            members.addAll(before);
            return null;
        }
    }

    private List<BulkOutcome> decide(Actor actor, BulkPlan plan, List<String> chunk, Map<String, User> found, Set<String> members,
            boolean inChunk) {
        List<BulkOutcome> decided = new ArrayList<>(chunk.size());
        List<String> switched = inChunk && plan.action().switchesEnabled() ? new ArrayList<>() : null;
        for (String username : chunk) {
            decided.add(one(actor, plan, username, found.get(username), members, inChunk, switched));
        }
        if (switched != null && !switched.isEmpty()) {   // the chunk's users decided above, written by one statement
            users.setEnabled(actor, switched, plan.action() == BulkAction.ENABLE);
        }
        return decided;
    }

    public BulkResult run(Actor actor, BulkRequest request) {
        return run(actor, plan(actor, request), done -> { });
    }

    /**
     * One user's outcome. {@code inChunk}: a refusal from a service call ends the chunk's transaction
     * (see {@link #run}); {@code switched}, when not null, collects the users to enable or disable
     * for one statement instead of a call each.
     */
    private BulkOutcome one(Actor actor, BulkPlan plan, String username, User user, Set<String> members, boolean inChunk,
            List<String> switched) {
        if (user == null || !policy.canView(actor, user)) {
            // a teacher cannot tell a user who does not exist from one they may not see
            return actor.isAdmin() ? BulkOutcome.notFound(username) : BulkOutcome.refused(username, AccessPolicy.noSuchUser(actor, username));
        }
        if (!plan.action().needsClass()) {   // a teacher may put a colleague they teach with into their own class
            try {
                AccessPolicy.requireManage(actor, user.getRole());
            } catch (DomainException e) {
                return BulkOutcome.refused(username, e);
            }
        }
        try {
            switch (plan.action()) {
                case DISABLE, ENABLE -> {
                    boolean enable = plan.action() == BulkAction.ENABLE;
                    if (user.isEnabled() == enable) {
                        return BulkOutcome.unchanged(username, enable ? "already enabled" : "already disabled");
                    }
                    if (switched != null) {
                        switched.add(username);
                    } else {
                        users.setEnabled(actor, username, enable);
                    }
                }
                case RESET_PASSWORDS -> {
                    PasswordReset reset = users.resetPassword(actor, username, null);
                    return new BulkOutcome(username, BulkOutcome.Result.DONE, null, user.getDisplayName(), reset.temporaryPassword());
                }
                case CHANGE_ROLE -> {
                    if (user.getRole() == plan.role()) {
                        return BulkOutcome.unchanged(username, "already " + plan.role().id());
                    }
                    users.update(actor, username, new UserUpdate(user.getDisplayName(), user.getEmail(), plan.role(), null, user.getVersion()));
                }
                case DELETE -> users.delete(actor, username);
                case ADD_TO_CLASS -> {
                    if (!members.add(username)) {
                        return BulkOutcome.unchanged(username, "already in " + plan.classCode());
                    }
                    classes.addMember(actor, plan.classCode(), new MemberForm(username, plan.classRole()));
                }
                case REMOVE_FROM_CLASS -> {
                    if (!members.contains(username)) {
                        return BulkOutcome.unchanged(username, "not in " + plan.classCode());
                    }
                    classes.removeMember(actor, plan.classCode(), username, false);
                    members.remove(username);
                }
            }
            return BulkOutcome.done(username);
        } catch (DomainException e) {
            if (inChunk) {
                throw e;
            }
            if (plan.action() == BulkAction.ADD_TO_CLASS) {
                members.remove(username);
            }
            return BulkOutcome.refused(username, e);
        }
    }
}

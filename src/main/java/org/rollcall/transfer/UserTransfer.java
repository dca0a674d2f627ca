package org.rollcall.transfer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.rollcall.access.AccessPolicy;
import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.auth.Passwords;
import org.rollcall.common.DomainException;
import org.rollcall.common.Instants;
import org.rollcall.common.Validation;
import org.rollcall.common.db.KeyedRow;
import org.rollcall.kasm.KasmOutbox;
import org.rollcall.schoolclass.ClassRepository;
import org.rollcall.schoolclass.ClassRole;
import org.rollcall.schoolclass.MembershipRepository;
import org.rollcall.schoolclass.SchoolClass;
import org.rollcall.user.Role;
import org.rollcall.user.User;
import org.rollcall.user.UserRepository;
import org.rollcall.user.UserRow;
import org.rollcall.user.UserService;

/** Users in and out in bulk: the user rows of migrate and of any other source, upserted by username; the export. */
@ApplicationScoped
public class UserTransfer extends RowTransfer<UserRow> {

    @Inject
    UserRepository users;
    @Inject
    MembershipRepository memberships;
    @Inject
    ClassRepository classes;
    @Inject
    Event<UserService.AccountChanged> accountChanged;
    @Inject
    KasmOutbox kasmOutbox;

    public UserTransfer() {
        super(AuditAction.USER_IMPORT, "users");
    }

    /** Teachers too: each row is then checked against what they may create and change (students only). */
    @Override
    void requireMayImport(Actor actor) {
        AccessPolicy.requireStaff(actor, what());
    }

    @Override
    public String keyOf(UserRow row) {
        return row.username();
    }

    @Override
    UserRow normalised(UserRow row) {
        return row.normalised();
    }

    /**
     * Creates or updates users brought in in bulk (migrate, a roster, any source), matched by
     * username. The rules of create and update hold (validation, normalisation, unique username
     * and email, admins only).
     * Password hashes are taken as given when Rollcall can check them at login; none is computed
     * here. Rows are decided in order and each gets an outcome; a dry run writes nothing.
     */
    @Override
    void decide(Actor actor, List<UserRow> valid, List<ImportOutcome> outcomes, ImportRun run) {
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        valid.stream().filter(Objects::nonNull).forEach(r -> {
            names.add(r.username());
            if (r.email() != null) {
                emails.add(r.email());
            }
        });
        Map<String, User> existing = users.findByUsernames(names);
        Map<String, String> emailOwners = users.emailOwners(emails);
        Map<Long, List<String>> taught = taughtCodes(valid.stream().filter(Objects::nonNull)
                .filter(r -> Role.STUDENT.id().equals(r.role())).map(r -> existing.get(r.username()))
                .filter(u -> u != null && u.getRole() != Role.STUDENT).map(User::getId).toList());
        List<UserRow> created = new ArrayList<>();
        List<String> loginAffected = new ArrayList<>();
        List<KasmOutbox.UserState> kasmSees = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            UserRow row = valid.get(i);
            if (row == null) {
                continue;
            }
            String username = row.username();
            String otherOwner = row.email() == null ? null
                    : Optional.ofNullable(run.emailOwner(row.email())).orElse(emailOwners.get(row.email()));
            if (run.hasUser(username)) {
                outcomes.set(i, ImportOutcome.rejected(username, "username: appears more than once in the source"));
                continue;
            }
            if (otherOwner != null && !otherOwner.equals(username)) {
                outcomes.set(i, ImportOutcome.rejected(username, "email: " + (actor.isAdmin() ? "is already used by user '" + otherOwner + "'"
                        : AccessPolicy.taken(actor, "email"))));
                continue;
            }
            User user = existing.get(username);
            String refused = refusal(actor, Role.parse(row.role()), user);
            if (refused != null) {
                outcomes.set(i, ImportOutcome.rejected(username, refused));
                continue;
            }
            if (user != null && user.getRole() != Role.STUDENT) {
                try {
                    ClassRole.requireMayBecome(Role.parse(row.role()), taught.getOrDefault(user.getId(), List.of()));
                } catch (DomainException e) {
                    outcomes.set(i, ImportOutcome.rejected(username, e));
                    continue;
                }
            }
            if (user == null) {
                created.add(row);
                kasmSees.add(new KasmOutbox.UserState(username, null, row.displayName(), row.enabled(), run.newPassword(username)));
                run.userCreated(username);
                outcomes.set(i, ImportOutcome.created(username));
            } else if (matches(user, row)) {
                outcomes.set(i, ImportOutcome.unchanged(username));
            } else {
                if (!run.dryRun()) {
                    boolean affectsLogin = !user.getRoleName().equals(row.role()) || user.isEnabled() != row.enabled()
                            || (row.passwordHash() != null && !row.passwordHash().equals(user.getPasswordHash()));
                    boolean newPassword = row.passwordHash() != null && !row.passwordHash().equals(user.getPasswordHash());
                    if (newPassword || !user.getDisplayName().equals(row.displayName()) || user.isEnabled() != row.enabled()) {
                        kasmSees.add(new KasmOutbox.UserState(username, user.getId(), row.displayName(), row.enabled(),
                                newPassword ? run.newPassword(username) : null));
                    }
                    apply(user, row);
                    if (affectsLogin) {
                        loginAffected.add(username);
                    }
                }
                outcomes.set(i, ImportOutcome.updated(username));
            }
            run.acceptUser(username, row.role(), row.email());
        }
        if (!run.dryRun()) {
            users.insertAll(created);
            kasmOutbox.usersChanged(kasmSees);
            loginAffected.forEach(u -> accountChanged.fire(new UserService.AccountChanged(u)));
        }
    }

    /** Why the actor may not write this row (the permissions matrix: teachers create and change students only), or null. */
    private static String refusal(Actor actor, Role role, User existing) {
        if (existing != null && !AccessPolicy.canManage(actor, existing.getRole())) {
            return "username: " + AccessPolicy.taken(actor, "username");
        }
        return AccessPolicy.canAssign(actor, role) ? null : "role: only an admin can import " + role.id() + "s";
    }

    /** The codes of the classes each of these users teaches, in code order (users who teach none are left out). */
    private Map<Long, List<String>> taughtCodes(List<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        List<MembershipRepository.Stored> teaching = memberships.ofUsers(userIds).stream()
                .filter(m -> ClassRole.TEACHER.id().equals(m.role())).toList();
        if (teaching.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> codes = classes.list("id in ?1", teaching.stream().map(MembershipRepository.Stored::classId).distinct().toList())
                .stream().collect(Collectors.toMap(SchoolClass::getId, SchoolClass::getCode));
        return teaching.stream().collect(Collectors.groupingBy(MembershipRepository.Stored::userId,
                Collectors.mapping(m -> codes.get(m.classId()), Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new), List::copyOf))));
    }

    /** What a user row must satisfy besides its fields' constraints: a known role and a hash Rollcall can check. */
    @Override
    void checkRules(UserRow row) {
        Role.parseField("role", row.role());
        String hashProblem = Passwords.unsupportedHashReason(row.passwordHash());
        if (hashProblem != null) {
            throw DomainException.invalid("passwordHash", hashProblem);
        }
    }

    /** Whether the stored user already says what the row says (unknown values in the row match anything). */
    private static boolean matches(User user, UserRow row) {
        return user.getDisplayName().equals(row.displayName())
                && Objects.equals(user.getEmail(), row.email())
                && user.getRoleName().equals(row.role())
                && user.isEnabled() == row.enabled()
                && user.isMustChangePassword() == row.mustChangePassword()
                && (row.passwordHash() == null || row.passwordHash().equals(user.getPasswordHash()))
                && (row.lastLoginAt() == null || Instants.sameAsStored(row.lastLoginAt(), user.getLastLoginAt()))
                && (row.createdAt() == null || Instants.sameAsStored(row.createdAt(), user.getCreatedAt()));
    }

    private static void apply(User user, UserRow row) {
        user.setDisplayName(row.displayName());
        user.setEmail(row.email());
        user.setRole(Role.parse(row.role()));
        user.setEnabled(row.enabled());
        user.setMustChangePassword(row.mustChangePassword());
        if (row.passwordHash() != null) {
            user.setPasswordHash(row.passwordHash());
        }
        if (row.lastLoginAt() != null) {
            user.setLastLoginAt(row.lastLoginAt());
        }
        if (row.createdAt() != null) {
            user.setCreatedAt(row.createdAt());
        }
    }

    @Override
    List<KeyedRow<UserRow>> exportPage(long afterId, int size) {
        return users.exportPage(afterId, size);
    }

    /** Which of these usernames are stored (to verify a run). */
    Set<String> stored(Collection<String> usernames) {
        return users.existingUsernames(usernames);
    }
}

package org.rollcall.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.rollcall.access.AccessPolicy;
import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.auth.Passwords;
import org.rollcall.common.DomainException;
import org.rollcall.common.Instants;
import org.rollcall.common.Validation;
import org.rollcall.user.Role;
import org.rollcall.user.User;
import org.rollcall.user.UserRepository;
import org.rollcall.user.UserRow;
import org.rollcall.user.UserService;

/** Users in bulk: the user rows of migrate and of any other source, upserted by username. */
@ApplicationScoped
public class UserImport implements Importer<UserRow> {

    private final UserRepository users;
    private final Validation validation;
    private final Event<UserService.AccountChanged> accountChanged;
    private final AuditLog audit;

    public UserImport(UserRepository users, Validation validation, Event<UserService.AccountChanged> accountChanged, AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.validation = validation;
        this.accountChanged = accountChanged;
    }

    @Override
    public String keyOf(UserRow row) {
        return row.username();
    }

    /**
     * Creates or updates users brought in by migrate, matched by username. The rules of create
     * and update hold (validation, normalisation, unique username and email, admins only).
     * Password hashes are taken as given when Rollcall can check them at login; none is computed
     * here. Rows are decided in order and each gets an outcome; a dry run writes nothing.
     */
    @Transactional
    @Override
    public List<ImportOutcome> apply(Actor actor, List<UserRow> rows, ImportRun run) {
        AccessPolicy.requireAdmin(actor, "import users");
        List<UserRow> valid = new ArrayList<>(rows.size());
        List<ImportOutcome> outcomes = new ArrayList<>(rows.size());
        for (UserRow input : rows) {
            UserRow row = input.normalised();
            try {
                valid.add(checkImport(row));
                outcomes.add(null);
            } catch (DomainException e) {
                valid.add(null);
                outcomes.add(ImportOutcome.rejected(row.username(), e));
            }
        }
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
        List<UserRow> created = new ArrayList<>();
        List<String> loginAffected = new ArrayList<>();
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
                outcomes.set(i, ImportOutcome.rejected(username, "email: is already used by user '" + otherOwner + "'"));
                continue;
            }
            User user = existing.get(username);
            if (user == null) {
                created.add(row);
                run.userCreated(username);
                outcomes.set(i, ImportOutcome.created(username));
            } else if (matches(user, row)) {
                outcomes.set(i, ImportOutcome.unchanged(username));
            } else {
                if (!run.dryRun()) {
                    boolean affectsLogin = !user.getRoleName().equals(row.role()) || user.isEnabled() != row.enabled()
                            || (row.passwordHash() != null && !row.passwordHash().equals(user.getPasswordHash()));
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
            loginAffected.forEach(u -> accountChanged.fire(new UserService.AccountChanged(u)));
        }
        if (!run.dryRun()) {
            audit.recordBulk(actor, AuditAction.USER_IMPORT, "users", ImportOutcome.keys(outcomes, ImportOutcome.Action.CREATED),
                    ImportOutcome.keys(outcomes, ImportOutcome.Action.UPDATED));
        }
        return outcomes;
    }

    private UserRow checkImport(UserRow row) {
        validation.check(row);
        Role.parseField("role", row.role());
        String hashProblem = Passwords.unsupportedHashReason(row.passwordHash());
        if (hashProblem != null) {
            throw DomainException.invalid("passwordHash", hashProblem);
        }
        return row;
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

}

package org.rollcall.user;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.auth.Passwords;
import org.rollcall.common.DomainException;
import org.rollcall.transfer.ImportOutcome;
import org.rollcall.transfer.ImportRun;
import org.rollcall.common.Instants;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.Text;
import org.rollcall.common.Validation;
import org.rollcall.schoolclass.MembershipRepository;

/**
 * Users and the rules around them. Every caller (API, pages, commands) comes through here, so
 * validation, normalisation and the permissions matrix hold the same everywhere.
 */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final Validation validation;
    private final Event<AccountChanged> accountChanged;
    private final AuditLog audit;

    public UserService(UserRepository users, MembershipRepository memberships, Validation validation,
            Event<AccountChanged> accountChanged, AuditLog audit) {
        this.users = users;
        this.memberships = memberships;
        this.validation = validation;
        this.accountChanged = accountChanged;
        this.audit = audit;
    }

    /** Fired after a change that affects logging in (role, enabled, password, deletion). */
    public record AccountChanged(String username) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserView> search(Actor actor, UserQuery query, PageRequest page) {
        requireStaff(actor);
        return users.search(query, actor, page).map(UserView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserDetail> find(Actor actor, String username) {
        requireStaff(actor);
        return users.findByUsername(Text.lower(username))
                .map(u -> visible(actor, u))
                .map(u -> new UserDetail(UserView.of(u), memberships.classesOf(u.getId())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserView> findSelf(Actor actor) {
        return users.findByIdOptional(actor.id()).map(UserView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserDetail.ClassMembership> classesOf(Actor actor) {
        return memberships.classesOf(actor.id());
    }

    @Transactional
    public UserView create(Actor actor, UserForm input) {
        UserForm form = validation.check(input.normalised());
        requireMayManageRole(actor, form.role());
        if (users.findByUsername(form.username()).isPresent()) {
            throw DomainException.invalid("username", "is already taken");
        }
        if (form.email() != null && users.emailTaken(form.email(), null)) {
            throw DomainException.invalid("email", "is already used by another user");
        }
        User user = new User();
        user.setUsername(form.username());
        user.setDisplayName(form.displayName());
        user.setEmail(form.email());
        user.setRole(form.role());
        user.setPasswordHash(form.password() == null ? null : Passwords.hash(form.password()));
        user.setMustChangePassword(Boolean.TRUE.equals(form.mustChangePassword()));
        users.persist(user);
        users.flush();
        audit.record(actor, AuditAction.USER_CREATE, user.getUsername(), "role: " + user.getRole().id()
                + (user.getEmail() == null ? "" : "; email set") + (user.getPasswordHash() == null ? "; no password" : "; password set"));
        return UserView.of(user);
    }

    @Transactional
    public UserView update(Actor actor, String username, UserUpdate input) {
        UserUpdate form = validation.check(input.normalised());
        User user = manageable(actor, username);
        requireMayManageRole(actor, form.role());
        if (form.version() != user.getVersion()) {
            throw DomainException.conflict("User '" + user.getUsername() + "' was changed by someone else since you"
                    + " opened it (version " + form.version() + ", now " + user.getVersion() + "). Reload and try again.");
        }
        if (form.email() != null && users.emailTaken(form.email(), user.getId())) {
            throw DomainException.invalid("email", "is already used by another user");
        }
        if (actor.id() == user.getId() && (form.role() != user.getRole() || Boolean.FALSE.equals(form.enabled()))) {
            throw DomainException.conflict("You cannot change your own role or disable your own account.");
        }
        boolean loginAffected = form.role() != user.getRole()
                || (form.enabled() != null && form.enabled() != user.isEnabled());
        StringBuilder changes = new StringBuilder();
        AuditLog.change(changes, "displayName", user.getDisplayName(), form.displayName());
        AuditLog.changeWithoutValues(changes, "email", user.getEmail(), form.email());
        AuditLog.change(changes, "role", user.getRole().id(), form.role().id());
        AuditLog.change(changes, "enabled", user.isEnabled(), form.enabled() == null ? user.isEnabled() : form.enabled());
        user.setDisplayName(form.displayName());
        user.setEmail(form.email());
        user.setRole(form.role());
        if (form.enabled() != null) {
            user.setEnabled(form.enabled());
        }
        users.flush();
        audit.record(actor, AuditAction.USER_UPDATE, user.getUsername(), changes.length() == 0 ? "no change" : changes.toString());
        if (loginAffected) {
            accountChanged.fire(new AccountChanged(user.getUsername()));
        }
        return UserView.of(user);
    }

    @Transactional
    public UserView setEnabled(Actor actor, String username, boolean enabled) {
        User user = manageable(actor, username);
        if (actor.id() == user.getId() && !enabled) {
            throw DomainException.conflict("You cannot disable your own account.");
        }
        user.setEnabled(enabled);
        users.flush();
        audit.record(actor, enabled ? AuditAction.USER_ENABLE : AuditAction.USER_DISABLE, user.getUsername(), null);
        accountChanged.fire(new AccountChanged(user.getUsername()));
        return UserView.of(user);
    }

    /** Sets a new password (the one given, or a generated one) that must be changed at next login. */
    @Transactional
    public PasswordReset resetPassword(Actor actor, String username, String newPassword) {
        User user = manageable(actor, username);
        String password = Text.emptyToNull(newPassword) == null ? Passwords.generate() : newPassword;
        checkPasswordRules("password", password);
        user.setPasswordHash(Passwords.hash(password));
        user.setMustChangePassword(true);
        users.flush();
        audit.record(actor, AuditAction.PASSWORD_RESET, user.getUsername(),
                (Text.emptyToNull(newPassword) == null ? "generated" : "chosen by " + actor.username()) + "; must change at next login");
        accountChanged.fire(new AccountChanged(user.getUsername()));
        return new PasswordReset(user.getUsername(), password, true);
    }

    @Transactional
    public void delete(Actor actor, String username) {
        if (!actor.isAdmin()) {
            throw DomainException.forbidden("Only an admin can delete users.");
        }
        User user = users.findByUsername(Text.lower(username))
                .orElseThrow(() -> DomainException.notFound("No user '" + username + "'."));
        if (actor.id() == user.getId()) {
            throw DomainException.conflict("You cannot delete your own account.");
        }
        long classes = memberships.deleteByUser(user.getId());
        users.delete(user);
        audit.record(actor, AuditAction.USER_DELETE, user.getUsername(), "role: " + user.getRole().id() + "; removed from " + classes + " classes");
        accountChanged.fire(new AccountChanged(user.getUsername()));
    }

    @Transactional
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        User user = users.findByIdOptional(actor.id()).orElseThrow(() -> DomainException.notFound("Your account no longer exists."));
        if (!Passwords.matches(currentPassword, user.getPasswordHash())) {
            throw DomainException.invalid("currentPassword", "is not your current password");
        }
        checkPasswordRules("newPassword", newPassword);
        if (Passwords.matches(newPassword, user.getPasswordHash())) {
            throw DomainException.invalid("newPassword", "must differ from the current password");
        }
        user.setPasswordHash(Passwords.hash(newPassword));
        user.setMustChangePassword(false);
        users.flush();
        audit.record(actor, AuditAction.PASSWORD_CHANGE, user.getUsername(), "by the user");
        accountChanged.fire(new AccountChanged(user.getUsername()));
    }

    /** Records a successful login without touching the optimistic-lock version. */
    @Transactional
    public void recordLogin(String username) {
        users.update("lastLoginAt = ?1 where username = ?2", java.time.Instant.now(), username);
    }

    /** Replaces a legacy hash by bcrypt after the password was verified against it. */
    @Transactional
    public void upgradePasswordHash(String username, String bcryptHash) {
        users.update("passwordHash = ?1 where username = ?2", bcryptHash, username);
    }

    /**
     * Creates or updates users brought in by migrate, matched by username. The rules of create
     * and update hold (validation, normalisation, unique username and email, admins only).
     * Password hashes are taken as given when Rollcall can check them at login; none is computed
     * here. Rows are decided in order and each gets an outcome; a dry run writes nothing.
     */
    @Transactional
    public List<ImportOutcome> importUsers(Actor actor, List<UserRow> rows, ImportRun run) {
        requireAdmin(actor, "import users");
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
            loginAffected.forEach(u -> accountChanged.fire(new AccountChanged(u)));
        }
        return outcomes;
    }

    private UserRow checkImport(UserRow row) {
        validation.check(row);
        try {
            Role.parse(row.role());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("role", e.getMessage());
        }
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

    /**
     * Every user with every stored field (password hashes included), page by page in id order,
     * for export. Run it inside one transaction to get one consistent copy.
     *
     * @return how many users were handed to the sink
     */
    @Transactional
    public long exportUsers(Actor actor, int pageSize, Consumer<List<UserRow>> sink) {
        requireAdmin(actor, "export users");
        long after = -1;
        long total = 0;
        while (true) {
            List<Object[]> page = users.exportPage(after, pageSize);
            if (page.isEmpty()) {
                return total;
            }
            sink.accept(page.stream().map(r -> new UserRow((String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (Boolean) r[6], (Boolean) r[7], (java.time.Instant) r[8], (java.time.Instant) r[9],
                    (java.time.Instant) r[10])).toList());
            after = (Long) page.get(page.size() - 1)[0];
            total += page.size();
        }
    }

    /** Which of these usernames exist (e.g. to verify a migrate). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> existingUsernames(Actor actor, Collection<String> usernames) {
        requireAdmin(actor, "list users");
        return users.existingUsernames(usernames.stream().map(Text::lower).toList());
    }

    /** Deletes every user with their memberships and tokens (init on a database that holds data). */
    @Transactional
    public long deleteAllUsers(Actor actor) {
        requireAdmin(actor, "delete all users");
        memberships.deleteAll();
        long deleted = users.deleteAll();
        users.flush();
        return deleted;
    }

    public static void checkPasswordRules(String field, String password) {
        if (password == null || password.length() < 8) {
            throw DomainException.invalid(field, "must be at least 8 characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw DomainException.invalid(field, "must be at most 72 bytes");
        }
    }

    boolean canView(Actor actor, User user) {
        return actor.isAdmin() || actor.id() == user.getId() || user.getRole() == Role.STUDENT
                || (actor.isTeacher() && users.teacherTeaches(actor.id(), user.getId()));
    }

    /** Returns the user when the actor may see them; otherwise refuses without revealing anything. */
    public User visible(Actor actor, User user) {
        if (!canView(actor, user)) {
            throw DomainException.forbidden("You can see students and the members of your own classes only.");
        }
        return user;
    }

    /** The user, if the actor may edit them: admins anyone, teachers only students. */
    private User manageable(Actor actor, String username) {
        requireStaff(actor);
        User user = users.findByUsername(Text.lower(username))
                .map(u -> visible(actor, u))
                .orElseThrow(() -> DomainException.notFound("No user '" + username + "'."));
        if (!actor.isAdmin() && user.getRole() != Role.STUDENT) {
            throw DomainException.forbidden("Teachers can change students only.");
        }
        return user;
    }

    private static void requireMayManageRole(Actor actor, Role role) {
        if (!actor.isAdmin() && role != Role.STUDENT) {
            throw DomainException.forbidden("Teachers can create and edit students only.");
        }
    }

    private static void requireAdmin(Actor actor, String what) {
        if (!actor.isAdmin()) {
            throw DomainException.forbidden("Only an admin can " + what + ".");
        }
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isAdmin() && !actor.isTeacher()) {
            throw DomainException.forbidden("Only teachers and admins can manage users.");
        }
    }
}

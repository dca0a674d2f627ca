package org.rollcall.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.rollcall.access.AccessPolicy;
import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.auth.Passwords;
import org.rollcall.common.DomainException;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.Text;
import org.rollcall.common.Validation;
import org.rollcall.kasm.KasmOutbox;
import org.rollcall.schoolclass.ClassRole;
import org.rollcall.schoolclass.MembershipRepository;

/**
 * Users and the rules around them, one user at a time. The API, the pages and the commands come
 * through here (bulk paths through transfer/, which calls the same rules), so
 * validation, normalisation and the permissions matrix hold the same everywhere.
 */
@ApplicationScoped
public class UserService {

    @Inject
    UserReadCache kept;
    @Inject
    UserRepository users;
    @Inject
    MembershipRepository memberships;
    @Inject
    Validation validation;
    @Inject
    Event<AccountChanged> accountChanged;
    @Inject
    Event<AccountsChanged> accountsChanged;
    @Inject
    AuditLog audit;
    @Inject
    AccessPolicy policy;
    @Inject
    UserSearch userSearch;
    @Inject
    KasmOutbox kasmOutbox;

    /** Fired after a change that affects logging in (role, enabled, password, deletion). */
    public record AccountChanged(String username) {
    }

    /** {@link AccountChanged} for many accounts changed by one statement, heard as one. */
    public record AccountsChanged(List<String> usernames) {
    }

    /** A page of the users list or search, as kept when it was read twice lately ({@link UserReadCache}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserView> search(Actor actor, UserQuery query, PageRequest page) {
        AccessPolicy.requireStaff(actor, "users");
        return kept.search(actor, query, page, () -> read(actor, query, page));
    }

    /**
     * A page of the users list or search read from the database, never kept: for work that acts on
     * what it finds or hands it on (a bulk action by filter, a CSV download), which must not select
     * from an answer a change made through another instance has outdated.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserView> searchCurrent(Actor actor, UserQuery query, PageRequest page) {
        AccessPolicy.requireStaff(actor, "users");
        return read(actor, query, page);
    }

    /** The page from the database; its items are an unmodifiable list ({@link Page#map}), so it may be kept and shared. */
    private Page<UserView> read(Actor actor, UserQuery query, PageRequest page) {
        return userSearch.search(query, actor, page).map(UserView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserDetail> find(Actor actor, String username) {
        AccessPolicy.requireStaff(actor, "users");
        String name = Text.lower(username);
        Optional<UserRepository.Found> found = kept.find(name, () -> users.findDetail(name));
        if (found.isEmpty() && !actor.isAdmin()) {
            throw AccessPolicy.noSuchUser(actor, username);   // a teacher cannot tell it from a user they may not see
        }
        found.ifPresent(f -> policy.requireView(actor, f.id(), f.role()));
        return found.map(UserRepository.Found::detail);
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
        AccessPolicy.requireAssign(actor, form.role());
        if (users.findByUsername(form.username()).isPresent()) {
            throw DomainException.invalid("username", AccessPolicy.taken(actor, "username"));
        }
        if (form.email() != null && users.emailTaken(form.email(), null)) {
            throw DomainException.invalid("email", AccessPolicy.taken(actor, "email"));
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
        kasmOutbox.userChanged(user.getUsername(), user.getId(), user.getDisplayName(), user.isEnabled(), form.password());
        return UserView.of(user);
    }

    @Transactional
    public UserView update(Actor actor, String username, UserUpdate input) {
        UserUpdate form = validation.check(input.normalised());
        User user = manageable(actor, username);
        AccessPolicy.requireAssign(actor, form.role());
        if (form.version() != user.getVersion()) {
            throw DomainException.conflict("User '" + user.getUsername() + "' was changed by someone else since you"
                    + " opened it (version " + form.version() + ", now " + user.getVersion() + "). Reload and try again.");
        }
        if (form.email() != null && users.emailTaken(form.email(), user.getId())) {
            throw DomainException.invalid("email", AccessPolicy.taken(actor, "email"));
        }
        if (actor.id() == user.getId() && (form.role() != user.getRole() || Boolean.FALSE.equals(form.enabled()))) {
            throw DomainException.conflict("You cannot change your own role or disable your own account.");
        }
        if (form.role() != user.getRole()) {
            ClassRole.requireMayBecome(form.role(), taughtCodes(user));
        }
        boolean loginAffected = form.role() != user.getRole()
                || (form.enabled() != null && form.enabled() != user.isEnabled());
        boolean kasmSees = !form.displayName().equals(user.getDisplayName())
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
        if (kasmSees) {
            kasmOutbox.userChanged(user.getUsername(), user.getId(), user.getDisplayName(), user.isEnabled(), null);
        }
        if (loginAffected) {
            accountChanged.fire(new AccountChanged(user.getUsername()));
        }
        return UserView.of(user);
    }

    /** The user's own name and email, unless an admin locked self-editing for their role. */
    @Transactional
    public UserView updateOwnProfile(Actor actor, OwnProfile input) {
        policy.requireEditOwnProfile(actor);
        OwnProfile form = validation.check(input.normalised());
        User user = users.findByIdOptional(actor.id()).orElseThrow(() -> DomainException.notFound("Your account no longer exists."));
        if (form.email() != null && users.emailTaken(form.email(), user.getId())) {
            throw DomainException.invalid("email", AccessPolicy.taken(actor, "email"));
        }
        StringBuilder changes = new StringBuilder();
        AuditLog.change(changes, "displayName", user.getDisplayName(), form.displayName());
        AuditLog.changeWithoutValues(changes, "email", user.getEmail(), form.email());
        boolean renamed = !form.displayName().equals(user.getDisplayName());
        user.setDisplayName(form.displayName());
        user.setEmail(form.email());
        users.flush();
        audit.record(actor, AuditAction.USER_UPDATE, user.getUsername(), changes.length() == 0 ? "no change" : changes.toString());
        if (renamed) {
            kasmOutbox.userChanged(user.getUsername(), user.getId(), user.getDisplayName(), user.isEnabled(), null);
        }
        return UserView.of(user);
    }

    @Transactional
    public UserView setEnabled(Actor actor, String username, boolean enabled) {
        User user = manageable(actor, username);
        requireNotSelf(actor, user, enabled);
        user.setEnabled(enabled);
        users.flush();
        audit.record(actor, enabled ? AuditAction.USER_ENABLE : AuditAction.USER_DISABLE, user.getUsername(), null);
        kasmOutbox.userChanged(user.getUsername(), user.getId(), user.getDisplayName(), user.isEnabled(), null);
        accountChanged.fire(new AccountChanged(user.getUsername()));
        return UserView.of(user);
    }

    /**
     * Enables or disables many users as {@link #setEnabled} does each (the same checks, an audit
     * event per user, the end of their sessions), with one statement for all of them: a bulk action
     * over a school's roster. Users already in that state are left alone. Refuses them all when the
     * actor may not change one of them.
     *
     * @return the usernames changed
     */
    @Transactional
    public List<String> setEnabled(Actor actor, Collection<String> usernames, boolean enabled) {
        AccessPolicy.requireStaff(actor, "users");
        Map<String, User> found = users.findByUsernames(usernames.stream().map(Text::lower).toList());
        List<Long> ids = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<KasmOutbox.UserState> forKasm = new ArrayList<>();
        for (String username : usernames) {
            User user = Optional.ofNullable(found.get(Text.lower(username))).map(u -> policy.requireView(actor, u))
                    .orElseThrow(() -> AccessPolicy.noSuchUser(actor, username));
            AccessPolicy.requireManage(actor, user.getRole());
            requireNotSelf(actor, user, enabled);
            if (user.isEnabled() != enabled) {
                ids.add(user.getId());
                changed.add(user.getUsername());
                forKasm.add(new KasmOutbox.UserState(user.getUsername(), user.getId(), user.getDisplayName(), enabled, null));
            }
        }
        if (ids.isEmpty()) {
            return changed;
        }
        int updated = users.getEntityManager().createQuery("update User u set u.enabled = :enabled, u.version = u.version + 1,"
                + " u.updatedAt = :now where u.id in :ids and u.enabled <> :enabled")
                .setParameter("enabled", enabled).setParameter("now", Instant.now()).setParameter("ids", ids).executeUpdate();
        if (updated != ids.size()) {   // changed meanwhile by someone else: the caller decides again, user by user
            throw DomainException.conflict("Some of these users changed meanwhile; reload and try again.");
        }
        audit.recordEach(actor, enabled ? AuditAction.USER_ENABLE : AuditAction.USER_DISABLE, changed, null);
        kasmOutbox.usersChanged(forKasm);
        accountsChanged.fire(new AccountsChanged(changed));
        return changed;
    }

    private static void requireNotSelf(Actor actor, User user, boolean enabled) {
        if (actor.id() == user.getId() && !enabled) {
            throw DomainException.conflict("You cannot disable your own account.");
        }
    }

    /**
     * Gives a user a new username (an identity provider renamed them; SCIM keeps their id). The
     * same rules as a new user's username: allowed characters, unique regardless of case.
     */
    @Transactional
    public UserView rename(Actor actor, String username, String newUsername) {
        User user = manageable(actor, username);
        String renamed = Text.lower(Text.trim(newUsername));
        if (renamed == null || renamed.isEmpty() || renamed.length() > 64 || !renamed.matches("[a-z0-9._-]+")) {
            throw DomainException.invalid("username", "may contain only letters, digits, '.', '_' and '-' (1 to 64)");
        }
        if (renamed.equals(user.getUsername())) {
            return UserView.of(user);
        }
        if (users.findByUsername(renamed).isPresent()) {
            throw DomainException.invalid("username", AccessPolicy.taken(actor, "username"));
        }
        String before = user.getUsername();
        user.setUsername(renamed);
        users.flush();
        audit.record(actor, AuditAction.USER_UPDATE, renamed, "username: " + before + " -> " + renamed);
        kasmOutbox.userRenamed(before, renamed, user.getId(), user.getDisplayName(), user.isEnabled());
        accountChanged.fire(new AccountChanged(before));
        return UserView.of(user);
    }

    /**
     * Sets a password chosen for the user by the system that manages their account (a SCIM
     * identity provider), under the password rules; unlike a reset it need not be changed at login.
     */
    @Transactional
    public void setPassword(Actor actor, String username, String password) {
        User user = manageable(actor, username);
        checkPasswordRules("password", password);
        user.setPasswordHash(Passwords.hash(password));
        user.setMustChangePassword(false);
        users.flush();
        audit.record(actor, AuditAction.PASSWORD_RESET, user.getUsername(), "set by " + actor.username());
        kasmOutbox.userChanged(user.getUsername(), user.getId(), user.getDisplayName(), user.isEnabled(), password);
        accountChanged.fire(new AccountChanged(user.getUsername()));
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
        kasmOutbox.userChanged(user.getUsername(), user.getId(), user.getDisplayName(), user.isEnabled(), password);
        accountChanged.fire(new AccountChanged(user.getUsername()));
        return new PasswordReset(user.getUsername(), password, true);
    }

    @Transactional
    public void delete(Actor actor, String username) {
        AccessPolicy.requireAdmin(actor, "delete users");
        User user = users.findByUsername(Text.lower(username))
                .orElseThrow(() -> DomainException.notFound("No user '" + username + "'."));
        if (actor.id() == user.getId()) {
            throw DomainException.conflict("You cannot delete your own account.");
        }
        long classes = memberships.deleteByUser(user.getId());
        users.delete(user);
        audit.record(actor, AuditAction.USER_DELETE, user.getUsername(), "role: " + user.getRole().id() + "; removed from " + classes + " classes");
        kasmOutbox.userDeleted(user.getUsername(), user.getId());
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
        kasmOutbox.userChanged(user.getUsername(), user.getId(), user.getDisplayName(), user.isEnabled(), newPassword);
        accountChanged.fire(new AccountChanged(user.getUsername()));
    }

    /** Records a successful login without touching the optimistic-lock version. */
    @Transactional
    public void recordLogin(String username) {
        users.update("lastLoginAt = ?1 where username = ?2", java.time.Instant.now(), username);
    }

    /**
     * Replaces a hash of an older kind or cost by the current one after {@code password} was verified
     * against it ({@code verifiedHash}), unless the password was changed meanwhile. After a Werkzeug
     * hash Kasm is given the password: a user migrated from the Flask app logging in for the first time
     * is when it first can be. The password behind a bcrypt or Argon2id hash reached Kasm when it was set.
     */
    @Transactional
    public void upgradeLegacyPassword(String username, String verifiedHash, String password) {
        long replaced = users.update("passwordHash = ?1 where username = ?2 and passwordHash = ?3", Passwords.hash(password),
                username, verifiedHash);
        if (replaced > 0 && Passwords.isWerkzeug(verifiedHash)) {
            users.findByUsername(username).ifPresent(u -> kasmOutbox.userChanged(u.getUsername(), u.getId(), u.getDisplayName(),
                    u.isEnabled(), password));
        }
    }

    @Transactional
    public long deleteAllUsers(Actor actor) {
        AccessPolicy.requireAdmin(actor, "delete all users");
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

    private List<String> taughtCodes(User user) {
        return memberships.classesOf(user.getId()).stream().filter(c -> c.role() == ClassRole.TEACHER)
                .map(UserDetail.ClassMembership::code).toList();
    }

    /** The user, if the actor may edit them: admins anyone, teachers only students they can see. */
    private User manageable(Actor actor, String username) {
        AccessPolicy.requireStaff(actor, "users");
        User user = users.findByUsername(Text.lower(username))
                .map(u -> policy.requireView(actor, u))
                .orElseThrow(() -> AccessPolicy.noSuchUser(actor, username));
        AccessPolicy.requireManage(actor, user.getRole());
        return user;
    }
}

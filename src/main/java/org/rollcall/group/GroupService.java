package org.rollcall.group;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.Validation;
import org.rollcall.user.Role;
import org.rollcall.common.Text;
import org.rollcall.user.User;
import org.rollcall.user.UserRepository;
import org.rollcall.user.UserService;

/** Classes and their members. Teachers manage the classes they teach; admins manage all. */
@ApplicationScoped
public class GroupService {

    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final UserRepository users;
    private final UserService userService;
    private final Validation validation;
    private final AuditLog audit;

    public GroupService(GroupRepository groups, MembershipRepository memberships, UserRepository users,
            UserService userService, Validation validation, AuditLog audit) {
        this.groups = groups;
        this.memberships = memberships;
        this.users = users;
        this.userService = userService;
        this.validation = validation;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GroupSummary> search(Actor actor, String q, String term, PageRequest page) {
        requireStaff(actor);
        return groups.search(actor, Text.emptyToNull(Text.trim(q)), Text.emptyToNull(Text.trim(term)), page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GroupView> find(Actor actor, String code) {
        requireStaff(actor);
        return groups.findByCode(normaliseCode(code))
                .map(g -> managed(actor, g))
                .map(g -> GroupView.of(g, memberships.membersOf(g.getId())));
    }

    @Transactional
    public GroupView create(Actor actor, GroupForm input) {
        requireStaff(actor);
        GroupForm form = validation.check(input.normalised());
        if (groups.findByCode(form.code()).isPresent()) {
            throw DomainException.invalid("code", "is already used by another class");
        }
        Group group = new Group();
        apply(group, form);
        groups.persist(group);
        if (actor.isTeacher()) {
            memberships.persist(new Membership(group, users.findById(actor.id()), GroupRole.TEACHER));
        }
        groups.flush();
        audit.record(actor, AuditAction.GROUP_CREATE, group.getCode(), "name: " + group.getName() + "; term: " + group.getTerm());
        return GroupView.of(group, memberships.membersOf(group.getId()));
    }

    @Transactional
    public GroupView update(Actor actor, String code, GroupForm input) {
        Group group = manageable(actor, code);
        GroupForm form = validation.check(input.normalised());
        if (form.version() == null) {
            throw DomainException.invalid("version", "is required when editing a class");
        }
        if (form.version() != group.getVersion()) {
            throw DomainException.conflict("Class '" + group.getCode() + "' was changed by someone else since you opened it."
                    + " Reload and try again.");
        }
        if (!form.code().equals(group.getCode()) && groups.findByCode(form.code()).isPresent()) {
            throw DomainException.invalid("code", "is already used by another class");
        }
        StringBuilder changes = new StringBuilder();
        AuditLog.change(changes, "code", group.getCode(), form.code());
        AuditLog.change(changes, "name", group.getName(), form.name());
        AuditLog.change(changes, "term", group.getTerm(), form.term());
        AuditLog.change(changes, "period", group.getPeriod(), form.period());
        AuditLog.changeWithoutValues(changes, "description", group.getDescription(), form.description());
        String before = group.getCode();
        apply(group, form);
        groups.flush();
        audit.record(actor, AuditAction.GROUP_UPDATE, before, changes.length() == 0 ? "no change" : changes.toString());
        return GroupView.of(group, memberships.membersOf(group.getId()));
    }

    @Transactional
    public void delete(Actor actor, String code) {
        Group group = manageable(actor, code);
        long members = memberships.deleteByGroup(group.getId());
        groups.delete(group);
        audit.record(actor, AuditAction.GROUP_DELETE, group.getCode(), "name: " + group.getName() + "; " + members + " memberships removed");
    }

    @Transactional
    public MemberView addMember(Actor actor, String code, MemberForm input) {
        Group group = manageable(actor, code);
        MemberForm form = validation.check(input);
        GroupRole role = form.role() == null ? GroupRole.STUDENT : form.role();
        User user = users.findByUsername(Text.lower(form.username()))
                .orElseThrow(() -> DomainException.invalid("username", "no user '" + form.username() + "'"));
        userService.visible(actor, user);
        requireFitsRole(user, role);
        if (memberships.find(group.getId(), user.getId()).isPresent()) {
            throw DomainException.conflict("'" + user.getUsername() + "' is already in class " + group.getCode() + ".");
        }
        Membership membership = new Membership(group, user, role);
        memberships.persist(membership);
        memberships.flush();
        audit.record(actor, AuditAction.MEMBER_ADD, group.getCode() + "/" + user.getUsername(), "role: " + role.id());
        return new MemberView(user.getUsername(), user.getDisplayName(), user.getRole(), role, user.isEnabled(),
                membership.getCreatedAt());
    }

    @Transactional
    public MemberView changeMemberRole(Actor actor, String code, String username, GroupRole role) {
        Group group = manageable(actor, code);
        if (role == null) {
            throw DomainException.invalid("role", "must not be null");
        }
        Membership membership = membership(group, username);
        requireFitsRole(membership.getUser(), role);
        StringBuilder change = new StringBuilder();
        AuditLog.change(change, "role", membership.getRole().id(), role.id());
        membership.setRole(role);
        memberships.flush();
        audit.record(actor, AuditAction.MEMBER_ROLE, group.getCode() + "/" + membership.getUser().getUsername(),
                change.length() == 0 ? "no change" : change.toString());
        User user = membership.getUser();
        return new MemberView(user.getUsername(), user.getDisplayName(), user.getRole(), role, user.isEnabled(),
                membership.getCreatedAt());
    }

    @Transactional
    public void removeMember(Actor actor, String code, String username) {
        Group group = manageable(actor, code);
        Membership membership = membership(group, username);
        memberships.delete(membership);
        audit.record(actor, AuditAction.MEMBER_REMOVE, group.getCode() + "/" + membership.getUser().getUsername(),
                "role: " + membership.getRole().id());
    }

    private Membership membership(Group group, String username) {
        return users.findByUsername(Text.lower(username))
                .flatMap(u -> memberships.find(group.getId(), u.getId()))
                .orElseThrow(() -> DomainException.notFound("'" + username + "' is not in class " + group.getCode() + "."));
    }

    private Group manageable(Actor actor, String code) {
        requireStaff(actor);
        return groups.findByCode(normaliseCode(code))
                .map(g -> managed(actor, g))
                .orElseThrow(() -> DomainException.notFound("No class '" + code + "'."));
    }

    private Group managed(Actor actor, Group group) {
        if (!actor.isAdmin() && !memberships.teaches(actor.id(), group.getId())) {
            throw DomainException.forbidden("You can manage only the classes you teach.");
        }
        return group;
    }

    private static void requireFitsRole(User user, GroupRole role) {
        if (role == GroupRole.TEACHER && user.getRole() == Role.STUDENT) {
            throw DomainException.invalid("role", "a student cannot teach a class");
        }
    }

    private static void apply(Group group, GroupForm form) {
        group.setCode(form.code());
        group.setName(form.name());
        group.setTerm(form.term());
        group.setPeriod(form.period());
        group.setDescription(form.description());
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isAdmin() && !actor.isTeacher()) {
            throw DomainException.forbidden("Only teachers and admins can manage classes.");
        }
    }

    static String normaliseCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}

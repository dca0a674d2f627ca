package org.rollcall.schoolclass;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rollcall.access.AccessPolicy;
import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.Text;
import org.rollcall.common.Validation;
import org.rollcall.user.User;
import org.rollcall.user.UserRepository;

/** Classes and their members. Teachers manage the classes they teach; admins manage all. */
@ApplicationScoped
public class ClassService {

    private final ClassRepository groups;
    private final MembershipRepository memberships;
    private final UserRepository users;
    private final Validation validation;
    private final AuditLog audit;
    private final AccessPolicy policy;

    public ClassService(ClassRepository groups, MembershipRepository memberships, UserRepository users,
            Validation validation, AuditLog audit, AccessPolicy policy) {
        this.groups = groups;
        this.memberships = memberships;
        this.users = users;
        this.validation = validation;
        this.audit = audit;
        this.policy = policy;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClassSummary> search(Actor actor, String q, String term, PageRequest page) {
        AccessPolicy.requireStaff(actor, "classes");
        return groups.search(actor, Text.emptyToNull(Text.trim(q)), Text.emptyToNull(Text.trim(term)), page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClassView> find(Actor actor, String code) {
        AccessPolicy.requireStaff(actor, "classes");
        return groups.findByCode(normaliseCode(code))
                .map(g -> policy.requireManage(actor, g))
                .map(g -> ClassView.of(g, memberships.membersOf(g.getId())));
    }

    @Transactional
    public ClassView create(Actor actor, ClassForm input) {
        AccessPolicy.requireStaff(actor, "classes");
        ClassForm form = validation.check(input.normalised());
        if (groups.findByCode(form.code()).isPresent()) {
            throw DomainException.invalid("code", "is already used by another class");
        }
        SchoolClass group = new SchoolClass();
        apply(group, form);
        groups.persist(group);
        if (actor.isTeacher()) {
            memberships.persist(new Membership(group, users.findById(actor.id()), ClassRole.TEACHER));
        }
        groups.flush();
        audit.record(actor, AuditAction.CLASS_CREATE, group.getCode(), "name: " + group.getName() + "; term: " + group.getTerm());
        return ClassView.of(group, memberships.membersOf(group.getId()));
    }

    @Transactional
    public ClassView update(Actor actor, String code, ClassForm input) {
        SchoolClass group = manageable(actor, code);
        ClassForm form = validation.check(input.normalised());
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
        audit.record(actor, AuditAction.CLASS_UPDATE, before, changes.length() == 0 ? "no change" : changes.toString());
        return ClassView.of(group, memberships.membersOf(group.getId()));
    }

    @Transactional
    public void delete(Actor actor, String code) {
        SchoolClass group = manageable(actor, code);
        long members = memberships.deleteByGroup(group.getId());
        groups.delete(group);
        audit.record(actor, AuditAction.CLASS_DELETE, group.getCode(), "name: " + group.getName() + "; " + members + " memberships removed");
    }

    @Transactional
    public MemberView addMember(Actor actor, String code, MemberForm input) {
        SchoolClass group = manageable(actor, code);
        MemberForm form = validation.check(input);
        ClassRole role = form.role() == null ? ClassRole.STUDENT : form.role();
        // a user the actor may not see is answered as one that does not exist
        User user = users.findByUsername(Text.lower(form.username())).filter(u -> policy.canView(actor, u))
                .orElseThrow(() -> DomainException.invalid("username", "no user '" + form.username() + "'"));
        role.requireHeldBy(user.getRole());
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
    public MemberView changeMemberRole(Actor actor, String code, String username, ClassRole role) {
        SchoolClass group = manageable(actor, code);
        if (role == null) {
            throw DomainException.invalid("role", "must not be null");
        }
        Membership membership = membership(group, username);
        role.requireHeldBy(membership.getUser().getRole());
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
        SchoolClass group = manageable(actor, code);
        Membership membership = membership(group, username);
        memberships.delete(membership);
        audit.record(actor, AuditAction.MEMBER_REMOVE, group.getCode() + "/" + membership.getUser().getUsername(),
                "role: " + membership.getRole().id());
    }

    /** Deletes every class and membership (init on a database that holds data). */
    @Transactional
    public long deleteAllGroups(Actor actor) {
        AccessPolicy.requireAdmin(actor, "delete all classes");
        memberships.deleteAll();
        long deleted = groups.deleteAll();
        groups.flush();
        return deleted;
    }

    private Membership membership(SchoolClass group, String username) {
        return users.findByUsername(Text.lower(username))
                .flatMap(u -> memberships.find(group.getId(), u.getId()))
                .orElseThrow(() -> DomainException.notFound("'" + username + "' is not in class " + group.getCode() + "."));
    }

    private SchoolClass manageable(Actor actor, String code) {
        AccessPolicy.requireStaff(actor, "classes");
        return groups.findByCode(normaliseCode(code))
                .map(g -> policy.requireManage(actor, g))
                .orElseThrow(() -> DomainException.notFound("No class '" + code + "'."));
    }

    private static void apply(SchoolClass group, ClassForm form) {
        group.setCode(form.code());
        group.setName(form.name());
        group.setTerm(form.term());
        group.setPeriod(form.period());
        group.setDescription(form.description());
    }

    public static String normaliseCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}

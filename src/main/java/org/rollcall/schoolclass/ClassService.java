package org.rollcall.schoolclass;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.rollcall.kasm.KasmOutbox;
import org.rollcall.user.User;
import org.rollcall.user.UserRepository;

/** Classes and their members. Teachers manage the classes they teach; admins manage all. */
@ApplicationScoped
public class ClassService {

    @Inject
    ClassRepository classes;
    @Inject
    MembershipRepository memberships;
    @Inject
    UserRepository users;
    @Inject
    Validation validation;
    @Inject
    AuditLog audit;
    @Inject
    AccessPolicy policy;
    @Inject
    KasmOutbox kasmOutbox;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClassSummary> search(Actor actor, String q, String term, PageRequest page) {
        AccessPolicy.requireStaff(actor, "classes");
        return classes.search(actor, Text.emptyToNull(Text.trim(q)), Text.emptyToNull(Text.trim(term)), page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClassView> find(Actor actor, String code) {
        AccessPolicy.requireStaff(actor, "classes");
        return classes.findByCode(normaliseCode(code))
                .map(g -> policy.requireManage(actor, g))
                .map(g -> ClassView.of(g, memberships.membersOf(g.getId())));
    }

    /** A class the actor is in, read-only. Only admins can tell a class they may not see from one that does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClassOverview overview(Actor actor, String code) {
        return classes.findByCode(normaliseCode(code))
                .map(c -> policy.requireSeeClass(actor, c))
                .map(c -> ClassOverview.of(c, memberships.membersOf(c.getId())))
                .orElseThrow(() -> AccessPolicy.noSuchClass(actor, code));
    }

    @Transactional
    public ClassView create(Actor actor, ClassForm input) {
        AccessPolicy.requireStaff(actor, "classes");
        ClassForm form = validation.check(input.normalised());
        if (classes.findByCode(form.code()).isPresent()) {
            throw DomainException.invalid("code", "is already used by another class");
        }
        requireMayMap(actor, null, form.kasmGroupId());
        SchoolClass schoolClass = new SchoolClass();
        apply(schoolClass, form);
        classes.persist(schoolClass);
        if (actor.isTeacher()) {
            User teacher = users.findById(actor.id());
            memberships.persist(new Membership(schoolClass, teacher, ClassRole.TEACHER));
            kasmOutbox.membershipChanged(schoolClass.getKasmGroupId(), teacher.getUsername(), teacher.getId(), true);
        }
        classes.flush();
        audit.record(actor, AuditAction.CLASS_CREATE, schoolClass.getCode(), "name: " + schoolClass.getName() + "; term: " + schoolClass.getTerm());
        return ClassView.of(schoolClass, memberships.membersOf(schoolClass.getId()));
    }

    @Transactional
    public ClassView update(Actor actor, String code, ClassForm input) {
        SchoolClass schoolClass = manageable(actor, code);
        ClassForm form = validation.check(input.normalised());
        if (form.version() == null) {
            throw DomainException.invalid("version", "is required when editing a class");
        }
        if (form.version() != schoolClass.getVersion()) {
            throw DomainException.conflict("Class '" + schoolClass.getCode() + "' was changed by someone else since you opened it."
                    + " Reload and try again.");
        }
        if (!form.code().equals(schoolClass.getCode()) && classes.findByCode(form.code()).isPresent()) {
            throw DomainException.invalid("code", "is already used by another class");
        }
        StringBuilder changes = new StringBuilder();
        AuditLog.change(changes, "code", schoolClass.getCode(), form.code());
        AuditLog.change(changes, "name", schoolClass.getName(), form.name());
        AuditLog.change(changes, "term", schoolClass.getTerm(), form.term());
        AuditLog.change(changes, "period", schoolClass.getPeriod(), form.period());
        AuditLog.changeWithoutValues(changes, "description", schoolClass.getDescription(), form.description());
        requireMayMap(actor, schoolClass.getKasmGroupId(), form.kasmGroupId());
        String groupBefore = schoolClass.getKasmGroupId();
        if (form.kasmGroupId() != null) {
            AuditLog.change(changes, "kasmGroupId", groupBefore, Text.emptyToNull(form.kasmGroupId()));
        }
        String before = schoolClass.getCode();
        apply(schoolClass, form);
        if (!java.util.Objects.equals(groupBefore, schoolClass.getKasmGroupId())) {
            for (MemberView member : memberships.membersOf(schoolClass.getId())) {
                kasmOutbox.membershipChanged(groupBefore, member.username(), null, false);
                kasmOutbox.membershipChanged(schoolClass.getKasmGroupId(), member.username(), null, true);
            }
        }
        classes.flush();
        audit.record(actor, AuditAction.CLASS_UPDATE, before, changes.length() == 0 ? "no change" : changes.toString());
        return ClassView.of(schoolClass, memberships.membersOf(schoolClass.getId()));
    }

    @Transactional
    public void delete(Actor actor, String code) {
        SchoolClass schoolClass = manageable(actor, code);
        for (MemberView member : memberships.membersOf(schoolClass.getId())) {
            kasmOutbox.membershipChanged(schoolClass.getKasmGroupId(), member.username(), null, false);
        }
        long members = memberships.deleteByClass(schoolClass.getId());
        classes.delete(schoolClass);
        audit.record(actor, AuditAction.CLASS_DELETE, schoolClass.getCode(), "name: " + schoolClass.getName() + "; " + members + " memberships removed");
    }

    @Transactional
    public MemberView addMember(Actor actor, String code, MemberForm input) {
        SchoolClass schoolClass = manageable(actor, code);
        MemberForm form = validation.check(input);
        ClassRole role = form.role() == null ? ClassRole.STUDENT : form.role();
        // a user the actor may not see is answered as one that does not exist
        User user = users.findByUsername(Text.lower(form.username())).filter(u -> policy.canView(actor, u))
                .orElseThrow(() -> DomainException.invalid("username", "no user '" + form.username() + "'"));
        role.requireHeldBy(user.getRole());
        if (memberships.find(schoolClass.getId(), user.getId()).isPresent()) {
            throw DomainException.conflict("'" + user.getUsername() + "' is already in class " + schoolClass.getCode() + ".");
        }
        Membership membership = new Membership(schoolClass, user, role);
        memberships.persist(membership);
        memberships.flush();
        audit.record(actor, AuditAction.MEMBER_ADD, schoolClass.getCode() + "/" + user.getUsername(), "role: " + role.id());
        kasmOutbox.membershipChanged(schoolClass.getKasmGroupId(), user.getUsername(), user.getId(), true);
        return new MemberView(user.getUsername(), user.getDisplayName(), user.getRole(), role, user.isEnabled(),
                membership.getCreatedAt());
    }

    /**
     * A class would be left with nobody teaching it. Teachers are refused; an admin may go ahead
     * by confirming ({@link #confirmable()}), which an API call does by being made.
     */
    public static final class LastTeacher extends DomainException {

        private final boolean confirmable;

        LastTeacher(String detail, boolean confirmable) {
            super(409, "Conflict", detail, List.of());
            this.confirmable = confirmable;
        }

        /** True when the actor may do it anyway after a confirmation (admins). */
        public boolean confirmable() {
            return confirmable;
        }
    }

    /** Whether the actor may manage the class (after a change that may have ended that, such as leaving it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean canManage(Actor actor, String code) {
        return AccessPolicy.isStaff(actor) && classes.findByCode(normaliseCode(code)).map(g -> policy.canManage(actor, g)).orElse(false);
    }

    /**
     * Changes a member's role in the class. Demoting its last teacher needs {@code confirmed} and
     * an admin: a class never silently loses its last teacher.
     */
    @Transactional
    public MemberView changeMemberRole(Actor actor, String code, String username, ClassRole role, boolean confirmed) {
        SchoolClass schoolClass = manageable(actor, code);
        if (role == null) {
            throw DomainException.invalid("role", "must not be null");
        }
        Membership membership = membership(schoolClass, username);
        role.requireHeldBy(membership.getUser().getRole());
        if (role != ClassRole.TEACHER) {
            requireKeepsATeacher(actor, schoolClass, membership, confirmed);
        }
        StringBuilder change = new StringBuilder();
        AuditLog.change(change, "role", membership.getRole().id(), role.id());
        membership.setRole(role);
        memberships.flush();
        audit.record(actor, AuditAction.MEMBER_ROLE, schoolClass.getCode() + "/" + membership.getUser().getUsername(),
                change.length() == 0 ? "no change" : change.toString());
        User user = membership.getUser();
        return new MemberView(user.getUsername(), user.getDisplayName(), user.getRole(), role, user.isEnabled(),
                membership.getCreatedAt());
    }

    /** Removes a member from the class; removing its last teacher needs {@code confirmed} and an admin. */
    @Transactional
    public void removeMember(Actor actor, String code, String username, boolean confirmed) {
        SchoolClass schoolClass = manageable(actor, code);
        Membership membership = membership(schoolClass, username);
        requireKeepsATeacher(actor, schoolClass, membership, confirmed);
        memberships.delete(membership);
        audit.record(actor, AuditAction.MEMBER_REMOVE, schoolClass.getCode() + "/" + membership.getUser().getUsername(),
                "role: " + membership.getRole().id());
        kasmOutbox.membershipChanged(schoolClass.getKasmGroupId(), membership.getUser().getUsername(), membership.getUser().getId(), false);
    }

    /** Deletes every class and membership (init on a database that holds data). */
    @Transactional
    public long deleteAllClasses(Actor actor) {
        AccessPolicy.requireAdmin(actor, "delete all classes");
        memberships.deleteAll();
        long deleted = classes.deleteAll();
        classes.flush();
        return deleted;
    }

    /** Refuses taking the class's last teacher away (by removal or demotion) unless an admin confirmed it. */
    private void requireKeepsATeacher(Actor actor, SchoolClass schoolClass, Membership leaving, boolean confirmed) {
        if (leaving.getRole() != ClassRole.TEACHER
                || memberships.count("schoolClass.id = ?1 and role = ?2", schoolClass.getId(), ClassRole.TEACHER.id()) > 1) {
            return;
        }
        if (!actor.isAdmin()) {
            // a teacher manages only classes they teach, so the last teacher is the actor
            throw new LastTeacher("You are the only teacher of " + schoolClass.getCode()
                    + ": add another teacher first, so the class is not left without one.", false);
        }
        if (!confirmed) {
            throw new LastTeacher(leaving.getUser().getUsername() + " is the only teacher of " + schoolClass.getCode()
                    + ": the class will have no teacher until you add one.", true);
        }
    }

    private Membership membership(SchoolClass schoolClass, String username) {
        return users.findByUsername(Text.lower(username))
                .flatMap(u -> memberships.find(schoolClass.getId(), u.getId()))
                .orElseThrow(() -> DomainException.notFound("'" + username + "' is not in class " + schoolClass.getCode() + "."));
    }

    private SchoolClass manageable(Actor actor, String code) {
        AccessPolicy.requireStaff(actor, "classes");
        return classes.findByCode(normaliseCode(code))
                .map(g -> policy.requireManage(actor, g))
                .orElseThrow(() -> DomainException.notFound("No class '" + code + "'."));
    }

    /** Mapping a class to a Kasm group, or changing the mapping, is an admin's decision. */
    private static void requireMayMap(Actor actor, String current, String requested) {
        if (requested != null && !requested.equals(current == null ? "" : current)) {
            AccessPolicy.requireAdmin(actor, "map a class to a Kasm group");
        }
    }

    private static void apply(SchoolClass schoolClass, ClassForm form) {
        if (form.kasmGroupId() != null) {
            schoolClass.setKasmGroupId(Text.emptyToNull(form.kasmGroupId()));
        }
        schoolClass.setCode(form.code());
        schoolClass.setName(form.name());
        schoolClass.setTerm(form.term());
        schoolClass.setPeriod(form.period());
        schoolClass.setDescription(form.description());
    }

    public static String normaliseCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}

package org.rollcall.schoolclass;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.transfer.ImportOutcome;
import org.rollcall.transfer.ImportRun;
import org.rollcall.common.Instants;
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
public class ClassService {

    private final ClassRepository groups;
    private final MembershipRepository memberships;
    private final UserRepository users;
    private final UserService userService;
    private final Validation validation;
    private final AuditLog audit;

    public ClassService(ClassRepository groups, MembershipRepository memberships, UserRepository users,
            UserService userService, Validation validation, AuditLog audit) {
        this.groups = groups;
        this.memberships = memberships;
        this.users = users;
        this.userService = userService;
        this.validation = validation;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClassSummary> search(Actor actor, String q, String term, PageRequest page) {
        requireStaff(actor);
        return groups.search(actor, Text.emptyToNull(Text.trim(q)), Text.emptyToNull(Text.trim(term)), page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClassView> find(Actor actor, String code) {
        requireStaff(actor);
        return groups.findByCode(normaliseCode(code))
                .map(g -> managed(actor, g))
                .map(g -> ClassView.of(g, memberships.membersOf(g.getId())));
    }

    @Transactional
    public ClassView create(Actor actor, ClassForm input) {
        requireStaff(actor);
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
    public MemberView changeMemberRole(Actor actor, String code, String username, ClassRole role) {
        SchoolClass group = manageable(actor, code);
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
        SchoolClass group = manageable(actor, code);
        Membership membership = membership(group, username);
        memberships.delete(membership);
        audit.record(actor, AuditAction.MEMBER_REMOVE, group.getCode() + "/" + membership.getUser().getUsername(),
                "role: " + membership.getRole().id());
    }

    /**
     * Creates or updates classes brought in by migrate, matched by code, with the rules of
     * create and update (admins only). Rows are decided in order; a dry run writes nothing.
     */
    @Transactional
    public List<ImportOutcome> importGroups(Actor actor, List<ClassRow> rows, ImportRun run) {
        requireAdmin(actor, "import classes");
        List<ClassRow> valid = new ArrayList<>(rows.size());
        List<ImportOutcome> outcomes = new ArrayList<>(rows.size());
        for (ClassRow input : rows) {
            ClassRow row = input.normalised();
            try {
                valid.add(validation.check(row));
                outcomes.add(null);
            } catch (DomainException e) {
                valid.add(null);
                outcomes.add(ImportOutcome.rejected(row.code(), e));
            }
        }
        Map<String, SchoolClass> existing = groups.findByCodes(valid.stream().filter(Objects::nonNull).map(ClassRow::code).toList());
        List<ClassRow> created = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            ClassRow row = valid.get(i);
            if (row == null) {
                continue;
            }
            if (run.hasGroup(row.code())) {
                outcomes.set(i, ImportOutcome.rejected(row.code(), "code: appears more than once in the source"));
                continue;
            }
            SchoolClass group = existing.get(row.code());
            if (group == null) {
                created.add(row);
                outcomes.set(i, ImportOutcome.created(row.code()));
            } else if (matches(group, row)) {
                outcomes.set(i, ImportOutcome.unchanged(row.code()));
            } else {
                if (!run.dryRun()) {
                    apply(group, row);
                }
                outcomes.set(i, ImportOutcome.updated(row.code()));
            }
            run.acceptGroup(row.code());
        }
        if (!run.dryRun()) {
            groups.insertAll(created);
        }
        return outcomes;
    }

    private static boolean matches(SchoolClass group, ClassRow row) {
        return group.getName().equals(row.name()) && group.getTerm().equals(row.term())
                && Objects.equals(group.getPeriod(), row.period()) && Objects.equals(group.getDescription(), row.description())
                && (row.createdAt() == null || Instants.sameAsStored(row.createdAt(), group.getCreatedAt()));
    }

    private static void apply(SchoolClass group, ClassRow row) {
        group.setCode(row.code());
        group.setName(row.name());
        group.setTerm(row.term());
        group.setPeriod(row.period());
        group.setDescription(row.description());
        if (row.createdAt() != null) {
            group.setCreatedAt(row.createdAt());
        }
    }

    /**
     * Creates or updates memberships brought in by migrate, matched by (class code, username),
     * with the membership rules (the class and the user must exist, a student cannot teach).
     * In a dry run, classes and users accepted earlier in the run count as existing.
     */
    @Transactional
    public List<ImportOutcome> importMemberships(Actor actor, List<MembershipRow> rows, ImportRun run) {
        requireAdmin(actor, "import memberships");
        List<MembershipRow> valid = new ArrayList<>(rows.size());
        List<ImportOutcome> outcomes = new ArrayList<>(rows.size());
        for (MembershipRow input : rows) {
            MembershipRow row = input.normalised();
            try {
                validation.check(row);
                parseRole(row.role());
                valid.add(row);
                outcomes.add(null);
            } catch (DomainException e) {
                valid.add(null);
                outcomes.add(ImportOutcome.rejected(row.key(), e));
            }
        }
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        valid.stream().filter(Objects::nonNull).forEach(r -> {
            codes.add(r.group());
            names.add(r.username());
        });
        Map<String, Long> groupIds = groups.idsByCodes(codes);
        Map<String, UserRepository.Ref> userRefs = users.refsByUsernames(names);
        List<Long> mayHaveMemberships = userRefs.entrySet().stream().filter(e -> !run.createdUser(e.getKey()))
                .map(e -> e.getValue().id()).toList();
        Map<String, Object[]> existing = new HashMap<>();
        for (Object[] m : memberships.ofUsers(mayHaveMemberships)) {
            existing.put(m[1] + ":" + m[2], m);
        }
        List<MembershipRepository.NewMembership> created = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            MembershipRow row = valid.get(i);
            if (row == null) {
                continue;
            }
            String key = row.key();
            Long groupId = groupIds.get(row.group());
            UserRepository.Ref user = userRefs.get(row.username());
            ClassRole role = parseRole(row.role());
            String userRole = run.userRole(row.username()) != null ? run.userRole(row.username()) : user == null ? null : user.role();
            if (run.hasMembership(row.group(), row.username())) {
                outcomes.set(i, ImportOutcome.rejected(key, "appears more than once in the source"));
                continue;
            }
            if (groupId == null && !(run.dryRun() && run.hasGroup(row.group()))) {
                outcomes.set(i, ImportOutcome.rejected(key, "group: no class '" + row.group() + "'"));
                continue;
            }
            if (user == null && !(run.dryRun() && run.hasUser(row.username()))) {
                outcomes.set(i, ImportOutcome.rejected(key, "username: no user '" + row.username() + "'"));
                continue;
            }
            try {
                requireFitsRole(Role.parse(userRole), role);
            } catch (DomainException e) {
                outcomes.set(i, ImportOutcome.rejected(key, e));
                continue;
            }
            Object[] stored = groupId == null || user == null ? null : existing.get(groupId + ":" + user.id());
            if (stored == null) {
                if (!run.dryRun()) {
                    created.add(new MembershipRepository.NewMembership(groupId, user.id(), role, row.createdAt()));
                }
                outcomes.set(i, ImportOutcome.created(key));
            } else if (role.id().equals(stored[3]) && (row.createdAt() == null || Instants.sameAsStored(row.createdAt(), (Instant) stored[4]))) {
                outcomes.set(i, ImportOutcome.unchanged(key));
            } else {
                if (!run.dryRun()) {
                    Membership membership = memberships.findById((Long) stored[0]);
                    membership.setRole(role);
                    if (row.createdAt() != null) {
                        membership.setCreatedAt(row.createdAt());
                    }
                }
                outcomes.set(i, ImportOutcome.updated(key));
            }
            run.acceptMembership(row.group(), row.username());
        }
        if (!run.dryRun()) {
            memberships.insertAll(created);
        }
        return outcomes;
    }

    private static ClassRole parseRole(String role) {
        try {
            return ClassRole.parse(role);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("role", e.getMessage());
        }
    }

    /** Every class, page by page in id order, for export. */
    @Transactional
    public long exportGroups(Actor actor, int pageSize, Consumer<List<ClassRow>> sink) {
        requireAdmin(actor, "export classes");
        long after = -1;
        long total = 0;
        while (true) {
            List<Object[]> page = groups.exportPage(after, pageSize);
            if (page.isEmpty()) {
                return total;
            }
            sink.accept(page.stream().map(r -> new ClassRow((String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (Instant) r[6], (Instant) r[7])).toList());
            after = (Long) page.get(page.size() - 1)[0];
            total += page.size();
        }
    }

    /** Every membership, page by page in id order, for export. */
    @Transactional
    public long exportMemberships(Actor actor, int pageSize, Consumer<List<MembershipRow>> sink) {
        requireAdmin(actor, "export memberships");
        long after = -1;
        long total = 0;
        while (true) {
            List<Object[]> page = memberships.exportPage(after, pageSize);
            if (page.isEmpty()) {
                return total;
            }
            sink.accept(page.stream().map(r -> new MembershipRow((String) r[1], (String) r[2], (String) r[3], (Instant) r[4])).toList());
            after = (Long) page.get(page.size() - 1)[0];
            total += page.size();
        }
    }

    /** Which of these class codes exist (e.g. to verify a migrate). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> existingCodes(Actor actor, Collection<String> codes) {
        requireAdmin(actor, "list classes");
        return new HashSet<>(groups.findByCodes(codes.stream().map(ClassService::normaliseCode).toList()).keySet());
    }

    /** The memberships of these users as "CODE/username" keys (e.g. to verify a migrate). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> membershipKeysOf(Actor actor, Collection<String> usernames) {
        requireAdmin(actor, "list memberships");
        return memberships.pairsOfUsernames(usernames).stream().map(p -> p[0] + "/" + p[1]).toList();
    }

    /** Deletes every class and membership (init on a database that holds data). */
    @Transactional
    public long deleteAllGroups(Actor actor) {
        requireAdmin(actor, "delete all classes");
        memberships.deleteAll();
        long deleted = groups.deleteAll();
        groups.flush();
        return deleted;
    }

    private static void requireAdmin(Actor actor, String what) {
        if (!actor.isAdmin()) {
            throw DomainException.forbidden("Only an admin can " + what + ".");
        }
    }

    private Membership membership(SchoolClass group, String username) {
        return users.findByUsername(Text.lower(username))
                .flatMap(u -> memberships.find(group.getId(), u.getId()))
                .orElseThrow(() -> DomainException.notFound("'" + username + "' is not in class " + group.getCode() + "."));
    }

    private SchoolClass manageable(Actor actor, String code) {
        requireStaff(actor);
        return groups.findByCode(normaliseCode(code))
                .map(g -> managed(actor, g))
                .orElseThrow(() -> DomainException.notFound("No class '" + code + "'."));
    }

    private SchoolClass managed(Actor actor, SchoolClass group) {
        if (!actor.isAdmin() && !memberships.teaches(actor.id(), group.getId())) {
            throw DomainException.forbidden("You can manage only the classes you teach.");
        }
        return group;
    }

    private static void requireFitsRole(User user, ClassRole role) {
        requireFitsRole(user.getRole(), role);
    }

    private static void requireFitsRole(Role userRole, ClassRole role) {
        if (role == ClassRole.TEACHER && userRole == Role.STUDENT) {
            throw DomainException.invalid("role", "a student cannot teach a class");
        }
    }

    private static void apply(SchoolClass group, ClassForm form) {
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

package org.rollcall.transfer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.access.AccessPolicy;
import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.common.Instants;
import org.rollcall.common.Validation;
import org.rollcall.common.db.KeyedRow;
import org.rollcall.kasm.KasmOutbox;
import org.rollcall.schoolclass.ClassRepository;
import org.rollcall.schoolclass.ClassRole;
import org.rollcall.schoolclass.Membership;
import org.rollcall.schoolclass.MembershipRepository;
import org.rollcall.schoolclass.MembershipRow;
import org.rollcall.user.Role;
import org.rollcall.user.UserRepository;

/** Memberships in and out in bulk, matched by (class code, username), with the membership rules of the class pages. */
@ApplicationScoped
public class MembershipTransfer extends RowTransfer<MembershipRow> {

    @Inject
    ClassRepository classes;
    @Inject
    MembershipRepository memberships;
    @Inject
    UserRepository users;
    @Inject
    AccessPolicy policy;
    @Inject
    KasmOutbox kasmOutbox;

    public MembershipTransfer() {
        super(AuditAction.MEMBER_IMPORT, "memberships");
    }

    /** Teachers too: each row is then checked against the classes they manage (those they teach). */
    @Override
    void requireMayImport(Actor actor) {
        AccessPolicy.requireStaff(actor, what());
    }

    @Override
    public String keyOf(MembershipRow row) {
        return row.key();
    }

    @Override
    MembershipRow normalised(MembershipRow row) {
        return row.normalised();
    }

    /** A known role in class. */
    @Override
    void checkRules(MembershipRow row) {
        ClassRole.parseField("role", row.role());
    }

    /**
     * Creates or updates memberships brought in in bulk (migrate, a roster, any source), matched by (class code, username),
     * with the membership rules (the class and the user must exist, a student cannot teach).
     * In a dry run, classes and users accepted earlier in the run count as existing.
     */
    @Override
    void decide(Actor actor, List<MembershipRow> valid, List<ImportOutcome> outcomes, ImportRun run) {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        valid.stream().filter(Objects::nonNull).forEach(r -> {
            codes.add(r.group());
            names.add(r.username());
        });
        Map<String, Long> classIds = classes.idsByCodes(codes);
        Set<Long> manageable = policy.manageableClassIds(actor, classIds.values());
        Map<String, UserRepository.Ref> userRefs = users.refsByUsernames(names);
        List<Long> mayHaveMemberships = userRefs.entrySet().stream().filter(e -> !run.createdUser(e.getKey()))
                .map(e -> e.getValue().id()).toList();
        Map<String, MembershipRepository.Stored> existing = new HashMap<>();
        for (MembershipRepository.Stored m : memberships.ofUsers(mayHaveMemberships)) {
            existing.put(m.classId() + ":" + m.userId(), m);
        }
        List<MembershipRepository.NewMembership> created = new ArrayList<>();
        List<KasmOutbox.Member> joined = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            MembershipRow row = valid.get(i);
            if (row == null) {
                continue;
            }
            String key = row.key();
            Long classId = classIds.get(row.group());
            UserRepository.Ref user = userRefs.get(row.username());
            ClassRole role = ClassRole.parseField("role", row.role());
            String userRole = run.userRole(row.username()) != null ? run.userRole(row.username()) : user == null ? null : user.role();
            if (run.hasMembership(row.group(), row.username())) {
                outcomes.set(i, ImportOutcome.rejected(key, "appears more than once in the source"));
                continue;
            }
            if (classId == null && !(run.dryRun() && run.hasClass(row.group()))) {
                outcomes.set(i, ImportOutcome.rejected(key, "group: no class '" + row.group() + "'"));
                continue;
            }
            if (classId != null && !manageable.contains(classId)) {
                outcomes.set(i, ImportOutcome.rejected(key, "group: you can manage only the classes you teach"));
                continue;
            }
            if (user == null && !(run.dryRun() && run.hasUser(row.username()))) {
                outcomes.set(i, ImportOutcome.rejected(key, "username: no user '" + row.username() + "'"));
                continue;
            }
            try {
                role.requireHeldBy(Role.parse(userRole));
            } catch (DomainException e) {
                outcomes.set(i, ImportOutcome.rejected(key, e));
                continue;
            }
            MembershipRepository.Stored stored = classId == null || user == null ? null : existing.get(classId + ":" + user.id());
            if (stored == null) {
                if (!run.dryRun()) {
                    created.add(new MembershipRepository.NewMembership(classId, user.id(), role, row.createdAt()));
                    joined.add(new KasmOutbox.Member(classId, row.username(), user.id()));
                }
                outcomes.set(i, ImportOutcome.created(key));
            } else if (role.id().equals(stored.role()) && (row.createdAt() == null || Instants.sameAsStored(row.createdAt(), stored.createdAt()))) {
                outcomes.set(i, ImportOutcome.unchanged(key));
            } else {
                if (!run.dryRun()) {
                    Membership membership = memberships.findById(stored.id());
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
            kasmOutbox.membershipsChanged(joined, true);
        }
    }

    @Override
    List<KeyedRow<MembershipRow>> exportPage(long afterId, int size) {
        return memberships.exportPage(afterId, size);
    }

    /** The stored memberships of these users, as "CODE/username" (to verify a run). */
    List<String> storedKeysOf(Collection<String> usernames) {
        return memberships.keysOfUsernames(usernames);
    }
}

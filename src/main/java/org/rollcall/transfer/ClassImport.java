package org.rollcall.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rollcall.access.AccessPolicy;
import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.common.DomainException;
import org.rollcall.common.Instants;
import org.rollcall.common.Validation;
import org.rollcall.schoolclass.ClassRepository;
import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.SchoolClass;

/** Classes in bulk: the class rows of migrate and of any other source, upserted by code. */
@ApplicationScoped
public class ClassImport implements Importer<ClassRow> {

    private final ClassRepository groups;
    private final Validation validation;
    private final AuditLog audit;

    public ClassImport(ClassRepository groups, Validation validation, AuditLog audit) {
        this.audit = audit;
        this.groups = groups;
        this.validation = validation;
    }

    @Override
    public String keyOf(ClassRow row) {
        return row.code();
    }

    /**
     * Creates or updates classes brought in by migrate, matched by code, with the rules of
     * create and update (admins only). Rows are decided in order; a dry run writes nothing.
     */
    @Transactional
    @Override
    public List<ImportOutcome> apply(Actor actor, List<ClassRow> rows, ImportRun run) {
        AccessPolicy.requireAdmin(actor, "import classes");
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
        if (!run.dryRun()) {
            audit.recordBulk(actor, AuditAction.CLASS_IMPORT, "classes", ImportOutcome.keys(outcomes, ImportOutcome.Action.CREATED),
                    ImportOutcome.keys(outcomes, ImportOutcome.Action.UPDATED));
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
}

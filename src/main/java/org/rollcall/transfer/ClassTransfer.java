package org.rollcall.transfer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.common.Instants;
import org.rollcall.common.Validation;
import org.rollcall.common.db.KeyedRow;
import org.rollcall.schoolclass.ClassRepository;
import org.rollcall.schoolclass.ClassRow;
import org.rollcall.schoolclass.SchoolClass;

/** Classes in and out in bulk: the class rows of migrate and of any other source, upserted by code; the export. */
@ApplicationScoped
public class ClassTransfer extends RowTransfer<ClassRow> {

    @Inject
    ClassRepository classes;

    public ClassTransfer() {
        super(AuditAction.CLASS_IMPORT, "classes");
    }

    @Override
    public String keyOf(ClassRow row) {
        return row.code();
    }

    @Override
    ClassRow normalised(ClassRow row) {
        return row.normalised();
    }

    /**
     * Creates or updates classes brought in in bulk (migrate, a roster, any source), matched by code, with the rules of
     * create and update (admins only). Rows are decided in order; a dry run writes nothing.
     */
    @Override
    void decide(Actor actor, List<ClassRow> valid, List<ImportOutcome> outcomes, ImportRun run) {
        Map<String, SchoolClass> existing = classes.findByCodes(valid.stream().filter(Objects::nonNull).map(ClassRow::code).toList());
        List<ClassRow> created = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            ClassRow row = valid.get(i);
            if (row == null) {
                continue;
            }
            if (run.hasClass(row.code())) {
                outcomes.set(i, ImportOutcome.rejected(row.code(), "code: appears more than once in the source"));
                continue;
            }
            SchoolClass schoolClass = existing.get(row.code());
            if (schoolClass == null) {
                created.add(row);
                outcomes.set(i, ImportOutcome.created(row.code()));
            } else if (matches(schoolClass, row)) {
                outcomes.set(i, ImportOutcome.unchanged(row.code()));
            } else {
                if (!run.dryRun()) {
                    apply(schoolClass, row);
                }
                outcomes.set(i, ImportOutcome.updated(row.code()));
            }
            run.acceptClass(row.code());
        }
        if (!run.dryRun()) {
            classes.insertAll(created);
        }
    }

    private static boolean matches(SchoolClass schoolClass, ClassRow row) {
        return schoolClass.getName().equals(row.name()) && schoolClass.getTerm().equals(row.term())
                && Objects.equals(schoolClass.getPeriod(), row.period()) && Objects.equals(schoolClass.getDescription(), row.description())
                && (row.createdAt() == null || Instants.sameAsStored(row.createdAt(), schoolClass.getCreatedAt()));
    }

    private static void apply(SchoolClass schoolClass, ClassRow row) {
        schoolClass.setCode(row.code());
        schoolClass.setName(row.name());
        schoolClass.setTerm(row.term());
        schoolClass.setPeriod(row.period());
        schoolClass.setDescription(row.description());
        if (row.createdAt() != null) {
            schoolClass.setCreatedAt(row.createdAt());
        }
    }

    @Override
    List<KeyedRow<ClassRow>> exportPage(long afterId, int size) {
        return classes.exportPage(afterId, size);
    }

    /** Which of these class codes are stored (to verify a run). */
    Set<String> stored(Collection<String> codes) {
        return classes.findByCodes(codes).keySet();
    }
}

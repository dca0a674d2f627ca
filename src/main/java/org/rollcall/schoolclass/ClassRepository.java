package org.rollcall.schoolclass;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.access.TeacherScope;
import org.rollcall.auth.Actor;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.db.KeyBatches;
import org.rollcall.common.db.KeyedRow;
import org.rollcall.common.db.MultiRowInsert;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ClassRepository implements PanacheRepository<SchoolClass> {

    @Inject
    KeyBatches batches;

    public Optional<SchoolClass> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public Map<String, SchoolClass> findByCodes(Collection<String> codes) {
        Map<String, SchoolClass> found = new HashMap<>();
        batches.loadWhere(getEntityManager(), SchoolClass.class, "select id from app_group where code in", codes)
                .forEach(g -> found.put(g.getCode(), g));
        return found;
    }

    /** Class ids by code, without loading the entities. */
    public Map<String, Long> idsByCodes(Collection<String> codes) {
        Map<String, Long> found = new HashMap<>();
        batches.select(getEntityManager(), "select code, id from app_group where code in", codes,
                rs -> found.put(rs.getString(1), rs.getLong(2)));
        return found;
    }

    /** Inserts new classes with one multi-row statement (see {@link MultiRowInsert}). */
    public void insertAll(List<ClassRow> rows) {
        Instant now = Instant.now();   // written to the micro-second (MultiRowInsert)
        MultiRowInsert.execute(getEntityManager(), "app_group", List.of("code", "name", "term", "class_period", "description",
                "created_at", "updated_at", "version"), rows, row -> {
                    Instant created = row.createdAt() == null ? now : row.createdAt();
                    return Arrays.asList(row.code(), row.name(), row.term(), row.period(), row.description(), created,
                            row.updatedAt() == null ? created : row.updatedAt(), 0L);
                });
    }

    /** Up to {@code size} classes with an id above {@code afterId}, in id order, as exported (see UserRepository.exportPage). */
    public List<KeyedRow<ClassRow>> exportPage(long afterId, int size) {
        return KeyedRow.readOnce(getEntityManager(), find("id > ?1", Sort.by("id"), afterId), size,
                g -> new KeyedRow<>(g.getId(), ClassRow.of(g)));
    }

    /** Classes visible to the actor (admins: all; teachers: those they teach), with member counts. */
    public Page<ClassSummary> search(Actor actor, String q, String term, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q != null) {
            where.append(" and (g.code like :q escape '!' or g.name like :q escape '!')");
            params.put("q", q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (term != null) {
            where.append(" and g.term = :term");
            params.put("term", term);
        }
        if (!actor.isAdmin()) {
            where.append(" and ").append(TeacherScope.classTaught("g"));
            params.put("actorId", actor.id());
        }
        var em = getEntityManager();
        var select = em.createQuery("select new org.rollcall.schoolclass.ClassSummary(g.code, g.name, g.term, g.period,"
                + " (select count(m) from Membership m where m.schoolClass = g and m.role = 'student'),"
                + " (select count(m) from Membership m where m.schoolClass = g and m.role = 'teacher'))"
                + " from SchoolClass g" + where + " order by g.term desc, g.code", ClassSummary.class);
        var count = em.createQuery("select count(g) from SchoolClass g" + where, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<ClassSummary> items = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(items, count.getSingleResult(), page.page(), page.size());
    }

    /** The classes with the most students that the actor may see, largest first (for the dashboard chart). */
    public List<ClassSummary> largest(Actor actor, int limit) {
        String students = "(select count(m) from Membership m where m.schoolClass = g and m.role = 'student')";
        String where = actor.isAdmin() ? ""
                : " where " + TeacherScope.classTaught("g");
        var query = getEntityManager().createQuery("select new org.rollcall.schoolclass.ClassSummary(g.code, g.name, g.term, g.period, "
                + students + ", (select count(m) from Membership m where m.schoolClass = g and m.role = 'teacher'))"
                + " from SchoolClass g" + where + " order by " + students + " desc, g.code", ClassSummary.class);
        if (!actor.isAdmin()) {
            query.setParameter("actorId", actor.id());
        }
        return query.setMaxResults(limit).getResultList();
    }
}

package org.rollcall.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.rollcall.auth.Actor;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.db.KeyBatches;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class UserRepository implements PanacheRepository<User> {

    private final KeyBatches batches;

    public UserRepository(KeyBatches batches) {
        this.batches = batches;
    }

    /** Users a teacher may see besides all students: members of the classes they teach. */
    static final String TAUGHT_BY = "u.id in (select m2.user.id from Membership m2 where m2.group.id in"
            + " (select m1.group.id from Membership m1 where m1.user.id = :actorId and m1.role = 'teacher'))";

    public Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public Map<String, User> findByUsernames(Collection<String> usernames) {
        Map<String, User> found = new HashMap<>();
        for (List<String> batch : batches.split(usernames)) {
            list("username in ?1", batch).forEach(u -> found.put(u.getUsername(), u));
        }
        return found;
    }

    /** A user as a membership needs it: id and role, without loading the entity. */
    public record Ref(long id, String role) {
    }

    public Map<String, Ref> refsByUsernames(Collection<String> usernames) {
        Map<String, Ref> found = new HashMap<>();
        for (List<String> batch : batches.split(usernames)) {
            getEntityManager().createQuery("select u.username, u.id, u.roleName from User u where u.username in :names", Object[].class)
                    .setParameter("names", batch).getResultList()
                    .forEach(row -> found.put((String) row[0], new Ref((Long) row[1], (String) row[2])));
        }
        return found;
    }

    /** Which users hold these emails: email -> username. */
    public Map<String, String> emailOwners(Collection<String> emails) {
        Map<String, String> owners = new HashMap<>();
        for (List<String> batch : batches.split(emails)) {
            getEntityManager().createQuery("select u.email, u.username from User u where u.email in :emails", Object[].class)
                    .setParameter("emails", batch).getResultList()
                    .forEach(row -> owners.put((String) row[0], (String) row[1]));
        }
        return owners;
    }

    public Set<String> existingUsernames(Collection<String> usernames) {
        Set<String> found = new HashSet<>();
        for (List<String> batch : batches.split(usernames)) {
            found.addAll(getEntityManager().createQuery("select u.username from User u where u.username in :names", String.class)
                    .setParameter("names", batch).getResultList());
        }
        return found;
    }

    /**
     * Inserts new users with one multi-row statement. Ids are IDENTITY columns, which turn off
     * Hibernate's insert batching: one round trip per persist() would make migrate several times
     * slower. No entity callbacks run here, so the timestamps are set explicitly.
     */
    public void insertAll(List<UserRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder hql = new StringBuilder("insert into User (username, displayName, email, passwordHash, roleName, enabled,"
                + " mustChangePassword, lastLoginAt, createdAt, updatedAt, version) values ");
        int columns = 10;
        for (int i = 0; i < rows.size(); i++) {
            hql.append(i == 0 ? "(" : ", (");
            for (int c = 1; c <= columns; c++) {
                hql.append('?').append(i * columns + c).append(", ");
            }
            hql.append("0)");
        }
        var query = getEntityManager().createQuery(hql.toString());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int p = 1;
        for (UserRow row : rows) {
            Instant created = row.createdAt() == null ? now : row.createdAt();
            query.setParameter(p++, row.username());
            query.setParameter(p++, row.displayName());
            query.setParameter(p++, row.email());
            query.setParameter(p++, row.passwordHash());
            query.setParameter(p++, row.role());
            query.setParameter(p++, row.enabled());
            query.setParameter(p++, row.mustChangePassword());
            query.setParameter(p++, row.lastLoginAt());
            query.setParameter(p++, created);
            query.setParameter(p++, row.updatedAt() == null ? created : row.updatedAt());
        }
        query.executeUpdate();
    }

    /** Up to {@code size} users with an id above {@code afterId}, in id order, as exported (id first). */
    public List<Object[]> exportPage(long afterId, int size) {
        return getEntityManager().createQuery("select u.id, u.username, u.displayName, u.email, u.roleName, u.passwordHash,"
                + " u.enabled, u.mustChangePassword, u.lastLoginAt, u.createdAt, u.updatedAt from User u where u.id > :after"
                + " order by u.id", Object[].class)
                .setParameter("after", afterId).setMaxResults(size).getResultList();
    }

    public boolean emailTaken(String email, Long exceptId) {
        return count("email = ?1 and id <> ?2", email, exceptId == null ? -1L : exceptId) > 0;
    }

    public Page<User> search(UserQuery query, Actor actor, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.q() != null) {
            where.append(" and (u.username like :q escape '!' or u.displayName like :q escape '!' or u.email like :q escape '!')");
            params.put("q", likePrefix(query.q()));
        }
        if (query.role() != null) {
            where.append(" and u.roleName = :role");
            params.put("role", query.role().id());
        }
        if (query.group() != null) {
            where.append(" and u.id in (select g.user.id from Membership g where g.group.code = :group)");
            params.put("group", query.group());
        }
        if (query.enabled() != null) {
            where.append(" and u.enabled = :enabled");
            params.put("enabled", query.enabled());
        }
        if (!actor.isAdmin()) {
            where.append(" and (u.roleName = 'student' or ").append(TAUGHT_BY).append(')');
            params.put("actorId", actor.id());
        }
        var found = find("from User u where " + where, query.sort(), params).page(page.page(), page.size());
        List<User> items = found.list();
        long total = items.size() < page.size() && page.page() == 0 ? items.size() : found.count();
        return new Page<>(items, total, page.page(), page.size());
    }

    public boolean teacherTeaches(long teacherId, long userId) {
        return getEntityManager().createQuery("select count(u) from User u where u.id = :userId and " + TAUGHT_BY, Long.class)
                .setParameter("userId", userId).setParameter("actorId", teacherId).getSingleResult() > 0;
    }

    public long countByRole(Role role) {
        return count("roleName", role.id());
    }

    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    static Sort defaultSort() {
        return Sort.by("username");
    }
}

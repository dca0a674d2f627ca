package org.rollcall.user;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.rollcall.auth.Actor;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class UserRepository implements PanacheRepository<User> {

    /** Users a teacher may see besides all students: members of the classes they teach. */
    static final String TAUGHT_BY = "u.id in (select m2.user.id from Membership m2 where m2.group.id in"
            + " (select m1.group.id from Membership m1 where m1.user.id = :actorId and m1.role = 'teacher'))";

    public Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
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

    /** How many users have each role, in one query (for the dashboard). */
    public Map<Role, Long> countByRoles() {
        Map<Role, Long> counts = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            counts.put(role, 0L);
        }
        getEntityManager().createQuery("select u.roleName, count(u) from User u group by u.roleName", Object[].class)
                .getResultList().forEach(row -> counts.put(Role.parse((String) row[0]), (Long) row[1]));
        return counts;
    }

    public long countDisabled() {
        return count("enabled", false);
    }

    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    static Sort defaultSort() {
        return Sort.by("username");
    }
}

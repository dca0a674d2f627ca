package org.rollcall.group;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.rollcall.auth.Actor;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class GroupRepository implements PanacheRepository<Group> {

    public Optional<Group> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public Map<String, Group> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return list("code in ?1", codes).stream().collect(Collectors.toMap(Group::getCode, Function.identity()));
    }

    /** Up to {@code size} classes with an id above {@code afterId}, in id order, as exported (id first). */
    public List<Object[]> exportPage(long afterId, int size) {
        return getEntityManager().createQuery("select g.id, g.code, g.name, g.term, g.period, g.description, g.createdAt,"
                + " g.updatedAt from Group g where g.id > :after order by g.id", Object[].class)
                .setParameter("after", afterId).setMaxResults(size).getResultList();
    }

    /** Classes visible to the actor (admins: all; teachers: those they teach), with member counts. */
    public Page<GroupSummary> search(Actor actor, String q, String term, PageRequest page) {
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
            where.append(" and g.id in (select t.group.id from Membership t where t.user.id = :actorId and t.role = 'teacher')");
            params.put("actorId", actor.id());
        }
        var em = getEntityManager();
        var select = em.createQuery("select new org.rollcall.group.GroupSummary(g.code, g.name, g.term, g.period,"
                + " (select count(m) from Membership m where m.group = g and m.role = 'student'),"
                + " (select count(m) from Membership m where m.group = g and m.role = 'teacher'))"
                + " from Group g" + where + " order by g.term desc, g.code", GroupSummary.class);
        var count = em.createQuery("select count(g) from Group g" + where, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<GroupSummary> items = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(items, count.getSingleResult(), page.page(), page.size());
    }
}

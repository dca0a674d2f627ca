package org.rollcall.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.user.SearchWords;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEvent> {

    public Page<AuditEvent> search(AuditQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.actor() != null) {
            // the start of a word of a user's username, name or email, as the users list finds them; or of a
            // username no longer held (a deleted user, a command)
            where.append(" and (actor like :actor escape '!' or actor in (select u.username from User u join u.searchWords w"
                    + " where w like :word escape '!'))");
            params.put("actor", escape(query.actor()) + "%");
            String term = SearchWords.term(query.actor());
            params.put("word", term == null ? "" : escape(term) + "%");
        }
        if (query.action() != null) {
            where.append(" and (action = :action or action like :family escape '!')");
            params.put("action", query.action());
            params.put("family", escape(query.action()) + ".%");
        }
        if (query.targetType() != null) {
            where.append(" and targetType = :targetType");
            params.put("targetType", query.targetType());
        }
        if (query.target() != null) {
            where.append(" and target like :target escape '!'");
            params.put("target", escape(query.target()) + "%");
        }
        if (query.address() != null) {
            where.append(" and remoteAddress = :address");
            params.put("address", query.address());
        }
        if (query.from() != null) {
            where.append(" and occurredAt >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and occurredAt < :to");
            params.put("to", query.to());
        }
        var found = find(where.toString(), Sort.descending("occurredAt", "id"), params).page(page.page(), page.size());
        List<AuditEvent> items = found.list();
        long total = items.size() < page.size() && page.page() == 0 ? items.size() : found.count();
        return new Page<>(items, total, page.page(), page.size());
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

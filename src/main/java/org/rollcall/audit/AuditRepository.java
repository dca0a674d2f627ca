package org.rollcall.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEvent> {

    public Page<AuditEvent> search(AuditQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.actor() != null) {
            where.append(" and actor = :actor");
            params.put("actor", query.actor());
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

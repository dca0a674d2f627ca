package org.rollcall.scim;

import static org.rollcall.scim.ScimFilter.Attribute.column;
import static org.rollcall.scim.ScimFilter.Attribute.in;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.schoolclass.ClassForm;
import org.rollcall.schoolclass.ClassRole;
import org.rollcall.schoolclass.ClassService;
import org.rollcall.schoolclass.MemberForm;
import org.rollcall.schoolclass.Membership;
import org.rollcall.schoolclass.SchoolClass;
import org.rollcall.scim.ProvisioningClients.ClientView;
import org.rollcall.scim.ScimFilter.Kind;
import org.rollcall.user.Role;
import org.rollcall.user.User;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SCIM Groups: Rollcall's classes, with their members. A member's role in the class is kept in the
 * Rollcall group extension's {@code teachers} (the members who teach it); a member added without
 * one teaches when their account is a teacher or admin and is a student otherwise, so a student
 * account never teaches (ClassRole's rule refuses it if a client asks). Every change goes through
 * {@link ClassService}.
 */
@ApplicationScoped
public class ScimGroups {

    static final ScimFilter.Schema SCHEMA = new ScimFilter.Schema(ScimJson.CORE_GROUP, "g", attributes());

    private static Map<String, ScimFilter.Attribute> attributes() {
        String ext = ScimJson.ROLLCALL_GROUP.toLowerCase(Locale.ROOT) + ":";
        Map<String, ScimFilter.Attribute> a = new HashMap<>();
        a.put("id", column("g.id", Kind.ID));
        a.put("displayname", column("g.name", Kind.TEXT));
        a.put("externalid", ExternalIds.filterAttribute("class"));
        a.put("meta.created", column("g.createdAt", Kind.DATETIME));
        a.put("meta.lastmodified", column("g.updatedAt", Kind.DATETIME));
        a.put("members", in("select m.schoolClass.id from Membership m where 1 = 1", "m.user.id", Kind.ID));
        a.put("members.value", a.get("members"));
        a.put("members.display", in("select m.schoolClass.id from Membership m where 1 = 1", "m.user.displayName", Kind.TEXT));
        a.put(ext + "code", column("g.code", Kind.UPPERED));
        a.put(ext + "term", column("g.term", Kind.TEXT));
        return Map.copyOf(a);
    }

    @Inject
    EntityManager em;
    @Inject
    ClassService classService;
    @Inject
    ExternalIds externalIds;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectNode get(ClientView client, String id, String base) {
        return represent(client, List.of(find(id)), base, true).get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectNode list(ClientView client, ListQuery query, String base) {
        ScimFilter.Condition condition = ScimFilter.translate(SCHEMA, query.filter());
        String where = " from SchoolClass g where " + condition.jpql();
        String order = " order by " + (query.sortBy() == null ? "g.id" : ScimFilter.sortExpression(SCHEMA, query.sortBy()))
                + (query.descending() ? " desc" : "") + (query.sortBy() == null ? "" : ", g.id");
        TypedQuery<Long> count = em.createQuery("select count(g)" + where, Long.class);
        ScimUsers.bind(count, condition, client);
        long total = count.getSingleResult();
        List<SchoolClass> page = List.of();
        if (query.count() > 0 && query.startIndex() <= total) {
            TypedQuery<SchoolClass> select = em.createQuery("select g" + where + order, SchoolClass.class);
            ScimUsers.bind(select, condition, client);
            page = select.setFirstResult(query.startIndex() - 1).setMaxResults(query.count()).getResultList();
        }
        boolean members = wants(query, "members");
        List<ObjectNode> resources = represent(client, page, base, members).stream()
                .map(r -> ScimProjection.apply(r, ScimJson.CORE_GROUP, query.attributes(), query.excludedAttributes())).toList();
        return ScimResources.listResponse(total, query.startIndex(), resources);
    }

    /** Members are read only when the answer shows them (Entra ID lists groups with excludedAttributes=members). */
    private static boolean wants(ListQuery query, String attribute) {
        if (!query.attributes().isEmpty()) {
            return query.attributes().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(attribute));
        }
        return query.excludedAttributes().stream().noneMatch(a -> a.equalsIgnoreCase(attribute));
    }

    @Transactional
    public ObjectNode create(ClientView client, ObjectNode body, String base) {
        Actor actor = ProvisioningClients.actorOf(client);
        String name = ScimJson.text(ScimJson.get(body, "displayName"), "displayName");
        if (name == null || name.isBlank()) {
            throw ScimException.invalidValue("displayName is required.");
        }
        JsonNode extension = ScimJson.get(body, ScimJson.ROLLCALL_GROUP);
        String code = ScimJson.text(ScimJson.get(extension, "code"), "code");
        String term = ScimJson.text(ScimJson.get(extension, "term"), "term");
        String created = classService.create(actor, new ClassForm(code == null ? freeCode(name) : code, name,
                term == null ? currentTerm() : term, ScimJson.text(ScimJson.get(extension, "period"), "period"),
                ScimJson.text(ScimJson.get(extension, "description"), "description"), null)).code();
        SchoolClass schoolClass = byCode(created);
        storeMembers(actor, schoolClass, body);
        setExternalId(client, schoolClass.getId(), ScimJson.text(ScimJson.get(body, "externalId"), "externalId"));
        em.flush();
        em.refresh(schoolClass);
        return represent(client, List.of(schoolClass), base, true).get(0);
    }

    @Transactional
    public ObjectNode replace(ClientView client, String id, ObjectNode body, String ifMatch, String base) {
        SchoolClass schoolClass = find(id);
        ScimResources.checkVersion(ifMatch, schoolClass.getVersion());
        store(client, schoolClass, body);
        return represent(client, List.of(schoolClass), base, true).get(0);
    }

    @Transactional
    public ObjectNode patch(ClientView client, String id, ObjectNode body, String ifMatch, String base) {
        List<com.unboundid.scim2.common.messages.PatchOperation> operations = ScimPatch.parse(ScimJson.CORE_GROUP, body);
        SchoolClass schoolClass = find(id);
        ScimResources.checkVersion(ifMatch, schoolClass.getVersion());
        ObjectNode current = represent(client, List.of(schoolClass), base, true).get(0);
        store(client, schoolClass, ScimPatch.apply(current, operations));
        return represent(client, List.of(schoolClass), base, true).get(0);
    }

    @Transactional
    public void delete(ClientView client, String id, String ifMatch) {
        SchoolClass schoolClass = find(id);
        ScimResources.checkVersion(ifMatch, schoolClass.getVersion());
        classService.delete(ProvisioningClients.actorOf(client), schoolClass.getCode());
        externalIds.forget(ExternalId.CLASS, schoolClass.getId());
    }

    private void store(ClientView client, SchoolClass schoolClass, ObjectNode body) {
        Actor actor = ProvisioningClients.actorOf(client);
        JsonNode idNode = ScimJson.get(body, "id");
        if (idNode != null && !idNode.isNull() && !idNode.asText().equals(String.valueOf(schoolClass.getId()))) {
            throw ScimException.mutability("id is read-only.");
        }
        String name = ScimJson.text(ScimJson.get(body, "displayName"), "displayName");
        if (name == null || name.isBlank()) {
            throw ScimException.invalidValue("displayName is required.");
        }
        JsonNode extension = ScimJson.get(body, ScimJson.ROLLCALL_GROUP);
        String code = schoolClass.getCode();
        String term = schoolClass.getTerm();
        String period = schoolClass.getPeriod();
        String description = schoolClass.getDescription();
        if (extension != null && extension.isObject()) {
            code = Objects.requireNonNullElse(ScimJson.text(ScimJson.get(extension, "code"), "code"), code);
            term = Objects.requireNonNullElse(ScimJson.text(ScimJson.get(extension, "term"), "term"), term);
            period = ScimJson.text(ScimJson.get(extension, "period"), "period");
            description = ScimJson.text(ScimJson.get(extension, "description"), "description");
        }
        if (!name.equals(schoolClass.getName()) || !code.equalsIgnoreCase(schoolClass.getCode()) || !term.equals(schoolClass.getTerm())
                || !Objects.equals(period, schoolClass.getPeriod()) || !Objects.equals(description, schoolClass.getDescription())) {
            classService.update(actor, schoolClass.getCode(),
                    new ClassForm(code, name, term, period, description, schoolClass.getVersion()));
        }
        storeMembers(actor, schoolClass, body);
        setExternalId(client, schoolClass.getId(), ScimJson.text(ScimJson.get(body, "externalId"), "externalId"));
        em.flush();
        em.refresh(schoolClass);
    }

    /** Makes the class's members those the body lists, with their roles (see the class comment). */
    private void storeMembers(Actor actor, SchoolClass schoolClass, ObjectNode body) {
        Map<Long, Role> wanted = members(ScimJson.get(body, "members"));
        Set<Long> teachers = teachers(ScimJson.get(body, ScimJson.ROLLCALL_GROUP));
        Map<Long, Membership> current = em.createQuery("select m from Membership m join fetch m.user where m.schoolClass.id = :id",
                Membership.class).setParameter("id", schoolClass.getId()).getResultStream()
                .collect(Collectors.toMap(m -> m.getUser().getId(), m -> m));
        Map<Long, String> usernames = usernames(wanted.keySet());
        Set<Long> currentTeachers = current.values().stream().filter(m -> m.getRole() == ClassRole.TEACHER && wanted.containsKey(m.getUser().getId()))
                .map(m -> m.getUser().getId()).collect(Collectors.toSet());
        boolean teachersChanged = teachers != null
                && !currentTeachers.equals(teachers.stream().filter(current::containsKey).collect(Collectors.toSet()));
        String code = schoolClass.getCode();
        for (var entry : wanted.entrySet()) {
            long userId = entry.getKey();
            Membership membership = current.get(userId);
            if (membership == null) {
                boolean teaches = (teachers != null && teachers.contains(userId)) || entry.getValue() != Role.STUDENT;
                classService.addMember(actor, code, new MemberForm(usernames.get(userId), teaches ? ClassRole.TEACHER : ClassRole.STUDENT));
            } else if (teachersChanged) {
                ClassRole role = teachers.contains(userId) ? ClassRole.TEACHER : ClassRole.STUDENT;
                if (role != membership.getRole()) {
                    classService.changeMemberRole(actor, code, membership.getUser().getUsername(), role, true);
                }
            }
        }
        for (Membership membership : current.values()) {
            if (!wanted.containsKey(membership.getUser().getId())) {
                classService.removeMember(actor, code, membership.getUser().getUsername(), true);
            }
        }
    }

    /** The listed members' user ids with their account roles; anything but an existing user is refused. */
    private Map<Long, Role> members(JsonNode members) {
        Map<Long, Role> wanted = new LinkedHashMap<>();
        if (members == null || members.isNull()) {
            return wanted;
        }
        if (!members.isArray()) {
            throw ScimException.invalidValue("members must be an array.");
        }
        Set<Long> ids = new HashSet<>();
        for (JsonNode member : members) {
            String type = ScimJson.text(ScimJson.get(member, "type"), "members.type");
            if (type != null && !type.equalsIgnoreCase("User")) {
                throw ScimException.invalidValue("A class's members are users; classes cannot be members of classes.");
            }
            ids.add(userId(ScimJson.text(ScimJson.get(member, "value"), "members.value")));
        }
        if (!ids.isEmpty()) {
            em.createQuery("select u from User u where u.id in :ids", User.class).setParameter("ids", ids).getResultStream()
                    .forEach(u -> wanted.put(u.getId(), u.getRole()));
        }
        ids.removeAll(wanted.keySet());
        if (!ids.isEmpty()) {
            throw ScimException.invalidValue("No user with id " + ids.iterator().next() + " (members are users, by id).");
        }
        return wanted;
    }

    private static long userId(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("No user with id '" + value + "' (members are users, by id).");
        }
    }

    private static Set<Long> teachers(JsonNode extension) {
        JsonNode teachers = ScimJson.get(extension, "teachers");
        if (teachers == null || teachers.isNull()) {
            return null;
        }
        if (!teachers.isArray()) {
            throw ScimException.invalidValue("teachers must be an array of members.");
        }
        Set<Long> ids = new HashSet<>();
        teachers.forEach(t -> ids.add(userId(ScimJson.text(ScimJson.get(t, "value"), "teachers.value"))));
        return ids;
    }

    private Map<Long, String> usernames(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        em.createQuery("select u.id, u.username from User u where u.id in :ids", Object[].class).setParameter("ids", ids)
                .getResultStream().forEach(r -> names.put((Long) r[0], (String) r[1]));
        return names;
    }

    /** A free class code from the name: its letters and digits upper-cased, numbered when taken. */
    private String freeCode(String name) {
        String base = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "CLASS";
        }
        base = base.length() > 12 ? base.substring(0, 12).replaceAll("-+$", "") : base;
        String code = base;
        for (int n = 2; codeTaken(code); n++) {
            code = base + "-" + n;
        }
        return code;
    }

    private boolean codeTaken(String code) {
        return em.createQuery("select count(g) from SchoolClass g where g.code = :code", Long.class).setParameter("code", code)
                .getSingleResult() > 0;
    }

    /** The school year a class created today belongs to: "2026-27" from August, "2025-26" before. */
    private String currentTerm() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int start = today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    /** The client's externalId of the class; a change is audited like the class's other attributes. */
    private void setExternalId(ClientView client, long classId, String externalId) {
        if (externalIds.set(client.id(), ExternalId.CLASS, classId, externalId, id -> em.find(SchoolClass.class, id) != null)) {
            audit.record(ProvisioningClients.actorOf(client), AuditAction.CLASS_UPDATE, em.find(SchoolClass.class, classId).getCode(),
                    externalId == null ? "externalId removed" : "externalId changed");
        }
    }

    private SchoolClass byCode(String code) {
        return em.createQuery("select g from SchoolClass g where g.code = :code", SchoolClass.class).setParameter("code", code)
                .getSingleResult();
    }

    private SchoolClass find(String id) {
        try {
            SchoolClass found = em.find(SchoolClass.class, Long.valueOf(id));
            if (found != null) {
                return found;
            }
        } catch (NumberFormatException e) {
            // not one of our ids
        }
        throw ScimException.notFound("No group with id '" + id + "'.");
    }

    List<ObjectNode> represent(ClientView client, List<SchoolClass> classes, String base, boolean withMembers) {
        if (classes.isEmpty()) {
            return List.of();
        }
        List<Long> ids = classes.stream().map(SchoolClass::getId).toList();
        Map<Long, String> external = externalIds.of(client.id(), ExternalId.CLASS, ids);
        Map<Long, List<Membership>> members = !withMembers ? Map.of()
                : em.createQuery("select m from Membership m join fetch m.user where m.schoolClass.id in :ids order by m.id", Membership.class)
                        .setParameter("ids", ids).getResultStream().collect(Collectors.groupingBy(m -> m.getSchoolClass().getId()));
        return classes.stream().map(c -> {
            ObjectNode node = ScimJson.object();
            node.putArray("schemas").add(ScimJson.CORE_GROUP).add(ScimJson.ROLLCALL_GROUP);
            node.put("id", String.valueOf(c.getId()));
            if (external.get(c.getId()) != null) {
                node.put("externalId", external.get(c.getId()));
            }
            node.put("displayName", c.getName());
            ObjectNode extension = ScimJson.object();
            extension.put("code", c.getCode()).put("term", c.getTerm());
            if (c.getPeriod() != null) {
                extension.put("period", c.getPeriod());
            }
            if (c.getDescription() != null) {
                extension.put("description", c.getDescription());
            }
            if (withMembers) {
                ArrayNode array = node.putArray("members");
                ArrayNode teachers = extension.putArray("teachers");
                for (Membership m : members.getOrDefault(c.getId(), List.of())) {
                    String userId = String.valueOf(m.getUser().getId());
                    array.addObject().put("value", userId).put("display", m.getUser().getDisplayName())
                            .put("$ref", base + "/Users/" + userId).put("type", "User");
                    if (m.getRole() == ClassRole.TEACHER) {
                        teachers.addObject().put("value", userId);
                    }
                }
            }
            node.set(ScimJson.ROLLCALL_GROUP, extension);
            ScimResources.meta(node, "Group", c.getCreatedAt(), c.getUpdatedAt(), c.getVersion(), base + "/Groups/" + c.getId());
            return node;
        }).toList();
    }
}

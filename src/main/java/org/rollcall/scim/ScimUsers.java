package org.rollcall.scim;

import static org.rollcall.scim.ScimFilter.Attribute.column;
import static org.rollcall.scim.ScimFilter.Attribute.constant;
import static org.rollcall.scim.ScimFilter.Attribute.in;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.auth.Actor;
import org.rollcall.schoolclass.Membership;
import org.rollcall.scim.ProvisioningClients.ClientView;
import org.rollcall.scim.ScimFilter.Kind;
import org.rollcall.user.Role;
import org.rollcall.user.User;
import org.rollcall.user.UserForm;
import org.rollcall.user.UserService;
import org.rollcall.user.UserUpdate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SCIM Users: Rollcall's users as RFC 7643 User resources. Reads are this class's own queries
 * (filters translated by {@link ScimFilter}); every change goes through {@link UserService}, acting
 * as the provisioning client with admin rights, so the web app's validation, rules and audit hold.
 */
@ApplicationScoped
public class ScimUsers {

    static final ScimFilter.Schema SCHEMA = new ScimFilter.Schema(ScimJson.CORE_USER, "u", attributes());

    private static Map<String, ScimFilter.Attribute> attributes() {
        String ext = ScimJson.ROLLCALL_USER.toLowerCase(java.util.Locale.ROOT) + ":";
        Map<String, ScimFilter.Attribute> a = new HashMap<>();
        a.put("id", column("u.id", Kind.ID));
        a.put("username", column("u.username", Kind.LOWERED));
        a.put("displayname", column("u.displayName", Kind.TEXT));
        a.put("name.formatted", column("u.displayName", Kind.TEXT));
        a.put("emails", column("u.email", Kind.LOWERED));
        a.put("emails.value", column("u.email", Kind.LOWERED));
        a.put("emails.type", constant("u.email", "work"));
        a.put("emails.primary", constant("u.email", Boolean.TRUE));
        a.put("active", column("u.enabled", Kind.BOOLEAN));
        a.put("externalid", ExternalIds.filterAttribute("user"));
        a.put("meta.created", column("u.createdAt", Kind.DATETIME));
        a.put("meta.lastmodified", column("u.updatedAt", Kind.DATETIME));
        a.put("groups", in("select m.user.id from Membership m where 1 = 1", "m.schoolClass.id", Kind.ID));
        a.put("groups.value", a.get("groups"));
        a.put("groups.display", in("select m.user.id from Membership m where 1 = 1", "m.schoolClass.name", Kind.TEXT));
        a.put(ext + "role", column("u.roleName", Kind.LOWERED));
        return Map.copyOf(a);
    }

    @Inject
    EntityManager em;
    @Inject
    UserService userService;
    @Inject
    ExternalIds externalIds;
    @Inject
    AuditLog audit;
    @Inject
    ScimConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectNode get(ClientView client, String id, String base) {
        User user = find(id);
        return represent(client, List.of(user), base).get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectNode list(ClientView client, ListQuery query, String base) {
        ScimFilter.Condition condition = ScimFilter.translate(SCHEMA, query.filter());
        String where = " from User u where " + condition.jpql();
        String order = " order by " + (query.sortBy() == null ? "u.id" : ScimFilter.sortExpression(SCHEMA, query.sortBy()))
                + (query.descending() ? " desc" : "") + (query.sortBy() == null ? "" : ", u.id");
        TypedQuery<Long> count = em.createQuery("select count(u)" + where, Long.class);
        bind(count, condition, client);
        long total = count.getSingleResult();
        List<User> page = List.of();
        if (query.count() > 0 && query.startIndex() <= total) {
            TypedQuery<User> select = em.createQuery("select u" + where + order, User.class);
            bind(select, condition, client);
            page = select.setFirstResult(query.startIndex() - 1).setMaxResults(query.count()).getResultList();
        }
        List<ObjectNode> resources = represent(client, page, base).stream()
                .map(r -> ScimProjection.apply(r, ScimJson.CORE_USER, query.attributes(), query.excludedAttributes())).toList();
        return ScimResources.listResponse(total, query.startIndex(), resources);
    }

    static void bind(jakarta.persistence.Query query, ScimFilter.Condition condition, ClientView client) {
        for (int i = 0; i < condition.parameters().size(); i++) {
            query.setParameter("p" + i, condition.parameters().get(i));
        }
        if (condition.jpql().contains(":client")) {
            query.setParameter("client", client.id());
        }
    }

    @Transactional
    public ObjectNode create(ClientView client, ObjectNode body, String base) {
        Actor actor = ProvisioningClients.actorOf(client);
        String userName = ScimJson.text(ScimJson.get(body, "userName"), "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimException.invalidValue("userName is required.");
        }
        String displayName = displayName(body, null, userName);
        String password = ScimJson.text(ScimJson.get(body, "password"), "password");
        if (password != null) {
            UserService.checkPasswordRules("password", password);
        }
        Role role = role(body, Role.STUDENT);
        userService.create(actor, new UserForm(userName, displayName, email(body), role, password, false));
        User user = em.createQuery("select u from User u where u.username = :name", User.class)
                .setParameter("name", userName.strip().toLowerCase(java.util.Locale.ROOT)).getSingleResult();
        JsonNode active = ScimJson.get(body, "active");
        if (active != null && !active.isNull() && !ScimJson.bool(active, "active")) {
            userService.setEnabled(actor, user.getUsername(), false);
        }
        setExternalId(client, user.getId(), ScimJson.text(ScimJson.get(body, "externalId"), "externalId"));
        em.flush();
        em.refresh(user);
        return represent(client, List.of(user), base).get(0);
    }

    /** PUT: the body is the whole new state of the user's writable attributes. */
    @Transactional
    public ObjectNode replace(ClientView client, String id, ObjectNode body, String ifMatch, String base) {
        User user = find(id);
        ScimResources.checkVersion(ifMatch, user.getVersion());
        store(client, user, body, null);
        return represent(client, List.of(user), base).get(0);
    }

    @Transactional
    public ObjectNode patch(ClientView client, String id, ObjectNode body, String ifMatch, String base) {
        List<com.unboundid.scim2.common.messages.PatchOperation> operations = ScimPatch.parse(ScimJson.CORE_USER, body);
        User user = find(id);
        ScimResources.checkVersion(ifMatch, user.getVersion());
        ObjectNode current = represent(client, List.of(user), base).get(0);
        ObjectNode patched = ScimPatch.apply(current, operations);
        store(client, user, patched, current);
        return represent(client, List.of(user), base).get(0);
    }

    /** Disables the user, or deletes them when ROLLCALL_SCIM_DELETE_USERS allows it (schools keep records by default). */
    @Transactional
    public void delete(ClientView client, String id, String ifMatch) {
        User user = find(id);
        ScimResources.checkVersion(ifMatch, user.getVersion());
        Actor actor = ProvisioningClients.actorOf(client);
        if (config.deleteUsers()) {
            userService.delete(actor, user.getUsername());
            externalIds.forget(ExternalId.USER, user.getId());
        } else if (user.isEnabled()) {
            userService.setEnabled(actor, user.getUsername(), false);
        }
    }

    private void store(ClientView client, User user, ObjectNode body, ObjectNode before) {
        Actor actor = ProvisioningClients.actorOf(client);
        JsonNode idNode = ScimJson.get(body, "id");
        if (idNode != null && !idNode.isNull() && !idNode.asText().equals(String.valueOf(user.getId()))) {
            throw ScimException.mutability("id is read-only.");
        }
        String userName = ScimJson.text(ScimJson.get(body, "userName"), "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimException.invalidValue("userName is required.");
        }
        if (!userName.strip().equalsIgnoreCase(user.getUsername())) {
            userService.rename(actor, user.getUsername(), userName);
        }
        String displayName = displayName(body, before, user.getDisplayName());
        String email = email(body);
        Role role = role(body, user.getRole());
        JsonNode activeNode = ScimJson.get(body, "active");
        Boolean active = activeNode == null || activeNode.isNull() ? null : ScimJson.bool(activeNode, "active");
        boolean changed = !displayName.equals(user.getDisplayName()) || !Objects.equals(email, user.getEmail())
                || role != user.getRole() || (active != null && active != user.isEnabled());
        if (changed) {
            userService.update(actor, user.getUsername(), new UserUpdate(displayName, email, role, active, user.getVersion()));
        }
        String password = ScimJson.text(ScimJson.get(body, "password"), "password");
        if (password != null) {
            userService.setPassword(actor, user.getUsername(), password);
        }
        setExternalId(client, user.getId(), ScimJson.text(ScimJson.get(body, "externalId"), "externalId"));
        em.flush();
        em.refresh(user);
    }

    /** The client's externalId of the user; a change is audited like the user's other attributes. */
    private void setExternalId(ClientView client, long userId, String externalId) {
        if (externalIds.set(client.id(), ExternalId.USER, userId, externalId, id -> em.find(User.class, id) != null)) {
            audit.record(ProvisioningClients.actorOf(client), AuditAction.USER_UPDATE, em.find(User.class, userId).getUsername(),
                    externalId == null ? "externalId removed" : "externalId changed");
        }
    }

    private User find(String id) {
        try {
            User user = em.find(User.class, Long.valueOf(id));
            if (user != null) {
                return user;
            }
        } catch (NumberFormatException e) {
            // not one of our ids
        }
        throw ScimException.notFound("No user with id '" + id + "'.");
    }

    /**
     * The one name Rollcall keeps: displayName, else name.formatted, else given and family name
     * joined. On a PATCH ({@code before} set) the attribute the patch changed wins.
     */
    private static String displayName(JsonNode body, JsonNode before, String fallback) {
        String display = ScimJson.text(ScimJson.get(body, "displayName"), "displayName");
        JsonNode name = ScimJson.get(body, "name");
        String formatted = ScimJson.text(ScimJson.get(name, "formatted"), "name.formatted");
        String given = ScimJson.text(ScimJson.get(name, "givenName"), "name.givenName");
        String family = ScimJson.text(ScimJson.get(name, "familyName"), "name.familyName");
        String joined = given == null && family == null ? null
                : ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        if (before != null) {
            JsonNode oldName = ScimJson.get(before, "name");
            if (display != null && !display.equals(ScimJson.text(ScimJson.get(before, "displayName"), "displayName"))) {
                return display;
            }
            if (formatted != null && !formatted.equals(ScimJson.text(ScimJson.get(oldName, "formatted"), "name.formatted"))) {
                return formatted;
            }
            if (joined != null && !joined.isEmpty()) {
                return joined;
            }
            return display != null ? display : fallback;
        }
        for (String candidate : new String[] { display, formatted, joined }) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return fallback;
    }

    /** The primary email, else the first; Rollcall keeps one. */
    private static String email(JsonNode body) {
        JsonNode emails = ScimJson.get(body, "emails");
        if (emails == null || emails.isNull()) {
            return null;
        }
        if (!emails.isArray()) {
            throw ScimException.invalidValue("emails must be an array.");
        }
        JsonNode chosen = null;
        for (JsonNode email : emails) {
            JsonNode primary = ScimJson.get(email, "primary");
            if (chosen == null || (primary != null && !primary.isNull() && ScimJson.bool(primary, "emails.primary"))) {
                chosen = email;
            }
        }
        return chosen == null ? null : ScimJson.text(ScimJson.get(chosen, "value"), "emails.value");
    }

    private static Role role(JsonNode body, Role absent) {
        JsonNode extension = ScimJson.get(body, ScimJson.ROLLCALL_USER);
        String role = ScimJson.text(ScimJson.get(extension, "role"), "role");
        if (role == null) {
            return absent;
        }
        try {
            return Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue(e.getMessage());
        }
    }

    /** Users as SCIM resources, with their classes and this client's externalIds read in one query each. */
    List<ObjectNode> represent(ClientView client, List<User> users, String base) {
        if (users.isEmpty()) {
            return List.of();
        }
        List<Long> ids = users.stream().map(User::getId).toList();
        Map<Long, String> external = externalIds.of(client.id(), ExternalId.USER, ids);
        Map<Long, List<Membership>> classes = em.createQuery("select m from Membership m join fetch m.schoolClass where m.user.id in :ids",
                Membership.class).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.groupingBy(m -> m.getUser().getId()));
        return users.stream().map(u -> represent(u, external.get(u.getId()), classes.getOrDefault(u.getId(), List.of()), base)).toList();
    }

    private static ObjectNode represent(User user, String externalId, List<Membership> classes, String base) {
        ObjectNode node = ScimJson.object();
        node.putArray("schemas").add(ScimJson.CORE_USER).add(ScimJson.ROLLCALL_USER);
        node.put("id", String.valueOf(user.getId()));
        if (externalId != null) {
            node.put("externalId", externalId);
        }
        node.put("userName", user.getUsername());
        node.putObject("name").put("formatted", user.getDisplayName());
        node.put("displayName", user.getDisplayName());
        if (user.getEmail() != null) {
            node.putArray("emails").addObject().put("value", user.getEmail()).put("type", "work").put("primary", true);
        }
        node.put("active", user.isEnabled());
        if (!classes.isEmpty()) {
            ArrayNode groups = node.putArray("groups");
            for (Membership m : classes) {
                groups.addObject().put("value", String.valueOf(m.getSchoolClass().getId()))
                        .put("$ref", base + "/Groups/" + m.getSchoolClass().getId())
                        .put("display", m.getSchoolClass().getName()).put("type", "direct");
            }
        }
        ObjectNode extension = node.putObject(ScimJson.ROLLCALL_USER);
        extension.put("role", user.getRole().id());
        extension.put("mustChangePassword", user.isMustChangePassword());
        ScimResources.meta(node, "User", user.getCreatedAt(), user.getUpdatedAt(), user.getVersion(), base + "/Users/" + user.getId());
        return node;
    }
}

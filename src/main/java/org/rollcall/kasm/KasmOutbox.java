package org.rollcall.kasm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.rollcall.auth.Sessions;
import org.rollcall.common.db.KeyBatches;
import org.rollcall.common.db.MultiRowInsert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where every change Kasm must see is written down, in the transaction of the change itself
 * (MANDATORY: a call outside one is a bug), so it is sent exactly when the change commits and
 * never lost by a crash or a Kasm outage. {@link KasmDelivery} sends the rows later. With no
 * KASM_URL every method returns at once and nothing is written.
 *
 * <p>Each method is the one call a path that changes users or memberships makes: UserService and
 * ClassService for a click, API call or provisioning client, the bulk engine (transfer/) for
 * imports and migrate, the login that upgrades a legacy password.
 */
@ApplicationScoped
public class KasmOutbox {

    /** Associated data of a sealed password: it opens as nothing else. */
    static final String SEAL_PURPOSE = "kasm-outbox-password";
    /** In a USER event's payload: the username the user had before a rename. */
    static final String RENAMED_FROM = "renamed_from";
    static final List<String> COLUMNS = List.of("username", "user_id", "kind", "payload", "password_sealed", "state", "attempts",
            "next_attempt_at", "created_at");

    /** What an event asks of Kasm. */
    public enum Kind {
        /** The user as Rollcall has them now (name, disabled) and a new password if one was set: created in Kasm if missing. */
        USER,
        /** The user was deleted: deleted or disabled in Kasm (KASM_DELETE_USERS). */
        DELETE,
        /** Added to a class that maps to a Kasm group. */
        JOIN,
        /** Removed from such a class. */
        LEAVE
    }

    /** A user's state as an event carries it; {@code password} is the new one in clear, or null when it did not change. */
    public record UserState(String username, Long userId, String displayName, boolean enabled, String password) {
    }

    /** A membership added or removed in bulk: which class (by id) and which user. */
    public record Member(long classId, String username, Long userId) {
    }

    @Inject
    KasmConfig config;
    @Inject
    EntityManager em;
    @Inject
    Sessions sessions;
    @Inject
    ObjectMapper json;
    @Inject
    KeyBatches batches;

    public boolean enabled() {
        return config.enabled();
    }

    /** A user created or changed (name, enabled) or given a new password ({@code newPassword}, else null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void userChanged(String username, Long userId, String displayName, boolean enabled, String newPassword) {
        if (enabled()) {
            usersChanged(List.of(new UserState(username, userId, displayName, enabled, newPassword)));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void usersChanged(List<UserState> users) {
        if (!enabled() || users.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>(users.size());
        for (UserState u : users) {
            rows.add(new Row(u.username(), u.userId(), Kind.USER, userPayload(u),
                    u.password() == null ? null : sessions.seal(SEAL_PURPOSE, u.password())));
        }
        insert(rows);
    }

    /** The payload with the username the user had first (an earlier rename's old name is kept). */
    private String withRenamedFrom(String payload, String before) {
        try {
            ObjectNode node = payload == null ? json.createObjectNode() : (ObjectNode) json.readTree(payload);
            if (!node.hasNonNull(RENAMED_FROM)) {
                node.put(RENAMED_FROM, before);
            }
            return json.writeValueAsString(node);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a Kasm event's payload cannot be read", e);
        }
    }

    private static Map<String, Object> userPayload(UserState u) {
        Map<String, Object> payload = new LinkedHashMap<>();
        String[] names = names(u.displayName());
        payload.put("first_name", names[0]);
        payload.put("last_name", names[1]);
        payload.put("disabled", !u.enabled());
        return payload;
    }

    /**
     * The user's username changed (an identity provider renamed them). Kasm keeps its user: the
     * mapping to it and the changes still waiting under the old name move to the new name, in this
     * transaction, so they stay in order and none creates a second Kasm user; the event sends the new
     * username to the Kasm user the mapping names.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void userRenamed(String before, String after, Long userId, String displayName, boolean enabled) {
        if (!enabled()) {
            return;
        }
        em.createNativeQuery("delete from kasm_user where username = ?1").setParameter(1, after).executeUpdate();
        em.createNativeQuery("update kasm_user set username = ?1 where username = ?2").setParameter(1, after).setParameter(2, before)
                .executeUpdate();
        // The old name rides along on the user's waiting changes and on the rename's own event: a
        // create under the old name that is in flight now may reach Kasm (and be retried) after this
        // commits, and their delivery then finds that Kasm user by the old name.
        @SuppressWarnings("unchecked")
        List<Object[]> waiting = em.createNativeQuery("select id, payload from kasm_outbox where username = ?1 and kind = ?2"
                + " and state in ('pending', 'delivering')").setParameter(1, before).setParameter(2, Kind.USER.name()).getResultList();
        for (Object[] row : waiting) {
            em.createNativeQuery("update kasm_outbox set payload = ?1 where id = ?2")
                    .setParameter(1, withRenamedFrom((String) row[1], before)).setParameter(2, ((Number) row[0]).longValue())
                    .executeUpdate();
        }
        em.createNativeQuery("update kasm_outbox set username = ?1 where username = ?2 and state in ('pending', 'delivering')")
                .setParameter(1, after).setParameter(2, before).executeUpdate();
        Map<String, Object> payload = userPayload(new UserState(after, userId, displayName, enabled, null));
        payload.put(RENAMED_FROM, before);
        insert(List.of(new Row(after, userId, Kind.USER, payload, null)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void userDeleted(String username, Long userId) {
        if (enabled()) {
            insert(List.of(new Row(username, userId, Kind.DELETE, Map.of(), null)));
        }
    }

    /** A member added to ({@code joined}) or removed from a class; nothing when the class maps to no Kasm group. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void membershipChanged(String kasmGroupId, String username, Long userId, boolean joined) {
        if (enabled() && kasmGroupId != null) {
            insert(List.of(new Row(username, userId, joined ? Kind.JOIN : Kind.LEAVE, Map.of("group_id", kasmGroupId), null)));
        }
    }

    /** Memberships added ({@code joined}) or removed in bulk; those of classes that map to no Kasm group are left out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void membershipsChanged(List<Member> members, boolean joined) {
        if (!enabled() || members.isEmpty()) {
            return;
        }
        Map<Long, String> groups = groupsOf(members.stream().map(Member::classId).toList());
        List<Row> rows = new ArrayList<>();
        for (Member m : members) {
            String group = groups.get(m.classId());
            if (group != null) {
                rows.add(new Row(m.username(), m.userId(), joined ? Kind.JOIN : Kind.LEAVE, Map.of("group_id", group), null));
            }
        }
        insert(rows);
    }

    /** The Kasm groups of these classes, by class id (classes without one left out). */
    private Map<Long, String> groupsOf(Collection<Long> classIds) {
        Map<Long, String> groups = new HashMap<>();
        Set<Long> ids = new TreeSet<>(classIds);
        batches.select(em, "select id, kasm_group_id from app_group where kasm_group_id is not null and id in", ids,
                rs -> new Object[] { rs.getLong(1), rs.getString(2) }).forEach(r -> groups.put((Long) r[0], (String) r[1]));
        return groups;
    }

    private void insert(List<Row> rows) {
        Instant now = Instant.now();
        MultiRowInsert.execute(em, "kasm_outbox", COLUMNS, rows, r -> Arrays.asList(r.username(), r.userId(), r.kind().name(),
                write(r.payload()), r.sealedPassword(), KasmQueue.PENDING, 0, now, now));
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kasm keeps first and last names: the last word is the last name ("Ada King Lovelace" -> "Ada King", "Lovelace"). */
    static String[] names(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        int space = name.lastIndexOf(' ');
        return space < 0 ? new String[] { name, "" } : new String[] { name.substring(0, space).strip(), name.substring(space + 1) };
    }

    private record Row(String username, Long userId, Kind kind, Map<String, Object> payload, String sealedPassword) {
    }
}

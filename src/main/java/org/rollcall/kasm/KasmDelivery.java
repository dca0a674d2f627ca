package org.rollcall.kasm;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.rollcall.auth.Sessions;
import org.rollcall.common.RollcallConfig;
import org.rollcall.kasm.KasmClient.KasmException;
import org.rollcall.kasm.KasmQueue.Event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the outbox to Kasm: one background thread per instance claims due events ({@link KasmQueue})
 * and delivers them in id order, each idempotently, so a redelivery after a crash or a lost answer
 * changes nothing twice: a create first looks the username up in Kasm and updates the user found;
 * a group add or removal first reads the user's groups. A failure waits retry-base x 2^(attempts-1),
 * at most retry-max; when Kasm cannot be reached at all, the rest of the batch goes back untried
 * so the order holds. Nothing here runs with KASM_URL unset or in a command.
 */
@ApplicationScoped
public class KasmDelivery {

    private static final Logger LOG = Logger.getLogger(KasmDelivery.class);
    private static final int BATCH = 50;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Delivered events stay this long for the Kasm page, then go. */
    private static final Duration KEEP_DELIVERED = Duration.ofDays(30);

    @Inject
    KasmConfig config;
    @Inject
    RollcallConfig rollcall;
    @Inject
    KasmQueue queue;
    @Inject
    KasmClient client;
    @Inject
    Sessions sessions;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry registry;

    private final String owner = UUID.randomUUID().toString();
    private final AtomicLong waiting = new AtomicLong();
    private ScheduledExecutorService worker;
    private Counter delivered;
    private Counter failed;
    private volatile Instant lastPurge = Instant.EPOCH;
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private volatile Boolean reachable;

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || rollcall.commandMode()) {
            return;
        }
        delivered = Counter.builder("rollcall.kasm.delivered").description("Outbox events delivered to Kasm").register(registry);
        failed = Counter.builder("rollcall.kasm.failures").description("Failed attempts to deliver an outbox event to Kasm")
                .register(registry);
        Gauge.builder("rollcall.kasm.queue", waiting, AtomicLong::get).description("Outbox events waiting for Kasm").register(registry);
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kasm-delivery");
            t.setDaemon(true);
            return t;
        });
        long every = config.poll().toMillis();
        worker.scheduleWithFixedDelay(this::runSafely, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Kasm sync is on: delivering to %s", config.url().orElse(""));
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** Looks for due events now rather than at the next poll ("Retry now"). */
    public void wake() {
        if (worker != null) {
            worker.execute(this::runSafely);
        }
    }

    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    /** Whether the last call reached Kasm; empty before any. */
    public Optional<Boolean> reachable() {
        return Optional.ofNullable(reachable);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    private void runSafely() {
        try {
            deliverDue();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Kasm delivery could not read the outbox: %s", e.getMessage());
        }
    }

    /** Delivers what is due now, batch after batch, until nothing is or Kasm cannot be reached. */
    void deliverDue() throws SQLException {
        while (true) {
            Instant now = Instant.now();
            List<Event> batch = queue.claim(owner, now, now.plus(config.claim()), BATCH);
            boolean down = false;
            for (Event event : batch) {
                if (down) {
                    queue.release(event, owner, Instant.now().plus(config.retryBase()));
                } else {
                    down = !deliverOne(event);
                }
            }
            if (Instant.now().isAfter(lastPurge.plus(Duration.ofHours(1)))) {
                queue.purgeDelivered(Instant.now().minus(KEEP_DELIVERED));
                lastPurge = Instant.now();
            }
            waiting.set(queue.stats().waiting());
            if (batch.size() < BATCH || down) {
                return;
            }
        }
    }

    /** Delivers one event; false when Kasm could not be reached (the batch stops there). */
    private boolean deliverOne(Event event) throws SQLException {
        String password = event.sealedPassword() == null ? null : sessions.open(KasmOutbox.SEAL_PURPOSE, event.sealedPassword()).orElse(null);
        try {
            if (event.sealedPassword() != null && password == null) {
                // sealed under another session key (ROLLCALL_SESSION_KEY changed): the password cannot be sent
                throw new KasmException("the password cannot be read any more (the session key changed); reset it in Rollcall", false);
            }
            apply(event, password);
            queue.delivered(event, owner, Instant.now());
            delivered.increment();
            lastSuccess = Instant.now();
            reachable = true;
            return true;
        } catch (KasmException e) {
            String reason = password == null ? e.getMessage() : e.getMessage().replace(password, "[password]");
            int attempts = event.attempts() + 1;
            Instant next = attempts >= config.maxAttempts() ? null : Instant.now().plus(backoff(attempts));
            queue.failed(event, owner, reason, Instant.now(), next);
            failed.increment();
            lastError = reason;
            reachable = !e.unreachable();
            LOG.warnf("Kasm: %s of %s failed (attempt %d%s): %s", event.kind(), event.username(), attempts,
                    next == null ? ", abandoned" : "", reason);
            return !e.unreachable();
        }
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration wait = config.retryBase().multipliedBy(factor);
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }

    private void apply(Event event, String password) throws KasmException, SQLException {
        JsonNode payload = payload(event);
        switch (event.kind()) {
            case USER -> upsert(event.username(), payload, password);
            case DELETE -> remove(event.username());
            case JOIN, LEAVE -> group(event.username(), payload.path("group_id").asText(), event.kind() == KasmOutbox.Kind.JOIN);
        }
    }

    /** The user as the event describes them: updated when Kasm has them (by our mapping or by username), else created. */
    private void upsert(String username, JsonNode payload, String password) throws KasmException, SQLException {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("first_name", payload.path("first_name").asText(""));
        user.put("last_name", payload.path("last_name").asText(""));
        user.put("disabled", payload.path("disabled").asBoolean(false));
        user.put("locked", false);
        Optional<String> id = find(username);
        String renamedFrom = payload.path(KasmOutbox.RENAMED_FROM).asText(null);
        if (id.isEmpty() && renamedFrom != null && !queue.isRollcallUser(renamedFrom)) {
            // renamed while Kasm was creating them under the old name: that Kasm user is theirs (unless
            // someone in Rollcall has taken the old name since, whose Kasm user it may be)
            id = find(renamedFrom);
            if (id.isPresent()) {
                queue.forgetKasmUser(renamedFrom);
                queue.rememberKasmUser(username, id.get());
            }
        }
        if (id.isPresent()) {
            user.put("user_id", id.get());
            if (password != null) {
                user.put("password", password);
            }
            try {
                client.call("update_user", Map.of("target_user", user));
            } catch (KasmException e) {
                if (e.refused()) {
                    queue.forgetKasmUser(username);   // deleted in Kasm meanwhile? the retry looks it up afresh
                }
                throw e;
            }
        } else {
            user.put("organization", "");
            user.put("phone", "");
            // Kasm requires a password; without one set in Rollcall the account gets one nobody knows
            user.put("password", password != null ? password : unknowable());
            JsonNode answer = client.call("create_user", Map.of("target_user", user));
            String created = KasmClient.user(answer).map(u -> u.path("user_id").asText(null))
                    .orElseThrow(() -> new KasmException("create_user: Kasm's answer has no user_id", false));
            queue.rememberKasmUser(username, created);
            id = Optional.of(created);
        }
        if (payload.path("disabled").asBoolean(false)) {
            client.call("logout_user", Map.of("target_user", Map.of("user_id", id.get())));
        }
    }

    private void remove(String username) throws KasmException, SQLException {
        Optional<String> id = find(username);
        if (id.isEmpty()) {
            return;   // never reached Kasm, or already gone
        }
        if (config.deleteUsers()) {
            client.call("delete_user", Map.of("target_user", Map.of("user_id", id.get()), "force", true));
            queue.forgetKasmUser(username);
        } else {
            client.call("update_user", Map.of("target_user", Map.of("user_id", id.get(), "username", username, "disabled", true)));
            client.call("logout_user", Map.of("target_user", Map.of("user_id", id.get())));
        }
    }

    private void group(String username, String groupId, boolean join) throws KasmException, SQLException {
        if (!join && queue.inAClassOfGroup(username, groupId)) {
            return;   // left one class of the group but is still in another: stays in the Kasm group
        }
        String id = find(username).orElseThrow(() -> new KasmException("Kasm has no user '" + username + "' yet", false));
        JsonNode user = KasmClient.user(client.call("get_user", Map.of("target_user", Map.of("user_id", id))))
                .orElseThrow(() -> new KasmException("get_user: Kasm's answer has no user", false));
        boolean member = false;
        for (JsonNode g : user.path("groups")) {
            member |= groupId.equals(g.path("group_id").asText());
        }
        if (join && !member) {
            client.call("add_user_group", Map.of("target_user", Map.of("user_id", id), "target_group", Map.of("group_id", groupId)));
        } else if (!join && member) {
            client.call("remove_user_group", Map.of("target_user", Map.of("user_id", id), "target_group", Map.of("group_id", groupId)));
        }
    }

    /** Kasm's user_id for the username: remembered, or found by get_user (a retried create finds the user it made). */
    Optional<String> find(String username) throws KasmException, SQLException {
        Optional<String> known = queue.kasmUserId(username);
        if (known.isPresent()) {
            return known;
        }
        JsonNode answer;
        try {
            answer = client.call("get_user", Map.of("target_user", Map.of("username", username)));
        } catch (KasmException e) {
            if (!e.refused()) {
                throw e;
            }
            return Optional.empty();   // Kasm answers an unknown user with an error_message
        }
        Optional<String> found = KasmClient.user(answer).map(u -> u.path("user_id").asText(null));
        if (found.isPresent() && found.get() != null) {
            queue.rememberKasmUser(username, found.get());
            return found;
        }
        return Optional.empty();
    }

    private JsonNode payload(Event event) throws KasmException {
        try {
            return event.payload() == null ? json.createObjectNode() : json.readTree(event.payload());
        } catch (java.io.IOException e) {
            throw new KasmException("the event cannot be read", false);
        }
    }

    private static String unknowable() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

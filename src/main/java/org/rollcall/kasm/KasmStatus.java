package org.rollcall.kasm;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.access.AccessPolicy;
import org.rollcall.auth.Actor;
import org.rollcall.kasm.KasmClient.KasmException;

/** What the Kasm page, the health check and "Retry now" ask: is Kasm reachable, how is the outbox doing. */
@ApplicationScoped
public class KasmStatus {

    /** The health check calls Kasm at most this often; probes in between get the last answer. */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(30);

    @Inject
    KasmConfig config;
    @Inject
    KasmClient client;
    @Inject
    KasmQueue queue;
    @Inject
    KasmDelivery delivery;
    private volatile Probe lastProbe;

    /** The answer of a test call: reachable with Kasm's user count, or the reason it failed. */
    public record Probe(boolean ok, String detail, Instant at) {
    }

    /** The page's whole view. */
    public record View(boolean enabled, String url, String auth, boolean deleteUsers, Probe connection, KasmQueue.Stats stats,
            Instant lastSuccess, List<KasmQueue.Failure> failures) {
    }

    public View view(Actor actor) throws SQLException {
        AccessPolicy.requireAdmin(actor, "see the Kasm sync");
        if (!config.enabled()) {
            return new View(false, null, null, false, null, queue.stats(), null, List.of());
        }
        KasmQueue.Stats stats = queue.stats();
        Instant lastSuccess = delivery.lastSuccess().orElse(stats.lastDelivered());
        return new View(true, config.url().orElse(""), config.auth(), config.deleteUsers(), probe(), stats, lastSuccess,
                queue.failures(10));
    }

    /** Makes every waiting event due now, abandoned ones included, and wakes this instance's worker; how many. */
    public int retryNow(Actor actor) throws SQLException {
        AccessPolicy.requireAdmin(actor, "retry the Kasm sync");
        int due = queue.retryNow(Instant.now());
        delivery.wake();
        return due;
    }

    /** A test call now (get_users). */
    public Probe probe() {
        Probe probe;
        try {
            int users = client.call("get_users", Map.of()).path("users").size();
            probe = new Probe(true, "Kasm answered; it has " + users + (users == 1 ? " user" : " users") + ".", Instant.now());
        } catch (KasmException e) {
            probe = new Probe(false, e.getMessage(), Instant.now());
        }
        lastProbe = probe;
        return probe;
    }

    /** The last probe when recent, else a new one. */
    Probe recentProbe() {
        Probe last = lastProbe;
        return last != null && last.at().plus(PROBE_EVERY).isAfter(Instant.now()) ? last : probe();
    }

    boolean enabled() {
        return config.enabled();
    }
}

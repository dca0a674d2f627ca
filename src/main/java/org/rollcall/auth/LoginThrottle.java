package org.rollcall.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rollcall.common.Text;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Slows down and then blocks password guessing, per account and per client address. After
 * {@code slow-after} recent failures each further try must wait (1 s, 2 s, 4 s ... up to
 * {@code max-delay}); after {@code block-after} failures the account or address is refused for
 * {@code block-for}, even with the right password. Failures older than {@code window} are
 * forgotten; a successful login clears the account's count. The state is kept in the database so
 * that every instance behind a load balancer counts the same tries.
 */
@ApplicationScoped
public class LoginThrottle {

    @ConfigMapping(prefix = "rollcall.login")
    public interface Settings {
        Limits account();

        Limits address();

        /** Wait imposed by the first failure past slow-after; doubles with each further one. */
        @WithDefault("PT1S")
        Duration delay();

        @WithDefault("PT1M")
        Duration maxDelay();

        @WithDefault("PT15M")
        Duration blockFor();

        /** Failures older than this no longer count. */
        @WithDefault("PT15M")
        Duration window();

        interface Limits {
            int slowAfter();

            int blockAfter();
        }
    }

    /** Why a login is refused before its password is even checked, and for how long. */
    public record Refusal(boolean blocked, boolean forAccount, Duration retryAfter, String message) {

        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** The outcome of a check: a refusal, if any, and whether the account has failures to forget on success. */
    public record Verdict(Optional<Refusal> refusal, boolean accountHasFailures) {
    }

    /** What a failure changed: whether it has just started a block. */
    public record Failure(String key, int failures, Instant blockedUntil, boolean newlyBlocked) {
    }

    @ApplicationScoped
    public static class StateRepository implements PanacheRepositoryBase<LoginThrottleState, String> {
    }

    @Inject
    StateRepository states;
    @Inject
    Settings settings;
    @Inject
    Clock clock;

    static String accountKey(String username) {
        return "user:" + clip(Text.lower(username == null ? "" : username));
    }

    static String addressKey(String address) {
        return "addr:" + clip(address == null ? "unknown" : address);
    }

    private static String clip(String value) {
        return value.length() > 90 ? value.substring(0, 90) : value;
    }

    /** Blocking. The refusal for this account or address, if either is blocked or must wait. */
    public Verdict check(String username, String address) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            LoginThrottleState accountState = states.findById(accountKey(username));
            Optional<Refusal> account = refusal(accountState, settings.account(), true, now);
            Optional<Refusal> byAddress = refusal(states.findById(addressKey(address)), settings.address(), false, now);
            return new Verdict(stricter(account, byAddress), accountState != null);
        });
    }

    private static Optional<Refusal> stricter(Optional<Refusal> account, Optional<Refusal> address) {
        if (account.isEmpty() || address.isEmpty()) {
            return account.isPresent() ? account : address;
        }
        Refusal a = account.get();
        Refusal b = address.get();
        return Optional.of(a.blocked() != b.blocked() ? (a.blocked() ? a : b) : a.retryAfter().compareTo(b.retryAfter()) >= 0 ? a : b);
    }

    Optional<Refusal> refusal(LoginThrottleState state, Settings.Limits limits, boolean forAccount, Instant now) {
        if (state == null) {
            return Optional.empty();
        }
        if (state.getBlockedUntil() != null) {
            if (now.isBefore(state.getBlockedUntil())) {
                Duration left = Duration.between(now, state.getBlockedUntil());
                return Optional.of(new Refusal(true, forAccount, left, (forAccount
                        ? "Too many failed logins for this account. It is locked for "
                        : "Too many failed logins from your network address. Logging in from it is blocked for ")
                        + minutes(left) + "; try again later or ask an admin."));
            }
            return Optional.empty(); // the block is over: a fresh start
        }
        int failures = recentFailures(state, now);
        if (failures < limits.slowAfter()) {
            return Optional.empty();
        }
        Instant allowedAt = state.getLastFailureAt().plus(delayAfter(failures - limits.slowAfter()));
        if (!now.isBefore(allowedAt)) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, allowedAt);
        Refusal refusal = new Refusal(false, forAccount, wait, "Too many failed logins" + (forAccount ? " for this account" : "")
                + ". Wait " + Text.count((wait.toMillis() + 999) / 1000, "second") + " before trying again.");
        return Optional.of(refusal);
    }

    private int recentFailures(LoginThrottleState state, Instant now) {
        boolean stale = state.getBlockedUntil() != null ? !now.isBefore(state.getBlockedUntil())
                : state.getLastFailureAt().plus(settings.window()).isBefore(now);
        return stale ? 0 : state.getFailures();
    }

    Duration delayAfter(int extraFailures) {
        Duration delay = settings.delay().multipliedBy(1L << Math.min(extraFailures, 20));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private static String minutes(Duration duration) {
        long minutes = (duration.toSeconds() + 59) / 60;
        return minutes == 1 ? "1 more minute" : minutes + " more minutes";
    }

    /** Blocking. Counts a failed login against the account and the address. */
    public Failure[] failed(String username, String address) {
        Instant now = clock.instant();
        return new Failure[] { count(accountKey(username), settings.account(), now), count(addressKey(address), settings.address(), now) };
    }

    /** Blocking. A successful login forgets the account's failures (not the address's). */
    public void succeeded(String username) {
        String key = accountKey(username);
        QuarkusTransaction.requiringNew().run(() -> states.deleteById(key));
    }

    private Failure count(String key, Settings.Limits limits, Instant now) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> increment(key, limits, now));
        } catch (RuntimeException raced) {
            // another instance inserted this key first; its row exists now
            return QuarkusTransaction.requiringNew().call(() -> increment(key, limits, now));
        }
    }

    private Failure increment(String key, Settings.Limits limits, Instant now) {
        // Read and locked with a plain FOR UPDATE, which H2, MySQL and MariaDB all take: Hibernate 7
        // locks an entity with MySQL's "FOR UPDATE OF <alias>", which MariaDB refuses.
        List<?> locked = states.getEntityManager()
                .createNativeQuery("select * from login_throttle where throttle_key = ?1 for update", LoginThrottleState.class)
                .setParameter(1, key).getResultList();
        LoginThrottleState state = locked.isEmpty() ? null : (LoginThrottleState) locked.get(0);
        boolean fresh = state == null;
        if (fresh) {
            state = new LoginThrottleState(key);
        }
        int failures = (fresh ? 0 : recentFailures(state, now)) + 1;
        boolean alreadyBlocked = !fresh && state.getBlockedUntil() != null && now.isBefore(state.getBlockedUntil());
        Instant blockedUntil = failures >= limits.blockAfter() ? now.plus(settings.blockFor()) : null;
        state.failedAt(now, failures, blockedUntil);
        if (fresh) {
            states.persist(state);
        }
        states.flush();
        return new Failure(key, failures, blockedUntil, blockedUntil != null && !alreadyBlocked);
    }

    /** Blocking. Forgets states that no longer refuse anything; called now and then. */
    public long forgetOld() {
        Instant horizon = clock.instant().minus(settings.window()).minus(settings.blockFor());
        return QuarkusTransaction.requiringNew().call(() -> states.delete(
                "lastFailureAt < ?1 and (blockedUntil is null or blockedUntil < ?2)", horizon, clock.instant()));
    }
}

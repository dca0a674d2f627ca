package org.rollcall.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.rollcall.audit.AuditAction;
import org.rollcall.audit.AuditLog;
import org.rollcall.common.Text;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.BlockingSecurityExecutor;
import io.smallrye.mutiny.Uni;

/**
 * Everything that happens around a password login, whichever way it comes in (the login form or
 * HTTP Basic): refuse it early when the account or address is throttled, then count the outcome
 * (metric rollcall_logins_total), write failures to the audit log and feed the throttle.
 */
@ApplicationScoped
public class LoginAttempts {

    public enum Method { FORM, BASIC }

    private static final String REFUSAL = "rollcall.login-refusal";

    /** The failure reported instead of checking a password while the account or address is throttled. */
    static AuthenticationFailedException throttled(LoginThrottle.Refusal refusal) {
        return new AuthenticationFailedException(refusal.message(), Map.of(REFUSAL, refusal));
    }

    /** The refusal behind a throttled login's failure, or null for any other failure. */
    static LoginThrottle.Refusal refusalOf(Throwable failure) {
        return failure instanceof AuthenticationFailedException e ? e.getAttribute(REFUSAL) : null;
    }

    private static final Logger LOG = Logger.getLogger(LoginAttempts.class);
    /** A username worth writing down; anything else (a password typed in the wrong box?) is not. */
    private static final Pattern PLAUSIBLE_USERNAME = Pattern.compile("[a-z0-9._-]{1,64}");
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    @Inject
    LoginThrottle throttle;
    @Inject
    AuditLog audit;
    @Inject
    AccountLookup lookup;
    @Inject
    MeterRegistry registry;
    @Inject
    BlockingSecurityExecutor blocking;
    @Inject
    Clock clock;
    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

    @PostConstruct
    void registerCounters() {
        for (String result : new String[] { "succeeded", "failed", "throttled" }) {
            for (Method method : Method.values()) {
                counter(result, method);
            }
        }
    }

    private Counter counter(String result, Method method) {
        return Counter.builder("rollcall.logins").description("Password logins by result (form and HTTP Basic)")
                .tag("result", result).tag("method", method.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
    }

    /** Blocking: whether this attempt must be refused without looking at its password. */
    public LoginThrottle.Verdict check(String username, String address, Method method) {
        LoginThrottle.Verdict verdict = throttle.check(username, address);
        verdict.refusal().ifPresent(r -> counter("throttled", method).increment());
        return verdict;
    }

    /** Blocking. */
    public void succeeded(String username, LoginThrottle.Verdict verdict, Method method) {
        counter("succeeded", method).increment();
        if (verdict.accountHasFailures()) {
            throttle.succeeded(username);
        }
    }

    /** Blocking: records a failed attempt in the audit log and the throttle. */
    public void failed(String username, String address, boolean disabled, Method method) {
        counter("failed", method).increment();
        String name = Text.lower(username == null ? "" : username);
        boolean plausible = PLAUSIBLE_USERNAME.matcher(name).matches();
        String reason = disabled ? "account disabled"
                : plausible && lookup.byUsername(name).isPresent() ? "wrong password" : "unknown user";
        String target = plausible ? name : "(not a valid username)";
        audit.recordLogin(AuditAction.LOGIN_FAILED, target, reason + " (" + method.name().toLowerCase(java.util.Locale.ROOT) + ")", address);
        for (LoginThrottle.Failure failure : throttle.failed(name, address)) {
            if (failure.newlyBlocked()) {
                boolean account = failure.key().startsWith("user:");
                String what = account ? "account" : "address " + address;
                audit.recordLogin(AuditAction.LOGIN_BLOCKED, target, what + " blocked until " + failure.blockedUntil()
                        + " after " + failure.failures() + " failed logins", address);
                LOG.warnf("Login blocked for %s after %d failed logins", account ? "account '" + target + "'" : what,
                        failure.failures());
            }
        }
        Instant now = clock.instant();
        Instant last = lastCleanup.get();
        if (last.plus(CLEANUP_EVERY).isBefore(now) && lastCleanup.compareAndSet(last, now)) {
            throttle.forgetOld();
        }
    }

    /** The HTTP Basic path: the same rules as the login form around a non-blocking authentication. */
    public Uni<SecurityIdentity> guard(String username, String address, Supplier<Uni<SecurityIdentity>> authenticate) {
        return blocking.executeBlocking(() -> check(username, address, Method.BASIC))
                .chain(verdict -> verdict.refusal().isPresent()
                        ? Uni.createFrom().failure(throttled(verdict.refusal().get()))
                        : authenticate.get()
                                .call(identity -> blocking.executeBlocking(() -> {
                                    succeeded(username, verdict, Method.BASIC);
                                    return identity;
                                }))
                                .onFailure(AuthenticationFailedException.class).call(e -> blocking.executeBlocking(() -> {
                                    failed(username, address, Account.isDisabled((AuthenticationFailedException) e), Method.BASIC);
                                    return e;
                                })));
    }
}

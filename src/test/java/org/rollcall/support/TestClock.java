package org.rollcall.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

/**
 * Replaces the application's clock in tests. It runs with the real time until a test stops it;
 * then time moves only when the test advances it, so waiting out a delay or a block takes no
 * sleeping and no test depends on how fast the machine is. Tests that stop it reset it after.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant stopped;

    /** From now on the time is fixed until {@link #advance} moves it; in micro-seconds, as the application's clock. */
    public void stop() {
        stopped = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public void advance(Duration by) {
        if (stopped == null) {
            throw new IllegalStateException("stop() the clock before advancing it");
        }
        stopped = stopped.plus(by);
    }

    /** Back to the real time. */
    public void reset() {
        stopped = null;
    }

    @Override
    public Instant instant() {
        Instant fixed = stopped;
        return fixed == null ? Instant.now().truncatedTo(ChronoUnit.MICROS) : fixed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

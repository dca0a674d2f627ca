package org.rollcall.common;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The clock services read the time from; tests replace it to step through time without sleeping.
 * It ticks in micro-seconds, the precision the database keeps, so a time read back equals the time
 * written (the database would round the nano-seconds, sometimes up, into the future).
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}

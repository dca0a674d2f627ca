package org.rollcall.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for work done in the background: a condition polled until a deadline. */
public final class Waits {

    private Waits() {
    }

    public static void until(Duration within, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);   // polling interval of a bounded wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (!condition.getAsBoolean()) {
            fail("Not within " + within.toMillis() + " ms: " + what);
        }
    }
}

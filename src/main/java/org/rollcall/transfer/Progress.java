package org.rollcall.transfer;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress of a long migrate: a bar redrawn in place on a terminal, a line every few seconds
 * otherwise (logs, CI, a pipe). Written to stderr so the report on stdout stays clean.
 */
public final class Progress {

    private static final long REDRAW_NANOS = Duration.ofMillis(200).toNanos();
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean bar;
    private final long intervalNanos;
    private String phase;
    private long total;
    private long done;
    private long started;
    private long lastShown;

    public Progress(PrintStream out, boolean bar, Duration interval) {
        this.out = out;
        this.bar = bar;
        this.intervalNanos = bar ? REDRAW_NANOS : interval.toNanos();
    }

    void start(String phase, long total) {
        this.phase = phase;
        this.total = total;
        this.done = 0;
        this.started = System.nanoTime();
        this.lastShown = started;
    }

    void advance(long count) {
        done += count;
        long now = System.nanoTime();
        if (now - lastShown >= intervalNanos) {
            lastShown = now;
            show(now);
        }
    }

    void finish() {
        show(System.nanoTime());
        if (bar) {
            out.println();
        }
        out.flush();
    }

    private void show(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        String rate = String.format("%,.0f/s", done / seconds);
        String counts = String.format("%,d/%,d", done, total);
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (bar) {
            int filled = percent * WIDTH / 100;
            out.printf("\r%-12s [%s%s] %s %3d%% %s   ", phase, "#".repeat(filled), ".".repeat(WIDTH - filled), counts, percent, rate);
        } else {
            out.printf("migrate: %s %s (%d%%), %s%n", phase, counts, percent, rate);
        }
        out.flush();
    }
}

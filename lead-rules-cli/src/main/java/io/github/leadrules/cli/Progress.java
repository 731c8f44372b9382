package io.github.leadrules.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr: rows, rate and, when the input size is known, percentage and
 * ETA (from bytes read). Redrawn at most four times a second; silent when disabled (stderr is not
 * a terminal), so logs and pipes stay clean.
 */
final class Progress {

    private final PrintWriter err;
    private final boolean enabled;
    private final long totalBytes;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    Progress(PrintWriter err, boolean enabled, long totalBytes) {
        this.err = err;
        this.enabled = enabled;
        this.totalBytes = totalBytes;
    }

    void update(long rows, long bytes) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 250_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? rows / seconds : 0;
        StringBuilder sb = new StringBuilder("\r");
        if (totalBytes > 0) {
            double done = Math.min(1.0, (double) bytes / totalBytes);
            int width = 24;
            int filled = (int) (done * width);
            sb.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%% ", done * 100));
            if (done > 0.001) {
                long eta = (long) (seconds / done - seconds);
                sb.append(String.format(Locale.ROOT, "ETA %d:%02d  ", eta / 60, eta % 60));
            }
        }
        sb.append(String.format(Locale.ROOT, "%,d rows  %,.0f rows/s ", rows, rate));
        err.print(sb);
        err.flush();
        drawn = true;
    }

    void finish() {
        if (enabled && drawn) {
            err.print("\r" + " ".repeat(79) + "\r");
            err.flush();
        }
    }
}

package io.atlas.app.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress of a long command on stderr (stdout keeps the results, so {@code atlas ... | jq} works): done/total, the
 * rate and the time left, at most once a second, and nothing at all for work that ends within the first second.
 */
final class Progress {
    private static final long SECOND = 1_000_000_000L;

    private final PrintWriter err;
    private final String what;
    private final String unit;
    private final int total;
    private final LongSupplier nanos;
    private final long start;
    private long lastPrinted;
    private boolean printed;

    Progress(PrintWriter err, String what, String unit, int total, LongSupplier nanos) {
        this.err = requireNonNull(err, "err is null");
        this.what = requireNonNull(what, "what is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.total = total;
        this.nanos = requireNonNull(nanos, "nanos is null");
        this.start = nanos.getAsLong();
        this.lastPrinted = start;
    }

    static Progress of(PrintWriter err, String what, String unit, int total) {
        return new Progress(err, what, unit, total, System::nanoTime);
    }

    /** {@code done} of the total are finished. */
    void advance(int done) {
        long now = nanos.getAsLong();
        if (now - lastPrinted < SECOND || done >= total) {
            return;
        }
        lastPrinted = now;
        printed = true;
        double seconds = (now - start) / (double) SECOND;
        double rate = done / seconds;
        String eta = rate > 0 ? duration((total - done) / rate) : "?";
        err.println(what + ": " + done + "/" + total + " " + unit + " (" + String.format(java.util.Locale.ROOT, "%.1f", rate)
                + " " + unit + "/s, ETA " + eta + ")");
        err.flush();
    }

    /** The closing line, only if progress was shown. */
    void finish(int done) {
        if (!printed) {
            return;
        }
        double seconds = (nanos.getAsLong() - start) / (double) SECOND;
        err.println(what + ": " + done + "/" + total + " " + unit + " in " + duration(seconds));
        err.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" + String.format("%02d", s % 60) + "s"
                : s / 3600 + "h" + String.format("%02d", s / 60 % 60) + "m";
    }
}

package dev.assay.cli;

import java.util.Locale;

/**
 * Progress of an import or export on standard error: a bar redrawn in place on a terminal, else a
 * plain line at most once a second and always at the end, each naming the offset to resume from.
 */
final class Progress {
    private static final long PLAIN_INTERVAL_NANOS = 1_000_000_000L;
    private static final long BAR_INTERVAL_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 30;

    private final Context context;
    private final String label;
    private final long totalBytes;
    private final boolean bar;
    private final long started = System.nanoTime();
    private long lastPrinted;

    /** {@code totalBytes} of the input, or -1 when unknown (standard input, exports). */
    Progress(Context context, String label, long totalBytes) {
        this.context = context;
        this.label = label;
        this.totalBytes = totalBytes;
        this.bar = context.terminal();
        this.lastPrinted = started;
    }

    void update(Counts counts, long bytesRead) {
        long now = System.nanoTime();
        if (now - lastPrinted < (bar ? BAR_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS)) {
            return;
        }
        lastPrinted = now;
        print(counts, bytesRead, false);
    }

    void finish(Counts counts, long bytesRead) {
        print(counts, bytesRead, true);
    }

    private void print(Counts counts, long bytesRead, boolean last) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        String rate = String.format(Locale.ROOT, "%.0f rows/s", counts.rows / seconds);
        String figures = "rows " + counts.rows + ", accepted " + counts.accepted + ", rejected " + counts.rejected
                + ", offset " + counts.offset + ", " + rate;
        if (bar) {
            String percent = "";
            StringBuilder drawn = new StringBuilder("[");
            if (totalBytes > 0) {
                double done = Math.min(1.0, (double) bytesRead / totalBytes);
                int filled = (int) Math.round(done * BAR_WIDTH);
                drawn.append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled));
                percent = String.format(Locale.ROOT, " %3.0f%%", done * 100);
            } else {
                drawn.append("#".repeat((int) (counts.rows / 100 % BAR_WIDTH)));
            }
            drawn.append(']');
            context.err.print("\r" + label + " " + drawn + percent + " " + figures + "   ");
            if (last) {
                context.err.println();
            }
        } else {
            String percent = totalBytes > 0
                    ? String.format(Locale.ROOT, " (%.0f%%)", Math.min(100.0, 100.0 * bytesRead / totalBytes))
                    : "";
            context.err.println(label + ": " + figures + percent + (last ? ", done" : ""));
        }
        context.err.flush();
    }

    /** What an import or export did so far. */
    static final class Counts {
        long rows;
        long accepted;
        long rejected;
        /** The {@code --offset} that restarts after the last row handled. */
        long offset;
    }
}

package dev.herald.app.replay;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * A progress bar on standard error for long replays, driven by how many bytes of the file were read (compressed
 * bytes for a gzip file). It draws only on a terminal and at most ten times a second.
 */
final class Progress extends FilterInputStream {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final long total;
    private final PrintStream out;
    private final boolean enabled;
    private long read;
    private long lastDraw;
    private boolean drawn;

    Progress(InputStream in, long total, PrintStream out, boolean enabled) {
        super(in);
        this.total = Math.max(total, 1);
        this.out = out;
        this.enabled = enabled;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long bytes) {
        read += bytes;
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw();
        }
    }

    private void draw() {
        double done = Math.min(1.0, (double) read / total);
        int filled = (int) (done * WIDTH);
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format("%3.0f%% of %,d bytes", done * 100, total));
        out.flush();
        drawn = true;
    }

    /** Draws the full bar and ends its line, if anything was drawn. */
    void finish() {
        if (drawn) {
            read = total;
            draw();
            out.println();
        }
    }
}

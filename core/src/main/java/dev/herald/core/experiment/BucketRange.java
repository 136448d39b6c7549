package dev.herald.core.experiment;

/** A part of the hash space {@code [start, end)} that one variation of an experiment takes. */
public record BucketRange(double start, double end) {

    public BucketRange {
        if (!(start <= end)) {
            throw new IllegalArgumentException("a bucket range must not end before it starts: [" + start + ", " + end
                    + ")");
        }
    }

    /** Whether {@code n} falls in the range: {@code start <= n < end}. */
    public boolean contains(double n) {
        return n >= start && n < end;
    }
}

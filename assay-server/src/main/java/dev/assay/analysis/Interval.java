package dev.assay.analysis;

/** A two-sided confidence interval. */
public record Interval(double low, double high) {
    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("low " + low + " above high " + high);
        }
    }
}

package com.talentpipeline.bench.report;

import java.util.Arrays;

/** Percentiles and rates of measured durations. */
public final class Stats {

    private Stats() {
    }

    /** The p-th percentile (0-100, nearest rank) of the durations, in milliseconds. */
    public static double percentileMillis(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6);
    }

    /** Items per second. */
    public static double perSecond(long items, long nanos) {
        return round(items / (nanos / 1e9));
    }

    /** Three significant decimals at most, for a readable report. */
    public static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return Math.round(value * 1000.0) / 1000.0;
    }
}

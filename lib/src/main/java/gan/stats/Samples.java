package gan.stats;

import gan.Check;
import java.util.Arrays;

/**
 * Summary statistics of a 1-D sample, with numpy's conventions so that numbers match the lecture's code, and
 * the two layouts of a sample: a 1-D array and n × d rows ({@link #rows}, {@link #column}).
 * Every method validates its input (non-empty, finite) and leaves it unmodified.
 */
public final class Samples {
    private Samples() {
    }

    /** x̄ = (1/n) Σ x_i. x: not modified. */
    public static double mean(double[] x) {
        Check.finiteValues("x", x);
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /**
     * Standard deviation s = sqrt( Σ (x_i − x̄)² / (n − ddof) ). {@code ddof = 0} is numpy's {@code x.std()}
     * (population), {@code ddof = 1} the unbiased sample variance's root. Two passes (mean first), which is
     * accurate for data far from 0 such as prices. x: not modified.
     *
     * @param ddof 0 or 1, and n − ddof ≥ 1
     */
    public static double std(double[] x, int ddof) {
        double m = mean(x);
        if (ddof != 0 && ddof != 1) {
            throw new IllegalArgumentException("ddof must be 0 or 1, got " + ddof);
        }
        if (x.length - ddof < 1) {
            throw new IllegalArgumentException("x must have more than ddof = " + ddof + " values, got " + x.length);
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - ddof));
    }

    /**
     * The {@code prob}-quantile by linear interpolation between order statistics (Hyndman–Fan type 7,
     * numpy's default): with sorted x_(0) ≤ … ≤ x_(n−1), h = (n − 1)·prob,
     * Q = x_(⌊h⌋) + (h − ⌊h⌋)·(x_(⌊h⌋+1) − x_(⌊h⌋)). Sorts a copy (O(n log n)). x: not modified.
     *
     * @param prob in [0, 1]
     */
    public static double quantile(double[] x, double prob) {
        Check.finiteValues("x", x);
        Check.inRange("prob", prob, 0, 1);
        double[] s = x.clone();
        Arrays.sort(s);
        return sortedQuantile(s, prob);
    }

    /** {@link #quantile} of an array already sorted ascending (not checked). sorted: not modified. */
    public static double sortedQuantile(double[] sorted, double prob) {
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** The n values as n × 1 rows, {{x_0}, {x_1}, …} (new arrays). x: finite, non-empty, not modified. */
    public static double[][] rows(double[] x) {
        return rows("x", x);
    }

    /** {@link #rows(double[])}, with {@code name} in the message when {@code x} is null, empty or not finite. */
    public static double[][] rows(String name, double[] x) {
        Check.finiteValues(name, x);
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new double[] {x[i]};
        }
        return rows;
    }

    /**
     * Column j of n × d rows, as a new array: c_i = rows[i][j].
     *
     * @param rows non-empty; every row has more than j values, and its j-th is finite. Not modified.
     */
    public static double[] column(double[][] rows, int j) {
        Check.notNull("rows", rows);
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || j < 0 || j >= rows[i].length) {
                throw new IllegalArgumentException("rows[" + i + "] has " + (rows[i] == null ? "no" : rows[i].length)
                        + " values; column " + j + " does not exist");
            }
            if (!Double.isFinite(rows[i][j])) {
                throw new IllegalArgumentException("rows[" + i + "][" + j + "] must be a finite number, got " + rows[i][j]);
            }
            c[i] = rows[i][j];
        }
        return c;
    }
}

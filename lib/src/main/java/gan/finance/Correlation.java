package gan.finance;

import gan.Check;
import gan.stats.Samples;

/**
 * Pearson's correlation of paired samples, e.g. the daily returns of two shares on the same days.
 *
 * <pre>
 *   ρ = Σ (x_i − x̄)(y_i − ȳ) / sqrt( Σ (x_i − x̄)² · Σ (y_i − ȳ)² )        in [−1, 1]
 * </pre>
 *
 * Two passes; inputs are validated (finite, equal lengths, not constant) and not modified. ρ measures the
 * linear co-movement of the whole sample; how often two series fall hard on the same day is
 * {@link Tails#bothBelow}.
 */
public final class Correlation {
    private Correlation() {
    }

    /** ρ of x and y (same length ≥ 2, finite, neither constant). Not modified. */
    public static double pearson(double[] x, double[] y) {
        Check.finiteValues("x", x);
        Check.finiteValues("y", y);
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length (paired samples), got " + x.length
                    + " and " + y.length);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("x and y must have at least 2 pairs for a correlation, got " + x.length);
        }
        double mx = Samples.mean(x), my = Samples.mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (!(sxx > 0) || !(syy > 0)) {
            throw new IllegalArgumentException((sxx > 0 ? "y" : "x") + " is constant, so the correlation is undefined");
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** ρ of the two columns of n × 2 rows (n ≥ 2). Not modified. */
    public static double pearson(double[][] rows) {
        double[][] xy = columns(rows);
        return pearson(xy[0], xy[1]);
    }

    /** The two columns {x, y} of n × 2 rows (checked: pairs, non-empty, finite). rows: not modified. */
    static double[][] columns(double[][] rows) {
        checkPairs(rows);
        return new double[][] {Samples.column(rows, 0), Samples.column(rows, 1)};
    }

    static void checkPairs(double[][] rows) {
        Check.notNull("rows", rows);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != 2) {
                throw new IllegalArgumentException("rows must be pairs (n × 2); rows[" + i + "] has "
                        + (rows[i] == null ? "no" : rows[i].length) + " values");
            }
        }
    }
}

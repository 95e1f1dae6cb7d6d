package gan.finance;

import gan.Check;
import org.apache.commons.math3.special.Erf;

/**
 * How heavy a sample's tails are, against the standard normal N(0, 1) as the reference, for standardised
 * data such as z = (r − mean) / std of daily returns.
 *
 * <pre>
 *   Φ⁻¹(p) = √2 · erf⁻¹(2p − 1)                  the normal's p-quantile (−2.3263 at 1%, −1.6449 at 5%)
 *   P(|Z| &gt; c) = erfc(c / √2)                     the normal's two-sided tail beyond c (0.27% at c = 3)
 *   fractionBeyond(x, c) = #{i : |x_i| &gt; c} / n    the sample's two-sided tail beyond c
 *   bothBelow(rows, c) = #{i : x_i &lt; −c and y_i &lt; −c} / n   joint crashes of two series on the same day
 * </pre>
 *
 * erf⁻¹ and erfc are commons-math3's ({@code org.apache.commons.math3.special.Erf}), accurate to about
 * 1e-15 relative in the range used here.
 */
public final class Tails {
    private Tails() {
    }

    /** Φ⁻¹(p), the p-quantile of N(0, 1). p in (0, 1). */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1) (exclusive), got " + p);
        }
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }

    /** P(|Z| &gt; c) = erfc(c / √2) for Z ~ N(0, 1). c ≥ 0 and finite. */
    public static double normalTail(double c) {
        Check.nonNegative("c", c);
        return Erf.erfc(c / Math.sqrt(2));
    }

    /** The share of values with |x_i| &gt; c. x: finite, non-empty, not modified. c ≥ 0 and finite. */
    public static double fractionBeyond(double[] x, double c) {
        Check.finiteValues("x", x);
        Check.nonNegative("c", c);
        int n = 0;
        for (double v : x) {
            if (Math.abs(v) > c) {
                n++;
            }
        }
        return n / (double) x.length;
    }

    /**
     * m normal scores Φ⁻¹((i + ½) / m), i = 0 … m − 1, ascending: a sample-sized stand-in for N(0, 1) whose
     * quantiles are the normal's, without random noise (e.g. the reference of a Q-Q plot against the normal).
     *
     * @param m ≥ 1
     */
    public static double[] normalScores(int m) {
        Check.atLeast("m", m, 1);
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            s[i] = normalQuantile((i + 0.5) / m);
        }
        return s;
    }

    /**
     * The share of pairs where both coordinates are below −c: for standardised returns of two shares, how
     * often both fall more than c standard deviations on the same day. For a bivariate normal with
     * correlation ρ this is small and falls fast with c; fat, dependent tails keep it larger.
     *
     * @param rows n × 2 pairs, finite. Not modified.
     * @param c    ≥ 0 and finite
     */
    public static double bothBelow(double[][] rows, double c) {
        Correlation.checkPairs(rows);
        Check.nonNegative("c", c);
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        int n = 0;
        for (int i = 0; i < rows.length; i++) {
            if (!Double.isFinite(rows[i][0]) || !Double.isFinite(rows[i][1])) {
                throw new IllegalArgumentException("rows[" + i + "] must hold finite numbers, got " + rows[i][0] + ", " + rows[i][1]);
            }
            if (rows[i][0] < -c && rows[i][1] < -c) n++;
        }
        return n / (double) rows.length;
    }
}

package gan.finance;

import gan.Check;
import gan.stats.Samples;

/**
 * The shape of a 1-D sample: skewness and kurtosis from central moments, with the population (biased)
 * convention of {@code scipy.stats.skew} and {@code scipy.stats.kurtosis(fisher=False)}, their defaults.
 *
 * <pre>
 *   m_k = (1/n) Σ (x_i − x̄)^k                     central moment of order k
 *   skewness        g₁ = m₃ / m₂^{3/2}              0 for a normal; &lt; 0: a longer left tail
 *   kurtosis        b₂ = m₄ / m₂²                   Pearson's, "raw": 3 for a normal
 *   excess kurtosis b₂ − 3                          Fisher's: 0 for a normal
 * </pre>
 *
 * "Fat tails" means kurtosis &gt; 3 (excess &gt; 0): more of the variance comes from rare large values than a
 * normal with the same variance would give. Two passes (mean first); every method validates its input
 * (non-empty, finite, not all equal) and leaves it unmodified.
 */
public final class Moments {
    /** b₂ of any normal distribution. */
    public static final double NORMAL_KURTOSIS = 3;

    private Moments() {
    }

    /** m_k = (1/n) Σ (x_i − x̄)^k for k = 2, 3 or 4. x: not modified. */
    public static double central(double[] x, int k) {
        if (k < 2 || k > 4) {
            throw new IllegalArgumentException("k must be 2, 3 or 4, got " + k);
        }
        double mean = Samples.mean(x);
        double s = 0;
        for (double v : x) {
            double d = v - mean;
            s += k == 2 ? d * d : k == 3 ? d * d * d : d * d * d * d;
        }
        return s / x.length;
    }

    /** Skewness g₁ = m₃ / m₂^{3/2}. x: at least 2 values, not all equal. Not modified. */
    public static double skewness(double[] x) {
        double m2 = spread(x);
        return central(x, 3) / Math.pow(m2, 1.5);
    }

    /** Pearson's (raw) kurtosis b₂ = m₄ / m₂²: 3 for a normal. x: at least 2 values, not all equal. Not modified. */
    public static double kurtosis(double[] x) {
        double m2 = spread(x);
        return central(x, 4) / (m2 * m2);
    }

    /** Fisher's excess kurtosis b₂ − 3: 0 for a normal. x: not modified. */
    public static double excessKurtosis(double[] x) {
        return kurtosis(x) - NORMAL_KURTOSIS;
    }

    private static double spread(double[] x) {
        Check.finiteValues("x", x);
        if (x.length < 2) {
            throw new IllegalArgumentException("x must have at least 2 values for skewness or kurtosis, got " + x.length);
        }
        double m2 = central(x, 2);
        if (!(m2 > 0)) {
            throw new IllegalArgumentException("x has zero spread (all " + x.length + " values equal " + x[0]
                    + "), so skewness and kurtosis are undefined");
        }
        return m2;
    }
}

package gan.finance;

import gan.Check;
import gan.stats.Samples;

/**
 * The sample autocorrelation function of a series x_1 … x_n (Box and Jenkins' estimator):
 *
 * <pre>
 *   ρ̂(h) = Σ_{t=1}^{n−h} (x_t − x̄)(x_{t+h} − x̄) / Σ_{t=1}^{n} (x_t − x̄)²,   h = 1 … H
 * </pre>
 *
 * For an i.i.d. series each ρ̂(h) is approximately N(0, 1/n), so ±{@value #Z95}/√n is the usual 95% band: about
 * one lag in twenty falls outside it by chance. Volatility clustering shows as ρ̂(h) of |x| far above the band for
 * many lags while ρ̂(h) of x stays near it.
 */
public final class Acf {
    /** The normal's 97.5% quantile, for the two-sided 95% band. */
    public static final double Z95 = 1.959963984540054;

    private Acf() {
    }

    /**
     * ρ̂(1) … ρ̂(maxLag); element h − 1 is lag h.
     *
     * @param x      finite, more than maxLag values, not all equal. Not modified.
     * @param maxLag ≥ 1
     */
    public static double[] of(double[] x, int maxLag) {
        Check.finiteValues("x", x);
        Check.atLeast("maxLag", maxLag, 1);
        if (x.length <= maxLag) {
            throw new IllegalArgumentException("x must hold more than maxLag = " + maxLag + " values, got " + x.length);
        }
        double mean = Samples.mean(x);
        double denom = 0;
        for (double v : x) denom += (v - mean) * (v - mean);
        if (!(denom > 0)) {
            throw new IllegalArgumentException("x has no spread (all values equal), so its autocorrelation is undefined");
        }
        double[] rho = new double[maxLag];
        for (int h = 1; h <= maxLag; h++) {
            double s = 0;
            for (int t = 0; t + h < x.length; t++) s += (x[t] - mean) * (x[t + h] - mean);
            rho[h - 1] = s / denom;
        }
        return rho;
    }

    /** The 95% band half-width Z95 / √n for a series of n values under i.i.d. n ≥ 1. */
    public static double band(int n) {
        Check.atLeast("n", n, 1);
        return Z95 / Math.sqrt(n);
    }

    /** |x_i|, the series whose autocorrelation shows volatility clustering. x: not modified. */
    public static double[] abs(double[] x) {
        Check.finiteValues("x", x);
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) a[i] = Math.abs(x[i]);
        return a;
    }

    /** How many of the given autocorrelations lie outside ±band. */
    public static int outside(double[] rho, double band) {
        Check.notNull("rho", rho);
        int n = 0;
        for (double r : rho) {
            if (Math.abs(r) > band) n++;
        }
        return n;
    }
}

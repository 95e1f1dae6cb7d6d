package gan.finance;

import gan.Check;

/**
 * Price paths from standardised daily shocks, in the geometric-Brownian-motion form of the course's
 * chapter 10 (stock price simulation):
 *
 * <pre>
 *   S_{p,0}   = S₀                                         (e.g. the last close)
 *   S_{p,t+1} = S_{p,t} · exp(μ + σ · ε_{p,t})            t = 0 … days − 1
 * </pre>
 *
 * where μ and σ are the mean and standard deviation of the daily log returns and ε are standardised
 * shocks ({@link Shocks}): N(0, 1) gives GBM with daily log-return mean μ (μ is already the GBM's
 * "μ − σ²/2" of the log price), draws of a GAN trained on (r − μ)/σ give the same recipe with the GAN's
 * distribution instead of the normal's. So log S_{p,T} = log S₀ + T·μ + σ·Σ_t ε_{p,t}.
 */
public final class PricePaths {
    private PricePaths() {
    }

    /**
     * Paths × (days + 1) prices, column 0 being S₀.
     *
     * @param s0     start price, positive and finite
     * @param mu     daily mean log return μ, finite
     * @param sigma  daily log-return standard deviation σ, ≥ 0 and finite
     * @param shocks paths × days standardised shocks ε, finite, all rows the same length ≥ 1. Not modified.
     */
    public static double[][] simulate(double s0, double mu, double sigma, double[][] shocks) {
        Check.positive("s0", s0);
        Check.finite("mu", mu);
        Check.nonNegative("sigma", sigma);
        Check.notNull("shocks", shocks);
        if (shocks.length == 0) {
            throw new IllegalArgumentException("shocks must hold at least one path, got 0");
        }
        int days = Check.finiteValues("shocks[0]", shocks[0]).length;
        double[][] s = new double[shocks.length][days + 1];
        for (int p = 0; p < shocks.length; p++) {
            double[] e = Check.finiteValues("shocks[" + p + "]", shocks[p]);
            if (e.length != days) {
                throw new IllegalArgumentException("shocks[" + p + "] has " + e.length + " days, shocks[0] has " + days
                        + " (all paths must have the same length)");
            }
            double[] path = s[p];
            path[0] = s0;
            for (int t = 0; t < days; t++) {
                path[t + 1] = path[t] * Math.exp(mu + sigma * e[t]);        // S_{t+1} = S_t · exp(μ + σ ε_t)
            }
        }
        return s;
    }

    /** The last price of every path. paths: not modified. */
    public static double[] finals(double[][] paths) {
        checkPaths(paths);
        double[] f = new double[paths.length];
        for (int p = 0; p < paths.length; p++) {
            double[] path = Check.finiteValues("paths[" + p + "]", paths[p]);
            f[p] = path[path.length - 1];
        }
        return f;
    }

    /**
     * The value of a buy-and-hold portfolio of two shares worth 1 at the start, weight w in the first:
     * V_{p,t} = w · A_{p,t} / A_{p,0} + (1 − w) · B_{p,t} / B_{p,0}.
     *
     * @param a paths of the first share (positive prices). Not modified.
     * @param b paths of the second share, the same shape as a. Not modified.
     * @param w weight of the first share in [0, 1]
     */
    public static double[][] portfolio(double[][] a, double[][] b, double w) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        Check.inRange("w", w, 0, 1);
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("a and b must hold the same number (≥ 1) of paths, got " + a.length + " and " + b.length);
        }
        double[][] v = new double[a.length][];
        for (int p = 0; p < a.length; p++) {
            double[] x = Check.finiteValues("a[" + p + "]", a[p]), y = Check.finiteValues("b[" + p + "]", b[p]);
            if (x.length != y.length) {
                throw new IllegalArgumentException("a[" + p + "] has " + x.length + " prices, b[" + p + "] has " + y.length);
            }
            if (!(x[0] > 0) || !(y[0] > 0)) {
                throw new IllegalArgumentException("path " + p + " must start at positive prices, got " + x[0] + " and " + y[0]);
            }
            v[p] = new double[x.length];
            for (int t = 0; t < x.length; t++) {
                v[p][t] = w * x[t] / x[0] + (1 - w) * y[t] / y[0];
            }
        }
        return v;
    }

    /** Throws IllegalArgumentException unless paths is non-null and holds at least one path. */
    static double[][] checkPaths(double[][] paths) {
        Check.notNull("paths", paths);
        if (paths.length == 0) {
            throw new IllegalArgumentException("paths must hold at least one path, got 0");
        }
        return paths;
    }
}

package gan.finance;

import gan.Check;

/**
 * Drawdowns of price paths: how far a price falls below its running peak.
 *
 * <pre>
 *   drawdown at t     DD_t = 1 − P_t / max_{s ≤ t} P_s          in [0, 1)
 *   maximum drawdown  MDD  = max_t DD_t                          (0 for a path that never falls)
 *   P(MDD ≥ level)    the share of simulated paths whose maximum drawdown reaches level, e.g. 0.20
 * </pre>
 *
 * The peak includes the path's first value, so a path that starts at the last close and only falls has
 * MDD = 1 − min / start. Prices must be positive and finite; inputs are not modified.
 */
public final class Drawdown {
    private Drawdown() {
    }

    /** MDD of one path (at least 1 positive, finite price). path: not modified. */
    public static double max(double[] path) {
        Check.finiteValues("path", path);
        double peak = path[0], worst = 0;
        for (int t = 0; t < path.length; t++) {
            if (!(path[t] > 0)) {
                throw new IllegalArgumentException("path[" + t + "] must be a positive price, got " + path[t]);
            }
            peak = Math.max(peak, path[t]);
            worst = Math.max(worst, 1 - path[t] / peak);
        }
        return worst;
    }

    /** MDD of every path. paths: at least one path, not modified. */
    public static double[] maxima(double[][] paths) {
        PricePaths.checkPaths(paths);
        double[] m = new double[paths.length];
        for (int p = 0; p < paths.length; p++) {
            m[p] = max(Check.notNull("paths[" + p + "]", paths[p]));
        }
        return m;
    }

    /**
     * The share of paths with MDD ≥ level.
     *
     * @param paths at least one path of positive prices. Not modified.
     * @param level in (0, 1), e.g. 0.20 for "a 20% drawdown"
     */
    public static double probability(double[][] paths, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1) (0.20 is a 20% drawdown), got " + level);
        }
        int hit = 0;
        for (double m : maxima(paths)) {
            if (m >= level) hit++;
        }
        return hit / (double) paths.length;
    }
}

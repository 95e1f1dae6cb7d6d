package gan.stats;

import gan.Check;

/**
 * Kullback–Leibler and Jensen–Shannon divergences of two {@link Density densities}, by numerical integration,
 * in nats, and the closed form for normals they are tested against. The same divergences of samples, from
 * histograms, are in {@link Divergences}.
 *
 * <pre>
 *   KL(p‖q)  = ∫ p · log(p / q) dx
 *   JSD(p‖q) = ½ KL(p‖m) + ½ KL(q‖m),   m = (p + q)/2   symmetric, 0 ≤ JSD ≤ log 2, = 0 iff p = q
 * </pre>
 *
 * {@link #kl(Density, Density)} and {@link #jsd(Density, Density)} integrate with {@link Quadrature}
 * (composite Gauss–Legendre on the box covering both densities), in log space so far tails do not underflow
 * to 0·log(0/0). Convention: 0 · log 0 = 0. KL of normals matches the closed form {@link #klNormal} within
 * 6e-14 in 1-D and 5e-15 in 2-D (measured; the tests require 1e-8 and 1e-10).
 */
public final class DensityDivergences {
    private DensityDivergences() {
    }

    // ------------------------------------------------------------------ densities

    /** KL(p‖q) = ∫ p log(p/q) dx on {@link Quadrature#covering}(p, q). See {@link #kl(Density, Density, Quadrature)}. */
    public static double kl(Density p, Density q) {
        checkPair(p, q);
        return kl(p, q, Quadrature.covering(p, q));
    }

    /**
     * KL(p‖q) = ∫ p(x) log(p(x) / q(x)) dx ≈ Σ_nodes W · p · (log p − log q), with p = exp(log p) and the
     * logs from {@link Density#logDensity}; 0 · log 0 = 0 (nodes where p = 0 add nothing), +∞ if q = 0
     * where p &gt; 0. The rule should cover both densities' mass; {@link Quadrature#covering} does.
     *
     * @param p    the first density. Not modified.
     * @param q    the second density, same dimension. Not modified.
     * @param grid the quadrature rule, same dimension. Not modified.
     */
    public static double kl(Density p, Density q, Quadrature grid) {
        double[][] on = onGrid(p, q, grid);       // {log p, log q, W} at every node
        double[] lp = on[0], lq = on[1], w = on[2];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (lp[i] == Double.NEGATIVE_INFINITY) {
                continue;                                   // 0 · log(0 / q) = 0
            }
            if (lq[i] == Double.NEGATIVE_INFINITY) {
                return Double.POSITIVE_INFINITY;            // p > 0 = q
            }
            s += w[i] * Math.exp(lp[i]) * (lp[i] - lq[i]);
        }
        return s;
    }

    /** JSD(p‖q) on {@link Quadrature#covering}(p, q). See {@link #jsd(Density, Density, Quadrature)}. */
    public static double jsd(Density p, Density q) {
        checkPair(p, q);
        return jsd(p, q, Quadrature.covering(p, q));
    }

    /**
     * JSD(p‖q) = ½ ∫ p log(p/m) dx + ½ ∫ q log(q/m) dx, m = (p + q)/2, with log m = logaddexp(log p, log q) −
     * log 2 (exact where p or q underflows). Symmetric, 0 for p = q, at most log 2 (reached when the
     * densities do not overlap; numerically up to log 2 · the rule's mass error). 0 · log 0 = 0.
     * Arguments as {@link #kl(Density, Density, Quadrature)}; not modified.
     */
    public static double jsd(Density p, Density q, Quadrature grid) {
        return againstMixture(onGrid(p, q, grid), 0.5, GanTheory.LOG2);     // log m = logaddexp(log p, log q) − log 2
    }

    // ------------------------------------------------------------------ closed forms (the references the tests check against)

    /**
     * KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²) / (2σ₂²) − ½, in nats.
     * E.g. KL(N(0,1) ‖ N(1,2²)) = log 2 + 2/8 − ½ = 0.44315.
     */
    public static double klNormal(double mean1, double std1, double mean2, double std2) {
        Check.finite("mean1", mean1);
        Check.positive("std1", std1);
        Check.finite("mean2", mean2);
        Check.positive("std2", std2);
        double dm = mean1 - mean2;
        return Math.log(std2 / std1) + (std1 * std1 + dm * dm) / (2 * std2 * std2) - 0.5;
    }

    /**
     * KL(N(μ₁, σ₁² I) ‖ N(μ₂, σ₂² I)) on ℝ<sup>d</sup> = d·log(σ₂/σ₁) + (d·σ₁² + |μ₁ − μ₂|²) / (2σ₂²) − d/2.
     * Means: same length d ≥ 1, not modified.
     */
    public static double klNormal(double[] mean1, double std1, double[] mean2, double std2) {
        Check.finiteValues("mean1", mean1);
        Check.finiteValues("mean2", mean2);
        if (mean1.length != mean2.length) {
            throw new IllegalArgumentException("mean1 and mean2 must have the same length, got " + mean1.length
                    + " and " + mean2.length);
        }
        Check.positive("std1", std1);
        Check.positive("std2", std2);
        int d = mean1.length;
        double dm2 = 0;
        for (int j = 0; j < d; j++) {
            dm2 += (mean1[j] - mean2[j]) * (mean1[j] - mean2[j]);
        }
        return d * Math.log(std2 / std1) + (d * std1 * std1 + dm2) / (2 * std2 * std2) - 0.5 * d;
    }

    // ------------------------------------------------------------------ shared with GanTheory and NonSaturating

    /** log(e^a + e^b), exact for large |a − b| and for −∞ arguments (not both −∞). */
    static double logAddExp(double a, double b) {
        double m = Math.max(a, b);
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        return m + Math.log1p(Math.exp(Math.min(a, b) - m));
    }

    /**
     * Σ_nodes c · W · (p (log p − log r) + q (log q − log r)), log r = logaddexp(log p, log q) − shift, of
     * {@link #onGrid}'s {log p, log q, W}: ∫ p log(p/r) + q log(q/r) dx times c, for r = (p + q)/e^shift.
     * JSD takes c = ½, shift = log 2 (r = m); V(D*, G) takes c = 1, shift = 0 (r = p + q). A term whose density
     * is 0 adds nothing (0 · log 0 = 0); nodes where both are 0 are skipped.
     */
    static double againstMixture(double[][] on, double c, double shift) {
        double[] lp = on[0], lq = on[1], w = on[2];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double a = lp[i];
            double b = lq[i];
            if (a == Double.NEGATIVE_INFINITY && b == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double lr = logAddExp(a, b) - shift;
            if (a != Double.NEGATIVE_INFINITY) {
                s += c * w[i] * Math.exp(a) * (a - lr);
            }
            if (b != Double.NEGATIVE_INFINITY) {
                s += c * w[i] * Math.exp(b) * (b - lr);
            }
        }
        return s;
    }

    /**
     * {log p, log q, W} at every node of grid ({@link Density#logDensityGrid}'s order, with
     * {@link Quadrature#tensorWeights}): the inputs of every ∫ f(p, q) dx ≈ Σ_nodes W · f here and in
     * {@link GanTheory} and {@link NonSaturating}. Checks that p, q and the grid share one dimension.
     */
    static double[][] onGrid(Density p, Density q, Quadrature grid) {
        checkPair(p, q);
        checkGrid(grid, p.dimension());
        return new double[][] {p.logDensityGrid(grid.axes()), q.logDensityGrid(grid.axes()), grid.tensorWeights()};
    }

    static void checkPair(Density p, Density q) {
        Check.notNull("p", p);
        Check.notNull("q", q);
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("p and q must have the same dimension, got " + p.dimension() + " ("
                    + p + ") and " + q.dimension() + " (" + q + ")");
        }
    }

    static void checkGrid(Quadrature grid, int d) {
        Check.notNull("grid", grid);
        if (grid.dimension() != d) {
            throw new IllegalArgumentException("grid must have the densities' dimension " + d + ", got "
                    + grid.dimension());
        }
    }
}

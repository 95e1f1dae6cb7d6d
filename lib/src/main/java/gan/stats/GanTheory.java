package gan.stats;

import gan.Check;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The lecture's section 6-7 (Goodfellow et al. 2014, §4) with numbers: the value function, the optimal
 * discriminator and the identity that links them to the Jensen–Shannon divergence.
 *
 * <pre>
 *   V(D, G)  = E_{x~p_data}[log D(x)] + E_{x~p_g}[log(1 − D(x))]
 *            = ∫ p_data(x) log D(x) + p_g(x) log(1 − D(x)) dx
 *   D*(x)    = p_data(x) / (p_data(x) + p_g(x))            (∂/∂D of the integrand = 0; → ½ when p_g = p_data)
 *   V(D*, G) = ∫ p_data log(p_data / (p_data + p_g)) + p_g log(p_g / (p_data + p_g)) dx
 *            = −log 4 + KL(p_data ‖ m) + KL(p_g ‖ m),  m = (p_data + p_g)/2
 *            = −log 4 + 2·JSD(p_data ‖ p_g)                (−log 4 = −1.3863 at p_g = p_data)
 * </pre>
 *
 * Natural logs. Convention 0 · log 0 = 0: where a density is 0 its term adds nothing, whatever D is there.
 * The identity holds because ∫ p_data = ∫ p_g = 1; {@link #identityResidual} measures it numerically
 * (computing V(D*, G) and JSD by separate formulas on one {@link Quadrature}).
 */
public final class GanTheory {
    /** log 4 = 1.3863: −V(D*, G) and the D-loss at the global optimum p_g = p_data. */
    public static final double LOG4 = Math.log(4);
    /** log 2 = 0.6931: the largest JSD (disjoint supports), and D's loss per term when D ≡ ½. */
    public static final double LOG2 = Math.log(2);
    /** {@link #discriminatorGap(DoubleUnaryOperator, double[], double[])} evaluates from this quantile of the real sample… */
    public static final double GAP_LOW_QUANTILE = 0.025;
    /** …to this one (type-7 quantiles, numpy's default), the central 95 % of the real data. */
    public static final double GAP_HIGH_QUANTILE = 0.975;
    /** Number of equally spaced points of the gap grid. */
    public static final int GAP_POINTS = 201;

    private GanTheory() {
    }

    // ------------------------------------------------------------------ D*

    /**
     * D*(x) = p_data(x) / (p_data(x) + p_g(x)), computed as 1 / (1 + exp(log p_g − log p_data)) so that it is
     * exact where both densities underflow. Where both are exactly 0 (log = −∞) D* is undefined and does not
     * matter for V; this returns ½ there, its value at p_g = p_data.
     *
     * @param x a point of the densities' dimension. Not modified.
     */
    public static double optimalD(Density pData, Density pG, double[] x) {
        DensityDivergences.checkPair(pData, pG);
        return optimalFromLogs(pData.logDensity(x), pG.logDensity(x));
    }

    /** D*(x) of 1-D densities. See {@link #optimalD(Density, Density, double[])}. */
    public static double optimalD(Density pData, Density pG, double x) {
        DensityDivergences.checkPair(pData, pG);
        return optimalFromLogs(pData.logDensity(x), pG.logDensity(x));
    }

    /** D* as a function of a point, for {@link #value}. Densities: not modified. */
    public static ToDoubleFunction<double[]> optimalD(Density pData, Density pG) {
        DensityDivergences.checkPair(pData, pG);
        return x -> optimalFromLogs(pData.logDensity(x), pG.logDensity(x));
    }

    /** D* of 1-D densities as a function, for {@link #value} (as x -> d.applyAsDouble(x[0])) and plots. */
    public static DoubleUnaryOperator optimalD1D(Density pData, Density pG) {
        DensityDivergences.checkPair(pData, pG);
        Density.requireDimension(pData, 1, "pData");
        return x -> optimalFromLogs(pData.logDensity(x), pG.logDensity(x));
    }

    private static double optimalFromLogs(double lp, double lg) {
        if (lp == Double.NEGATIVE_INFINITY && lg == Double.NEGATIVE_INFINITY) {
            return 0.5;
        }
        return 1 / (1 + Math.exp(lg - lp));
    }

    // ------------------------------------------------------------------ V(D, G)

    /** V(D, G) on {@link Quadrature#covering}(pData, pG). See {@link #value(ToDoubleFunction, Density, Density, Quadrature)}. */
    public static double value(ToDoubleFunction<double[]> d, Density pData, Density pG) {
        DensityDivergences.checkPair(pData, pG);
        return value(d, pData, pG, Quadrature.covering(pData, pG));
    }

    /**
     * V(D, G) = ∫ p_data(x) log D(x) + p_g(x) log(1 − D(x)) dx by quadrature. D(x) must lie in [0, 1]; the
     * result is −∞ if D = 0 where p_data &gt; 0 or D = 1 where p_g &gt; 0 (a discriminator that is certain and
     * wrong). Nodes where a density is 0 (as a double) add nothing for that density's term. A D computed in
     * linear space, D* included, rounds to exactly 1 where p_g/p_data &lt; 1e-16 and then gives −∞ wherever
     * p_g is still positive: use {@link #valueAtOptimum} for V(D*, G).
     *
     * @param d     the discriminator, x ↦ D(x) ∈ [0, 1]; its argument array is reused, do not keep it
     * @param pData p_data. Not modified.
     * @param pG    p_g, same dimension. Not modified.
     * @param grid  the quadrature rule. Not modified.
     */
    public static double value(ToDoubleFunction<double[]> d, Density pData, Density pG, Quadrature grid) {
        Check.notNull("d", d);
        double[][] on = DensityDivergences.onGrid(pData, pG, grid);       // {log p, log q, W} at every node
        double[] lp = on[0], lg = on[1], w = on[2];
        double[] s = {0};
        Grid.forEach(grid.axes(), (i, index, x) -> {
            double p = Math.exp(lp[i]);
            double g = Math.exp(lg[i]);
            if (p > 0 || g > 0) {
                double dx = d.applyAsDouble(x);
                if (!(dx >= 0 && dx <= 1)) {
                    throw new IllegalArgumentException("d(x) must be in [0, 1], got " + dx + " at x = "
                            + Arrays.toString(x));
                }
                if (p > 0) {
                    s[0] += w[i] * p * Math.log(dx);
                }
                if (g > 0) {
                    s[0] += w[i] * g * Math.log1p(-dx);
                }
            }
        });
        return s[0];
    }

    /** V(D*, G) on {@link Quadrature#covering}(pData, pG). See {@link #valueAtOptimum(Density, Density, Quadrature)}. */
    public static double valueAtOptimum(Density pData, Density pG) {
        DensityDivergences.checkPair(pData, pG);
        return valueAtOptimum(pData, pG, Quadrature.covering(pData, pG));
    }

    /**
     * V(D*, G) = ∫ p_data log(p_data / (p_data + p_g)) + p_g log(p_g / (p_data + p_g)) dx, the value function
     * with D* substituted, evaluated in log space (log D* = log p_data − logaddexp(log p_data, log p_g)), so
     * that it stays exact where D* rounds to 0 or 1. It equals −log 4 + 2·JSD(p_data ‖ p_g).
     * Arguments: not modified.
     */
    public static double valueAtOptimum(Density pData, Density pG, Quadrature grid) {
        // p_data · log D* + p_g · log(1 − D*), log(p_data + p_g) = logaddexp(log p_data, log p_g)
        return DensityDivergences.againstMixture(DensityDivergences.onGrid(pData, pG, grid), 1, 0);
    }

    /**
     * V(D*, G) − (−log 4 + 2·JSD(p_data ‖ p_g)) on {@link Quadrature#covering}(pData, pG): 0 in exact
     * arithmetic; numerically about log 2 · (the rule's error in ∫ p_data + ∫ p_g). Not modified.
     */
    public static double identityResidual(Density pData, Density pG) {
        DensityDivergences.checkPair(pData, pG);
        Quadrature grid = Quadrature.covering(pData, pG);
        return valueAtOptimum(pData, pG, grid) - (-LOG4 + 2 * DensityDivergences.jsd(pData, pG, grid));
    }

    /**
     * The Monte Carlo V(D, G) of two samples, (1/n) Σ log D(x_i) + (1/m) Σ log(1 − D(x̃_j)), with x̃ = G(z) the
     * fakes: what the trainer's D-loss negates. −∞ if D is 0 on a real point or 1 on a fake.
     *
     * @param d    D, values in [0, 1]
     * @param real samples of p_data, non-empty, finite. Not modified.
     * @param fake samples of p_g, non-empty, finite. Not modified.
     */
    public static double valueFromSamples(DoubleUnaryOperator d, double[] real, double[] fake) {
        Check.notNull("d", d);
        Check.finiteValues("real", real);
        Check.finiteValues("fake", fake);
        double a = 0;
        for (double x : real) {
            a += Math.log(checkedD(d, x));
        }
        double b = 0;
        for (double x : fake) {
            b += Math.log1p(-checkedD(d, x));
        }
        return a / real.length + b / fake.length;
    }

    private static double checkedD(DoubleUnaryOperator d, double x) {
        double v = d.applyAsDouble(x);
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("d(x) must be in [0, 1], got " + v + " at x = " + x);
        }
        return v;
    }

    // ------------------------------------------------------------------ trained D against D*

    /**
     * The gap between a trained discriminator and D* estimated from samples: p_data and p_g are the
     * {@link Kde}s of the real and fake samples (Scott's bandwidth), D* = p̂_data / (p̂_data + p̂_g), and
     * |D − D*| is evaluated at {@value #GAP_POINTS} equally spaced points from the 2.5 % to the 97.5 %
     * quantile of the real sample (type 7). Outside that central range the KDEs rest on a handful of points
     * and D* estimates are noise.
     *
     * @param d    the trained discriminator, values in [0, 1]
     * @param real samples of p_data, at least 2, not all equal. Not modified.
     * @param fake samples of p_g (e.g. G(z)), at least 2, not all equal. Not modified.
     */
    public static DiscriminatorGap discriminatorGap(DoubleUnaryOperator d, double[] real, double[] fake) {
        Check.notNull("d", d);
        Kde pData = Kde.of(real);
        Kde pG = Kde.of(fake);
        double[] sorted = real.clone();
        Arrays.sort(sorted);
        double lo = Samples.sortedQuantile(sorted, GAP_LOW_QUANTILE);
        double hi = Samples.sortedQuantile(sorted, GAP_HIGH_QUANTILE);
        return discriminatorGap(d, pData, pG, lo, hi, GAP_POINTS);
    }

    /**
     * max and mean of |D(x_i) − D*(x_i)| over {@code points} equally spaced x_i = lo + i·(hi − lo)/(points − 1),
     * for given 1-D densities.
     *
     * @param lo     first point, finite, &lt; hi
     * @param hi     last point, finite
     * @param points ≥ 2
     */
    public static DiscriminatorGap discriminatorGap(DoubleUnaryOperator d, Density pData, Density pG, double lo,
            double hi, int points) {
        Check.notNull("d", d);
        DensityDivergences.checkPair(pData, pG);
        Density.requireDimension(pData, 1, "pData");
        Check.atLeast("points", points, 2);
        double[] xs = Grid.linspace(lo, hi, points);             // x_i = lo + i·(hi − lo)/(points − 1); checks lo < hi
        double[] ds = new double[points];
        double[] stars = new double[points];
        double max = -1;
        double argMax = lo;
        double sum = 0;
        for (int i = 0; i < points; i++) {
            double x = xs[i];
            ds[i] = checkedD(d, x);
            stars[i] = optimalFromLogs(pData.logDensity(x), pG.logDensity(x));
            double gap = Math.abs(ds[i] - stars[i]);
            sum += gap;
            if (gap > max) {
                max = gap;
                argMax = x;
            }
        }
        return new DiscriminatorGap(max, sum / points, argMax, xs, ds, stars);
    }
}

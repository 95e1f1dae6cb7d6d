package gan.stats;

import gan.Check;
import gan.Rng;
import java.util.Arrays;

/**
 * A mixture of isotropic Gaussians on ℝ<sup>d</sup>, the one type that is both a density (for KL, JSD, D*)
 * and a sampler (for the lecture's real data in {@code gan.data.Datasets}):
 *
 * <pre>
 *   p(x) = Σ_k w_k · N(x; μ_k, σ_k² I)
 *   N(x; μ, σ² I) = (2π σ²)^(−d/2) · exp(−|x − μ|² / (2σ²))
 * </pre>
 *
 * with weights w_k &gt; 0 summing to 1, means μ_k ∈ ℝ<sup>d</sup> and one standard deviation σ_k &gt; 0 per
 * component (the same on every axis). A normal N(μ, σ²) is the one-component case ({@link #normal}).
 * {@link #logDensity(double[])} is computed as a log-sum-exp, exact even where p(x) underflows.
 *
 * <p>Sampling: a component k is drawn with probability w_k (one {@code rng.nextDouble()}, skipped when
 * there is a single component), then x = μ_k + σ_k·ε with ε from {@code rng.nextGaussian()} per axis.
 * So {@code normal(0, 1).sample1D(n, rng)} gives exactly the numbers of n calls of
 * {@code rng.nextGaussian()}.
 *
 * <p>Immutable: the constructor copies its arrays and the accessors return copies.
 */
public final class GaussianMixture implements Density {
    /** How far |Σ w_k − 1| may be from 0 (rounding of weights such as 1/3). */
    public static final double WEIGHT_SUM_TOL = 1e-9;
    /** {@link #lower}/{@link #upper} reach this many standard deviations beyond the outermost means. */
    public static final double TAIL_STDS = 10;

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double[] weights;
    private final double[][] means;
    private final double[] stds;
    private final int d;
    /** log w_k − d·log σ_k − (d/2)·log 2π: the log of each component's constant factor. */
    private final double[] logConst;
    /** cumulative weights for sampling; cum[K−1] = 1 exactly. */
    private final double[] cum;

    /**
     * @param weights w_k, positive, finite, summing to 1 within {@link #WEIGHT_SUM_TOL}. Not modified.
     * @param means   μ_k, one row per component, all of the same length d ≥ 1, finite. Not modified.
     * @param stds    σ_k, one per component, positive and finite. Not modified.
     */
    public GaussianMixture(double[] weights, double[][] means, double[] stds) {
        Check.finiteValues("weights", weights);
        Check.notNull("means", means);
        Check.notNull("stds", stds);
        int kCount = weights.length;
        if (means.length != kCount || stds.length != kCount) {
            throw new IllegalArgumentException("weights, means and stds must have one entry per component, got lengths "
                    + kCount + ", " + means.length + ", " + stds.length);
        }
        double sum = 0;
        for (int k = 0; k < kCount; k++) {
            Check.positive("weights[" + k + "]", weights[k]);
            Check.positive("stds[" + k + "]", stds[k]);
            sum += weights[k];
        }
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOL) {
            throw new IllegalArgumentException("weights must sum to 1 (within " + WEIGHT_SUM_TOL + "), got sum " + sum
                    + " for " + Arrays.toString(weights));
        }
        Check.finiteValues("means[0]", means[0]);
        this.d = means[0].length;
        this.means = new double[kCount][];
        for (int k = 0; k < kCount; k++) {
            Check.finiteValues("means[" + k + "]", means[k]);
            if (means[k].length != d) {
                throw new IllegalArgumentException("means[" + k + "] must have length " + d
                        + " (the length of means[0]), got " + means[k].length);
            }
            this.means[k] = means[k].clone();
        }
        this.weights = weights.clone();
        this.stds = stds.clone();
        this.logConst = new double[kCount];
        this.cum = new double[kCount];
        double c = 0;
        for (int k = 0; k < kCount; k++) {
            logConst[k] = Math.log(weights[k]) - d * Math.log(stds[k]) - 0.5 * d * LOG_2PI;
            c += weights[k];
            cum[k] = c / sum;
        }
        cum[kCount - 1] = 1;
    }

    /** The 1-D normal N(mean, std²). */
    public static GaussianMixture normal(double mean, double std) {
        return new GaussianMixture(new double[] {1}, new double[][] {{mean}}, new double[] {std});
    }

    /** The isotropic normal N(mean, std² I) on ℝ<sup>d</sup>, d = mean.length. mean: not modified. */
    public static GaussianMixture normal(double[] mean, double std) {
        return new GaussianMixture(new double[] {1}, new double[][] {mean}, new double[] {std});
    }

    /** Equal weights 1/K and one common std: the lecture's "four Gaussians with std 0.5". means: not modified. */
    public static GaussianMixture equalWeights(double[][] means, double std) {
        Check.notNull("means", means);
        if (means.length == 0) {
            throw new IllegalArgumentException("means must hold at least one component, got 0");
        }
        double[] w = new double[means.length];
        double[] s = new double[means.length];
        Arrays.fill(w, 1.0 / means.length);
        Arrays.fill(s, std);
        return new GaussianMixture(w, means, s);
    }

    @Override
    public int dimension() {
        return d;
    }

    /** K, the number of components. */
    public int components() {
        return weights.length;
    }

    /** A copy of the weights w_k. */
    public double[] weights() {
        return weights.clone();
    }

    /** A copy of the means μ_k (K × d). */
    public double[][] means() {
        double[][] m = new double[means.length][];
        for (int k = 0; k < m.length; k++) {
            m[k] = means[k].clone();
        }
        return m;
    }

    /** A copy of the standard deviations σ_k. */
    public double[] stds() {
        return stds.clone();
    }

    /**
     * log p(x) = logsumexp_k [ log w_k − d·log σ_k − (d/2)·log 2π − |x − μ_k|² / (2σ_k²) ]. x: not modified.
     */
    @Override
    public double logDensity(double[] x) {
        Density.requirePoint(this, x);
        if (weights.length == 1) {
            return componentLog(0, x);
        }
        // streaming log-sum-exp: m = max so far, s = Σ exp(l_k − m); exact in far tails
        double m = Double.NEGATIVE_INFINITY;
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            double l = componentLog(k, x);
            if (l == Double.NEGATIVE_INFINITY) {
                continue;                        // x infinite: this component contributes exp(−∞) = 0
            }
            if (l <= m) {
                s += Math.exp(l - m);
            } else {
                s = s * Math.exp(m - l) + 1;
                m = l;
            }
        }
        return m + Math.log(s);
    }

    @Override
    public double logDensity(double x) {
        Density.requireDimension(this, 1, "density");
        return logDensity(new double[] {x});
    }

    private double componentLog(int k, double[] x) {
        double[] mu = means[k];
        double r2 = 0;
        for (int j = 0; j < d; j++) {
            double u = x[j] - mu[j];
            r2 += u * u;
        }
        return logConst[k] - r2 / (2 * stds[k] * stds[k]);
    }

    /** min_k (μ_k[axis] − {@link #TAIL_STDS}·σ_k). */
    @Override
    public double lower(int axis) {
        checkAxis(axis);
        double lo = Double.POSITIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            lo = Math.min(lo, means[k][axis] - TAIL_STDS * stds[k]);
        }
        return lo;
    }

    /** max_k (μ_k[axis] + {@link #TAIL_STDS}·σ_k). */
    @Override
    public double upper(int axis) {
        checkAxis(axis);
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            hi = Math.max(hi, means[k][axis] + TAIL_STDS * stds[k]);
        }
        return hi;
    }

    /** min_k σ_k, the narrowest component. */
    @Override
    public double scale(int axis) {
        checkAxis(axis);
        return Arrays.stream(stds).min().orElseThrow();
    }

    /**
     * n independent draws, one per row (n × d): component k with probability w_k, then μ_k + σ_k·ε,
     * ε ~ N(0, I). Advances {@code rng}.
     *
     * @param n   number of samples, ≥ 1
     * @param rng source of randomness. Modified (advanced).
     */
    public double[][] sample(int n, Rng rng) {
        Check.atLeast("n", n, 1);
        Check.notNull("rng", rng);
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            int k = pickComponent(rng);
            for (int j = 0; j < d; j++) {
                out[i][j] = means[k][j] + stds[k] * rng.nextGaussian();
            }
        }
        return out;
    }

    /** n independent draws of a 1-D mixture as a flat array; IllegalArgumentException when d ≠ 1. rng: modified. */
    public double[] sample1D(int n, Rng rng) {
        Density.requireDimension(this, 1, "mixture");
        Check.atLeast("n", n, 1);
        Check.notNull("rng", rng);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int k = pickComponent(rng);
            out[i] = means[k][0] + stds[k] * rng.nextGaussian();
        }
        return out;
    }

    private int pickComponent(Rng rng) {
        if (cum.length == 1) {
            return 0;
        }
        double u = rng.nextDouble();
        int k = 0;
        while (u >= cum[k]) {          // cum[K−1] = 1 > u, so the loop stops
            k++;
        }
        return k;
    }

    private void checkAxis(int axis) {
        if (axis < 0 || axis >= d) {
            throw new IllegalArgumentException("axis must be in [0, " + (d - 1) + "], got " + axis);
        }
    }

    @Override
    public String toString() {
        if (weights.length == 1) {
            return "N(" + (d == 1 ? Double.toString(means[0][0]) : Arrays.toString(means[0])) + ", " + stds[0] + "²"
                    + (d == 1 ? "" : "·I") + ")";
        }
        StringBuilder sb = new StringBuilder("GaussianMixture[");
        for (int k = 0; k < weights.length; k++) {
            if (k > 0) {
                sb.append(" + ");
            }
            sb.append(weights[k]).append("·N(").append(Arrays.toString(means[k])).append(", ").append(stds[k])
                    .append("²)");
        }
        return sb.append(']').toString();
    }
}

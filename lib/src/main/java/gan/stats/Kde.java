package gan.stats;

import gan.Check;

/**
 * Gaussian kernel density estimate of a sample X_1 … X_n in ℝ<sup>d</sup>, with a product kernel and one
 * bandwidth h_j per axis:
 *
 * <pre>
 *   p̂(x) = (1/n) Σ_i Π_j φ((x_j − X_ij) / h_j) / h_j,      φ(u) = exp(−u²/2) / √(2π)
 * </pre>
 *
 * <p>Default bandwidth, Scott's rule per axis: h_j = s_j · n<sup>−1/(d+4)</sup>, s_j the sample standard
 * deviation of axis j (ddof = 1). In 1-D this is exactly {@code scipy.stats.gaussian_kde}'s default
 * (h = s·n<sup>−1/5</sup>); in d-D scipy uses the full covariance, we use its diagonal.
 *
 * <p>Used for smooth curves of real and fake samples, for density-based divergences
 * ({@code DensityDivergences.kl(Kde.of(real), Kde.of(fake))}) and for D* from samples
 * ({@link GanTheory#discriminatorGap}). Evaluation costs O(n·d) per point. Immutable; the sample is copied.
 */
public final class Kde implements Density {
    /** {@link #lower}/{@link #upper} reach this many bandwidths beyond the sample's extremes. */
    public static final double TAIL_BANDWIDTHS = 10;

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final double[] points;     // n × d, row-major
    private final int n;
    private final int d;
    private final double[] h;
    private final double[] min;
    private final double[] max;
    /** −log n − Σ_j log(h_j √(2π)). */
    private final double logConst;

    private Kde(double[] points, int n, int d, double[] h) {
        this.points = points;
        this.n = n;
        this.d = d;
        this.h = h;
        this.min = new double[d];
        this.max = new double[d];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double c = -Math.log(n);
        for (int j = 0; j < d; j++) {
            c -= Math.log(h[j]) + LOG_SQRT_2PI;
        }
        this.logConst = c;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], points[i * d + j]);
                max[j] = Math.max(max[j], points[i * d + j]);
            }
        }
    }

    /** KDE of a 1-D sample with Scott's bandwidth h = s·n<sup>−1/5</sup>. sample: not modified (copied). */
    public static Kde of(double[] sample) {
        Check.finiteValues("sample", sample);
        return new Kde(sample.clone(), sample.length, 1, new double[] {scottBandwidth(sample, 1, "sample")});
    }

    /** KDE of a 1-D sample with the given bandwidth h &gt; 0. sample: not modified (copied). */
    public static Kde of(double[] sample, double bandwidth) {
        Check.finiteValues("sample", sample);
        Check.positive("bandwidth", bandwidth);
        return new Kde(sample.clone(), sample.length, 1, new double[] {bandwidth});
    }

    /** KDE of an n × d sample (rows are points) with Scott's bandwidth per axis. sample: not modified (copied). */
    public static Kde of(double[][] sample) {
        double[] flat = flatten(sample);
        int d = sample[0].length;
        double[] h = new double[d];
        double[] column = new double[sample.length];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < sample.length; i++) {
                column[i] = sample[i][j];
            }
            h[j] = scottBandwidth(column, d, "sample column " + j);
        }
        return new Kde(flat, sample.length, d, h);
    }

    /** KDE of an n × d sample with one bandwidth per axis (each &gt; 0). Arguments: not modified (copied). */
    public static Kde of(double[][] sample, double[] bandwidths) {
        double[] flat = flatten(sample);
        int d = sample[0].length;
        Check.notNull("bandwidths", bandwidths);
        if (bandwidths.length != d) {
            throw new IllegalArgumentException("bandwidths must have one entry per column (" + d + "), got "
                    + bandwidths.length);
        }
        for (int j = 0; j < d; j++) {
            Check.positive("bandwidths[" + j + "]", bandwidths[j]);
        }
        return new Kde(flat, sample.length, d, bandwidths.clone());
    }

    /**
     * Scott's rule h = s · n<sup>−1/(d+4)</sup>, s the standard deviation (ddof = 1) of one axis's values.
     * Needs n ≥ 2 and s &gt; 0 (a point mass has no density; pass a bandwidth instead). values: not modified.
     */
    public static double scottBandwidth(double[] values, int d, String name) {
        Check.finiteValues(name, values);
        Check.atLeast("d", d, 1);
        if (values.length < 2) {
            throw new IllegalArgumentException(name + " must have at least 2 points for Scott's bandwidth, got "
                    + values.length + "; pass a bandwidth explicitly");
        }
        double s = Samples.std(values, 1);
        if (!(s > 0)) {
            throw new IllegalArgumentException(name + " has zero spread (all " + values.length + " values equal "
                    + values[0] + "), so Scott's bandwidth is 0; pass a bandwidth explicitly");
        }
        return s * Math.pow(values.length, -1.0 / (d + 4));
    }

    private static double[] flatten(double[][] sample) {
        Check.notNull("sample", sample);
        if (sample.length == 0) {
            throw new IllegalArgumentException("sample must not be empty");
        }
        Check.notNull("sample[0]", sample[0]);
        int d = sample[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("sample rows must have at least 1 column, got 0");
        }
        double[] flat = new double[sample.length * d];
        for (int i = 0; i < sample.length; i++) {
            Check.finiteValues("sample[" + i + "]", sample[i]);
            if (sample[i].length != d) {
                throw new IllegalArgumentException("sample[" + i + "] must have " + d + " columns (as sample[0]), got "
                        + sample[i].length);
            }
            System.arraycopy(sample[i], 0, flat, i * d, d);
        }
        return flat;
    }

    @Override
    public int dimension() {
        return d;
    }

    /** n, the number of sample points. */
    public int size() {
        return n;
    }

    /** h_axis, the bandwidth on one axis. */
    public double bandwidth(int axis) {
        checkAxis(axis);
        return h[axis];
    }

    /**
     * log p̂(x). One pass sums exp(−½ Σ_j u_j²), u_j = (x_j − X_ij)/h_j; where that sum underflows (x more than
     * ~38 bandwidths from every point) a second, log-sum-exp pass gives the exact log. x: not modified.
     */
    @Override
    public double logDensity(double[] x) {
        Density.requirePoint(this, x);
        double s = 0;
        if (d == 1) {                                   // the common case, without the inner loop
            double x0 = x[0];
            double inv = 1 / h[0];
            for (int i = 0; i < n; i++) {
                double u = (x0 - points[i]) * inv;
                s += Math.exp(-0.5 * u * u);
            }
        } else {
            for (int i = 0; i < n; i++) {
                s += Math.exp(-0.5 * r2(x, i));
            }
        }
        if (s > 0) {
            return Math.log(s) + logConst;
        }
        return logSumExp(x) + logConst;
    }

    @Override
    public double logDensity(double x) {
        Density.requireDimension(this, 1, "density");
        return logDensity(new double[] {x});
    }

    private double r2(double[] x, int i) {
        double r2 = 0;
        int base = i * d;
        for (int j = 0; j < d; j++) {
            double u = (x[j] - points[base + j]) / h[j];
            r2 += u * u;
        }
        return r2;
    }

    private double logSumExp(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, -0.5 * r2(x, i));
        }
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.exp(-0.5 * r2(x, i) - m);
        }
        return m + Math.log(s);
    }

    /**
     * For d = 2 the product kernel separates: p̂(x_a, y_b) ∝ Σ_i A[a][i]·B[b][i] with A[a][i] = exp(−½((x_a −
     * X_i0)/h_0)²), B likewise, so the whole grid costs (|x| + |y|)·n exponentials and |x|·|y|·n multiply-adds
     * instead of |x|·|y|·n exponentials. Nodes where the sum underflows fall back to the exact
     * {@link #logDensity(double[])}. Other d: the default loop. axes: not modified.
     */
    @Override
    public double[] logDensityGrid(double[][] axes) {
        if (d != 2 || axes == null || axes.length != 2 || axes[0] == null || axes[1] == null
                || axes[0].length == 0 || axes[1].length == 0) {
            return Density.super.logDensityGrid(axes);
        }
        double[] xs = axes[0];
        double[] ys = axes[1];
        double[] a = kernelTable(xs, 0);           // |xs| × n
        double[] b = kernelTable(ys, 1);           // |ys| × n
        double[] out = new double[xs.length * ys.length];
        double[] point = new double[2];
        for (int ia = 0; ia < xs.length; ia++) {
            int ra = ia * n;
            for (int ib = 0; ib < ys.length; ib++) {
                int rb = ib * n;
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += a[ra + i] * b[rb + i];
                }
                if (s > 0) {
                    out[ia * ys.length + ib] = Math.log(s) + logConst;
                } else {
                    point[0] = xs[ia];
                    point[1] = ys[ib];
                    out[ia * ys.length + ib] = logDensity(point);
                }
            }
        }
        return out;
    }

    private double[] kernelTable(double[] coords, int axis) {
        double[] t = new double[coords.length * n];
        for (int c = 0; c < coords.length; c++) {
            if (Double.isNaN(coords[c])) {
                throw new IllegalArgumentException("axes[" + axis + "][" + c + "] must be a number, got NaN");
            }
            for (int i = 0; i < n; i++) {
                double u = (coords[c] - points[i * d + axis]) / h[axis];
                t[c * n + i] = Math.exp(-0.5 * u * u);
            }
        }
        return t;
    }

    /** The sample's minimum on {@code axis} minus {@link #TAIL_BANDWIDTHS} bandwidths. */
    @Override
    public double lower(int axis) {
        checkAxis(axis);
        return min[axis] - TAIL_BANDWIDTHS * h[axis];
    }

    /** The sample's maximum on {@code axis} plus {@link #TAIL_BANDWIDTHS} bandwidths. */
    @Override
    public double upper(int axis) {
        checkAxis(axis);
        return max[axis] + TAIL_BANDWIDTHS * h[axis];
    }

    /** The bandwidth h_axis. */
    @Override
    public double scale(int axis) {
        return bandwidth(axis);
    }

    private void checkAxis(int axis) {
        if (axis < 0 || axis >= d) {
            throw new IllegalArgumentException("axis must be in [0, " + (d - 1) + "], got " + axis);
        }
    }

    @Override
    public String toString() {
        return "Kde[n=" + n + ", d=" + d + ", h=" + java.util.Arrays.toString(h) + "]";
    }
}

package gan.stats;

import gan.Check;

/**
 * Kullback–Leibler and Jensen–Shannon divergences of two samples, from their histograms on shared bins, in
 * nats (natural log; JSD ≤ log 2 = 0.6931). {@link #bits(double)} converts on request. The same divergences
 * of densities, by numerical integration, are in {@link DensityDivergences}; the lecture's own KL function is
 * replicated in {@link LectureKl}.
 *
 * <pre>
 *   KL(P‖Q)  = Σ_i P_i · log(P_i / Q_i)
 *   JSD(P‖Q) = ½ KL(P‖M) + ½ KL(Q‖M),   M = (P + Q)/2   symmetric, 0 ≤ JSD ≤ log 2, = 0 iff P = Q
 * </pre>
 *
 * P_i and Q_i are the shares of each sample in bin i. Convention: 0 · log 0 = 0 and 0 · log(0/q) = 0 (a bin
 * without P-mass contributes nothing). A bin with P_i &gt; 0 = Q_i is handled by an {@link EmptyBins} rule
 * (default: additive smoothing, ε = {@value EmptyBins#DEFAULT_EPSILON}). No method here returns NaN.
 *
 * <p>Binning, a decision that differs from the lecture: the B equal-width {@link Bins} span the range of
 * <em>both</em> samples, [min(p ∪ q), max(p ∪ q)] on each axis, so no sample is dropped. The lecture's
 * {@code np.histogram(Q, bins=binsP)} bins over the real data's range only and silently drops every fake
 * outside it, so a generator that puts half its mass far away can still score a small KL. The bin rule itself
 * ([e_i, e_{i+1}), the last one closed; a zero-width range becomes [v − 0.5, v + 0.5]) is {@link Bins}', the
 * same as numpy's. Two passes over the data (range, then counts), no sorting, no allocation besides the
 * histograms (and, in 2-D, one flat copy of the rows): measured medians for 1,000 vs 1,000 points are about
 * 10 µs in 1-D (50 bins) and 70 µs in 2-D (50 × 50 bins).
 */
public final class Divergences {
    /** The lecture's number of bins ({@code np.histogram(P, bins=50)}). */
    public static final int LECTURE_BINS = 50;
    /** Most bins a 1-D histogram may have. */
    public static final int MAX_BINS = 1_000_000;
    /** Most bins per axis of a 2-D histogram (so at most 10⁶ cells). */
    public static final int MAX_BINS_PER_AXIS = 1_000;

    private Divergences() {
    }

    // ------------------------------------------------------------------ histogram estimators, 1-D

    /**
     * Histogram KL(P‖Q) of two 1-D samples with the {@link EmptyBins#DEFAULT default} empty-bin rule
     * (additive smoothing, ε = {@value EmptyBins#DEFAULT_EPSILON}). See {@link #klHistogram(double[], double[],
     * int, EmptyBins)}.
     */
    public static BinnedDivergence klHistogram(double[] p, double[] q, int bins) {
        return klHistogram(p, q, bins, EmptyBins.DEFAULT);
    }

    /**
     * Histogram KL(P‖Q) = Σ_i P_i log(P_i / Q_i) of two 1-D samples, P_i and Q_i the shares of each sample
     * in bin i of {@code bins} equal bins over the range of both samples. 0·log 0 = 0; bins with
     * P_i &gt; 0 = Q_i follow {@code rule}. Never NaN.
     *
     * @param p    first sample (the real data), non-empty, finite. Not modified.
     * @param q    second sample (the fakes), non-empty, finite; its length may differ from p's. Not modified.
     * @param bins number of bins, 1 … {@value #MAX_BINS}
     * @param rule what to do with empty Q bins
     */
    public static BinnedDivergence klHistogram(double[] p, double[] q, int bins, EmptyBins rule) {
        Check.notNull("rule", rule);
        checkSample1D("p", p);
        checkSample1D("q", q);
        checkBins("bins", bins, MAX_BINS);
        Binned h = bin(p, p.length, q, q.length, 1, bins);
        return new BinnedDivergence(klOf(h.p, h.q, rule), h.p, h.q, h.edges, rule);
    }

    /**
     * Histogram JSD(P‖Q) = ½ Σ P_i log(P_i / M_i) + ½ Σ Q_i log(Q_i / M_i), M_i = (P_i + Q_i)/2, of two 1-D
     * samples on shared bins over both samples' range. Needs no smoothing; always in [0, log 2].
     * Arguments as {@link #klHistogram(double[], double[], int, EmptyBins)}; not modified.
     */
    public static BinnedDivergence jsdHistogram(double[] p, double[] q, int bins) {
        checkSample1D("p", p);
        checkSample1D("q", q);
        checkBins("bins", bins, MAX_BINS);
        Binned h = bin(p, p.length, q, q.length, 1, bins);
        return new BinnedDivergence(jsdOf(h.p, h.q), h.p, h.q, h.edges, EmptyBins.INFINITY);
    }

    // ------------------------------------------------------------------ histogram estimators, 2-D

    /** Histogram KL(P‖Q) of two 2-D samples (rows × 2 columns) with the default empty-bin rule. */
    public static BinnedDivergence klHistogram(double[][] p, double[][] q, int binsPerAxis) {
        return klHistogram(p, q, binsPerAxis, EmptyBins.DEFAULT);
    }

    /**
     * Histogram KL(P‖Q) of two 2-D samples on binsPerAxis × binsPerAxis equal cells over the bounding box of
     * both samples; cells flattened row-major (see {@link BinnedDivergence}). Formula and conventions as in
     * 1-D.
     *
     * @param p           first sample, n × 2 (each row a point (x, y)), finite. Not modified.
     * @param q           second sample, m × 2, finite. Not modified.
     * @param binsPerAxis bins on each axis, 1 … {@value #MAX_BINS_PER_AXIS}
     * @param rule        what to do with empty Q cells
     */
    public static BinnedDivergence klHistogram(double[][] p, double[][] q, int binsPerAxis, EmptyBins rule) {
        Check.notNull("rule", rule);
        checkBins("binsPerAxis", binsPerAxis, MAX_BINS_PER_AXIS);
        double[] fp = flatten2D("p", p);
        double[] fq = flatten2D("q", q);
        Binned h = bin(fp, p.length, fq, q.length, 2, binsPerAxis);
        return new BinnedDivergence(klOf(h.p, h.q, rule), h.p, h.q, h.edges, rule);
    }

    /** Histogram JSD(P‖Q) of two 2-D samples (rows × 2 columns); see the 1-D version. Not modified. */
    public static BinnedDivergence jsdHistogram(double[][] p, double[][] q, int binsPerAxis) {
        checkBins("binsPerAxis", binsPerAxis, MAX_BINS_PER_AXIS);
        double[] fp = flatten2D("p", p);
        double[] fq = flatten2D("q", q);
        Binned h = bin(fp, p.length, fq, q.length, 2, binsPerAxis);
        return new BinnedDivergence(jsdOf(h.p, h.q), h.p, h.q, h.edges, EmptyBins.INFINITY);
    }

    // ------------------------------------------------------------------ units

    /** Nats to bits: value / log 2 (so JSD's bound log 2 nats is 1 bit). */
    public static double bits(double nats) {
        return nats / GanTheory.LOG2;
    }

    // ------------------------------------------------------------------ internals

    /** Normalised histograms of two samples on shared edges spanning both. */
    private record Binned(double[] p, double[] q, double[][] edges) {
    }

    /**
     * Bins two flat row-major samples (na × cols, nb × cols) into binsPerAxis^cols cells of {@link Bins} over
     * their joint bounding box; returns the shares per cell (row-major over axes) and the edges.
     */
    private static Binned bin(double[] a, int na, double[] b, int nb, int cols, int binsPerAxis) {
        Bins[] axes = new Bins[cols];
        double[][] edges = new double[cols][];
        for (int k = 0; k < cols; k++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = k; i < na * cols; i += cols) {      // plain comparisons: the data is finite
                double v = a[i];
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
            for (int i = k; i < nb * cols; i += cols) {
                double v = b[i];
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
            if (!Double.isFinite(max - min)) {
                throw new IllegalArgumentException("the samples span [" + min + ", " + max + "] on axis " + k
                        + ", too wide for equal-width bins");
            }
            axes[k] = Bins.spanning(min, max, binsPerAxis);
            edges[k] = axes[k].edges();
        }
        int cells = 1;
        for (int k = 0; k < cols; k++) {
            cells *= binsPerAxis;
        }
        double[] hp = new double[cells];
        double[] hq = new double[cells];
        count(a, na, cols, binsPerAxis, axes, hp);
        count(b, nb, cols, binsPerAxis, axes, hq);
        for (int c = 0; c < cells; c++) {
            hp[c] /= na;
            hq[c] /= nb;
        }
        return new Binned(hp, hq, edges);
    }

    /** Adds each row's cell to hist; every value lies inside its axis' bins (they span the data). */
    private static void count(double[] x, int n, int cols, int bins, Bins[] axes, double[] hist) {
        if (cols == 1) {
            Bins b = axes[0];
            for (int i = 0; i < n; i++) {
                hist[b.indexInRange(x[i])]++;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int cell = 0;
            for (int k = 0; k < cols; k++) {
                cell = cell * bins + axes[k].indexInRange(x[i * cols + k]);
            }
            hist[cell]++;
        }
    }

    /** Σ P_i log(P_i / Q_i) with the empty-bin rule; see {@link EmptyBins}. */
    private static double klOf(double[] p, double[] q, EmptyBins rule) {
        double s = 0;
        if (!rule.smooths()) {
            for (int i = 0; i < p.length; i++) {
                if (p[i] > 0) {
                    if (q[i] == 0) {
                        return Double.POSITIVE_INFINITY;
                    }
                    s += p[i] * Math.log(p[i] / q[i]);
                }
            }
            return s;
        }
        double eps = rule.epsilon();
        double norm = 1 + p.length * eps;
        for (int i = 0; i < p.length; i++) {
            double ps = p[i] + eps;
            s += ps * Math.log(ps / (q[i] + eps));     // the common 1/(1 + Bε) cancels inside the log
        }
        return s / norm;
    }

    /** ½ Σ P_i log(P_i / M_i) + ½ Σ Q_i log(Q_i / M_i), M_i = (P_i + Q_i)/2, 0 · log 0 = 0. */
    private static double jsdOf(double[] p, double[] q) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double m = 0.5 * (p[i] + q[i]);
            if (p[i] > 0) {
                s += 0.5 * p[i] * Math.log(p[i] / m);
            }
            if (q[i] > 0) {
                s += 0.5 * q[i] * Math.log(q[i] / m);
            }
        }
        return s;
    }

    static void checkSample1D(String name, double[] x) {
        Check.finiteValues(name, x);
    }

    static void checkBins(String name, int bins, int max) {
        if (bins < 1 || bins > max) {
            throw new IllegalArgumentException(name + " must be in [1, " + max + "], got " + bins);
        }
    }

    /** Validates an n × 2 sample and copies it into a flat row-major array. */
    private static double[] flatten2D(String name, double[][] x) {
        Check.notNull(name, x);
        if (x.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        double[] flat = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            if (row == null || row.length != 2) {
                throw new IllegalArgumentException(name + "[" + i + "] must have 2 columns (x, y), got "
                        + (row == null ? "null" : row.length + " columns"));
            }
            for (int k = 0; k < 2; k++) {
                if (!Double.isFinite(row[k])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + k + "] must be a finite number, got "
                            + row[k]);
                }
            }
            flat[2 * i] = row[0];
            flat[2 * i + 1] = row[1];
        }
        return flat;
    }
}

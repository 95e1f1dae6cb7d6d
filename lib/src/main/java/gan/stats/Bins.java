package gan.stats;

import gan.Check;

/**
 * Equal-width bins on [lo, hi]: the one binning rule of the library, used by the KL and JSD histograms
 * ({@link Divergences}), the lecture's KL replica ({@link LectureKl}) and the plotted histograms.
 *
 * <pre>
 *   edges     e_i = i·(hi − lo)/B + lo,  i = 0 … B,  e_B = hi exactly      ({@link Grid#linspace}, numpy.linspace)
 *   bin i     [e_i, e_{i+1}) for i &lt; B − 1, the last bin [e_{B−1}, e_B] closed           (numpy.histogram)
 *   index(v)  ⌊(v − lo)·B/(hi − lo)⌋, then moved by one if v lies on the other side of an edge, so that the
 *             index always agrees with the edges (numpy's correction)
 * </pre>
 *
 * A value outside [lo, hi] is in no bin: {@link #counts(double[])} drops it, as
 * {@code np.histogram(x, bins=edges)} does. The divergences bin over the range of both samples, so they drop
 * nothing; the lecture's {@code np.histogram(Q, bins=binsP)} bins over the real sample's range and drops the
 * fakes outside it. When a range has zero width, {@link #spanning} widens it to [v − 0.5, v + 0.5]
 * (numpy's rule). Immutable.
 */
public final class Bins {
    private final double lo;
    private final double inv;        // B / (hi − lo)
    private final double[] edges;    // B + 1

    private Bins(double lo, double hi, int bins) {
        this.lo = lo;
        this.inv = bins / (hi - lo);
        this.edges = Grid.linspace(lo, hi, bins + 1);
    }

    /**
     * {@code bins} equal bins on [lo, hi].
     *
     * @param lo   finite
     * @param hi   finite, &gt; lo, and hi − lo finite
     * @param bins ≥ 1
     */
    public static Bins of(double lo, double hi, int bins) {
        Check.finite("lo", lo);
        Check.finite("hi", hi);
        if (!(hi > lo)) {
            throw new IllegalArgumentException("hi must be greater than lo, got lo = " + lo + ", hi = " + hi
                    + " (Bins.spanning widens a zero-width range)");
        }
        if (!Double.isFinite(hi - lo)) {
            throw new IllegalArgumentException("the range [" + lo + ", " + hi + "] is too wide for equal-width bins");
        }
        Check.atLeast("bins", bins, 1);
        return new Bins(lo, hi, bins);
    }

    /**
     * {@code bins} equal bins on the range [min, max] of some data, numpy's way: a zero-width range (min = max)
     * becomes [min − 0.5, max + 0.5]. Arguments as {@link #of}, with max ≥ min.
     */
    public static Bins spanning(double min, double max, int bins) {
        if (min == max) {
            return of(min - 0.5, max + 0.5, bins);
        }
        return of(min, max, bins);
    }

    /**
     * The counts of {@code x} in {@code bins} equal bins on [lo, hi] (values outside dropped):
     * {@code Bins.of(lo, hi, bins).counts(x)}, for plotted histograms.
     */
    public static double[] counts(double[] x, double lo, double hi, int bins) {
        return of(lo, hi, bins).counts(x);
    }

    /** Number of bins B. */
    public int size() {
        return edges.length - 1;
    }

    /** The left end e_0 = lo. */
    public double lo() {
        return edges[0];
    }

    /** The right end e_B = hi. */
    public double hi() {
        return edges[edges.length - 1];
    }

    /** The B + 1 edges, ascending (a copy). */
    public double[] edges() {
        return edges.clone();
    }

    /** The B bin centres (e_i + e_{i+1}) / 2 (a new array). */
    public double[] centers() {
        return centers(edges);
    }

    /** (e_i + e_{i+1}) / 2 for each of the edges.length − 1 bins (a new array). edges: not modified. */
    static double[] centers(double[] edges) {
        double[] c = new double[edges.length - 1];
        for (int i = 0; i < c.length; i++) {
            c[i] = 0.5 * (edges[i] + edges[i + 1]);
        }
        return c;
    }

    /** True when lo ≤ v ≤ hi, i.e. v falls in a bin. */
    public boolean contains(double v) {
        return v >= edges[0] && v <= edges[edges.length - 1];
    }

    /** The bin i holding v, 0 … B − 1; IllegalArgumentException if v is outside [lo, hi] or NaN. */
    public int index(double v) {
        if (!contains(v)) {
            throw new IllegalArgumentException("v must be in [" + lo() + ", " + hi() + "] to fall in a bin, got " + v);
        }
        return indexInRange(v);
    }

    /** {@link #index} without the range check: the caller guarantees lo ≤ v ≤ hi. */
    int indexInRange(double v) {
        int last = edges.length - 2;
        int i = (int) ((v - lo) * inv);
        if (i > last) {
            i = last;                    // v = hi lands in the closed last bin
        }
        if (v < edges[i]) {
            i--;
        } else if (i < last && v >= edges[i + 1]) {
            i++;
        }
        return i;
    }

    /**
     * The number of values of x in each bin (as doubles, ready to normalise); values outside [lo, hi] and NaN
     * are dropped, as {@code np.histogram(x, bins=edges)} does. x: not modified.
     */
    public double[] counts(double[] x) {
        Check.notNull("x", x);
        double[] h = new double[size()];
        for (double v : x) {
            if (contains(v)) {
                h[indexInRange(v)]++;
            }
        }
        return h;
    }

    @Override
    public String toString() {
        return "Bins[" + size() + " equal bins on [" + lo() + ", " + hi() + "]]";
    }
}

package gan.stats;

/**
 * A divergence estimated from two samples' histograms on shared edges, with the histograms themselves
 * (the lecture's {@code p, q, kld = KL(realData, fakeData)} triple, plus the edges).
 *
 * <p>1-D: {@code p[i]} is the share of the first sample in bin i, [edges[0][i], edges[0][i+1]).
 * 2-D: bins are flattened row-major, {@code p[i * bins(1) + j]} is the share in x-bin i (axis 0) and y-bin j
 * (axis 1); {@link #p2d()} gives them as a matrix. The last bin on each axis is closed on the right.
 * Both histograms are the raw normalised counts (each sums to 1); a smoothing {@link EmptyBins} rule
 * enters {@link #value()} only. The arrays belong to this record: do not modify them.
 *
 * @param value  the divergence in nats (natural log); never NaN, +∞ only for KL with {@link EmptyBins#INFINITY}
 * @param p      normalised histogram of the first sample (P, the real data in the trainer)
 * @param q      normalised histogram of the second sample (Q, the fakes)
 * @param edges  per axis, the bins + 1 ascending bin edges
 * @param rule   the empty-bin rule used (for JSD, which needs none: {@link EmptyBins#INFINITY}, unused)
 */
public record BinnedDivergence(double value, double[] p, double[] q, double[][] edges, EmptyBins rule) {

    /** Number of axes, 1 or 2. */
    public int dimension() {
        return edges.length;
    }

    /** Number of bins on {@code axis}. */
    public int bins(int axis) {
        return edges[axis].length - 1;
    }

    /** {@link #value()} in bits: value / log 2. */
    public double inBits() {
        return Divergences.bits(value);
    }

    /** The 2-D histogram P as a matrix [x-bin][y-bin] (a copy); IllegalArgumentException for 1-D. */
    public double[][] p2d() {
        return reshape(p);
    }

    /** The 2-D histogram Q as a matrix [x-bin][y-bin] (a copy); IllegalArgumentException for 1-D. */
    public double[][] q2d() {
        return reshape(q);
    }

    private double[][] reshape(double[] h) {
        if (dimension() != 2) {
            throw new IllegalArgumentException("p2d()/q2d() need a 2-D histogram, this one has dimension " + dimension());
        }
        int nx = bins(0);
        int ny = bins(1);
        double[][] m = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            System.arraycopy(h, i * ny, m[i], 0, ny);
        }
        return m;
    }

    /** Centres of the bins on {@code axis}, (edges[i] + edges[i+1]) / 2, for plotting. */
    public double[] centers(int axis) {
        return Bins.centers(edges[axis]);
    }
}

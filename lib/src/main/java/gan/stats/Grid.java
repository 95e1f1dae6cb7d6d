package gan.stats;

import gan.Check;

/**
 * Grids of points: equally spaced values on an interval ({@link #linspace}) and the walk over a tensor grid
 * of per-axis coordinates ({@link #forEach}), the one home of both for the library (bin edges, the D* gap
 * grid, the snapshot grids, quadrature nodes and density grids).
 */
public final class Grid {
    private Grid() {
    }

    /**
     * {@code numpy.linspace(lo, hi, n)}: n equally spaced values from lo to hi, both included,
     * x_i = i·step + lo with step = (hi − lo)/(n − 1), and x_{n−1} = hi exactly (numpy's formula, so bin
     * edges agree with the lecture's to the last bit).
     *
     * @param lo finite
     * @param hi finite, &gt; lo
     * @param n  ≥ 2
     */
    public static double[] linspace(double lo, double hi, int n) {
        Check.finite("lo", lo);
        Check.finite("hi", hi);
        if (!(hi > lo)) {
            throw new IllegalArgumentException("hi must be greater than lo, got lo = " + lo + ", hi = " + hi);
        }
        Check.atLeast("n", n, 2);
        double[] x = new double[n];
        double step = (hi - lo) / (n - 1);
        for (int i = 0; i < n - 1; i++) {
            x[i] = i * step + lo;
        }
        x[n - 1] = hi;
        return x;
    }

    /** What {@link #forEach} calls at every point of a tensor grid. */
    @FunctionalInterface
    public interface PointVisitor {
        /**
         * @param flat  the point's row-major position, 0 … Π axes[k].length − 1 (the last axis varies fastest)
         * @param index the point's index on each axis (reused between calls: do not keep or modify it)
         * @param x     the point, x[k] = axes[k][index[k]] (reused between calls: do not keep or modify it)
         */
        void visit(int flat, int[] index, double[] x);
    }

    /**
     * Visits every point of the tensor grid axes[0] × axes[1] × … in row-major order (the last axis varies
     * fastest; an odometer over the axis indices). For d = 2 the point with flat position
     * {@code i * axes[1].length + j} is (axes[0][i], axes[1][j]).
     *
     * @param axes one non-empty coordinate array per axis, at least one axis. Not modified.
     * @return the number of points visited, Π axes[k].length
     */
    public static int forEach(double[][] axes, PointVisitor visitor) {
        Check.notNull("axes", axes);
        Check.notNull("visitor", visitor);
        int d = axes.length;
        if (d == 0) {
            throw new IllegalArgumentException("axes must hold at least one axis, got 0");
        }
        int size = 1;
        for (int k = 0; k < d; k++) {
            Check.notNull("axes[" + k + "]", axes[k]);
            if (axes[k].length == 0) {
                throw new IllegalArgumentException("axes[" + k + "] must not be empty");
            }
            size = Math.multiplyExact(size, axes[k].length);
        }
        double[] x = new double[d];
        int[] index = new int[d];
        for (int flat = 0; flat < size; flat++) {
            for (int k = 0; k < d; k++) {
                x[k] = axes[k][index[k]];
            }
            visitor.visit(flat, index, x);
            for (int k = d - 1; k >= 0; k--) {         // odometer: last axis fastest
                if (++index[k] < axes[k].length) {
                    break;
                }
                index[k] = 0;
            }
        }
        return size;
    }
}

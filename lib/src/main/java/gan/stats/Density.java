package gan.stats;

/**
 * A probability density p on ℝ<sup>d</sup> that can be evaluated point by point and integrated numerically:
 * the p<sub>data</sub> and p<sub>g</sub> of the lecture's section 6-7.
 *
 * <p>Densities are evaluated in log space ({@link #logDensity(double[])}), so that a far tail where p(x) is
 * below the smallest double (≈ 4.9e-324) still has a finite, exact log p(x). The divergences and the
 * value function use the log form, which is why KL of two normals 50 standard deviations apart comes out
 * right instead of as {@code 0 · log(0/0)}.
 *
 * <p>{@link #lower(int)}, {@link #upper(int)} and {@link #scale(int)} tell {@link Quadrature#covering}
 * where the mass is and how finely to sample it; they are part of the contract because no numerical
 * integrator can find a narrow peak it was not told about.
 *
 * <p>Implementations: {@link GaussianMixture} (normals and mixtures), {@link Kde} (kernel density estimates
 * of samples).
 */
public interface Density {

    /** The dimension d of the space the density lives on (≥ 1). */
    int dimension();

    /**
     * log p(x), natural logarithm; {@code −∞} where p(x) = 0. Never NaN for finite x.
     *
     * @param x a point, length {@link #dimension()}. Not modified.
     */
    double logDensity(double[] x);

    /** p(x) = exp(log p(x)); underflows to 0 in far tails where {@link #logDensity(double[])} stays exact. x: not modified. */
    default double density(double[] x) {
        return Math.exp(logDensity(x));
    }

    /** log p(x) of a 1-D density; IllegalArgumentException when {@link #dimension()} ≠ 1. */
    default double logDensity(double x) {
        requireDimension(this, 1, "density");
        return logDensity(new double[] {x});
    }

    /** p(x) of a 1-D density; IllegalArgumentException when {@link #dimension()} ≠ 1. */
    default double density(double x) {
        return Math.exp(logDensity(x));
    }

    /**
     * A coordinate below which, on {@code axis}, the density holds a negligible mass (at most 1e-20;
     * both implementations use 10 standard deviations or bandwidths, a tail mass of 7.6e-24 per component).
     */
    double lower(int axis);

    /** A coordinate above which, on {@code axis}, the density holds a negligible mass (see {@link #lower}). */
    double upper(int axis);

    /**
     * The shortest length on {@code axis} over which the density changes shape: the smallest component
     * standard deviation of a mixture, the bandwidth of a KDE. {@link Quadrature#covering} makes its
     * panels this wide.
     */
    double scale(int axis);

    /**
     * log p at every node of a tensor grid, in row-major order (the last axis varies fastest):
     * for d = 2 the entry {@code i * axes[1].length + j} is log p(axes[0][i], axes[1][j]).
     * The default calls {@link #logDensity(double[])} once per node; {@link Kde} overrides it with a
     * separable product that is much faster.
     *
     * @param axes one array of coordinates per axis ({@code axes.length == dimension()}). Not modified.
     * @return a new array of {@code Π axes[k].length} log-densities
     */
    default double[] logDensityGrid(double[][] axes) {
        requireAxes(this, axes);
        int size = 1;
        for (double[] a : axes) {
            size = Math.multiplyExact(size, a.length);
        }
        double[] out = new double[size];
        Grid.forEach(axes, (flat, index, x) -> out[flat] = logDensity(x));
        return out;
    }

    /** Throws IllegalArgumentException naming {@code name} unless {@code density} has dimension {@code d}. */
    static void requireDimension(Density density, int d, String name) {
        if (density.dimension() != d) {
            throw new IllegalArgumentException(name + " must have dimension " + d + ", got dimension "
                    + density.dimension() + " (" + density + ")");
        }
    }

    /** Throws IllegalArgumentException unless {@code x} is a finite point of the density's dimension. */
    static void requirePoint(Density density, double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        if (x.length != density.dimension()) {
            throw new IllegalArgumentException("x must have length " + density.dimension()
                    + " (the density's dimension), got length " + x.length);
        }
        for (int k = 0; k < x.length; k++) {
            if (Double.isNaN(x[k])) {
                throw new IllegalArgumentException("x[" + k + "] must be a number, got NaN");
            }
        }
    }

    private static void requireAxes(Density density, double[][] axes) {
        if (axes == null || axes.length != density.dimension()) {
            throw new IllegalArgumentException("axes must hold " + density.dimension() + " coordinate arrays, got "
                    + (axes == null ? "null" : axes.length));
        }
        for (int k = 0; k < axes.length; k++) {
            if (axes[k] == null || axes[k].length == 0) {
                throw new IllegalArgumentException("axes[" + k + "] must be a non-empty array");
            }
        }
    }
}

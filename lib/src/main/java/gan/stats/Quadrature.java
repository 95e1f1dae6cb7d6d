package gan.stats;

import gan.Check;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Composite Gauss–Legendre quadrature on a box, a tensor product in d dimensions:
 *
 * <pre>
 *   ∫_box f(x) dx ≈ Σ_nodes W · f(x),   per axis: [lo, hi] cut into P equal panels,
 *                                       {@value #NODES_PER_PANEL} Gauss–Legendre nodes per panel,
 *                                       W = product of the per-axis weights
 * </pre>
 *
 * A panel as wide as the narrowest density's standard deviation (what {@link #covering} builds) integrates
 * a Gaussian times a polynomial or a log-ratio of Gaussians to about machine precision: the 8-point rule is
 * exact for polynomials of degree 15 and its error term on a width-σ panel is below 1e-16. The nodes and
 * weights on [−1, 1] come from commons-math3's {@code GaussIntegratorFactory.legendreHighPrecision}.
 *
 * <p>Measured: KL of 1-D normals within 6e-14 of the closed form (the tests require 1e-8), of 2-D isotropic
 * normals within 5e-15 (tests: 1e-10); densities integrate to 1 within 1e-12; for 2-D KDEs a twice finer
 * rule changes KL and JSD by less than 1e-10 (tested).
 */
public final class Quadrature {
    /** Gauss–Legendre nodes per panel. */
    public static final int NODES_PER_PANEL = 8;
    /** Largest grid (total nodes) {@link #covering} and the constructors accept. */
    public static final int MAX_NODES = 4_000_000;

    private static final double[] UNIT_NODES = new double[NODES_PER_PANEL];
    private static final double[] UNIT_WEIGHTS = new double[NODES_PER_PANEL];

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendreHighPrecision(NODES_PER_PANEL, -1, 1);
        for (int i = 0; i < NODES_PER_PANEL; i++) {
            UNIT_NODES[i] = rule.getPoint(i);
            UNIT_WEIGHTS[i] = rule.getWeight(i);
        }
    }

    private final double[] lower;
    private final double[] upper;
    private final int[] panels;
    private final double[][] nodes;     // per axis
    private final double[][] weights;   // per axis

    private Quadrature(double[] lower, double[] upper, int[] panels) {
        int d = lower.length;
        long total = 1;
        for (int k = 0; k < d; k++) {
            Check.finite("lower[" + k + "]", lower[k]);
            Check.finite("upper[" + k + "]", upper[k]);
            if (!(upper[k] > lower[k])) {
                throw new IllegalArgumentException("upper[" + k + "] must be > lower[" + k + "], got [" + lower[k]
                        + ", " + upper[k] + "]");
            }
            Check.atLeast("panels[" + k + "]", panels[k], 1);
            total *= (long) panels[k] * NODES_PER_PANEL;
            if (total > MAX_NODES) {
                throw new IllegalArgumentException("the grid needs more than MAX_NODES = " + MAX_NODES
                        + " nodes (panels " + Arrays.toString(panels) + " × " + NODES_PER_PANEL
                        + " nodes per panel per axis); use fewer panels or a smaller box");
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.panels = panels.clone();
        this.nodes = new double[d][];
        this.weights = new double[d][];
        for (int k = 0; k < d; k++) {
            int m = panels[k] * NODES_PER_PANEL;
            nodes[k] = new double[m];
            weights[k] = new double[m];
            double width = (upper[k] - lower[k]) / panels[k];
            for (int p = 0; p < panels[k]; p++) {
                double a = lower[k] + p * width;
                for (int i = 0; i < NODES_PER_PANEL; i++) {
                    nodes[k][p * NODES_PER_PANEL + i] = a + 0.5 * width * (UNIT_NODES[i] + 1);
                    weights[k][p * NODES_PER_PANEL + i] = 0.5 * width * UNIT_WEIGHTS[i];
                }
            }
        }
    }

    /** A 1-D rule on [lo, hi] with {@code panels} equal panels. */
    public static Quadrature of(double lo, double hi, int panels) {
        return new Quadrature(new double[] {lo}, new double[] {hi}, new int[] {panels});
    }

    /** A d-D tensor rule on the box Π [lower_k, upper_k] with panels_k panels on axis k. Arguments: not modified. */
    public static Quadrature of(double[] lower, double[] upper, int[] panels) {
        Check.notNull("lower", lower);
        Check.notNull("upper", upper);
        Check.notNull("panels", panels);
        if (lower.length == 0 || upper.length != lower.length || panels.length != lower.length) {
            throw new IllegalArgumentException("lower, upper and panels must have the same length ≥ 1, got "
                    + lower.length + ", " + upper.length + ", " + panels.length);
        }
        return new Quadrature(lower, upper, panels);
    }

    /**
     * The rule used by default for divergences and the value function: the box is the union of the
     * densities' boxes ({@link Density#lower}, {@link Density#upper}, 10 standard deviations or bandwidths
     * beyond the bulk) and each panel is as wide as the smallest {@link Density#scale} on that axis.
     *
     * @param densities one or more densities of the same dimension. Not modified.
     */
    public static Quadrature covering(Density... densities) {
        Check.notNull("densities", densities);
        if (densities.length == 0) {
            throw new IllegalArgumentException("densities must hold at least one density, got 0");
        }
        int d = Check.notNull("densities[0]", densities[0]).dimension();
        for (int i = 1; i < densities.length; i++) {
            Check.notNull("densities[" + i + "]", densities[i]);
            if (densities[i].dimension() != d) {
                throw new IllegalArgumentException("densities must share one dimension: densities[0] has " + d
                        + ", densities[" + i + "] has " + densities[i].dimension());
            }
        }
        double[] lo = new double[d];
        double[] hi = new double[d];
        int[] panels = new int[d];
        for (int k = 0; k < d; k++) {
            lo[k] = Double.POSITIVE_INFINITY;
            hi[k] = Double.NEGATIVE_INFINITY;
            double scale = Double.POSITIVE_INFINITY;
            for (Density p : densities) {
                lo[k] = Math.min(lo[k], p.lower(k));
                hi[k] = Math.max(hi[k], p.upper(k));
                scale = Math.min(scale, p.scale(k));
            }
            double count = Math.ceil((hi[k] - lo[k]) / scale);
            if (!(count <= MAX_NODES)) {
                throw new IllegalArgumentException("the densities span [" + lo[k] + ", " + hi[k] + "] on axis " + k
                        + " with scale " + scale + ", which needs " + count + " panels (> MAX_NODES = " + MAX_NODES
                        + "); build a Quadrature explicitly");
            }
            panels[k] = (int) count;
        }
        return new Quadrature(lo, hi, panels);
    }

    /** d, the number of axes. */
    public int dimension() {
        return nodes.length;
    }

    /** Total number of nodes, Π_k (panels_k · {@value #NODES_PER_PANEL}). */
    public int size() {
        int s = 1;
        for (double[] a : nodes) {
            s *= a.length;
        }
        return s;
    }

    /** The box's lower corner (a copy). */
    public double[] lower() {
        return lower.clone();
    }

    /** The box's upper corner (a copy). */
    public double[] upper() {
        return upper.clone();
    }

    /** Panels per axis (a copy). */
    public int[] panels() {
        return panels.clone();
    }

    /** The node coordinates on {@code axis}, ascending (a copy). */
    public double[] nodes(int axis) {
        return nodes[axis].clone();
    }

    /** The weights of {@link #nodes(int)} on {@code axis} (a copy); they sum to upper − lower. */
    public double[] weights(int axis) {
        return weights[axis].clone();
    }

    /** Per-axis node arrays without copying, for {@link Density#logDensityGrid}; callers must not modify them. */
    double[][] axes() {
        return nodes;
    }

    /** The tensor-product weights in {@link Density#logDensityGrid}'s row-major order (a new array). */
    double[] tensorWeights() {
        double[] w = new double[size()];
        Grid.forEach(nodes, (flat, index, x) -> {
            double v = 1;
            for (int k = 0; k < index.length; k++) {
                v *= weights[k][index[k]];
            }
            w[flat] = v;
        });
        return w;
    }

    /** ∫ f over the box, f evaluated once per node (its argument array is reused: do not keep it). */
    public double integrate(ToDoubleFunction<double[]> f) {
        Check.notNull("f", f);
        double[] w = tensorWeights();
        double[] sum = {0};
        Grid.forEach(nodes, (flat, index, x) -> sum[0] += w[flat] * f.applyAsDouble(x));
        return sum[0];
    }

    /** ∫ f over [lo, hi] of a 1-D rule; IllegalArgumentException when {@link #dimension()} ≠ 1. */
    public double integrate1D(DoubleUnaryOperator f) {
        Check.notNull("f", f);
        if (dimension() != 1) {
            throw new IllegalArgumentException("integrate1D needs a 1-D rule, this one has dimension " + dimension());
        }
        double sum = 0;
        for (int i = 0; i < nodes[0].length; i++) {
            sum += weights[0][i] * f.applyAsDouble(nodes[0][i]);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "Quadrature[box " + Arrays.toString(lower) + " – " + Arrays.toString(upper) + ", panels "
                + Arrays.toString(panels) + " × " + NODES_PER_PANEL + " Gauss–Legendre nodes]";
    }
}

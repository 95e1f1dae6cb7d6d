package gan;

/**
 * Test tolerances, one name per kind (EJML's {@code UtilEjml.TEST_F64} habit). A test uses one of these, or, when the
 * tolerance is statistical and depends on the test's own sample size, a named constant of its own whose comment
 * gives the standard error it is a few of.
 */
public final class Tolerances {
    private Tolerances() {
    }

    /**
     * Rounding only, for a value of order 1 that comes from one or two double operations: a few ulps (an ulp of 1 is
     * 2.2e-16).
     */
    public static final double ULPS = 1e-15;
    /**
     * Rounding only: the same double arithmetic in another order or form, or a closed form against code, on values of
     * order 1. Up to ~10³ operations, each off by at most 1.1e-16, give at most ~1e-13; 1e-12 leaves a margin of ten.
     */
    public static final double EXACT = 1e-12;
    /**
     * Rounding only, of a long chain whose errors grow with its length: a product of 250 exponentials, an orthogonal
     * matrix from the QR of a 128 × 10 Gaussian one (relative to a value of order 1).
     */
    public static final double EXACT_LONG = 1e-10;
    /**
     * A quadrature against the exact integral, or two quadratures of the same integral, or an identity between
     * integrals: the rules integrate smooth densities to 1e-12 or better (~1e-14 measured for normals on the 2-D grid;
     * bounds such as JSD ≤ log 2 hold to log 2 times that mass error). Tighter than the issues asked (1e-8 for 1-D KL, 1e-6 for V(D*, G) = −log 4 + 2·JSD), which
     * these tests then also check.
     */
    public static final double QUADRATURE = 1e-12;
    /**
     * Figures keep {@code Plots.SIGNIFICANT_DIGITS} = 5 significant digits: relative error ≤ 5e-5, so 1e-4 for
     * values of order 1.
     */
    public static final double FIGURE_DIGITS = 1e-4;
    /** Central-difference step for gradient checks (DL4J's GradientCheckUtil uses 1e-6). */
    public static final double GRAD_EPS = 1e-6;
    /** Max relative error |a − n| / max(|a| + |n|, floor) between analytic and numeric gradients. */
    public static final double GRAD_REL = 1e-5;
    /** Absolute floor of that relative error's denominator. */
    public static final double GRAD_FLOOR = 1e-8;
    /**
     * Gradients this close agree whatever their relative error: central differences of an O(1) loss
     * carry about 1e-16 / 1e-6 = 1e-10 of rounding, which dominates for gradients below ~1e-5.
     */
    public static final double GRAD_ABS = 1e-9;
    /** The lecture's promise for D-loss, G-loss and mean D(G(z)) at the end of training. */
    public static final double LECTURE = 0.03;

    /**
     * A number printed with this many decimals (a table, the lecture's output) is within half a unit of its last
     * place: printed(4) = 5e-5.
     */
    public static double printed(int decimals) {
        return 0.5 * Math.pow(10, -decimals);
    }

}

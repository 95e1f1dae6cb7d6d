package gan;

/** Test tolerances, named once (EJML's {@code UtilEjml.TEST_F64} habit). */
public final class Tolerances {
    private Tolerances() {
    }

    /** Two computations of the same double arithmetic in a different order. */
    public static final double EXACT = 1e-12;
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

    /** An analytic and a numeric gradient agree: relative error below GRAD_REL, or absolute below GRAD_ABS. */
    public static boolean gradientsAgree(double analytic, double numeric) {
        return relError(analytic, numeric) < GRAD_REL || Math.abs(analytic - numeric) < GRAD_ABS;
    }

    /** Relative error of an analytic against a numeric gradient, with the floor. */
    public static double relError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), GRAD_FLOOR);
    }
}

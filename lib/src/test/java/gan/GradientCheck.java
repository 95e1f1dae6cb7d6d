package gan;

import static gan.Tolerances.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.nn.Mlp;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The one central-difference gradient check of the tests: ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, with
 * truncation error O(h²) and rounding error about 1e-16·|f| / h; and the one way an analytic gradient is held
 * against it ({@link Tolerances#GRAD_REL} relative or {@link Tolerances#GRAD_ABS} absolute).
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /** (f(x + h) − f(x − h)) / 2h. */
    public static double derivative(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /** {@link #derivative(DoubleUnaryOperator, double, double)} with h = {@link Tolerances#GRAD_EPS}. */
    public static double derivative(DoubleUnaryOperator f, double x) {
        return derivative(f, x, GRAD_EPS);
    }

    /**
     * Every ∂f/∂xᵢ by central differences of step h. f is handed x itself with one entry moved at a time (so f may
     * also read x through an alias, e.g. a layer's weight array); each entry is put back before the next, and x
     * comes back unchanged.
     */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double up = f.applyAsDouble(x);
            x[i] = keep - h;
            double down = f.applyAsDouble(x);
            x[i] = keep;
            g[i] = (up - down) / (2 * h);
        }
        return g;
    }

    /** {@link #gradient(ToDoubleFunction, double[], double)} with h = {@link Tolerances#GRAD_EPS}. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        return gradient(f, x, GRAD_EPS);
    }

    /**
     * The numeric gradient of a loss in all of a network's parameters (its {@link Mlp#parameterVector()} order):
     * the loss is evaluated after each move of one parameter, and the network is left with its parameters as before.
     */
    public static double[] parameterGradient(Mlp net, DoubleSupplier loss) {
        double[] theta = net.parameterVector();
        double[] g = gradient(t -> {
            net.setParameterVector(t);
            return loss.getAsDouble();
        }, theta);
        net.setParameterVector(theta);
        return g;
    }

    /** An analytic and a numeric gradient agree: relative error below GRAD_REL, or absolute below GRAD_ABS. */
    public static boolean agree(double analytic, double numeric) {
        return relError(analytic, numeric) < GRAD_REL || Math.abs(analytic - numeric) < GRAD_ABS;
    }

    /** |a − n| / max(|a| + |n|, GRAD_FLOOR): relative error of an analytic against a numeric gradient. */
    public static double relError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), GRAD_FLOOR);
    }

    /** Asserts {@link #agree}; the message names what, and both values. */
    public static void assertAgree(double analytic, double numeric, String what) {
        assertTrue(agree(analytic, numeric), () -> what + ": analytic " + analytic + " vs numeric " + numeric
                + " (relative error " + relError(analytic, numeric) + ")");
    }

    /** Asserts {@link #agree} entry by entry; the message names what and the worst entry. */
    public static void assertGradient(double[] analytic, double[] numeric, String what) {
        assertTrue(analytic.length == numeric.length, () -> what + ": " + analytic.length + " analytic vs "
                + numeric.length + " numeric entries");
        int worst = -1;
        double worstErr = 0;
        for (int i = 0; i < analytic.length; i++) {
            double err = agree(analytic[i], numeric[i]) ? 0 : relError(analytic[i], numeric[i]);
            if (err > worstErr) {
                worstErr = err;
                worst = i;
            }
        }
        int w = worst;
        double e = worstErr;
        assertTrue(w < 0, () -> what + ": worst relative error " + e + " at entry " + w + ": analytic "
                + analytic[w] + " vs numeric " + numeric[w]);
    }
}

package gan.finance;

import gan.Check;
import gan.nn.Activation;
import gan.nn.Dense;
import gan.nn.Mlp;
import org.ejml.data.DMatrixRMaj;

/**
 * An upper bound on how fast a multilayer perceptron's output can change:
 *
 * <pre>
 *   ‖G(z) − G(z')‖ ≤ L ‖z − z'‖,   L = Π_l ‖W_l‖₂ · Π_l Lip(f_l)
 * </pre>
 *
 * with ‖W‖₂ the largest singular value (by power iteration on WᵀW) and Lip(f) = 1 for ReLU, leaky ReLU, linear
 * and tanh, ¼ for the sigmoid. Hence |G(z)| ≤ |G(0)| + L ‖z‖: from bounded noise (z ∈ [−1, 1]^d, ‖z‖ ≤ √d) a ReLU
 * generator's output is bounded, and from Gaussian noise its tails are no heavier than the noise's norm scaled by L
 * (sub-Gaussian: P(|G(z)| &gt; x) falls like exp(−x² / (2L²)) or faster). It cannot produce the power-law tails of
 * a Student-t. The bound is usually loose (the product ignores which units are active together).
 */
public final class Lipschitz {
    static final int POWER_ITERATIONS = 500;

    private Lipschitz() {
    }

    /** L for {@code net}. net: not modified. */
    public static double bound(Mlp net) {
        Check.notNull("net", net);
        double l = 1;
        for (Dense layer : net.layers()) {
            l *= spectralNorm(layer.weight().value()) * activationLipschitz(layer.activation());
        }
        return l;
    }

    /** The largest singular value of W (out × in), by power iteration from the all-ones vector. W: not modified. */
    public static double spectralNorm(DMatrixRMaj w) {
        Check.notNull("w", w);
        int rows = w.numRows, cols = w.numCols;
        double[] v = new double[cols], u = new double[rows];
        java.util.Arrays.fill(v, 1 / Math.sqrt(cols));
        double sigma = 0;
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            for (int i = 0; i < rows; i++) {                       // u = W v
                double s = 0;
                for (int j = 0; j < cols; j++) s += w.get(i, j) * v[j];
                u[i] = s;
            }
            double nu = norm(u);
            if (nu == 0) return 0;
            for (int j = 0; j < cols; j++) {                       // v = Wᵀ u / ‖Wᵀ u‖
                double s = 0;
                for (int i = 0; i < rows; i++) s += w.get(i, j) * u[i];
                v[j] = s;
            }
            double nv = norm(v);
            sigma = nv / nu;                                       // ‖Wᵀ W v‖ / ‖W v‖ → σ_max
            for (int j = 0; j < cols; j++) v[j] /= nv;
        }
        return sigma;
    }

    /** Lip(f): 1 for ReLU, leaky ReLU (slope ≤ 1), linear and tanh; ¼ for the sigmoid. */
    public static double activationLipschitz(Activation f) {
        return f == Activation.SIGMOID ? 0.25 : 1;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return Math.sqrt(s);
    }
}

package gan.optim;

import gan.Check;
import gan.nn.Param;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) as TensorFlow's {@code AdamOptimizer} computes it, the optimizer of the
 * lecture's examples, with TensorFlow's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8:
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   lr_t = lr·√(1 − β2^t) / (1 − β1^t)
 *   θ ← θ − lr_t·m / (√v + ε)
 * </pre>
 * This is the paper's "more efficient" ordering of Algorithm 1 (ε̂ = ε·√(1 − β2^t)); PyTorch adds ε to
 * √v̂ instead. The two differ by less than ε·lr per step.
 */
public final class Adam extends Optimizer {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    public Adam(List<Param> params, double learningRate) {
        this(params, learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /** @param beta1 β1 in [0, 1); @param beta2 β2 in [0, 1); @param epsilon ε &gt; 0 */
    public Adam(List<Param> params, double learningRate, double beta1, double beta2, double epsilon) {
        super(params, learningRate, 2);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = Check.positive("epsilon", epsilon);
    }

    @Override
    protected void update(int p, double[] w, double[] g, int n) {
        double[] m = slot(0, p), v = slot(1, p);
        long t = steps();
        double lrT = learningRate() * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (int i = 0; i < n; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];             // m ← β1·m + (1 − β1)·g
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];      // v ← β2·v + (1 − β2)·g²
            w[i] -= lrT * m[i] / (Math.sqrt(v[i]) + epsilon);     // θ ← θ − lr_t·m / (√v + ε)
        }
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
    }
}

package gan.optim;

import gan.nn.Param;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) as TensorFlow's {@code AdamOptimizer} computes it, the optimizer of the
 * lecture's examples, with TensorFlow's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8
 * ({@link OptimizerSpec#adam}):
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
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    // lr_t depends only on the step count t and the learning rate: computed once per step, not once per parameter
    private long lrStep = -1;
    private double lrRate = Double.NaN;
    private double lrT;

    /** Adam with the spec's learning rate, β1, β2 and ε. */
    public Adam(List<Param> params, OptimizerSpec spec) {
        super(params, spec, 2);
        this.beta1 = spec.beta1();
        this.beta2 = spec.beta2();
        this.epsilon = spec.epsilon();
    }
    @Override
    protected void update(int p, double[] w, double[] g, int n) {
        double[] m = slot(0, p), v = slot(1, p);
        long t = steps();
        if (t != lrStep || learningRate() != lrRate) {
            lrStep = t;
            lrRate = learningRate();
            lrT = lrRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));   // lr·√(1 − β2ᵗ) / (1 − β1ᵗ)
        }
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

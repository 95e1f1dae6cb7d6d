package gan.optim;

import gan.nn.Param;
import java.util.List;

/**
 * SGD with momentum, the update Goodfellow et al. (2014) used, in TensorFlow's
 * {@code MomentumOptimizer} form:
 * <pre>
 *   v ← μ·v + g
 *   θ ← θ − lr·v
 * </pre>
 */
public final class Momentum extends Optimizer {
    private final double momentum;

    /** Momentum with the spec's learning rate and μ ({@link OptimizerSpec#momentum()}). */
    public Momentum(List<Param> params, OptimizerSpec spec) {
        super(params, spec, 1);
        this.momentum = spec.momentum();
    }
    @Override
    protected void update(int p, double[] w, double[] g, int n) {
        double[] v = slot(0, p);
        double lr = learningRate();
        for (int i = 0; i < n; i++) {
            v[i] = momentum * v[i] + g[i];                 // v ← μ·v + g
            w[i] -= lr * v[i];                             // θ ← θ − lr·v
        }
    }

    @Override
    public String toString() {
        return "Momentum(lr=" + learningRate() + ", momentum=" + momentum + ")";
    }
}

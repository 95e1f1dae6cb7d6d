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
    /** Default μ. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private final double momentum;

    public Momentum(List<Param> params, double learningRate) {
        this(params, learningRate, DEFAULT_MOMENTUM);
    }

    /** @param momentum μ in [0, 1) */
    public Momentum(List<Param> params, double learningRate, double momentum) {
        super(params, learningRate, 1);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
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

package gan.optim;

import gan.nn.Param;
import java.util.List;

/**
 * RMSProp (Tieleman and Hinton, 2012), with the mean square starting at zero:
 * <pre>
 *   s ← ρ·s + (1 − ρ)·g²
 *   θ ← θ − lr·g / (√s + ε)
 * </pre>
 * Defaults ρ = 0.9, ε = 1e-8. (TensorFlow 1's {@code RMSPropOptimizer} starts s at 1 and puts ε inside
 * the square root; PyTorch's default ρ is 0.99. The differences matter only for the first steps.)
 */
public final class RmsProp extends Optimizer {
    private final double rho;
    private final double epsilon;

    /** RMSProp with the spec's learning rate, ρ and ε. */
    public RmsProp(List<Param> params, OptimizerSpec spec) {
        super(params, spec, 1);
        this.rho = spec.rho();
        this.epsilon = spec.epsilon();
    }
    @Override
    protected void update(int p, double[] w, double[] g, int n) {
        double[] s = slot(0, p);
        double lr = learningRate();
        for (int i = 0; i < n; i++) {
            s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];        // s ← ρ·s + (1 − ρ)·g²
            w[i] -= lr * g[i] / (Math.sqrt(s[i]) + epsilon);    // θ ← θ − lr·g / (√s + ε)
        }
    }

    @Override
    public String toString() {
        return "RMSProp(lr=" + learningRate() + ", rho=" + rho + ", epsilon=" + epsilon + ")";
    }
}

package gan.optim;

import gan.Check;
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
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double rho;
    private final double epsilon;

    public RmsProp(List<Param> params, double learningRate) {
        this(params, learningRate, DEFAULT_RHO, DEFAULT_EPSILON);
    }

    /** @param rho decay ρ in [0, 1); @param epsilon ε &gt; 0 */
    public RmsProp(List<Param> params, double learningRate, double rho, double epsilon) {
        super(params, learningRate, 1);
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("rho must be in [0, 1), got " + rho);
        }
        this.rho = rho;
        this.epsilon = Check.positive("epsilon", epsilon);
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

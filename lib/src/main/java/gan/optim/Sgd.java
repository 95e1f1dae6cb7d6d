package gan.optim;

import gan.nn.Param;
import java.util.List;

/** Plain stochastic gradient descent: θ ← θ − lr·g. */
public final class Sgd extends Optimizer {

    /** SGD with the spec's learning rate. */
    public Sgd(List<Param> params, OptimizerSpec spec) {
        super(params, spec, 0);
    }

    @Override
    protected void update(int p, double[] w, double[] g, int n) {
        double lr = learningRate();
        for (int i = 0; i < n; i++) w[i] -= lr * g[i];
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate() + ")";
    }
}

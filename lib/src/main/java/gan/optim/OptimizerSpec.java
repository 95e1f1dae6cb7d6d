package gan.optim;

import gan.Check;
import gan.nn.Param;
import java.util.List;

/**
 * An update rule as a value: its kind and every hyperparameter, validated here and only here (the
 * optimizers take a spec and check nothing again). Each kind reads the numbers it uses:
 * <pre>
 *   SGD       learningRate
 *   MOMENTUM  learningRate, momentum μ
 *   RMSPROP   learningRate, rho ρ, epsilon ε
 *   ADAM      learningRate, beta1 β1, beta2 β2, epsilon ε
 * </pre>
 * The others keep their defaults ({@link #of}) and are ignored, so a spec can change kind without losing
 * its learning rate. Records compare by value: two specs with the same numbers are equal.
 *
 * @param kind         which update rule
 * @param learningRate lr, positive and finite
 * @param beta1        Adam's β1, in [0, 1)
 * @param beta2        Adam's β2, in [0, 1)
 * @param rho          RMSProp's decay ρ, in [0, 1)
 * @param momentum     Momentum's μ, in [0, 1)
 * @param epsilon      ε of Adam and RMSProp, positive and finite
 */
public record OptimizerSpec(OptimizerKind kind, double learningRate, double beta1, double beta2, double rho, double momentum,
        double epsilon) {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_MOMENTUM = 0.9;
    public static final double DEFAULT_EPSILON = 1e-8;

    public OptimizerSpec {
        Check.notNull("kind", kind);
        Check.positive("learningRate", learningRate);
        unitInterval("beta1", beta1);
        unitInterval("beta2", beta2);
        unitInterval("rho", rho);
        unitInterval("momentum", momentum);
        Check.positive("epsilon", epsilon);
    }

    private static void unitInterval(String name, double v) {
        if (!(v >= 0 && v < 1)) throw new IllegalArgumentException(name + " must be in [0, 1), got " + v);
    }

    /** {@code kind} with learning rate {@code lr} and the default hyperparameters (TensorFlow's for Adam). */
    public static OptimizerSpec of(OptimizerKind kind, double learningRate) {
        return new OptimizerSpec(kind, learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_RHO, DEFAULT_MOMENTUM, DEFAULT_EPSILON);
    }

    /** Adam with learning rate {@code lr} and β1 = 0.9, β2 = 0.999, ε = 1e-8 (the lecture's optimizer). */
    public static OptimizerSpec adam(double learningRate) {
        return of(OptimizerKind.ADAM, learningRate);
    }

    /** The same spec with another learning rate. */
    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(kind, lr, beta1, beta2, rho, momentum, epsilon);
    }

    /** The same learning rate and hyperparameters under another kind. */
    public OptimizerSpec withKind(OptimizerKind k) {
        return new OptimizerSpec(k, learningRate, beta1, beta2, rho, momentum, epsilon);
    }

    /** The six numbers in the record's order: {learningRate, beta1, beta2, rho, momentum, epsilon} (a new array). */
    public double[] numbers() {
        return new double[] {learningRate, beta1, beta2, rho, momentum, epsilon};
    }

    /** A new optimizer of this spec over {@code params}. */
    public Optimizer create(List<Param> params) {
        return switch (kind) {
            case SGD -> new Sgd(params, this);
            case MOMENTUM -> new Momentum(params, this);
            case RMSPROP -> new RmsProp(params, this);
            case ADAM -> new Adam(params, this);
        };
    }

    /** The numbers this kind uses, e.g. {@code adam lr 1.0E-4 (beta1 0.9, beta2 0.999, epsilon 1.0E-8)}. */
    public String describe() {
        String head = kind.cliName() + " lr " + learningRate;
        return switch (kind) {
            case SGD -> head;
            case MOMENTUM -> head + " (momentum " + momentum + ")";
            case RMSPROP -> head + " (rho " + rho + ", epsilon " + epsilon + ")";
            case ADAM -> head + " (beta1 " + beta1 + ", beta2 " + beta2 + ", epsilon " + epsilon + ")";
        };
    }
}

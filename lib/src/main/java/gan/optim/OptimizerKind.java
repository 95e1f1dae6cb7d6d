package gan.optim;

import gan.nn.Param;
import java.util.List;
import java.util.Locale;

/** The four update rules the lecture lists (SGD, momentum, RMSProp, Adam), each with its default hyperparameters. */
public enum OptimizerKind {
    SGD, MOMENTUM, RMSPROP, ADAM;

    /** A new optimizer of this kind over {@code params}, with this kind's default hyperparameters. */
    public Optimizer create(List<Param> params, double learningRate) {
        return switch (this) {
            case SGD -> new Sgd(params, learningRate);
            case MOMENTUM -> new Momentum(params, learningRate);
            case RMSPROP -> new RmsProp(params, learningRate);
            case ADAM -> new Adam(params, learningRate);
        };
    }

    /** The command-line name: sgd, momentum, rmsprop, adam. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses sgd, momentum, rmsprop or adam (case-insensitive). */
    public static OptimizerKind parse(String name) {
        for (OptimizerKind k : values()) {
            if (k.cliName().equalsIgnoreCase(name.trim())) return k;
        }
        throw new IllegalArgumentException("optimizer must be one of adam, sgd, momentum, rmsprop; got '" + name + "'");
    }
}

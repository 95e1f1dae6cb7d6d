package gan.optim;

import gan.Check;
import java.util.Locale;

/** The four update rules the lecture lists (SGD, momentum, RMSProp, Adam), (their numbers: {@link OptimizerSpec}). */
public enum OptimizerKind {
    SGD, MOMENTUM, RMSPROP, ADAM;

    /** The command-line name: sgd, momentum, rmsprop, adam. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses sgd, momentum, rmsprop or adam (case-insensitive). */
    public static OptimizerKind parse(String name) {
        return Check.oneOf("optimizer", name, values(), OptimizerKind::cliName);
    }
}

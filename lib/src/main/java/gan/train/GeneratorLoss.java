package gan.train;

import gan.Check;
import java.util.Locale;

/** Which loss the generator descends; formulas and gradients in {@link Losses}. */
public enum GeneratorLoss {
    /** mean log(1 − D(G(z))): the paper's minimax form; its gradient vanishes while D(G(z)) ≈ 0. Equilibrium −log 2. */
    SATURATING,
    /** −mean log D(G(z)): the lecture's choice ("improves early training"). Equilibrium log 2. */
    NON_SATURATING;

    /** The loss's value when D(G(z)) = 1/2 everywhere: −log 2 (saturating) or log 2 (non-saturating). */
    public double equilibrium() {
        return this == SATURATING ? -Math.log(2) : Math.log(2);
    }

    /** non-saturating or saturating. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static GeneratorLoss parse(String name) {
        return Check.oneOf("generator loss", name, values(), GeneratorLoss::cliName);
    }
}

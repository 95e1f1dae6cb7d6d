package gan.train;

import gan.nn.Dense;
import gan.nn.Mlp;

/**
 * The gradients of Algorithm 1's two losses, computed from D's logits ({@link Losses}) and back-propagated into
 * the networks' parameter gradients; the trainer's {@code updateD} and {@code updateG} then step the optimizers.
 * Work rows are reused (they only grow). Not thread-safe.
 */
final class Gradients {
    private final Mlp g;
    private final Mlp d;
    private final GeneratorLoss loss;
    private double[][] dInput = new double[0][];    // [x, G(z)] (d × 2m)
    private double[][] dLogits = new double[0][];   // ∂loss/∂logits (1 × 2m or 1 × m)

    Gradients(Mlp g, Mlp d, GeneratorLoss loss) {
        this.g = g;
        this.d = d;
        this.loss = loss;
    }

    /**
     * ∇θd of D-loss = −mean log D(x) − mean log(1 − D(G(z))) for real columns x (d × m) and noise
     * z (noiseDim × m), written into D's parameter gradients. Returns D's logits [real, fake] (1 × 2m).
     */
    double[] discriminator(double[][] x, double[][] noise, int m) {
        int dim = g.spec().outputs();
        double[][] fake = g.forward(noise, m);                        // G(z)                 (d × m)
        dInput = Dense.ensure(dInput, dim, 2 * m);                    // [x, G(z)]            (d × 2m)
        for (int j = 0; j < dim; j++) {
            System.arraycopy(x[j], 0, dInput[j], 0, m);
            System.arraycopy(fake[j], 0, dInput[j], m, m);
        }
        double[] logits = d.forwardLogits(dInput, 2 * m)[0];         // l                    (1 × 2m)
        dLogits = Dense.ensure(dLogits, 1, 2 * m);
        Losses.discriminatorGradient(logits, m, m, dLogits[0]);      // ∂(D-loss)/∂l
        d.backwardFromLogits(dLogits, true, false);                   // ∇θd
        return logits;
    }

    /**
     * ∇θg of the generator loss for noise z (noiseDim × m), back-propagated through D (whose
     * parameters and gradients are left as they are) into G's parameter gradients. Returns D's logits
     * of the fakes (1 × m).
     */
    double[] generator(double[][] noise, int m) {
        double[][] fake = g.forward(noise, m);                        // G(z)                 (d × m)
        double[] logits = d.forwardLogits(fake, m)[0];                // l = logit D(G(z))    (1 × m)
        dLogits = Dense.ensure(dLogits, 1, m);
        Losses.generatorGradient(loss, logits, m, dLogits[0]);
        double[][] dFake = d.backwardFromLogits(dLogits, false, true);    // ∂loss/∂G(z)      (d × m)
        g.backward(dFake, false);                                     // ∇θg
        return logits;
    }
}

package gan.train;

import gan.Rng;
import gan.nn.Dense;
import gan.nn.Mlp;

/**
 * Draws samples G(z), z ~ p_z, as sample rows, with its own noise rows (so sampling never touches the noise a
 * training step left behind). Used by the trainer's {@code generate} methods and the history. Not thread-safe.
 */
final class Sampler {
    private final GanConfig config;
    private final Mlp g;
    private double[][] z = new double[0][];         // noise (noiseDim × count), reused (it only grows)

    Sampler(GanConfig config, Mlp g) {
        this.config = config;
        this.g = g;
    }

    /** {@code count} samples G(z), one row each, z drawn from {@code rng} row by row (noise dimension j, then sample i). */
    double[][] sample(int count, Rng rng) {
        z = Dense.ensure(z, config.noiseDim(), count);
        for (double[] row : z) config.algorithm().noise().fill(row, count, rng);
        return Rows.sampleRows(g.forward(z, count), count);
    }
}

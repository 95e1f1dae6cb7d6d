package gan.train;

import gan.stats.Samples;
import gan.Check;
import gan.Rng;
import gan.nn.Initializer;
import gan.nn.Mlp;
import java.util.Arrays;

/**
 * A generator whose parameters no longer change: a copy of a trainer's G taken at one moment, with its
 * noise prior p_z. Proposition 1 of Goodfellow et al. (2014) is about this situation, "for G fixed, the
 * optimal discriminator is D*(x) = p_data(x) / (p_data(x) + p_g(x))"; {@link DiscriminatorFit} trains a
 * fresh D against it.
 *
 * <pre>
 *   sample:  z ~ p_z (noiseDim × n),  x = G(z) (n × d rows)
 * </pre>
 *
 * Training the trainer further does not change this copy. Not thread-safe (G's work arrays are reused).
 */
public final class FrozenGenerator {
    private final Mlp g;
    private final Noise noise;

    private FrozenGenerator(Mlp g, Noise noise) {
        this.g = g;
        this.noise = noise;
    }

    /** A copy of {@code trainer}'s G as it is now (parameters copied, not shared). */
    public static FrozenGenerator of(Trainer trainer) {
        Check.notNull("trainer", trainer);
        Mlp source = trainer.generator();
        Mlp copy = new Mlp("G (frozen)", source.spec(), Initializer.zeros(), Initializer.zeros(), new Rng(0));
        copy.setParameterVector(source.parameterVector());
        return new FrozenGenerator(copy, trainer.config().algorithm().noise());
    }

    /** Dimension of the noise z. */
    public int noiseDim() {
        return g.spec().inputs();
    }

    /** Dimension of the data x = G(z). */
    public int dataDim() {
        return g.spec().outputs();
    }

    /** {@code n} samples G(z), z ~ p_z from {@code rng}, one row each (n × d). rng: modified (advanced). */
    public double[][] sample(int n, Rng rng) {
        Check.atLeast("n", n, 1);
        Check.notNull("rng", rng);
        double[][] z = new double[noiseDim()][n];
        for (double[] row : z) noise.fill(row, n, rng);
        return Rows.sampleRows(g.forward(z, n), n);
    }

    /** {@code n} samples of a 1-D generator as a plain array. rng: modified (advanced). */
    public double[] sample1d(int n, Rng rng) {
        requireDataDim1("sample1d");
        return Samples.column(sample(n, rng), 0);
    }

    /**
     * G(z) for given noise values of a generator with one-dimensional noise and data (the lower line of the
     * paper's figure 1: where each z lands). {@code z} not modified.
     */
    public double[] map1d(double[] z) {
        Check.finiteValues("z", z);
        if (noiseDim() != 1) {
            throw new IllegalStateException("map1d needs one-dimensional noise; this G (" + g.spec() + ") takes " + noiseDim()
                    + " noise values per sample (use sample)");
        }
        requireDataDim1("map1d");
        double[][] in = {z.clone()};
        return Arrays.copyOf(g.forward(in, z.length)[0], z.length);      // work rows may be longer than z
    }

    private void requireDataDim1(String method) {
        if (dataDim() != 1) {
            throw new IllegalStateException(method + " needs 1-D data; this G (" + g.spec() + ") outputs " + dataDim() + " values per sample");
        }
    }

    @Override
    public String toString() {
        return "FrozenGenerator[" + g.spec() + ", noise " + noise.cliName() + "]";
    }
}

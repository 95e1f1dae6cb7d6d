package gan.train;

import gan.Check;
import gan.Rng;
import gan.nn.Mlp;

/**
 * {@code n} samples G(z) produced on demand, a chunk at a time, so that {@code n} may be far larger than
 * what fits in memory (the command line's {@code --samples 100000000}). They are the same numbers, bit
 * for bit, as {@link Trainer#generate(int) generate(n)} from the same state, and every pass
 * ({@link #forEachChunk}) yields them again.
 *
 * <p>How: {@code generate(n)} fills the noise matrix z (noiseDim × n) row by row from one SplitMix64
 * stream, one draw per number (uniform noise), so z[j][i] is draw {@code j·n + i}; a chunk of columns
 * [c, c + m) skips to draw {@code j·n + c} ({@link Rng#advance}) for each row j. G works column by
 * column, so G(z) of a chunk equals the same columns of G(z) of the whole.
 */
public final class GeneratedSamples {
    /** What receives the chunks. */
    @FunctionalInterface
    public interface Chunk {
        /**
         * @param rows  {@code count} samples, one row each (d values); rows[i] is sample {@code first + i}
         * @param first index of rows[0] among the n samples
         */
        void accept(double[][] rows, long first);
    }

    private final Trainer trainer;
    private final int n;
    private final long start;        // the sampling stream's state before the first draw

    GeneratedSamples(Trainer trainer, int n, long start) {
        this.trainer = trainer;
        this.n = n;
        this.start = start;
    }

    /** How many samples. */
    public int size() {
        return n;
    }

    /**
     * Hands all {@code n} samples to {@code each} in order, in chunks of at most {@code chunk} rows (only
     * one chunk is in memory at a time). G's current weights are used. The rows arrays are new each call.
     */
    public void forEachChunk(int chunk, Chunk each) {
        Check.atLeast("chunk", chunk, 1);
        Check.notNull("each", each);
        GanConfig c = trainer.config();
        Mlp g = trainer.generator();
        int noiseDim = c.noiseDim(), dim = c.dataDim();
        Rng rng = new Rng(start);
        double[][] z = new double[noiseDim][Math.min(chunk, n)];
        for (int from = 0; from < n; from += chunk) {
            int m = Math.min(chunk, n - from);
            for (int j = 0; j < noiseDim; j++) {
                rng.setState(start);
                rng.advance((long) j * n + from);                       // z[j][from] is draw j·n + from
                c.algorithm().noise().fill(z[j], m, rng);
            }
            double[][] y = g.forward(z, m);                              // G(z)   (d × m)
            double[][] rows = new double[m][dim];
            for (int j = 0; j < dim; j++) {
                for (int i = 0; i < m; i++) rows[i][j] = y[j][i];
            }
            each.accept(rows, from);
        }
    }

    /** Draws used from the sampling stream by n samples. */
    static long draws(GanConfig c, int n) {
        return (long) c.noiseDim() * n;
    }
}

package gan.nn;

import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import gan.data.Datasets;
import gan.train.GanConfig;
import gan.train.HistoryRow;
import gan.train.Schedule;
import gan.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * Golden bits of whole training runs: every bit of the final weights of G and D, of every history row
 * and of generated samples and D's outputs, folded into one 64-bit fingerprint per run. Recorded on the
 * layer code before the speed work of issue 18; a change to {@link Dense}'s kernels (or anything else on
 * the training path) that reorders a sum, fuses a multiply-add or draws different random numbers changes
 * the fingerprint. The notebooks quote seed-dependent numbers, so these must not change without a reason
 * that is said in the commit.
 */
class BitIdentityTest {

    /** FNV-1a over the raw bits of doubles. */
    static final class Fingerprint {
        long h = 0xcbf29ce484222325L;

        void add(double v) {
            long b = Double.doubleToRawLongBits(v);
            for (int i = 0; i < 8; i++) {
                h ^= (b >>> (8 * i)) & 0xff;
                h *= 0x100000001b3L;
            }
        }

        void add(double[] vs) {
            for (double v : vs) add(v);
        }
    }

    static long fingerprint(GanConfig config, double[][] real) {
        Trainer t = new Trainer(config, real);
        t.train();
        Fingerprint f = new Fingerprint();
        for (HistoryRow r : t.history()) {
            f.add(r.epoch());
            f.add(r.dLoss());
            f.add(r.gLoss());
            f.add(r.meanDReal());
            f.add(r.meanDFake());
            f.add(r.kl());
        }
        for (double[] s : t.generate(500)) f.add(s);
        f.add(t.discriminate(real));
        f.add(t.generator().parameterVector());
        f.add(t.discriminator().parameterVector());
        return f.h;
    }

    static double[][] column(double[] x) {
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) rows[i] = new double[] {x[i]};
        return rows;
    }

    static double[][] normalData(long seed) {
        return column(Datasets.standardNormal(Datasets.LECTURE_SIZE, Rng.derive(seed, "data")));
    }

    @Test
    void normalExample300Epochs() {
        GanConfig c = GanConfig.normal().toBuilder().epochs(300).seed(1).build();
        assertEquals(-115004019538957516L, fingerprint(c, normalData(1)), "example 1 (normal), 300 epochs, seed 1");
    }

    @Test
    void fourGaussiansExample100Epochs() {
        GanConfig c = GanConfig.fourGaussians().toBuilder().epochs(100).historyEvery(25).seed(2).build();
        assertEquals(6034217843839620453L, fingerprint(c, Datasets.fourGaussians(Datasets.LECTURE_SIZE, Rng.derive(2, "data"))),
                "example 2 (four-gaussians), 100 epochs, seed 2");
    }

    /**
     * Layer sizes that are not multiples of the kernels' blocks (so every remainder path runs), the other
     * activations, the other schedules and an uneven last batch.
     */
    @Test
    void oddShapesActivationsAndSchedules() {
        GanConfig c = GanConfig.normal().toBuilder()
                .generator(Mlp.Spec.of(Activation.LEAKY_RELU, Activation.LINEAR, 9, 7, 3, 1))
                .discriminator(Mlp.Spec.of(Activation.TANH, Activation.SIGMOID, 1, 13, 6, 1))
                .noise(gan.train.Noise.GAUSSIAN)
                .batches(7).epochs(60).historyEvery(20).seed(3).build();
        long[] got = {fingerprint(c, normalData(3)),
                fingerprint(c.toBuilder().schedule(Schedule.GENERATOR_HEAVY).k(2).build(), normalData(3)),
                fingerprint(c.toBuilder().schedule(Schedule.PAPER).k(3).build(), normalData(3))};
        assertArrayEquals(new long[] {9031480516318847473L, -1232416166243014782L, -7234485083498583296L}, got, "odd shapes: lecture, generator-heavy, paper schedule; got "
                + java.util.Arrays.toString(got));
    }
}

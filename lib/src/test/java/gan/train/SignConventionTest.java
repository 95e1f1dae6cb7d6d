package gan.train;

import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import gan.nn.Initializer;
import gan.nn.Mlp;
import gan.optim.OptimizerKind;
import org.junit.jupiter.api.Test;

/**
 * The sign convention at the trainer's level: Algorithm 1's D step ascends V(D, G) on its own mini-batch, and its
 * G step descends the generator loss on its own noise. One epoch of the paper's schedule with one mini-batch and
 * k = 1 is exactly one D step (on all the data, noise z1) and then one G step (noise z2); z1 and z2 are the first
 * draws of the trainer's "noise" stream, so the test rebuilds them and evaluates V and the G-loss before and after.
 */
class SignConventionTest {
    private static final int N = 200;

    private static Mlp copy(Mlp m) {
        Mlp c = new Mlp("copy", m.spec(), Initializer.zeros(), Initializer.zeros(), new Rng(0));
        c.setParameterVector(m.parameterVector());
        return c;
    }

    /** Noise rows (noiseDim × m) drawn as the trainer draws them: row by row, m draws each. */
    private static double[][] noise(GanConfig c, int m, Rng rng) {
        double[][] z = new double[c.noiseDim()][m];
        for (double[] row : z) c.algorithm().noise().fill(row, m, rng);
        return z;
    }

    /** V(D, G) = mean log D(x) + mean log(1 − D(G(z))) on real row x (1 × n) and noise z. */
    private static double v(Mlp d, Mlp g, double[][] x, double[][] z) {
        double[] real = d.forward(x, N)[0].clone();
        double[] fake = d.forward(g.forward(z, N), N)[0].clone();
        double s = 0;
        for (int i = 0; i < N; i++) s += Math.log(real[i]) + Math.log(1 - fake[i]);
        return s / N;
    }

    @Test
    void aDStepRaisesVOnItsBatchAndAGStepLowersTheGLoss() {
        for (GeneratorLoss loss : GeneratorLoss.values()) {
            for (OptimizerKind kind : OptimizerKind.values()) {
                GanConfig c = GanConfig.normal().toBuilder().schedule(Schedule.PAPER).k(1).batches(1).epochs(1)
                        .optimizer(kind).learningRate(1e-3).generatorLoss(loss).build();
                double[] data = TrainerTest.normalData(1, N);
                Trainer t = new Trainer(c, data);
                Mlp g0 = copy(t.generator()), d0 = copy(t.discriminator());
                Rng noiseRng = Rng.derive(c.seed(), "noise");
                double[][] z1 = noise(c, N, noiseRng), z2 = noise(c, N, noiseRng);
                double[][] x = {data.clone()};                        // the D step's batch: all the data (in any order)

                t.train(1);
                assertEquals(1, t.discriminatorSteps());
                assertEquals(1, t.generatorSteps());
                Mlp d1 = t.discriminator(), g1 = t.generator();
                String what = kind + ", " + loss;
                double before = v(d0, g0, x, z1), after = v(d1, g0, x, z1);
                assertTrue(after > before, "the D step raises V on its batch (" + what + "): " + before + " -> " + after);

                double gBefore = Losses.generatorLoss(loss, d1.forwardLogits(g0.forward(z2, N), N)[0].clone(), N);
                double gAfter = Losses.generatorLoss(loss, d1.forwardLogits(g1.forward(z2, N), N)[0].clone(), N);
                assertTrue(gAfter < gBefore, "the G step lowers the G-loss on its noise (" + what + "): " + gBefore + " -> " + gAfter);
            }
        }
    }
}

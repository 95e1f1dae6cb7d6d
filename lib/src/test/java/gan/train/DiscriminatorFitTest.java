package gan.train;

import gan.stats.Samples;
import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import gan.nn.Activation;
import gan.nn.Mlp;
import gan.optim.OptimizerKind;
import gan.optim.OptimizerSpec;
import gan.stats.DensityDivergences;
import gan.stats.GaussianMixture;
import org.junit.jupiter.api.Test;

class DiscriminatorFitTest {
    /** How close a D trained on 3,000 × 1,000 fresh samples gets to the closed form (sampling noise ~1/√1000). */
    static final double FIT = 0.05;
    /** The D-loss of that D on 2 × 100,000 fresh samples against log 4 − 2 JSD (standard error ~0.002). */
    static final double LOSS_TOL = 0.01;

    /**
     * p_data = N(0, 1), p_g = N(1, 1): D*(x) = 1 / (1 + e^{x − 1/2}) = σ(1/2 − x), a logistic function of x, so a
     * D without hidden layer (1-1, sigmoid) can be D* exactly. Trained to completion it has weight −1 and bias 1/2,
     * and its D-loss is log 4 − 2·JSD(N(0, 1) ‖ N(1, 1)).
     */
    @Test
    void convergesToTheOptimalDiscriminatorOfProposition1() {
        DiscriminatorFit fit = new DiscriminatorFit(Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 1, 1), OptimizerSpec.of(OptimizerKind.ADAM, 1e-2), 3);
        GaussianMixture pData = GaussianMixture.normal(0, 1), pG = GaussianMixture.normal(1, 1);
        Rng rng = new Rng(11);
        for (int s = 0; s < 3_000; s++) fit.step(pData.sample1D(1_000, rng), pG.sample1D(1_000, rng));
        assertEquals(3_000, fit.steps());
        double[] wb = fit.network().parameterVector();                  // [W, b]
        assertEquals(-1, wb[0], 2 * FIT, "weight of D* = σ(1/2 − x)");
        assertEquals(0.5, wb[1], 2 * FIT, "bias of D* = σ(1/2 − x)");
        for (double x : new double[] {-2, 0, 0.5, 1, 3}) {
            assertEquals(1 / (1 + Math.exp(x - 0.5)), fit.discriminate(new double[] {x})[0], FIT, "D(" + x + ")");
        }
        double bound = Math.log(4) - 2 * DensityDivergences.jsd(pData, pG);
        double loss = fit.loss(pData.sample1D(100_000, rng), pG.sample1D(100_000, rng));
        assertEquals(bound, loss, LOSS_TOL, "D-loss of D* = log 4 − 2 JSD");
    }

    /** A D step descends D-loss: on a fixed pair of samples the loss falls step after step (small lr). */
    @Test
    void aStepLowersTheLossOnTheSameSamples() {
        DiscriminatorFit fit = new DiscriminatorFit(Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 1, 8, 1), OptimizerSpec.of(OptimizerKind.SGD, 1e-2), 1);
        Rng rng = new Rng(5);
        double[] real = GaussianMixture.normal(0, 1).sample1D(200, rng), fake = GaussianMixture.normal(2, 1).sample1D(200, rng);
        double before = fit.loss(real, fake);
        double returned = fit.step(real, fake);
        assertEquals(before, returned, 0.0, "step returns the loss before the update");
        assertTrue(fit.loss(real, fake) < before, "loss after one step should be below " + before);
    }

    @Test
    void refusesAnOutputThatIsNotOneProbability() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DiscriminatorFit(Mlp.Spec.of(Activation.RELU, Activation.LINEAR, 1, 8, 1), OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 1));
        assertTrue(e.getMessage().contains("sigmoid"), e.getMessage());
        DiscriminatorFit fit = new DiscriminatorFit(Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 2, 8, 1), OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 1);
        e = assertThrows(IllegalArgumentException.class, () -> fit.step(new double[][] {{1, 2}}, new double[][] {{1}}));
        assertTrue(e.getMessage().contains("fake row 0 must have 2 values"), e.getMessage());
    }

    /** The frozen copy keeps G as it was; the trainer's G-only steps leave D alone. */
    @Test
    void frozenGeneratorAndTheGeneratorHalfOfAlgorithm1() {
        Trainer t = new Trainer(GanConfig.normal().toBuilder().epochs(200).build(), TrainerTest.normalData(1, 1000));
        t.train();
        FrozenGenerator frozen = FrozenGenerator.of(t);
        double[] before = frozen.sample1d(100, new Rng(9));
        assertArrayEquals(Samples.column(t.generate(100, new Rng(9)), 0), before, 0.0, "the copy equals G at the moment of the copy");

        double[] gBefore = t.generator().parameterVector(), dBefore = t.discriminator().parameterVector();
        long gSteps = t.generatorSteps();
        int epoch = t.epoch(), rows = t.history().size();
        t.trainGeneratorOnly(3);
        assertArrayEquals(dBefore, t.discriminator().parameterVector(), 0.0, "G-only steps must not move D");
        assertFalse(java.util.Arrays.equals(gBefore, t.generator().parameterVector()), "G-only steps move G");
        assertEquals(gSteps + 3, t.generatorSteps());
        assertEquals(epoch, t.epoch());
        assertEquals(rows, t.history().size());
        assertArrayEquals(before, frozen.sample1d(100, new Rng(9)), 0.0, "training the trainer does not change the frozen copy");
    }

    @Test
    void map1dNeedsOneDimensionalNoise() {
        Trainer t = new Trainer(GanConfig.normal().toBuilder().epochs(1).build(), TrainerTest.normalData(1, 100));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FrozenGenerator.of(t).map1d(new double[] {0}));
        assertTrue(e.getMessage().contains("takes 8 noise values"), e.getMessage());
        Trainer one = new Trainer(GanConfig.normal().toBuilder().epochs(1).generator(Mlp.Spec.of(Activation.RELU, Activation.LINEAR, 1, 4, 1)).build(),
                TrainerTest.normalData(1, 100));
        FrozenGenerator g = FrozenGenerator.of(one);
        double[] z = {-1, 0, 0.5};
        double[] x = g.map1d(z);
        double[] viaTrainer = one.generator().forward(new double[][] {z.clone()}, 3)[0];
        assertArrayEquals(viaTrainer, x, 0.0);
    }

    @Test
    void startingFromCopiesTheNetworkAndLeavesTheOriginalAlone() {
        Trainer t = new Trainer(GanConfig.normal().toBuilder().epochs(50).build(), TrainerTest.normalData(1, 1000));
        t.train();
        double[] before = t.discriminator().parameterVector();
        DiscriminatorFit fit = DiscriminatorFit.startingFrom(t.discriminator(), OptimizerSpec.adam(1e-3));
        double[] xs = {-1, 0, 2};
        assertArrayEquals(t.discriminate(xs), fit.discriminate(xs), 0.0, "the copy starts where D is");
        fit.step(new double[] {0, 1}, new double[] {3, 4});
        assertArrayEquals(before, t.discriminator().parameterVector(), 0.0, "training the copy must not move the original");
        assertEquals(1, fit.steps());
    }

    /** Work rows are reused and only grow: after a large batch, a small one must still return one value per input. */
    @Test
    void aSmallBatchAfterALargeOneReturnsOneValuePerInput() {
        DiscriminatorFit fit = new DiscriminatorFit(Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 1, 8, 1), OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 1);
        fit.discriminate(new double[500]);
        assertEquals(3, fit.discriminate(new double[3]).length);
        Trainer one = new Trainer(GanConfig.normal().toBuilder().epochs(1).generator(Mlp.Spec.of(Activation.RELU, Activation.LINEAR, 1, 4, 1)).build(),
                TrainerTest.normalData(1, 100));
        FrozenGenerator g = FrozenGenerator.of(one);
        g.sample1d(500, new Rng(1));
        assertEquals(3, g.map1d(new double[] {-1, 0, 1}).length);
    }
}

package gan.train;

import static gan.Tolerances.*;
import static org.junit.jupiter.api.Assertions.*;

import gan.GradientCheck;
import gan.Rng;
import gan.optim.OptimizerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyTrainingTest {
    static final int M = 500;

    static double[][] noise(GanConfig c, long seed, int m) {
        Rng r = Rng.derive(seed, "test noise");
        double[][] z = new double[c.noiseDim()][m];
        for (double[] row : z) c.noise().fill(row, m, r);
        return z;
    }

    /** Example 1's trainer for this seed with G shifted by +4: its fakes lie far from the data. */
    static Trainer shiftedTrainer(long seed) {
        Trainer t = new Trainer(GanConfig.normal().withSeed(seed), TrainerTest.normalData(seed, 1000));
        EarlyTraining.shiftGenerator(t, 4);
        return t;
    }

    @Test
    void pretrainingMakesDConfidentAndLeavesGAndTheCountersAlone() {
        Trainer t = shiftedTrainer(3);
        double[][] z = noise(t.config(), 3, M);
        double[] g0 = t.generator().parameterVector();
        double before = EarlyTraining.meanDFake(t, z, M);
        int steps = EarlyTraining.pretrainDiscriminator(t, 0.05, 20_000, z, M, new Rng(9));
        double after = EarlyTraining.meanDFake(t, z, M);
        assertTrue(before > 0.05, "the untrained D is not yet confident: " + before);
        assertTrue(steps > 0 && steps < 20_000, "steps " + steps);
        assertTrue(after <= 0.05, "mean D(G(z)) after pre-training " + after);
        assertArrayEquals(g0, t.generator().parameterVector(), "G must not move");
        assertEquals(0, t.epoch());
        assertEquals(0, t.discriminatorSteps());
        assertEquals(0, EarlyTraining.pretrainDiscriminator(t, 0.05, 20_000, z, M, new Rng(9)), "already confident: no step");
    }

    @Test
    void generatorGradientOfEachLossMatchesCentralDifferencesInTheParameters() {
        GanConfig c = GanConfig.normal().withSeed(5);
        Trainer t = new Trainer(c, TrainerTest.normalData(5, 1000));
        t.train(20);
        double[][] z = noise(c, 5, 64);
        for (GeneratorLoss loss : GeneratorLoss.values()) {
            double[] analytic = EarlyTraining.generatorGradient(t, loss, z, 64);
            double[] numeric = GradientCheck.parameterGradient(t.generator(), () -> EarlyTraining.generatorLoss(t, loss, z, 64));
            // relu kinks make a few central differences straddle a corner; none here at this step size
            GradientCheck.assertGradient(analytic, numeric, loss.toString());
        }
    }

    @Test
    void shiftingGMovesEveryFakeByTheShift() {
        GanConfig c = GanConfig.normal().withSeed(8);
        Trainer t = new Trainer(c, TrainerTest.normalData(8, 1000));
        double[][] z = noise(c, 8, 50);
        double[] before = t.generator().forward(z, 50)[0].clone();
        EarlyTraining.shiftGenerator(t, 4);
        double[] after = t.generator().forward(z, 50)[0];
        for (int i = 0; i < 50; i++) assertEquals(before[i] + 4, after[i], EXACT, "fake " + i);
        var e = assertThrows(IllegalArgumentException.class, () -> EarlyTraining.shiftGenerator(t, Double.NaN));
        assertTrue(e.getMessage().contains("shift"), e.getMessage());
    }

    @Test
    void measuringDoesNotChangeTraining() {
        GanConfig c = GanConfig.normal().withSeed(4).withHistoryEvery(10);
        double[] x = TrainerTest.normalData(4, 1000);
        Trainer plain = new Trainer(c, x);
        Trainer measured = new Trainer(c, x);
        double[][] z = noise(c, 4, M);
        for (int e = 0; e < 5; e++) {
            plain.train(10);
            measured.train(10);
            EarlyTraining.generatorGradientNorm(measured, GeneratorLoss.SATURATING, z, M);
            EarlyTraining.meanDFake(measured, z, M);
        }
        assertEquals(plain.history(), measured.history());
        assertArrayEquals(plain.generator().parameterVector(), measured.generator().parameterVector());
    }

    @Test
    void atAConfidentDTheSaturatingGradientIsMuchSmaller() {
        Trainer t = shiftedTrainer(2);
        double[][] z = noise(t.config(), 2, M);
        EarlyTraining.pretrainDiscriminator(t, 0.05, 50_000, z, M, new Rng(1));
        double sat = EarlyTraining.generatorGradientNorm(t, GeneratorLoss.SATURATING, z, M);
        double non = EarlyTraining.generatorGradientNorm(t, GeneratorLoss.NON_SATURATING, z, M);
        assertTrue(sat < 0.2 * non, "saturating " + sat + " vs non-saturating " + non);
    }

    @Test
    void bothLossesStartFromTheSameGAndDAndAreMeasuredOnTheSameNoise() {
        GanConfig c = GanConfig.normal().withSeed(6).withOptimizer(OptimizerKind.SGD).withLearningRate(1e-2);
        double[] x = TrainerTest.normalData(6, 1000);
        EarlyTraining.Run sat = EarlyTraining.run(c.withGeneratorLoss(GeneratorLoss.SATURATING), x, 4, 0.1, 50_000, 30, 10, M);
        EarlyTraining.Run non = EarlyTraining.run(c, x, 4, 0.1, 50_000, 30, 10, M);
        assertEquals(sat.pretrainSteps(), non.pretrainSteps());
        assertEquals(sat.pretrainedMeanDFake(), non.pretrainedMeanDFake(), EXACT);
        assertEquals(sat.points().get(0).meanDFake(), non.points().get(0).meanDFake(), EXACT);
        assertEquals(sat.points().get(0).kl(), non.points().get(0).kl(), EXACT);
        List<Integer> epochs = non.points().stream().map(EarlyTraining.Point::epoch).toList();
        assertEquals(List.of(0, 10, 20, 30), epochs);
        assertEquals(-1, non.firstEpochReaching(1.0));
        assertEquals(0, non.firstEpochReaching(0.0));
        double at20 = non.points().get(2).meanDFake();
        int first = non.firstEpochReaching(at20);
        assertTrue(first >= 0 && first <= 20, "first epoch reaching " + at20 + ": " + first);
        for (EarlyTraining.Point p : non.points()) {
            assertTrue(Double.isFinite(p.gradientNorm()) && Double.isFinite(p.kl()), p.toString());
        }
    }

    @Test
    void badArgumentsAreNamed() {
        GanConfig c = GanConfig.normal();
        Trainer t = new Trainer(c, TrainerTest.normalData(1, 1000));
        double[][] z = noise(c, 1, 10);
        var e = assertThrows(IllegalArgumentException.class, () -> EarlyTraining.pretrainDiscriminator(t, 1.5, 10, z, 10, new Rng(1)));
        assertTrue(e.getMessage().contains("targetMeanDFake") && e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EarlyTraining.meanDFake(t, new double[3][10], 10));
        assertTrue(e.getMessage().contains("8 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EarlyTraining.run(c, TrainerTest.normalData(1, 1000), 0, 0.1, 10, 0, 10, 10));
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
    }
}

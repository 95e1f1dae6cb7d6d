package gan.train;

import static gan.Asserts.assertMessage;
import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import gan.data.Datasets;
import gan.optim.OptimizerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SweepTest {
    static final double[] REAL = Datasets.standardNormal(1000, Rng.derive(1, "data"));
    static final double[] REFERENCE = Datasets.standardNormal(5000, Rng.derive(1, "reference"));
    static final Function<Trainer, Double> JSD = Sweep.jsdTo(REFERENCE, 5000, 50);

    /** k ∈ {1, 2} × learning rate ∈ {1e-4, 1e-3} × seed ∈ {1, 2}, short runs of example 1. */
    static List<GanConfig> grid(int epochs) {
        List<GanConfig> configs = new ArrayList<>();
        for (int k : new int[] {1, 2}) {
            for (double lr : new double[] {1e-4, 1e-3}) {
                for (long seed : new long[] {1, 2}) {
                    configs.add(GanConfig.normal().withK(k).withLearningRate(lr).withSeed(seed).withEpochs(epochs).withHistoryEvery(50));
                }
            }
        }
        return configs;
    }

    @Test
    void sameSeedsSameNumbersWhateverTheNumberOfThreads() {
        List<GanConfig> configs = grid(200);
        List<Sweep.Run<Double>> one = new Sweep(1).run(configs, REAL, JSD);
        List<Sweep.Run<Double>> three = new Sweep(3).run(configs, REAL, JSD);
        assertEquals(configs.size(), one.size());
        for (int i = 0; i < configs.size(); i++) {
            assertEquals(one.get(i).history(), three.get(i).history(), "history of run " + i);
            assertEquals(one.get(i).measurements(), three.get(i).measurements(), "JSD of run " + i);
            assertEquals(List.of(200), one.get(i).epochs());
            assertFalse(one.get(i).diverged());
        }
        // ... and the same numbers as a plain trainer
        Trainer plain = new Trainer(configs.get(5), REAL);
        plain.train();
        assertEquals(plain.history(), three.get(5).history());
        assertEquals(JSD.apply(plain), three.get(5).valueOr(Double.NaN), 0.0);
        // different settings do give different numbers (the test above is not comparing constants)
        assertNotEquals(one.get(0).valueOr(Double.NaN), one.get(1).valueOr(Double.NaN));
    }

    @Test
    void runsComeBackInInputOrderAndTheListenerRunsOnTheCallingThread() {
        List<GanConfig> configs = new ArrayList<>();
        configs.add(GanConfig.normal().withEpochs(600).withSeed(7));      // the slowest first: it finishes last
        for (long s = 1; s <= 4; s++) configs.add(GanConfig.normal().withEpochs(20).withSeed(s));
        Thread caller = Thread.currentThread();
        List<Integer> finished = new ArrayList<>();
        List<Sweep.Run<Integer>> runs = new Sweep(2).onRunDone(run -> {
            assertSame(caller, Thread.currentThread());
            finished.add(run.index());
        }).run(configs, REAL, Trainer::epoch);
        for (int i = 0; i < configs.size(); i++) {
            assertEquals(i, runs.get(i).index());
            assertSame(configs.get(i), runs.get(i).config());
            assertEquals(configs.get(i).epochs(), runs.get(i).valueOr(-1));
            assertEquals(configs.get(i).epochs(), runs.get(i).last().epoch());
            assertTrue(runs.get(i).seconds() > 0);
        }
        assertEquals(List.of(0, 1, 2, 3, 4), finished.stream().sorted().toList(), "each run reported once");
    }

    @Test
    void checkpointsMeasureDuringTrainingWithoutChangingIt() {
        GanConfig c = GanConfig.normal().withLearningRate(1e-3).withEpochs(1000).withHistoryEvery(100);
        int[] checkpoints = {0, 50, 100, 1000};
        Sweep.Run<Double> run = new Sweep(2).run(List.of(c), rows(REAL), checkpoints, JSD).get(0);
        assertEquals(List.of(0, 50, 100, 1000), run.epochs());
        assertEquals(4, run.measurements().size());
        Trainer plain = new Trainer(c, REAL);
        plain.train();
        // the plain run's rows (every 100 epochs) are all in the checkpointed run, which adds one at epoch 50
        assertTrue(run.history().containsAll(plain.history()), run.history() + " vs " + plain.history());
        assertEquals(plain.history().size() + 1, run.history().size());
        assertEquals(50, run.history().get(0).epoch());
        assertEquals(JSD.apply(plain), run.valueOr(Double.NaN), 0.0);
        // training does what the lecture says: G starts far from N(0, 1) and moves towards it
        double before = run.measurements().get(0), after = run.measurements().get(3);
        assertTrue(before > 0.1 && after < before / 2, "JSD " + before + " at epoch 0, " + after + " at epoch 1000");
        for (double v : run.measurements()) assertTrue(v >= 0 && v <= Math.log(2), "JSD in [0, log 2]: " + v);
    }

    @Test
    void aDivergedRunIsReportedAndTheOthersGoOn() {
        GanConfig wild = GanConfig.normal().withOptimizer(OptimizerKind.SGD).withLearningRate(1e12).withEpochs(50).withHistoryEvery(1);
        List<Sweep.Run<Double>> runs = new Sweep(2).run(List.of(GanConfig.normal().withEpochs(50), wild), REAL, JSD);
        assertFalse(runs.get(0).diverged());
        assertTrue(runs.get(0).valueOr(Double.NaN) < Math.log(2));
        assertTrue(runs.get(1).diverged());
        assertTrue(runs.get(1).failure().contains("training diverged"), runs.get(1).failure());
        assertTrue(Double.isNaN(runs.get(1).valueOr(Double.NaN)));
        assertTrue(runs.get(1).measurements().isEmpty());
    }

    @Test
    void aFailingMeasureStopsTheSweepWithItsMessage() {
        Function<Trainer, Double> broken = t -> {
            throw new IllegalStateException("measure failed for seed " + t.config().seed());
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Sweep(2).run(List.of(GanConfig.normal().withEpochs(5)), REAL, broken));
        assertEquals("measure failed for seed 1", e.getMessage());
    }

    @Test
    void jsdToDoesNotDisturbTheTrainer() {
        Trainer a = new Trainer(GanConfig.normal().withEpochs(20), REAL), b = new Trainer(GanConfig.normal().withEpochs(20), REAL);
        a.train();
        b.train();
        double first = JSD.apply(a);
        assertEquals(first, JSD.apply(a), 0.0, "same trainer, same epoch: same fakes");
        assertArrayEquals(b.generate1d(100), a.generate1d(100), 0.0);
        a.train(5);
        b.train(5);
        assertEquals(b.history(), a.history());
    }

    @Test
    void badInputIsNamedWithItsValue() {
        assertMessage(() -> new Sweep(0), "threads must be >= 1, got 0");
        Sweep s = new Sweep(1);
        assertMessage(() -> s.run(List.of(), REAL, JSD), "configs must hold at least one GanConfig");
        List<GanConfig> withNull = new ArrayList<>();
        withNull.add(null);
        assertMessage(() -> s.run(withNull, REAL, JSD), "configs[0] must not be null");
        List<GanConfig> two = List.of(GanConfig.normal().withEpochs(100), GanConfig.normal().withEpochs(200));
        assertMessage(() -> s.run(two, rows(REAL), new int[] {0, 50, 50, 100}, JSD), "strictly increasing", "[0, 50, 50, 100]", "index 2");
        assertMessage(() -> s.run(two, rows(REAL), new int[] {-1, 100}, JSD), "strictly increasing epochs >= 0");
        assertMessage(() -> s.run(two, rows(REAL), new int[] {50, 100}, JSD), "configs[1].epochs() is 200", "last checkpoint 100");
        assertMessage(() -> s.run(two, rows(REAL), new int[0], JSD), "at least one epoch");
        assertMessage(() -> Sweep.jsdTo(new double[] {0, Double.NaN}, 10, 10), "reference[1] must be a finite number, got NaN");
        assertMessage(() -> Sweep.jsdTo(REFERENCE, 0, 10), "fakes must be >= 1, got 0");
        assertMessage(() -> Sweep.jsdTo(new double[][] {{0, 0}}, 10, 0), "binsPerAxis must be >= 1, got 0");
        assertMessage(() -> s.run(List.of(GanConfig.fourGaussians()), REAL, JSD), "row 0 must have 2 values");
    }

    static double[][] rows(double[] x) {
        double[][] r = new double[x.length][];
        for (int i = 0; i < x.length; i++) r[i] = new double[] {x[i]};
        return r;
    }
}

package gan.train;

import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import gan.data.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Schedule#GENERATOR_HEAVY}: one D step per mini-batch, then k G steps (the "Helvetica scenario" when k is large). */
class GeneratorHeavyScheduleTest {
    static final double[] REAL = Datasets.standardNormal(1000, Rng.derive(1, "data"));

    @Test
    void everyBatchMakesOneDStepAndKGSteps() {
        GanConfig c = GanConfig.normal().withSchedule(Schedule.GENERATOR_HEAVY).withK(3).withBatches(5).withHistoryEvery(1000);
        Trainer t = new Trainer(c, REAL);
        TrainerTest.assertStepsAfter(t, 1, 5, 15);                     // D G G G, five times
        TrainerTest.assertStepsAfter(t, 2, 15, 45);
    }

    @Test
    void withOneGStepItIsThePapersScheduleWithKOne() {
        GanConfig c = GanConfig.normal().withK(1).withEpochs(30).withHistoryEvery(10);
        Trainer heavy = new Trainer(c.withSchedule(Schedule.GENERATOR_HEAVY), REAL);
        Trainer paper = new Trainer(c.withSchedule(Schedule.PAPER), REAL);
        heavy.train();
        paper.train();
        assertEquals(paper.history(), heavy.history());                // D, G on every batch, the same random draws
        assertArrayEquals(paper.generator().parameterVector(), heavy.generator().parameterVector(), 0.0);
    }

    @Test
    void moreGStepsChangeTheTrainingAndTheNameParses() {
        GanConfig c = GanConfig.normal().withSchedule(Schedule.GENERATOR_HEAVY).withEpochs(20).withHistoryEvery(20);
        Trainer one = new Trainer(c.withK(1), REAL);
        Trainer five = new Trainer(c.withK(5), REAL);
        one.train();
        five.train();
        assertNotEquals(one.last().gLoss(), five.last().gLoss());
        assertSame(Schedule.GENERATOR_HEAVY, Schedule.parse("generator_heavy"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse("helvetica"));
        assertTrue(e.getMessage().contains("generator_heavy") && e.getMessage().contains("helvetica"), e.getMessage());
    }

    @Test
    void aCheckpointKeepsTheSchedule(@TempDir Path dir) throws Exception {
        GanConfig c = GanConfig.normal().withSchedule(Schedule.GENERATOR_HEAVY).withK(4).withEpochs(10).withHistoryEvery(5);
        Trainer t = new Trainer(c, REAL);
        t.train(5);
        Path file = dir.resolve("heavy.ckpt");
        t.save(file);
        Trainer back = Trainer.load(file);
        assertTrue(Files.size(file) > 0);
        assertSame(Schedule.GENERATOR_HEAVY, back.config().schedule());
        t.train(5);
        back.train(5);
        assertEquals(t.history(), back.history());
        assertEquals(t.generatorSteps(), back.generatorSteps());
    }
}

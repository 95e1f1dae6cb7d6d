package gan.train;

import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.*;

import gan.stats.LectureKl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LectureProgressTest {
    /** A step loss and the same loss recomputed after an update of learning rate 1e-9 agree this closely. */
    static final double TINY_STEP = 1e-6;

    // real {0, 0, 1, 3} in 3 bins over [0, 3]: counts {2, 1, 1}; fakes {0.5, 2.5, 2.5, 5}: 5 is dropped, counts {1, 0, 2}
    static final double[] REAL = {0, 0, 1, 3}, FAKE = {0.5, 2.5, 2.5, 5};

    @Test
    void theFilesKlIsInfiniteWhenOnlyAFakeBinIsEmptyAndTheChapter10VariantAddsEpsilonAfterNormalising() {
        assertEquals(Double.POSITIVE_INFINITY, LectureKl.of(REAL, FAKE, 3).kld());
        LectureKl eps = LectureKl.plusEpsilon(REAL, FAKE, 3);
        double p0 = 0.5 + 1e-8, p1 = 0.25 + 1e-8, p2 = 0.25 + 1e-8;
        double q0 = 1 / 3.0 + 1e-8, q1 = 1e-8, q2 = 2 / 3.0 + 1e-8;
        double byHand = p0 * Math.log(p0 / q0) + p1 * Math.log(p1 / q1) + p2 * Math.log(p2 / q2);   // 4.4030
        assertEquals(byHand, eps.kld(), EXACT);
        assertArrayEquals(new double[] {p0, p1, p2}, eps.p(), EXACT);
        assertArrayEquals(new double[] {q0, q1, q2}, eps.q(), EXACT);
        assertArrayEquals(new double[] {0, 1, 2, 3}, eps.edges(), EXACT);
    }

    @Test
    void anEmptyRealBinMakesTheFilesKlNaNButNotTheVariant() {
        double[] real = {0, 0, 3, 3}, fake = {0, 1.5, 3};        // 3 bins: real counts {2, 0, 2}
        assertTrue(Double.isNaN(LectureKl.of(real, fake, 3).kld()));
        double p = 0.5 + 1e-8, e = 1e-8, q = 1 / 3.0 + 1e-8;
        assertEquals(2 * p * Math.log(p / q) + e * Math.log(e / q), LectureKl.plusEpsilon(real, fake, 3).kld(), EXACT);
    }

    @Test
    void theLineIsPrintedAsPythonPrintsIt() {
        LectureProgress nan = LectureProgress.of(9800, 1.38641, 0.69384, new double[] {0, 0, 3, 3}, new double[] {0, 1.5, 3});
        assertEquals("9800) D-loss = 1.3864, G-loss = 0.6938, KL = nan", nan.line());
        double[] everyBin = new double[51];                      // 0, 1, …, 50: one or two points in each of 50 bins
        for (int i = 0; i <= 50; i++) everyBin[i] = i;
        LectureProgress inf = LectureProgress.of(0, 1.5, 0.7, everyBin, new double[] {0.5});   // 49 bins without fakes
        assertEquals("0) D-loss = 1.5000, G-loss = 0.7000, KL = inf", inf.line());
        assertEquals("-inf", LectureProgress.python4(Double.NEGATIVE_INFINITY));
        assertEquals("1.0835", LectureProgress.python4(1.08349));
    }

    @Test
    void progressIsRecordedAfterEpochsZeroEveryAndTwiceEveryAndChangesNothing() {
        GanConfig c = GanConfig.normal().toBuilder().epochs(250).historyEvery(50).build();
        double[] data = TrainerTest.normalData(5, 1000);
        Trainer plain = new Trainer(c, data);
        plain.train();
        List<LectureProgress> lines = new ArrayList<>();
        Trainer watched = new Trainer(c, data).onLectureProgress(100, lines::add);
        watched.train();
        assertEquals(plain.history(), watched.history());
        assertArrayEquals(plain.generator().parameterVector(), watched.generator().parameterVector(), 0.0);
        assertArrayEquals(plain.discriminator().parameterVector(), watched.discriminator().parameterVector(), 0.0);
        assertEquals(List.of(0, 100, 200), lines.stream().map(LectureProgress::epoch).toList());
        double[] sortedData = data.clone();
        Arrays.sort(sortedData);
        for (LectureProgress p : lines) {
            assertEquals(200, p.realBatch().length);                // the last of 5 mini-batches of 1,000
            assertEquals(200, p.fakeBatch().length);
            for (double v : p.realBatch()) assertTrue(Arrays.binarySearch(sortedData, v) >= 0, "a real point of the data");
            assertEquals(0, Double.compare(LectureKl.of(p.realBatch(), p.fakeBatch()).kld(), p.kl()));
            assertTrue(Double.isFinite(p.dLoss()) && Double.isFinite(p.gLoss()) && Double.isFinite(p.klPlusEpsilon()));
        }
    }

    /**
     * With a learning rate of 1e-9 an update changes nothing visible, so the step losses can be recomputed
     * from the recorded batch: with nK = 2 and 5 mini-batches the steps run D D G | D D G | …, so epoch 0
     * ends with a D step and epoch 2 with a G step, both on the last mini-batch.
     */
    @Test
    void theLossesAreThoseOfTheLastStepOnTheLastMiniBatch() {
        GanConfig c = GanConfig.normal().toBuilder().epochs(3).learningRate(1e-9).build();
        List<LectureProgress> lines = new ArrayList<>();
        Trainer t = new Trainer(c, TrainerTest.normalData(6, 1000)).onLectureProgress(1, lines::add);
        t.train();
        LectureProgress e0 = lines.get(0), e2 = lines.get(2);
        double[] dReal = t.discriminate(e0.realBatch()), dFake0 = t.discriminate(e0.fakeBatch());
        double dLoss = 0;
        for (int i = 0; i < dReal.length; i++) dLoss -= (Math.log(dReal[i]) + Math.log(1 - dFake0[i])) / dReal.length;
        assertEquals(dLoss, e0.dLoss(), TINY_STEP, "epoch 0 ends with a D step on the last mini-batch");
        double[] dFake2 = t.discriminate(e2.fakeBatch());
        double gLoss = 0;
        for (double v : dFake2) gLoss -= Math.log(v) / dFake2.length;
        assertEquals(gLoss, e2.gLoss(), TINY_STEP, "epoch 2 ends with a G step on the last mini-batch");
        assertNotEquals(e0.gLoss(), e2.gLoss());
    }

    @Test
    void badArgumentsAreNamed() {
        Trainer t = new Trainer(GanConfig.normal(), TrainerTest.normalData(1, 1000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.onLectureProgress(0, p -> { }));
        assertTrue(e.getMessage().contains("every"), e.getMessage());
    }
}

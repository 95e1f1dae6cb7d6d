package gan.stats;

import static gan.Asserts.assertMessage;
import static gan.Tolerances.EXACT;
import static gan.Tolerances.QUADRATURE;
import static gan.stats.DivergencesTest.LECTURE_EPSILON;
import static gan.stats.DivergencesTest.LOG2;
import static gan.stats.DivergencesTest.N01;
import static gan.stats.DivergencesTest.N12;
import static gan.stats.DivergencesTest.scale;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The lecture's KL replica against the library's histogram KL. */
class LectureKlTest {
    @Test
    void lectureKlGivesNaNWhenARealBinIsEmpty() {
        double[] real = {0, 0.1, 0.2, 10};           // bins between 0.2 and 10 are empty: 0 · log(0/q) = NaN
        double[] fake = {0, 5, 10};
        LectureKl r = LectureKl.of(real, fake);
        assertTrue(Double.isNaN(r.kld()), "kld = " + r.kld());
        assertEquals(Divergences.LECTURE_BINS, r.p().length);
        // ours on the same data: finite by default, +∞ exactly
        assertTrue(Double.isFinite(Divergences.klHistogram(real, fake, 50).value()));
        assertEquals(Double.POSITIVE_INFINITY, Divergences.klHistogram(real, fake, 50, EmptyBins.INFINITY).value());
    }

    @Test
    void lectureKlGivesInfinityWhenOnlyAFakeBinIsEmptyAndDropsFakesOutsideTheRealRange() {
        double[] real = {0, 1, 2, 3};
        double[] fake = {0, 1, 2, 100};               // 100 is dropped by np.histogram; bin 3 empty in Q
        LectureKl r = LectureKl.of(real, fake, 4);
        assertArrayEquals(new double[] {1, 1, 1, 0}, scale(r.q(), 3 + 1e-8), EXACT);
        assertEquals(Double.POSITIVE_INFINITY, r.kld());
    }

    @Test
    void lectureKlIsNaNInMostSeededRunsOfTheLecturesSetting() {
        int nan = 0;
        for (int seed = 0; seed < 20; seed++) {
            Rng rng = new Rng(seed);
            double[] real = N01.sample1D(1000, rng);
            double[] fake = N01.sample1D(1000, rng);
            if (Double.isNaN(LectureKl.of(real, fake).kld())) {
                nan++;
            }
            assertFalse(Double.isNaN(Divergences.klHistogram(real, fake, 50).value()));
        }
        assertTrue(nan > 10, "NaN in " + nan + " of 20 runs");
    }

    @Test
    void lectureKlAgreesWithOursWhenNoBinIsEmptyAndTheRangesCoincide() {
        double[] real = {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4};
        double[] fake = {0, 0.6, 1.2, 1.4, 2.2, 2.6, 3.1, 3.7, 4, 0.1};
        LectureKl lecture = LectureKl.of(real, fake, 4);
        BinnedDivergence ours = Divergences.klHistogram(real, fake, 4, EmptyBins.INFINITY);
        assertArrayEquals(ours.edges()[0], lecture.edges(), 0);
        assertEquals(ours.value(), lecture.kld(), LECTURE_EPSILON);
    }

    @Test
    void badInputIsRejectedWithTheArgumentAndValue() {
        double[] ok = {1, 2, 3};
        assertMessage(() -> LectureKl.of(ok, new double[0]), "fake", "empty");
    }
}

package gan.finance;

import static gan.Asserts.assertMessage;
import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gan.stats.Samples;
import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void logReturnsAreLogPriceRatios() {
        double[] r = Series.logReturns(new double[] {100, 110, 99});
        assertArrayEquals(new double[] {Math.log(1.1), Math.log(0.9)}, r, EXACT);
        assertMessage(() -> Series.logReturns(new double[] {100}), "prices", "at least 2", "1");
        assertMessage(() -> Series.logReturns(new double[] {100, 0, 3}), "prices[1]", "0.0");
        assertMessage(() -> Series.logReturns(new double[] {100, Double.NaN}), "prices[1]", "NaN");
    }

    @Test
    void standardizeReturnsTheMeanAndPopulationStdItUsed() {
        double[] x = {1, 2, 3, 6};
        Standardized s = Standardized.of(x);
        assertEquals(3, s.mean(), EXACT);
        assertEquals(Math.sqrt((4 + 1 + 0 + 9) / 4.0), s.std(), EXACT);   // numpy x.std()
        assertEquals(0, Samples.mean(s.z()), EXACT);
        assertEquals(1, Samples.std(s.z(), 0), EXACT);
        assertArrayEquals(x, s.restore(s.z()), EXACT);
        assertArrayEquals(s.z(), s.apply(x), EXACT);
        assertArrayEquals(new double[] {1, 2, 3, 6}, x, 0);                       // not modified
        assertMessage(() -> Standardized.of(new double[] {2, 2, 2}), "zero spread", "2.0");
        assertMessage(() -> Standardized.of(new double[] {2}), "at least 2", "1");
    }
}

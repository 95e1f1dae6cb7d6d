package gan.data;

import static gan.Asserts.assertMessage;
import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gan.stats.Samples;
import java.time.LocalDate;
import java.util.List;
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
        Standardized s = Series.standardize(x);
        assertEquals(3, s.mean(), EXACT);
        assertEquals(Math.sqrt((4 + 1 + 0 + 9) / 4.0), s.std(), EXACT);   // numpy x.std()
        assertEquals(0, Samples.mean(s.z()), EXACT);
        assertEquals(1, Samples.std(s.z(), 0), EXACT);
        assertArrayEquals(x, s.restore(s.z()), EXACT);
        assertArrayEquals(s.z(), s.apply(x), EXACT);
        assertArrayEquals(new double[] {1, 2, 3, 6}, x, 0);                       // not modified
        assertMessage(() -> Series.standardize(new double[] {2, 2, 2}), "zero spread", "2.0");
        assertMessage(() -> Series.standardize(new double[] {2}), "at least 2", "1");
    }

    @Test
    void dateGapsAreCalendarDaysBetweenNeighbours() {
        List<LocalDate> d = List.of(LocalDate.of(2019, 1, 31), LocalDate.of(2019, 2, 1), LocalDate.of(2019, 3, 22),
                LocalDate.of(2019, 3, 25));
        assertEquals(List.of(new DateGap(LocalDate.of(2019, 2, 1), LocalDate.of(2019, 3, 22), 49)), Series.dateGaps(d, 5));
        assertEquals(2, Series.dateGaps(d, 2).size());
        assertEquals(0, Series.dateGaps(d, 49).size());
        assertMessage(() -> Series.dateGaps(d, 0), "maxDays", "0");
        assertMessage(() -> Series.dateGaps(List.of(LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 1)), 3),
                "dates[1] = 2019-02-01", "increase strictly");
    }
}

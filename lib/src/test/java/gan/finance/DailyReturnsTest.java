package gan.finance;

import static gan.Asserts.assertMessage;
import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gan.data.PriceTable;
import gan.data.PriceCsv;
import gan.data.DateGap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DailyReturns and JoinedPrices. */
class DailyReturnsTest {

    @TempDir
    Path dir;

    @Test
    void theReturnAcrossTheHoleIsDroppedAndKept() throws Exception {
        PriceTable t = PriceCsv.read(Path.of(DailyReturnsTest.class.getResource("/gan/data/005380-2019-excerpt.csv").toURI()), "Close");
        DailyReturns r = DailyReturns.of(t, "Close", 14);
        assertEquals(9, r.size());                                  // 11 prices, 10 returns, 1 across the hole
        assertEquals(List.of(new DateGap(LocalDate.of(2019, 2, 1), LocalDate.of(2019, 3, 22), 49)), r.dropped());
        assertArrayEquals(new double[] {Math.log(123_500.0 / 129_500.0)}, r.droppedValues(), EXACT);
        assertEquals(LocalDate.of(2019, 1, 22), r.dates().get(0));  // a return is dated by its second day
        assertEquals(LocalDate.of(2019, 2, 1), r.dates().get(8));
        assertEquals(Math.log(127_500.0 / 127_000.0), r.values()[0], EXACT);
        assertEquals(Math.log(126_500.0 / 128_500.0), r.values()[4], EXACT);   // 01-25 → 01-28, a weekend: kept
        // with a 2-day limit the weekend return goes too
        assertEquals(2, DailyReturns.of(t, "Close", 2).dropped().size());
        // a large limit keeps every return, as Series.logReturns gives them
        assertArrayEquals(Series.logReturns(t.column("Close")), DailyReturns.of(t, "Close", 49).values(), 0);
    }

    @Test
    void badInputIsNamed() {
        List<LocalDate> d = List.of(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 3, 1));
        assertMessage(() -> DailyReturns.of(d, new double[] {1, 2, 3}, 5), "3 prices", "2 dates");
        assertMessage(() -> DailyReturns.of(d, new double[] {1, 2}, 5), "nothing is left", "maxGapDays = 5");
        assertMessage(() -> DailyReturns.of(d, new double[] {1, 2}, 0), "maxGapDays", "0");
        assertMessage(() -> DailyReturns.of(d, new double[] {1, -2}, 100), "prices[1]", "-2.0");
    }

    private Path csv(String name, String... lines) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "Date,Close\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void innerJoinKeepsTheCommonDatesAndNamesTheOthers() throws Exception {
        PriceTable a = PriceCsv.read(csv("a.csv", "2019-01-02,10", "2019-01-03,11", "2019-01-04,12", "2019-01-07,13"));
        PriceTable b = PriceCsv.read(csv("b.csv", "2018-12-28,99", "2019-01-03,21", "2019-01-04,22", "2019-01-07,23",
                "2019-01-08,24"));
        JoinedPrices j = JoinedPrices.innerJoin(a, b, "Close");
        assertEquals(List.of(LocalDate.of(2019, 1, 3), LocalDate.of(2019, 1, 4), LocalDate.of(2019, 1, 7)), j.dates());
        assertArrayEquals(new double[] {11, 12, 13}, j.first(), 0);
        assertArrayEquals(new double[] {21, 22, 23}, j.second(), 0);
        assertEquals(List.of(LocalDate.of(2019, 1, 2)), j.onlyInFirst());
        assertEquals(List.of(LocalDate.of(2018, 12, 28), LocalDate.of(2019, 1, 8)), j.onlyInSecond());
        assertEquals(3, j.size());
        assertMessage(() -> JoinedPrices.innerJoin(a, b, "Open"), "column Open", "a.csv");
        PriceTable c = PriceCsv.read(csv("c.csv", "2020-01-02,1"));
        assertMessage(() -> JoinedPrices.innerJoin(a, c, "Close"), "no date in common", "c.csv");
    }
}

package gan.data;

import static gan.Asserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateGapTest {
    @Test
    void dateGapsAreCalendarDaysBetweenNeighbours() {
        List<LocalDate> d = List.of(LocalDate.of(2019, 1, 31), LocalDate.of(2019, 2, 1), LocalDate.of(2019, 3, 22),
                LocalDate.of(2019, 3, 25));
        assertEquals(List.of(new DateGap(LocalDate.of(2019, 2, 1), LocalDate.of(2019, 3, 22), 49)), DateGap.find(d, 5));
        assertEquals(2, DateGap.find(d, 2).size());
        assertEquals(0, DateGap.find(d, 49).size());
        assertMessage(() -> DateGap.find(d, 0), "maxDays", "0");
        assertMessage(() -> DateGap.find(List.of(LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 1)), 3),
                "dates[1] = 2019-02-01", "increase strictly");
    }
}

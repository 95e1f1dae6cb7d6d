package gan.plot;

import static gan.Tolerances.FIGURE_DIGITS;
import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkedHistogramTest {

    @Test
    void theHistogramIntegratesToOneAndEachMarkIsAVerticalLineAsHighAsTheTallestBin() {
        double[] v = {0, 0.5, 0.5, 1.5, 2};                 // 2 bins over [0, 2]: counts 3, 2 → densities 0.6, 0.4
        Map<String, Double> marks = new LinkedHashMap<>();
        marks.put("lecture 9800", 0.6293);
        marks.put("lecture 9900", 1.0835);
        FigureJs js = new FigureJs(MarkedHistogram.of("Null distribution", "KL", "perfect G", v, 2, marks));
        assertEquals(3, js.traces.size());
        assertEquals("perfect G", js.string(0, "name"));
        assertArrayEquals(new double[] {0, 0.6, 0.4, 0.4, 0}, js.array(0, "y"), FIGURE_DIGITS);
        assertEquals("lecture 9800", js.string(1, "name"));
        assertArrayEquals(new double[] {0.6293, 0.6293}, js.array(1, "x"), FIGURE_DIGITS);
        assertArrayEquals(new double[] {0, 0.6}, js.array(1, "y"), FIGURE_DIGITS);
        assertArrayEquals(new double[] {1.0835, 1.0835}, js.array(2, "x"), FIGURE_DIGITS);
        assertEquals("Null distribution", js.title());
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MarkedHistogram.of("t", "x", "n", new double[] {1}, 0, Map.of()));
        assertTrue(e.getMessage().contains("bins"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MarkedHistogram.of("t", "x", "n", new double[] {1}, 5, Map.of("m", Double.NaN)));
        assertTrue(e.getMessage().contains("marks[m]"), e.getMessage());
    }
}

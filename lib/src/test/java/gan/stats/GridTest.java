package gan.stats;

import static gan.Asserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridTest {

    @Test
    void linspaceIsNumpysFormulaWithTheEndpointExact() {
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, Grid.linspace(-1, 1, 5), 0);
        double[] x = Grid.linspace(0.1, 0.7, 7);
        double step = (0.7 - 0.1) / 6;
        for (int i = 0; i < 6; i++) {
            assertEquals(i * step + 0.1, x[i], 0);              // numpy: arange(n) * step + start
        }
        assertEquals(0.7, x[6], 0);
        assertMessage(() -> Grid.linspace(1, 1, 3), "hi", "lo = 1.0");
        assertMessage(() -> Grid.linspace(0, 1, 1), "n", "1");
        assertMessage(() -> Grid.linspace(0, Double.POSITIVE_INFINITY, 3), "hi", "Infinity");
    }

    @Test
    void forEachWalksTheTensorGridRowMajorWithTheLastAxisFastest() {
        double[][] axes = {{1, 2}, {10, 20, 30}};
        List<String> seen = new ArrayList<>();
        int n = Grid.forEach(axes, (flat, index, x) -> seen.add(flat + ":" + index[0] + index[1] + ":" + x[0] + "," + x[1]));
        assertEquals(6, n);
        assertEquals(List.of("0:00:1.0,10.0", "1:01:1.0,20.0", "2:02:1.0,30.0", "3:10:2.0,10.0", "4:11:2.0,20.0",
                "5:12:2.0,30.0"), seen);
        assertMessage(() -> Grid.forEach(new double[][] {{1}, {}}, (f, i, x) -> { }), "axes[1]", "empty");
        assertMessage(() -> Grid.forEach(new double[0][], (f, i, x) -> { }), "axes", "0");
    }
}

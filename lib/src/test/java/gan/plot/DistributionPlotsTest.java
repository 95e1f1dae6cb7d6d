package gan.plot;

import static gan.Tolerances.EXACT;
import static gan.Tolerances.FIGURE_DIGITS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Real vs fake histograms, densities, the scatter and the Q-Q plot, read back from the figure JavaScript. */
class DistributionPlotsTest {

    @Test
    void realVsFakeHistogramsShareBinsAndIntegrateToOne() {
        Rng rng = new Rng(7);
        double[] real = new double[1000];
        double[] fake = new double[800];
        Arrays.setAll(real, i -> rng.nextGaussian());
        Arrays.setAll(fake, i -> 0.5 + 2 * rng.nextGaussian());
        int bins = 30;
        FigureJs js = new FigureJs(DistributionPlots.realVsFake(real, fake, bins));
        assertEquals(2, js.traces.size());
        assertEquals(PlotKit.REAL_COLOR, js.lineColor(0));
        assertEquals(PlotKit.FAKE_COLOR, js.lineColor(1));
        assertEquals("실제 데이터 / real data (n = 1000)", js.string(0, "name"));
        assertEquals("가짜 데이터 / fake data G(z) (n = 800)", js.string(1, "name"));
        assertArrayEquals(js.array(0, "x"), js.array(1, "x"), EXACT, "the same bins for both");
        for (int t = 0; t < 2; t++) {
            double[] x = js.array(t, "x");
            double[] y = js.array(t, "y");
            assertEquals(bins + 3, x.length);
            assertEquals(0, y[0], EXACT);
            assertEquals(0, y[y.length - 1], EXACT);
            double area = 0;
            for (int j = 1; j <= bins; j++) {
                area += y[j] * (x[j + 1] - x[j]);
            }
            assertEquals(1, area, 10 * FIGURE_DIGITS, "density histogram integrates to 1");
        }
        assertEquals("밀도 / density", js.axisTitle("yaxis"));
        assertThrows(IllegalArgumentException.class, () -> DistributionPlots.realVsFake(real, new double[]{Double.NaN}, 10));
        assertThrows(IllegalArgumentException.class, () -> DistributionPlots.realVsFake(real, fake, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DistributionPlots.realVsFake(real, fake, 1_000_000));
        assertTrue(e.getMessage().contains("bins must be in [1, 1000], got 1000000"), e.getMessage());
    }

    @Test
    void aConstantSampleStillGetsOneWideBin() {
        FigureJs js = new FigureJs(DistributionPlots.realVsFake(new double[]{2, 2}, new double[]{2}, 1));
        assertArrayEquals(new double[]{1.5, 1.5, 2.5, 2.5}, js.array(0, "x"), EXACT);
        assertArrayEquals(new double[]{0, 1, 1, 0}, js.array(0, "y"), EXACT);
    }

    @Test
    void realVsFakeDensityDrawsTwoCurves() {
        double[] x = {-1, 0, 1};
        FigureJs js = new FigureJs(DistributionPlots.realVsFakeDensity(x, new double[]{0.2, 0.4, 0.2}, new double[]{0.1, 0.3, 0.3}));
        assertEquals(2, js.traces.size());
        assertArrayEquals(new double[]{0.1, 0.3, 0.3}, js.array(1, "y"), EXACT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DistributionPlots.realVsFakeDensity(x, new double[]{1, 2}, new double[3]));
        assertTrue(e.getMessage().contains("pReal has 2 values but the grid has 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DistributionPlots.realVsFakeDensity(new double[]{0, 0, 1}, new double[3], new double[3]));
    }

    @Test
    void scatterIsBlueRealRedFakeAndCapsPoints() {
        Rng rng = new Rng(3);
        double[][] real = new double[5000][2];
        double[][] fake = new double[10][2];
        for (double[] p : real) {
            p[0] = rng.nextGaussian();
            p[1] = rng.nextGaussian();
        }
        FigureJs js = new FigureJs(DistributionPlots.scatter(real, fake));
        assertEquals(PlotKit.REAL_COLOR, js.markerColor(0));
        assertEquals(PlotKit.FAKE_COLOR, js.markerColor(1));
        assertEquals("markers", js.string(0, "mode"));
        assertEquals(DistributionPlots.MAX_SCATTER_POINTS, js.array(0, "x").length);
        assertEquals("실제 데이터 / real data (2000 of 5000 shown)", js.string(0, "name"));
        assertEquals("가짜 데이터 / fake data G(z)", js.string(1, "name"));
        assertEquals(real[4999][1], js.array(0, "y")[1999], FIGURE_DIGITS, "last point kept");
        assertEquals("x1", js.axisTitle("xaxis"));
        assertEquals("x2", js.axisTitle("yaxis"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DistributionPlots.scatter(new double[][]{{1, 2, 3}}, fake));
        assertTrue(e.getMessage().contains("real[0] has 3 columns"), e.getMessage());
        assertNotNull(DistributionPlots.scatter(new double[0][], new double[0][]), "empty sets are a valid first frame");
    }

    @Test
    void qqOfASampleWithItselfLiesOnTheDiagonal() {
        Rng rng = new Rng(11);
        double[] a = new double[500];
        Arrays.setAll(a, i -> rng.nextGaussian());
        FigureJs js = new FigureJs(DistributionPlots.qq(a, a.clone(), "fake", "real"));
        assertArrayEquals(js.array(0, "x"), js.array(0, "y"), EXACT);
        assertEquals(DistributionPlots.QQ_POINTS, js.array(0, "x").length);
        assertEquals("y = x (같은 분포 / same distribution)", js.string(1, "name"));
        assertEquals("Q-Q 그림 / Q-Q plot: fake vs real", js.title());
        assertEquals("real 분위수 / quantiles", js.axisTitle("xaxis"));
        FigureJs small = new FigureJs(DistributionPlots.qq(new double[]{3, 1, 2}, a, "s", "r"));
        assertArrayEquals(new double[]{1, 2, 3}, small.array(0, "y"), EXACT, "three points: the order statistics");
    }
}

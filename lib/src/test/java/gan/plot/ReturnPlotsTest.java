package gan.plot;

import static gan.Tolerances.EXACT;
import static gan.Tolerances.FIGURE_DIGITS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import gan.finance.Tails;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ReturnPlots' traces read back from the JavaScript (no browser). */
class ReturnPlotsTest {

    private static double[] normal(int n, long seed, double mean, double std) {
        Rng rng = new Rng(seed);
        double[] x = new double[n];
        Arrays.setAll(x, i -> mean + std * rng.nextGaussian());
        return x;
    }

    @Test
    void histogramsShareBinsTakeThePaletteAndIntegrateToOne() {
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("historical", normal(1000, 1, 0, 1));
        s.put("GAN", normal(700, 2, 1, 2));
        s.put("normal", normal(500, 3, -1, 0.5));
        FigureJs js = new FigureJs(ReturnPlots.histograms(s, 25, "final prices", "price"));
        assertEquals(3, js.traces.size());
        assertEquals(List.of("blue", "red", "#2ca02c"), List.of(js.lineColor(0), js.lineColor(1), js.lineColor(2)));
        assertEquals("GAN (n = 700)", js.string(1, "name"));
        for (int t = 0; t < 3; t++) {
            double[] x = js.array(t, "x"), y = js.array(t, "y");
            assertArrayEquals(js.array(0, "x"), x, EXACT, "the same bins for every sample");
            double area = 0;
            for (int j = 1; j <= 25; j++) area += y[j] * (x[j + 1] - x[j]);
            assertEquals(1, area, 10 * FIGURE_DIGITS);
        }
        assertEquals("final prices", js.title());
        assertThrows(IllegalArgumentException.class, () -> ReturnPlots.histograms(Map.of(), 10, "t", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReturnPlots.histograms(s, 0, "t", "x"));
        assertTrue(e.getMessage().contains("bins must be in [1, 1000], got 0"), e.getMessage());
    }

    @Test
    void returnsDrawTheNormalFittedToTheRealSample() {
        double[] real = normal(2000, 4, 0.5, 2);
        FigureJs js = new FigureJs(ReturnPlots.returns(real, normal(1000, 5, 0, 1), 40, false));
        assertEquals(3, js.traces.size());
        double[] x = js.array(2, "x"), p = js.array(2, "y");
        double mean = gan.stats.Samples.mean(real), std = gan.stats.Samples.std(real, 0);
        int i = x.length / 2;
        double z = (x[i] - mean) / std;
        assertEquals(Math.exp(-z * z / 2) / (std * Math.sqrt(2 * Math.PI)), p[i], FIGURE_DIGITS * p[i] * 10);
        assertTrue(js.string(2, "name").startsWith("정규분포 적합 / normal fitted to real"), js.string(2, "name"));
        FigureJs log = new FigureJs(ReturnPlots.returns(real, real, 40, true));
        assertTrue(log.js.contains("\"type\":\"log\"") || log.js.contains("\"type\": \"log\""), "a log y axis");
    }

    @Test
    void fittedNormalLabelsUseTheStdsDigits() {
        assertEquals("0.00", ReturnPlots.threeDigits(6.76e-17, 1));
        assertEquals("0.00", ReturnPlots.threeDigits(-6.76e-17, 1));
        assertEquals("1.00", ReturnPlots.threeDigits(0.99999, 1));
        assertEquals("0.0003", ReturnPlots.threeDigits(0.00029, 0.0234));
        assertEquals("0.0234", ReturnPlots.threeDigits(0.023372, 0.023372));
        assertEquals("123457", ReturnPlots.threeDigits(123456.7, 2500));
    }

    @Test
    void qqNormalOfNormalScoresLiesOnTheFittedLine() {
        double[] scores = Tails.normalScores(2000);                    // exactly the normal's quantiles
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("normal", scores);
        FigureJs js = new FigureJs(ReturnPlots.qqNormal(s));
        double[] x = js.array(0, "x"), y = js.array(0, "y");
        assertEquals(ReturnPlots.QQ_NORMAL_POINTS, x.length);
        for (int i = 0; i < x.length; i++) assertEquals(x[i], y[i], FIGURE_DIGITS * Math.max(1, Math.abs(x[i])));
        assertEquals(PlotKit.REFERENCE_COLOR, js.lineColor(1));
        // a fat-tailed sample (Laplace) lies beyond the normal's line at both ends
        Rng rng = new Rng(9);
        double[] laplace = new double[5000];
        Arrays.setAll(laplace, i -> -Math.log(1 - rng.nextDouble()) + Math.log(1 - rng.nextDouble()));
        s.put("laplace", laplace);
        FigureJs two = new FigureJs(ReturnPlots.qqNormal(s));
        double[] ly = two.array(1, "y"), lx = two.array(1, "x");
        double sd = Math.sqrt(2);                                       // Laplace(1) has variance 2
        assertTrue(ly[0] < sd * lx[0] && ly[ly.length - 1] > sd * lx[lx.length - 1], "fat tails bend away from the line");
        assertEquals("red", two.markerColor(1));
    }

    @Test
    void fansShareTheYRangeAndDrawQuantileBands() {
        double[][] a = new double[100][11], b = new double[40][11];
        for (int p = 0; p < 100; p++) for (int t = 0; t <= 10; t++) a[p][t] = 100 + p + t;
        for (int p = 0; p < 40; p++) for (int t = 0; t <= 10; t++) b[p][t] = 50 - t;
        Map<String, double[][]> fans = new LinkedHashMap<>();
        fans.put("GAN", a);
        fans.put("normal", b);
        PlotlyFigure f = (PlotlyFigure) ReturnPlots.fans(fans, "paths", "price");
        FigureJs js = new FigureJs(f);
        assertEquals(8, js.traces.size());                                   // per fan: paths + 3 bands
        assertEquals("GAN: " + ReturnPlots.FAN_PATHS + " of 100 paths", js.string(0, "name"));
        double[] median = js.array(2, "y");
        assertEquals(100 + 49.5, median[0], EXACT);                          // median over all 100 paths at t = 0
        assertEquals(100 + 0.95 * 99 + 10, js.array(3, "y")[10], FIGURE_DIGITS * 200);
        assertEquals("y2", js.string(4, "yaxis"));
        Map<?, ?> y2 = (Map<?, ?>) f.layoutExtras().get("yaxis2");
        assertEquals(((Map<?, ?>) f.layoutExtras().get("yaxis")).get("range"), y2.get("range"), "one y range for all panels");
        assertTrue(js.traces.get(0).contains("showlegend: false"), "thin paths have no legend entry of their own");
        assertTrue(js.string(2, "name").startsWith("GAN: 중앙값 / median, 5% and 95% (dashed)"), js.string(2, "name"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnPlots.fans(Map.of("x", new double[][] {{1, 2}, {3}}), "t", "y"));
        assertTrue(e.getMessage().contains("path 1 has 1 steps, path 0 has 2"), e.getMessage());
    }

    @Test
    void pairsAreBlueAndRedWithNamedAxes() {
        double[][] real = {{1, 2}, {3, 4}}, fake = {{0, 0}};
        FigureJs js = new FigureJs(ReturnPlots.pairs(real, fake, "KB", "Shinhan"));
        assertEquals("blue", js.markerColor(0));
        assertEquals("red", js.markerColor(1));
        assertEquals("KB", js.axisTitle("xaxis"));
        assertEquals("Shinhan", js.axisTitle("yaxis"));
        assertArrayEquals(new double[] {2, 4}, js.array(0, "y"), EXACT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnPlots.pairs(real, new double[][] {{1, Double.NaN}}, "a", "b"));
        assertTrue(e.getMessage().contains("fake[0] must be a pair of finite numbers"), e.getMessage());
    }

    @Test
    void pathsFanIsOneTraceWithGapsAndTheRealPathOnTop() {
        double[][] sims = new double[100][50];
        for (int p = 0; p < sims.length; p++) {
            for (int t = 0; t < 50; t++) {
                sims[p][t] = 100 + p + t;
            }
        }
        double[] real = new double[50];
        Arrays.fill(real, 100);
        FigureJs js = new FigureJs(ReturnPlots.paths(real, sims, "prices", "price"));
        assertEquals(2, js.traces.size());
        assertEquals("시뮬레이션 경로 / simulated paths (30 of 100 shown)", js.string(0, "name"));
        double[] y = js.array(0, "y");
        assertEquals(ReturnPlots.MAX_FAN_PATHS * 51, y.length, "30 paths of 50 points, each followed by a gap");
        assertEquals(ReturnPlots.MAX_FAN_PATHS, Arrays.stream(y).filter(Double::isNaN).count());
        assertEquals(PlotKit.REAL_COLOR, js.lineColor(1));
        assertEquals("price", js.axisTitle("yaxis"));

        double[][] long1 = {new double[5000]};
        assertEquals(ReturnPlots.MAX_PATH_POINTS + 1, new FigureJs(ReturnPlots.paths(long1, "t", "y")).array(0, "x").length);
        assertThrows(IllegalArgumentException.class, () -> ReturnPlots.paths(new double[0][], "t", "y"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnPlots.paths(new double[][]{{1, Double.NaN}}, "t", "y"));
        assertTrue(e.getMessage().contains("simulated[0][1]"), e.getMessage());
    }
}

package gan.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

/** What every figure helper owes a reader: a title, axis titles, a legend, in Korean and English. */
class FigureTitlesTest {
    @Test
    void everyFigureHasATitleAxisTitlesAndALegend() {
        double[] x = PlotsTest.grid(-1, 1, 5);
        GoodfellowPanel p = PlotsTest.panel("", x, 0.5);
        List<Figure> all = List.of(Plots.lossHistory(PlotsTest.history(5, 1)), Plots.discriminatorHistory(PlotsTest.history(5, 1)),
                Plots.divergenceHistory(PlotsTest.history(5, 1)), DistributionPlots.realVsFake(x, x, 3), DistributionPlots.realVsFakeDensity(x, x, x),
                DistributionPlots.scatter(new double[][]{{0, 0}}, new double[][]{{1, 1}}),
                TheoryPlots.goodfellow(x, p.pData(), p.pG(), p.d(), p.dStar(), "g"),
                TheoryPlots.goodfellow(x, List.of(p, p), "g2"),
                TheoryPlots.decisionSurface(x, x, new double[5][5], new double[0][], new double[0][]),
                SweepFigures.heatmap(new String[]{"a"}, new String[]{"b"}, new double[][]{{1}}, "h", "r", "c", "v"),
                DistributionPlots.qq(x, x, "s", "r"), ReturnPlots.paths(new double[][]{x}, "p", "y"));
        for (Figure f : all) {
            FigureJs js = new FigureJs(f);
            assertNotNull(js.title(), js.layout);
            assertFalse(js.title().isBlank());
            assertNotNull(js.axisTitle("xaxis"), js.layout);
            assertNotNull(js.axisTitle("yaxis"), js.layout);
            assertTrue(js.layout.contains("showlegend: true"), js.layout);
            for (int t = 0; t < js.traces.size(); t++) {
                boolean named = js.string(t, "name") != null && !js.string(t, "name").isEmpty();
                boolean heatmap = "heatmap".equals(js.string(t, "type"));
                assertTrue(named || heatmap || js.traces.get(t).contains("showlegend: false"), "trace " + t + " needs a legend name");
            }
        }
    }

    /** Hangul syllables (가 … 힣). */
    private static boolean hasHangul(String s) {
        return s.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
    }

    private static boolean hasAsciiLetters(String s) {
        return s.chars().filter(c -> c < 128).anyMatch(Character::isLetter);
    }

    @Test
    void everyDefaultTitleIsInKoreanAndEnglish() {
        double[] x = PlotsTest.grid(-1, 1, 5);
        double[] wide = PlotsTest.grid(-2, 3, 50);
        Map<String, Figure> defaults = new LinkedHashMap<>();
        defaults.put("Plots.lossHistory", Plots.lossHistory(PlotsTest.history(5, 1)));
        defaults.put("Plots.lossHistory (empty)", Plots.lossHistory(List.of(), 100));
        defaults.put("Plots.discriminatorHistory", Plots.discriminatorHistory(PlotsTest.history(5, 1)));
        defaults.put("Plots.divergenceHistory", Plots.divergenceHistory(PlotsTest.history(5, 1)));
        defaults.put("Plots.divergenceHistory (series)", Plots.divergenceHistory(new int[]{0, 1}, Map.of("KL", new double[]{1, 0.5})));
        defaults.put("DistributionPlots.realVsFake", DistributionPlots.realVsFake(x, x, 3));
        defaults.put("DistributionPlots.realVsFakeDensity", DistributionPlots.realVsFakeDensity(x, x, x));
        defaults.put("DistributionPlots.scatter", DistributionPlots.scatter(new double[][]{{0, 0}}, new double[][]{{1, 1}}));
        defaults.put("DistributionPlots.qq", DistributionPlots.qq(x, x, "s", "r"));
        defaults.put("TheoryPlots.decisionSurface", TheoryPlots.decisionSurface(x, x, new double[5][5], new double[0][], new double[0][]));
        defaults.put("ReturnPlots.returns", ReturnPlots.returns(wide, wide, 10, false));
        defaults.put("ReturnPlots.returns (log)", ReturnPlots.returns(wide, wide, 10, true));
        defaults.put("ReturnPlots.qqNormal", ReturnPlots.qqNormal(Map.of("real", wide)));
        defaults.put("ReturnPlots.pairs", ReturnPlots.pairs(new double[][]{{0, 0}}, new double[][]{{1, 1}}, "a", "b"));
        for (Map.Entry<String, Figure> e : defaults.entrySet()) {
            String title = new FigureJs(e.getValue()).title();
            assertTrue(hasHangul(title) && hasAsciiLetters(title), e.getKey() + "'s title must read in Korean and English: " + title);
        }
    }
}

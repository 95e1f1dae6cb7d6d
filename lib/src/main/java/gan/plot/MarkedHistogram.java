package gan.plot;

import gan.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The distribution of a statistic (a normalised histogram, drawn as a filled outline) with named values marked
 * as vertical dashed lines: for example the null distribution of an estimator, many draws of it for a perfect
 * generator, with the numbers a lecture printed marked on it.
 */
public final class MarkedHistogram {
    private MarkedHistogram() {
    }

    /**
     * @param title  the figure title
     * @param xName  the x axis title (the statistic)
     * @param name   the legend name of the histogram, e.g. "perfect G, 2,000 draws"
     * @param values the draws, finite, at least one. Not modified.
     * @param bins   number of equal bins over [min, max] of the draws and marks, 1 to {@value Plots#MAX_BINS}
     * @param marks  legend name → value to mark, finite (a LinkedHashMap keeps its order). Not modified.
     */
    public static Figure of(String title, String xName, String name, double[] values, int bins, Map<String, Double> marks) {
        Check.notNull("title", title);
        Check.notNull("xName", xName);
        Check.notNull("name", name);
        Check.finiteValues("values", values);
        Check.notNull("marks", marks);
        PlotKit.checkBins(bins);
        double lo = Arrays.stream(values).min().getAsDouble(), hi = Arrays.stream(values).max().getAsDouble();
        for (Map.Entry<String, Double> m : marks.entrySet()) {
            Double v = m.getValue();
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("marks[" + m.getKey() + "] must be a finite number, got " + v);
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        List<Trace> traces = new ArrayList<>();
        traces.add(PlotKit.histogramOutline(values, lo, hi, bins, name, PlotKit.SERIES_COLORS[7], "rgba(127,127,127,0.2)"));
        double top = 0;
        for (double d : PlotKit.densities(values, lo, hi, bins)) {
            top = Math.max(top, d);
        }
        int c = 0;
        for (Map.Entry<String, Double> m : marks.entrySet()) {
            double v = m.getValue();
            traces.add(PlotKit.line(new double[] {v, v}, new double[] {0, top}, m.getKey(),
                    c == 0 ? PlotKit.FAKE_COLOR : PlotKit.SERIES_COLORS[(c + 1) % PlotKit.SERIES_COLORS.length], Line.Dash.DASH, 2));
            c++;
        }
        return PlotKit.figure(PlotKit.layout(title, xName, DistributionPlots.DENSITY, PlotKit.WIDTH, PlotKit.HEIGHT).build(), Map.of(), List.of(),
                traces.toArray(new Trace[0]));
    }
}

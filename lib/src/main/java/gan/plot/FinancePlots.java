package gan.plot;

import gan.Check;
import gan.stats.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Figures for the finance notebooks' time-series questions: a return series over time (not thinned, so that
 * every spike of a crisis stays visible) and autocorrelation functions with their i.i.d. band. Colours follow
 * the palette of {@link ReturnPlots} in the map's order (real blue, GAN red, then green, purple, …).
 */
public final class FinancePlots {
    /** The most points a series may have (a daily series of 20 years); nothing is thinned below this. */
    public static final int MAX_SERIES_POINTS = 10_000;
    /** Width of both figures in pixels (the book's output area is 900). */
    static final int WIDTH = 880;

    private FinancePlots() {
    }

    /**
     * Series over a shared time axis, as thin lines, with dashed horizontal lines at ±level for each level.
     *
     * @param t      increasing times (e.g. fractional years), finite, at most {@value #MAX_SERIES_POINTS}. Not modified.
     * @param series name → values as long as t, finite; the map's order is the drawing order. Not modified.
     * @param levels the ±levels to mark (e.g. 4 for ±4σ), positive; may be empty
     */
    public static Figure series(double[] t, Map<String, double[]> series, double[] levels, String title, String xName, String yName) {
        return series(t, series, levels, title, xName, yName, 0);
    }

    /**
     * The same, with the first series in palette colour {@code firstColour} (e.g. 1 for red, so that GAN draws shown
     * alone keep the fake colour).
     *
     * @param firstColour 0 to {@code PALETTE.length − 1}
     */
    public static Figure series(double[] t, Map<String, double[]> series, double[] levels, String title, String xName, String yName,
                                int firstColour) {
        if (firstColour < 0 || firstColour >= PlotKit.PALETTE.length) {
            throw new IllegalArgumentException("firstColour must be in [0, " + (PlotKit.PALETTE.length - 1) + "], got " + firstColour);
        }
        Check.finiteValues("t", t);
        if (t.length < 2 || t.length > MAX_SERIES_POINTS) {
            throw new IllegalArgumentException("t must hold 2 to " + MAX_SERIES_POINTS + " times, got " + t.length);
        }
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] > t[i - 1])) {
                throw new IllegalArgumentException("t must increase, but t[" + i + "] = " + t[i] + " follows " + t[i - 1]);
            }
        }
        checkSeries(series);
        Check.notNull("levels", levels);
        List<Trace> traces = new ArrayList<>();
        int k = firstColour;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] v = Check.finiteValues("series[" + e.getKey() + "]", e.getValue());
            if (v.length != t.length) {
                throw new IllegalArgumentException("series[" + e.getKey() + "] has " + v.length + " values but t has " + t.length);
            }
            traces.add(PlotKit.line(t, v, e.getKey(), PlotKit.PALETTE[k++ % PlotKit.PALETTE.length], Line.Dash.SOLID, 1));
        }
        for (double level : levels) {
            Check.positive("level", level);
            for (double sign : new double[] {1, -1}) {
                traces.add(PlotKit.line(new double[] {t[0], t[t.length - 1]}, new double[] {sign * level, sign * level},
                        (sign > 0 ? "±" : "-") + PlotKit.round(level), "black", Line.Dash.DASH, 1));
            }
        }
        return PlotKit.figure(PlotKit.layout(title, xName, yName, WIDTH, 420).build(), Map.of(), List.of(), traces.toArray(new Trace[0]));
    }

    /**
     * Autocorrelations ρ̂(1) … ρ̂(H) of several series (lines with markers, lag on x) and the band ±band as black
     * dashed lines: under i.i.d. about 95% of the points of a series lie inside it.
     *
     * @param acfs name → ρ̂(1) … ρ̂(H), all of the same length H ≥ 1, finite. Not modified.
     * @param band the band's half-width, e.g. 1.96 / √n; positive
     */
    public static Figure acf(Map<String, double[]> acfs, double band, String title) {
        checkSeries(acfs);
        Check.positive("band", band);
        int h = acfs.values().iterator().next().length;
        double[] lags = new double[h];
        for (int i = 0; i < h; i++) lags[i] = i + 1;
        List<Trace> traces = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, double[]> e : acfs.entrySet()) {
            double[] v = Check.finiteValues("acfs[" + e.getKey() + "]", e.getValue());
            if (v.length != h) {
                throw new IllegalArgumentException("acfs[" + e.getKey() + "] has " + v.length + " lags, the first has " + h);
            }
            String color = PlotKit.PALETTE[k++ % PlotKit.PALETTE.length];
            traces.add(ScatterTrace.builder(PlotKit.round(lags), PlotKit.round(v)).name(e.getKey()).mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                    .line(Line.builder().color(color).width(1.5).build()).marker(Marker.builder().color(color).size(5).build()).build());
        }
        for (double sign : new double[] {1, -1}) {
            traces.add(PlotKit.line(new double[] {0.5, h + 0.5}, new double[] {sign * band, sign * band},
                    sign > 0 ? "95% i.i.d. 구간 / band ±" + PlotKit.round(band) : "-band", "black", Line.Dash.DASH, 1));
        }
        return PlotKit.figure(PlotKit.layout(title, "시차 / lag (days)", "자기상관 / autocorrelation", WIDTH, 420).build(), Map.of(), List.of(),
                traces.toArray(new Trace[0]));
    }

    /**
     * Density histograms of several samples on a logarithmic y axis, where a normal density is a parabola and fat
     * tails lie above it, with density curves (e.g. fitted normal and Student-t) as dashed lines. Every sample is
     * binned on {@code bins} equal bins over [lo, hi] and normalised by its full size n (density_j = count_j /
     * (n · width)), so values outside [lo, hi] are left out of the picture but not out of the normalisation; empty
     * bins are gaps (log 0 is not drawn).
     *
     * @param samples name → finite values, 1 to 6; drawn in map order in the palette's colours. Not modified.
     * @param curves  name → density function, drawn in black, grey, … dashed; may be empty
     * @param lo      the left end, finite, below hi
     */
    public static Figure logDensities(Map<String, double[]> samples, Map<String, java.util.function.DoubleUnaryOperator> curves,
                                      int bins, double lo, double hi, String title, String xName) {
        checkSeries(samples);
        Check.notNull("curves", curves);
        Check.atLeast("bins", bins, 1);
        Check.finite("lo", lo);
        Check.finite("hi", hi);
        if (!(hi > lo)) {
            throw new IllegalArgumentException("hi must be above lo, got lo = " + lo + ", hi = " + hi);
        }
        double width = (hi - lo) / bins, smallest = Double.POSITIVE_INFINITY, largest = 0;
        double[] centres = new double[bins];
        for (int j = 0; j < bins; j++) centres[j] = lo + (j + 0.5) * width;
        List<Trace> traces = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            double[] v = Check.finiteValues("samples[" + e.getKey() + "]", e.getValue());
            double[] d = PlotKit.densities(v, lo, hi, bins);
            for (int j = 0; j < bins; j++) {
                d[j] = d[j] > 0 ? d[j] : Double.NaN;
                if (d[j] > 0) {
                    smallest = Math.min(smallest, d[j]);
                    largest = Math.max(largest, d[j]);
                }
            }
            String color = PlotKit.PALETTE[k++ % PlotKit.PALETTE.length];
            traces.add(ScatterTrace.builder(PlotKit.round(centres), PlotKit.round(d)).name(e.getKey() + " (n = " + v.length + ")")
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS).line(Line.builder().color(color).width(1.5).build())
                    .marker(Marker.builder().color(color).size(4).build()).build());
        }
        String[] curveColors = {"black", "#7f7f7f", "#bcbd22"};
        int c = 0;
        double[] x = Grid.linspace(lo, hi, ReturnPlots.CURVE_POINTS);
        for (Map.Entry<String, java.util.function.DoubleUnaryOperator> e : curves.entrySet()) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double p = e.getValue().applyAsDouble(x[i]);
                y[i] = p >= smallest / 2 ? p : Double.NaN;        // below the plot's floor: not drawn
            }
            traces.add(PlotKit.line(x, y, e.getKey(), curveColors[c++ % curveColors.length], Line.Dash.DASH, 2));
        }
        Map<String, Object> extras = Map.of("yaxis", Map.of("type", "log",
                "range", List.of(PlotKit.round(Math.log10(smallest / 2)), PlotKit.round(Math.log10(2 * largest)))));
        return PlotKit.figure(PlotKit.layout(title, xName, "밀도 / density (log)", WIDTH, 480).build(), extras, List.of(),
                traces.toArray(new Trace[0]));
    }

    private static void checkSeries(Map<String, double[]> series) {
        Check.notNull("series", series);
        if (series.isEmpty() || series.size() > PlotKit.PALETTE.length) {
            throw new IllegalArgumentException("give 1 to " + PlotKit.PALETTE.length + " series, got " + series.size());
        }
    }
}

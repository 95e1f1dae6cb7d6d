package gan.plot;

import gan.stats.Bins;

import gan.Check;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Grid;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * The one toolkit under every figure family of this package ({@link Plots}, {@link DistributionPlots},
 * {@link TheoryPlots}, {@link SweepFigures}, {@link ReturnPlots}, {@link FinancePlots}, {@link GoodfellowCycle},
 * {@link MarkedHistogram}): colours, the layout and figure every helper starts from, line and marker traces,
 * the histogram outline (and the one bin-counting rule it uses), the multi-panel layout, fans of paths, thinning,
 * rounding and the checks of plane points and grids.
 *
 * <p>Conventions: real data is blue, fake data (G(z)) red, as in the lecture. Data values are rounded to
 * {@value #SIGNIFICANT_DIGITS} significant digits, which is invisible in a plot and halves the page. Every
 * layout is at most {@value FigureJson#MAX_WIDTH} px wide.
 */
final class PlotKit {
    /** Real data colour (the lecture's blue). */
    static final String REAL_COLOR = "blue";
    /** Fake data colour (the lecture's red). */
    static final String FAKE_COLOR = "red";
    static final String D_LOSS_COLOR = "#1f77b4";
    static final String G_LOSS_COLOR = "#ff7f0e";
    static final String REFERENCE_COLOR = "#555555";
    static final String P_DATA_COLOR = "black";
    static final String P_G_COLOR = "green";
    static final String D_COLOR = "blue";
    static final String D_STAR_COLOR = "purple";
    /** matplotlib's tab10 without blue and red, for named series. */
    static final String[] SERIES_COLORS = {"#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};
    /** Colours by position in a map of samples: real blue, GAN red, then green, purple, brown, pink. */
    static final String[] PALETTE = {REAL_COLOR, FAKE_COLOR, "#2ca02c", "#9467bd", "#8c564b", "#e377c2"};
    /** D's surface: red (says fake) at 0, white at ½, blue (says real) at 1. */
    static final List<Object> D_COLORSCALE =
            List.of(List.of(0, "rgb(214,96,77)"), List.of(0.5, "rgb(247,247,247)"), List.of(1, "rgb(67,147,195)"));

    /** Significant digits kept in the data written into a figure. */
    static final int SIGNIFICANT_DIGITS = 5;
    /** At most this many histogram bins. */
    static final int MAX_BINS = 1000;
    static final int WIDTH = 700;
    static final int HEIGHT = 450;

    /** Legend entries in rows under the plot, so long names do not squeeze the plot area. */
    private static final Map<String, Object> LEGEND_BELOW =
            Map.of("orientation", "h", "x", 0, "y", 0.01, "yref", "container", "yanchor", "bottom");
    private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS);
    private static final Margin MARGIN = Margin.builder().top(80).bottom(40).left(60).right(30).build();
    /** Room above a grid of panels for the title and the panels' captions. */
    static final Margin PANEL_MARGIN = Margin.builder().top(90).bottom(40).left(60).right(30).build();

    private PlotKit() {
    }

    // ---------------------------------------------------------------- figure and layout

    /** A {@link PlotlyFigure} whose legend is in rows under the x axis title, unless {@code layoutExtras} places it. */
    static PlotlyFigure figure(Layout layout, Map<String, Object> layoutExtras, List<Map<String, Object>> traceExtras,
                               tech.tablesaw.plotly.traces.Trace... traces) {
        Map<String, Object> extras = new LinkedHashMap<>(layoutExtras);
        extras.putIfAbsent("legend", LEGEND_BELOW);
        for (String axis : List.of("xaxis", "yaxis")) { // room for tick labels and axis titles, whatever their length
            Map<String, Object> settings = new LinkedHashMap<>();
            if (extras.get(axis) instanceof Map<?, ?> given) {
                given.forEach((k, v) -> settings.put((String) k, v));
            }
            settings.putIfAbsent("automargin", true);
            if (axis.equals("xaxis")) {
                settings.putIfAbsent("zeroline", false); // no vertical line through x = 0 across the data
            }
            extras.put(axis, settings);
        }
        return new PlotlyFigure(layout, extras, traceExtras, traces);
    }

    /**
     * A layout at most {@value FigureJson#MAX_WIDTH} px wide (wider asks are narrowed, so every figure fits an
     * output area 900 px wide).
     */
    static Layout.LayoutBuilder layout(String title, String xTitle, String yTitle, int width, int height) {
        return Layout.builder().title(title).width(Math.min(width, FigureJson.MAX_WIDTH)).height(height).showLegend(true).margin(MARGIN)
                .xAxis(Axis.builder().title(xTitle).build())
                .yAxis(Axis.builder().title(yTitle).build());
    }

    // ---------------------------------------------------------------- traces

    static ScatterTrace line(double[] x, double[] y, String name, String color, Line.Dash dash, double width) {
        return ScatterTrace.builder(round(x), round(y)).name(name).mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().color(color).dash(dash).width(width).build()).build();
    }

    /** A line on the axes of panel {@code suffix} (see {@link #axisSuffix}), in the legend only if {@code legend}. */
    static ScatterTrace panelLine(double[] x, double[] y, String name, String color, Line.Dash dash, double width, String suffix,
                                  boolean legend) {
        return ScatterTrace.builder(round(x), round(y)).name(name).mode(ScatterTrace.Mode.LINE).showLegend(legend)
                .line(Line.builder().color(color).dash(dash).width(width).build())
                .xAxis("x" + suffix).yAxis("y" + suffix).build();
    }

    static ScatterTrace points(double[][] xy, int max, String name, String color, String xAxis, String yAxis) {
        return thinnedMarkers(xy, max, name)
                .marker(Marker.builder().color(color).size(5).opacity(0.6)
                        .line(Line.builder().color("white").width(0.5).build()).build())
                .xAxis(xAxis).yAxis(yAxis).build();
    }

    /**
     * Markers at the points of xy (rows (x, y)), thinned evenly to at most max; the legend label says
     * "name (kept of n shown)" when points were left out.
     */
    static ScatterTrace.ScatterBuilder thinnedMarkers(double[][] xy, int max, String name) {
        int[] keep = evenly(xy.length, max);
        String label = name + (keep.length < xy.length ? " (" + keep.length + " of " + xy.length + " shown)" : "");
        return markersAt(xy, keep).name(label);
    }

    /** Markers at the rows {@code keep} of xy (rows (x, y)), rounded; unnamed. */
    static ScatterTrace.ScatterBuilder markersAt(double[][] xy, int[] keep) {
        double[] x = new double[keep.length];
        double[] y = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            x[i] = xy[keep[i]][0];
            y[i] = xy[keep[i]][1];
        }
        return ScatterTrace.builder(round(x), round(y)).mode(ScatterTrace.Mode.MARKERS);
    }

    // ---------------------------------------------------------------- histograms

    /**
     * A density histogram on the divergences' binning ({@link Bins}: {@code bins} equal bins over [lo, hi],
     * [e_j, e_{j+1}) with the last bin closed, values outside [lo, hi] left out), so a point on an edge falls in
     * the same bin in a figure as in the KL beside it; normalised by the full sample size:
     * {@code density_j = count_j / (n · width)}.
     *
     * @param v values, finite. Not modified.
     */
    static double[] densities(double[] v, double lo, double hi, int bins) {
        double width = (hi - lo) / bins;
        double[] density = Bins.counts(v, lo, hi, bins);
        for (int j = 0; j < bins; j++) {
            density[j] /= v.length * width;
        }
        return density;
    }

    /** The step outline of a density histogram ({@link #densities}), closed to 0 at both ends, filled with {@code fill}. */
    static ScatterTrace histogramOutline(double[] v, double lo, double hi, int bins, String name, String color, String fill) {
        double[] density = densities(v, lo, hi, bins);
        // points (e0, 0), (e0, d0), (e1, d1), …, (e_{b-1}, d_{b-1}), (e_b, d_{b-1}), (e_b, 0), joined "hv"
        double[] x = new double[bins + 3];
        double[] y = new double[bins + 3];
        double[] edges = Bins.of(lo, hi, bins).edges();
        x[0] = lo;
        for (int j = 0; j < bins; j++) {
            x[j + 1] = edges[j];
            y[j + 1] = density[j];
        }
        x[bins + 1] = hi;
        y[bins + 1] = density[bins - 1];
        x[bins + 2] = hi;
        return ScatterTrace.builder(round(x), round(y)).name(name).mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().color(color).width(2).shape(Line.Shape.HV).build())
                .fill(ScatterTrace.Fill.TO_ZERO_Y).fillColor(fill).build();
    }

    static void checkBins(int bins) {
        if (bins < 1 || bins > MAX_BINS) {
            throw new IllegalArgumentException("bins must be in [1, " + MAX_BINS + "], got " + bins);
        }
    }

    /** [min, max] over all samples, widened by ½ on each side when they are all equal. */
    static double[] range(Iterable<double[]> samples) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] v : samples) {
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return hi > lo ? new double[] {lo, hi} : new double[] {lo - 0.5, hi + 0.5};
    }

    /**
     * The p-quantile of sorted values by Hazen's rule (type 5): linear between order statistics at
     * h = n·p − ½, clamped to the smallest and largest value. (Not {@link gan.stats.Samples#quantile}, type 7:
     * the Q-Q plots keep the plotting positions (i + ½)/m on their own order statistics.)
     */
    static double hazenQuantile(double[] sorted, double p) {
        double h = sorted.length * p - 0.5;
        if (h <= 0) {
            return sorted[0];
        }
        if (h >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        int i = (int) Math.floor(h);
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }

    // ---------------------------------------------------------------- multi-panel layout

    /** The axis suffix of panel k: "" for the first (x, y), then "2", "3", … (x2, y2, …). */
    static String axisSuffix(int k) {
        return k == 0 ? "" : Integer.toString(k + 1);
    }

    /** "(a) label", "(b) label", … for panel k of n; the bare label for a single panel. */
    static String lettered(int k, int n, String label) {
        return n == 1 ? label : ("(" + (char) ('a' + k) + ") " + label).strip();
    }

    /** A caption centred above panel {@code suffix}. */
    static Map<String, Object> caption(String text, String suffix) {
        return Map.of("text", text, "xref", "x" + suffix + " domain", "yref", "y" + suffix + " domain",
                "x", 0.5, "y", 1.0, "xanchor", "center", "yanchor", "bottom", "showarrow", false);
    }

    /** Independent panels in {@code rows} × {@code columns} (a single panel needs no grid). */
    static Layout.LayoutBuilder grid(Layout.LayoutBuilder layout, int rows, int columns, double xGap, double yGap) {
        return layout.grid(Grid.builder().rows(rows).columns(columns).pattern(Grid.Pattern.INDEPENDENT).xGap(xGap).yGap(yGap).build());
    }

    /**
     * Columns of a grid of n panels: all in one row up to {@code maxInRow}, otherwise two rows (e.g. 4 scatter
     * panels as 2 × 2 with maxInRow 3, 6 Goodfellow panels as 2 × 3 with maxInRow 4), so panels stay readable
     * within {@value FigureJson#MAX_WIDTH} px.
     */
    static int panelColumns(int n, int maxInRow) {
        return n <= maxInRow ? n : (n + 1) / 2;
    }

    // ---------------------------------------------------------------- fans of paths

    /**
     * The first {@code shown} paths as one line: {xs, ys} with x the step index, each path thinned evenly to at most
     * {@code maxPoints} points (first and last kept) and followed by a NaN gap, so plotly does not join the paths.
     */
    static double[][] pathLines(double[][] paths, int shown, int maxPoints) {
        int total = 0;
        int[][] keeps = new int[shown][];
        for (int p = 0; p < shown; p++) {
            keeps[p] = evenly(paths[p].length, maxPoints);
            total += keeps[p].length + 1;
        }
        double[] xs = new double[total];
        double[] ys = new double[total];
        int at = 0;
        for (int p = 0; p < shown; p++) {
            for (int i : keeps[p]) {
                xs[at] = i;
                ys[at++] = paths[p][i];
            }
            xs[at] = Double.NaN;
            ys[at++] = Double.NaN;
        }
        return new double[][] {xs, ys};
    }

    // ---------------------------------------------------------------- thinning and rounding

    /** Indices of at most {@code max} evenly spaced elements of {@code 0..n-1}, first and last included. */
    static int[] evenly(int n, int max) {
        if (n <= max) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] idx = new int[max];
        for (int k = 0; k < max; k++) {
            idx[k] = (int) Math.round((double) k * (n - 1) / (max - 1));
        }
        return idx;
    }

    static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    /** The indices themselves as x values (steps 0, 1, …). */
    static double[] asDoubles(int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** {@code v} rounded to {@value #SIGNIFICANT_DIGITS} significant digits; NaN and infinities unchanged. */
    static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        return new BigDecimal(v).round(ROUNDING).doubleValue();
    }

    static double[] round(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = round(v[i]);
        }
        return out;
    }

    static double[][] round(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = round(m[i]);
        }
        return out;
    }

    static Object[] boxed(double[] v) {
        return Arrays.stream(v).boxed().toArray();
    }

    // ---------------------------------------------------------------- checks

    /** An increasing grid of finite values. */
    static void checkGrid(String name, double[] x) {
        Check.finiteValues(name, x);
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException(name + " must increase, got " + x[i] + " after " + x[i - 1] + " at index " + i);
            }
        }
    }

    /** One finite value per grid point. */
    static void checkCurve(String name, double[] y, int length) {
        Check.finiteValues(name, y);
        if (y.length != length) {
            throw new IllegalArgumentException(name + " has " + y.length + " values but the grid has " + length
                    + "; give one value per grid point");
        }
    }

    /** Discriminator outputs: one per grid point, each in [0, 1] (a logit passed by mistake fails here). */
    static void checkProbabilities(String name, double[] d, int length) {
        checkCurve(name, d, length);
        for (int i = 0; i < d.length; i++) {
            Check.inRange(name + "[" + i + "]", d[i], 0, 1);
        }
    }

    /** Points in the plane: rows (x, y), finite (there may be no rows); also pairs such as {JSD, D-loss}. */
    static void checkPoints(String name, double[][] xy) {
        Check.notNull(name, xy);
        for (int i = 0; i < xy.length; i++) {
            Check.notNull(name + "[" + i + "]", xy[i]);
            if (xy[i].length != 2) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + xy[i].length + " columns; each row needs 2, a point (x, y) of the plane");
            }
            Check.finite(name + "[" + i + "][0]", xy[i][0]);
            Check.finite(name + "[" + i + "][1]", xy[i][1]);
        }
    }

    static void checkMatrix(String name, double[][] m, int rows, int cols) {
        Check.notNull(name, m);
        if (m.length != rows) {
            throw new IllegalArgumentException(name + " has " + m.length + " rows, expected " + rows);
        }
        for (int r = 0; r < rows; r++) {
            Check.notNull(name + "[" + r + "]", m[r]);
            if (m[r].length != cols) {
                throw new IllegalArgumentException(name + "[" + r + "] has " + m[r].length + " columns, expected " + cols);
            }
        }
    }
}

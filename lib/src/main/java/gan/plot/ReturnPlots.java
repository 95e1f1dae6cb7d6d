package gan.plot;

import static gan.plot.PlotKit.HEIGHT;
import static gan.plot.PlotKit.PALETTE;
import static gan.plot.PlotKit.REAL_COLOR;
import static gan.plot.PlotKit.REFERENCE_COLOR;
import static gan.plot.PlotKit.WIDTH;
import static gan.plot.PlotKit.axisSuffix;
import static gan.plot.PlotKit.caption;
import static gan.plot.PlotKit.checkBins;
import static gan.plot.PlotKit.evenly;
import static gan.plot.PlotKit.figure;
import static gan.plot.PlotKit.hazenQuantile;
import static gan.plot.PlotKit.histogramOutline;
import static gan.plot.PlotKit.layout;
import static gan.plot.PlotKit.line;
import static gan.plot.PlotKit.pathLines;
import static gan.plot.PlotKit.pick;
import static gan.plot.PlotKit.points;
import static gan.plot.PlotKit.range;
import static gan.plot.PlotKit.round;

import gan.Check;
import gan.finance.Tails;
import gan.stats.Grid;
import gan.stats.Samples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Figures for the finance notebooks, where several samples are compared at once (real returns, GAN draws, a
 * normal; or price paths from several return models), and the one home of fans of price paths
 * ({@link #paths}, {@link #fans}). Samples are passed in a {@link Map} whose order is the drawing order, and take
 * the palette's colours in that order: blue, red, green, purple, brown, pink. So passing real data first and GAN
 * draws second keeps the lecture's blue-real, red-fake convention. Like {@link Plots}, every method only builds a
 * figure; data are rounded and thinned the same way.
 */
public final class ReturnPlots {
    /** At most this many paths in {@link #paths}. */
    public static final int MAX_FAN_PATHS = 30;
    /** At most this many points per path in {@link #paths}. */
    public static final int MAX_PATH_POINTS = 300;
    /** Points on each normal density curve. */
    static final int CURVE_POINTS = 400;
    /** Quantiles per sample in a normal Q-Q plot (fewer if the smallest sample is smaller). */
    public static final int QQ_NORMAL_POINTS = 2000;
    /** Paths drawn as thin lines per fan (the bands use all paths). */
    public static final int FAN_PATHS = 20;
    /** At most this many points per drawn path and band (a 250-day path is thinned to every second day). */
    public static final int FAN_POINTS = 126;
    /** The widest fan figure in pixels (fits the book's page). */
    static final int FAN_MAX_WIDTH = FigureJson.MAX_WIDTH;
    /** Pointwise quantiles drawn over each fan: 5%, median, 95%. */
    static final double[] FAN_BANDS = {0.05, 0.5, 0.95};

    static final String RETURNS_TITLE = "수익률 / Returns: real, GAN, fitted normal";
    static final String QQ_NORMAL_TITLE = "정규 Q-Q 그림 / Normal Q-Q plot";
    static final String PAIRS_TITLE = "실제(파랑)와 GAN(빨강) 쌍 / Real (blue) and GAN (red) pairs";
    private static final String TRADING_DAY = "거래일 / trading day";

    private ReturnPlots() {
    }

    /**
     * Overlaid density histograms of 1 to {@value #MAX_SAMPLES} samples on the same {@code bins} equal-width bins
     * spanning all of them, each integrating to 1 ({@code count_j / (n · width)}), in palette order.
     *
     * @param samples name → values (finite, non-empty); the map's order is the drawing order. Not modified.
     * @param bins    1 to 1000
     * @param title   the figure title
     * @param xName   the x axis title
     */
    public static Figure histograms(Map<String, double[]> samples, int bins, String title, String xName) {
        checkSamples(samples);
        checkBins(bins);
        Check.notNull("title", title);
        Check.notNull("xName", xName);
        double[] range = range(samples.values());
        List<Trace> traces = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            traces.add(histogramOutline(e.getValue(), range[0], range[1], bins, e.getKey() + " (n = " + e.getValue().length + ")",
                    PALETTE[k], fill(PALETTE[k])));
            k++;
        }
        return figure(layout(title, xName, DistributionPlots.DENSITY, WIDTH, HEIGHT).build(), Map.of(), List.of(),
                traces.toArray(new Trace[0]));
    }

    /**
     * Real (blue) and GAN (red) returns as density histograms on shared bins, with the normal fitted to the real
     * sample, N(x̄, s²) (mean and population std of {@code real}), as a black dashed curve. With
     * {@code logDensity} the y axis is logarithmic, which shows the tails: a normal's log density is a
     * parabola, fat tails lie above it far from the centre (empty bins are not drawn there).
     *
     * @param real       real returns, finite, at least 2 values, not all equal. Not modified.
     * @param fake       generated returns, finite, non-empty. Not modified.
     * @param bins       1 to 1000
     * @param logDensity a logarithmic y axis
     */
    public static Figure returns(double[] real, double[] fake, int bins, boolean logDensity) {
        Check.finiteValues("real", real);
        Check.finiteValues("fake", fake);
        checkBins(bins);
        double mean = Samples.mean(real), std = Samples.std(real, 0);
        if (!(std > 0)) {
            throw new IllegalArgumentException("real has zero spread, so no normal can be fitted to it");
        }
        double[] range = range(List.of(real, fake));
        double[] x = Grid.linspace(range[0], range[1], CURVE_POINTS);
        double[] p = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            double z = (x[i] - mean) / std;
            p[i] = Math.exp(-0.5 * z * z) / (std * Math.sqrt(2 * Math.PI));
        }
        Trace[] traces = {
            histogramOutline(real, range[0], range[1], bins, "실제 / real (n = " + real.length + ")", PALETTE[0],
                    logDensity ? "rgba(0,0,0,0)" : fill(PALETTE[0])),
            histogramOutline(fake, range[0], range[1], bins, "GAN G(z) (n = " + fake.length + ")", PALETTE[1],
                    logDensity ? "rgba(0,0,0,0)" : fill(PALETTE[1])),
            line(x, p, "정규분포 적합 / normal fitted to real: N(" + threeDigits(mean, std) + ", " + threeDigits(std, std) + "²)",
                    "black", Line.Dash.DASH, 2),
        };
        Map<String, Object> extras = new LinkedHashMap<>();
        if (logDensity) {
            // the smallest non-empty bin of the real sample sets the floor, so the curve's far tail does not squash the plot
            double floor = 0.5 / (real.length * (range[1] - range[0]) / bins);
            extras.put("yaxis", Map.of("type", "log", "range", List.of(round(Math.log10(floor)), round(Math.log10(2 * max(p)) + 0.1))));
        }
        String title = RETURNS_TITLE + (logDensity ? " (로그 밀도: 꼬리 / log density: tails)" : "");
        return figure(layout(title, "수익률 / return", logDensity ? "밀도 / density (log scale)" : DistributionPlots.DENSITY, WIDTH, HEIGHT).build(),
                extras, List.of(), traces);
    }

    /**
     * Normal Q-Q plot of 1 to {@value #MAX_SAMPLES} samples: each sample's quantiles (y) against the standard
     * normal's, Φ⁻¹(p_i) (x), at p_i = (i + ½)/m with m = min({@value #QQ_NORMAL_POINTS}, smallest sample size),
     * in palette order, with the line y = x̄ + s·x of the normal fitted to the FIRST sample (mean, population
     * std). A sample from that normal lies on the line; fat tails bend below it on the left and above it on the right.
     *
     * @param samples name → values (finite, non-empty; the first at least 2 values, not all equal). Not modified.
     */
    public static Figure qqNormal(Map<String, double[]> samples) {
        checkSamples(samples);
        int m = QQ_NORMAL_POINTS;
        for (double[] v : samples.values()) m = Math.min(m, v.length);
        double[] q = new double[m];
        for (int i = 0; i < m; i++) q[i] = Tails.normalQuantile((i + 0.5) / m);
        List<Trace> traces = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            double[] s = e.getValue().clone();
            Arrays.sort(s);
            double[] y = new double[m];
            for (int i = 0; i < m; i++) y[i] = hazenQuantile(s, (i + 0.5) / m);
            lo = Math.min(lo, y[0]);
            hi = Math.max(hi, y[m - 1]);
            traces.add(ScatterTrace.builder(round(q), round(y)).name(e.getKey() + " (" + m + " quantiles)")
                    .mode(ScatterTrace.Mode.MARKERS).marker(Marker.builder().color(PALETTE[k]).size(4).opacity(0.6).build()).build());
            k++;
        }
        double[] first = samples.values().iterator().next();
        double mean = Samples.mean(first), std = Samples.std(first, 0);
        if (!(std > 0)) {
            throw new IllegalArgumentException("the first sample has zero spread, so no normal can be fitted to it");
        }
        String name = samples.keySet().iterator().next();
        traces.add(line(new double[] {q[0], q[m - 1]}, new double[] {mean + std * q[0], mean + std * q[m - 1]},
                "정규분포 적합 / normal fitted to " + name + ": y = " + threeDigits(mean, std) + " + " + threeDigits(std, std) + "·x",
                REFERENCE_COLOR, Line.Dash.DASH, 1.5));
        return figure(layout(QQ_NORMAL_TITLE, "표준정규 분위수 / standard normal quantile Φ⁻¹(p)", "표본 분위수 / sample quantile", 650, 550).build(),
                Map.of(), List.of(), traces.toArray(new Trace[0]));
    }

    /**
     * Fans of simulated paths side by side, one panel per model, on a shared y range: in each, the first
     * {@value #FAN_PATHS} paths as thin lines (paths are exchangeable, so these are a fair sample) and, over all
     * paths, the pointwise 5% and 95% quantiles (dashed) and the median (solid), in the model's palette
     * colour, with one legend entry per fan (clicking it hides the whole fan). Lines are thinned evenly to at most {@value #FAN_POINTS} points (first and last kept), which keeps
     * a three-panel figure near 150 kB.
     *
     * @param fans  name → paths × steps (all paths of a fan the same length ≥ 1), finite; 1 to 4 fans. Not modified.
     * @param title the figure title
     * @param yName the y axis title, e.g. "price (KRW)"
     */
    public static Figure fans(Map<String, double[][]> fans, String title, String yName) {
        Check.notNull("fans", fans);
        Check.notNull("title", title);
        Check.notNull("yName", yName);
        if (fans.isEmpty() || fans.size() > 4) {
            throw new IllegalArgumentException("fans must hold 1 to 4 fans, got " + fans.size());
        }
        List<Trace> traces = new ArrayList<>();
        List<Map<String, Object>> traceExtras = new ArrayList<>();
        Map<String, Object> layoutExtras = new LinkedHashMap<>();
        List<Object> annotations = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int k = 0, n = fans.size();
        for (Map.Entry<String, double[][]> e : fans.entrySet()) {
            String name = Check.notNull("fan name", e.getKey());
            double[][] paths = Check.notNull("fans[" + name + "]", e.getValue());
            if (paths.length == 0) {
                throw new IllegalArgumentException("fan " + name + " must hold at least one path, got 0");
            }
            int steps = Check.finiteValues(name + "[0]", paths[0]).length;
            for (int p = 0; p < paths.length; p++) {
                if (Check.finiteValues(name + "[" + p + "]", paths[p]).length != steps) {
                    throw new IllegalArgumentException("fan " + name + ": path " + p + " has " + paths[p].length + " steps, path 0 has " + steps);
                }
                for (double v : paths[p]) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            String suffix = axisSuffix(k);
            String color = PALETTE[k];
            int shown = Math.min(FAN_PATHS, paths.length);
            int[] keep = evenly(steps, FAN_POINTS);
            double[][] drawn = pathLines(paths, shown, FAN_POINTS);
            traces.add(ScatterTrace.builder(round(drawn[0]), round(drawn[1]))
                    .name(name + ": " + shown + " of " + paths.length + " paths").mode(ScatterTrace.Mode.LINE).showLegend(false)
                    .line(Line.builder().color(color).width(0.7).build()).xAxis("x" + suffix).yAxis("y" + suffix).build());
            traceExtras.add(Map.of("opacity", 0.35, "legendgroup", name));
            double[] x = PlotKit.asDoubles(keep);
            for (double band : FAN_BANDS) {
                double[] y = new double[keep.length];
                double[] column = new double[paths.length];
                for (int i = 0; i < keep.length; i++) {
                    for (int p = 0; p < paths.length; p++) column[p] = paths[p][keep[i]];
                    y[i] = Samples.quantile(column, band);
                }
                String label = band == 0.5
                        ? name + ": 중앙값 / median, 5% and 95% (dashed), " + shown + " of " + paths.length + " paths"
                        : name + ": " + Math.round(band * 100) + "% quantile";
                traces.add(ScatterTrace.builder(round(x), round(y)).name(label).mode(ScatterTrace.Mode.LINE)
                        .showLegend(band == 0.5)
                        .line(Line.builder().color(color).width(2.5).dash(band == 0.5 ? Line.Dash.SOLID : Line.Dash.DASH).build())
                        .xAxis("x" + suffix).yAxis("y" + suffix).build());
                traceExtras.add(Map.of("legendgroup", name));
            }
            layoutExtras.put("xaxis" + suffix, Map.of("title", Map.of("text", TRADING_DAY), "automargin", true, "zeroline", false));
            annotations.add(caption(name, suffix));
            k++;
        }
        double pad = 0.03 * (hi - lo);
        List<Object> yRange = List.of(round(lo - pad), round(hi + pad));
        for (int j = 0; j < n; j++) {
            String suffix = axisSuffix(j);
            layoutExtras.put("yaxis" + suffix, j == 0 ? Map.of("range", yRange, "automargin", true) : Map.of("range", yRange));
        }
        layoutExtras.put("annotations", annotations);
        Layout.LayoutBuilder layout = layout(title, TRADING_DAY, yName, Math.min(FAN_MAX_WIDTH, Math.max(WIDTH, 300 * n)), 480)
                .margin(Margin.builder().top(90).bottom(40).left(70).right(30).build());
        if (n > 1) {
            PlotKit.grid(layout, 1, n, 0.06, 0.1);
        }
        return figure(layout.build(), layoutExtras, traceExtras, traces.toArray(new Trace[0]));
    }

    /** {@link #paths(double[], double[][], String, String)} without a real path. */
    public static Figure paths(double[][] simulated, String title, String yName) {
        return paths(null, simulated, title, yName);
    }

    /**
     * A fan of simulated paths (thin red lines) against time steps, with the real path (blue) on top, e.g.
     * generated vs real price series. The first {@value #MAX_FAN_PATHS} paths are drawn (simulated paths are
     * exchangeable, so these are a fair sample; the legend says how many of how many), each thinned to at
     * most {@value #MAX_PATH_POINTS} points.
     *
     * @param real      the real path, or {@code null} for none; finite. Not modified.
     * @param simulated paths × steps (rows may differ in length), finite, at least one path. Not modified.
     * @param title     the figure title
     * @param yName     the y axis title, e.g. "price"
     */
    public static Figure paths(double[] real, double[][] simulated, String title, String yName) {
        Check.notNull("simulated", simulated);
        Check.notNull("title", title);
        Check.notNull("yName", yName);
        if (simulated.length == 0) {
            throw new IllegalArgumentException("simulated must hold at least one path, got 0");
        }
        int shown = Math.min(MAX_FAN_PATHS, simulated.length);
        for (int p = 0; p < shown; p++) {
            Check.finiteValues("simulated[" + p + "]", simulated[p]);
        }
        double[][] drawn = pathLines(simulated, shown, MAX_PATH_POINTS);
        List<Trace> traces = new ArrayList<>();
        traces.add(ScatterTrace.builder(round(drawn[0]), round(drawn[1]))
                .name("시뮬레이션 경로 / simulated paths (" + shown + " of " + simulated.length + " shown)").mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().color("rgba(255,0,0,0.35)").width(1).build()).build());
        if (real != null) {
            Check.finiteValues("real", real);
            int[] keep = evenly(real.length, Plots.MAX_LINE_POINTS);
            traces.add(line(PlotKit.asDoubles(keep), pick(real, keep), "실제 경로 / real path", REAL_COLOR, Line.Dash.SOLID, 2));
        }
        return figure(layout(title, "단계 / step", yName, WIDTH, HEIGHT).build(), Map.of(), List.of(), traces.toArray(new Trace[0]));
    }

    /**
     * Real pairs (blue) and generated pairs (red) in the plane, e.g. the daily returns of two shares, with named
     * axes; each set is thinned evenly to at most {@value DistributionPlots#MAX_SCATTER_POINTS} points (the legend says so).
     *
     * @param real  n × 2 real pairs, finite. Not modified.
     * @param fake  m × 2 generated pairs, finite. Not modified.
     * @param xName the first coordinate's name (x axis)
     * @param yName the second coordinate's name (y axis)
     */
    public static Figure pairs(double[][] real, double[][] fake, String xName, String yName) {
        Check.notNull("xName", xName);
        Check.notNull("yName", yName);
        for (String which : List.of("real", "fake")) {
            double[][] m = which.equals("real") ? real : fake;
            Check.notNull(which, m);
            for (int i = 0; i < m.length; i++) {
                if (m[i] == null || m[i].length != 2 || !Double.isFinite(m[i][0]) || !Double.isFinite(m[i][1])) {
                    throw new IllegalArgumentException(which + "[" + i + "] must be a pair of finite numbers, got "
                            + (m[i] == null ? "null" : Arrays.toString(m[i])));
                }
            }
        }
        Trace[] traces = {
            points(real, DistributionPlots.MAX_SCATTER_POINTS, "실제 / real", PALETTE[0], "x", "y"),
            points(fake, DistributionPlots.MAX_SCATTER_POINTS, "GAN G(z)", PALETTE[1], "x", "y"),
        };
        return figure(layout(PAIRS_TITLE, xName, yName, 650, 600).build(),
                Map.of("yaxis", Map.of("scaleanchor", "x")), List.of(), traces);
    }

    /** At most this many samples in one figure (the palette's size). */
    public static final int MAX_SAMPLES = 6;

    private static void checkSamples(Map<String, double[]> samples) {
        Check.notNull("samples", samples);
        if (samples.isEmpty() || samples.size() > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must hold 1 to " + MAX_SAMPLES + " samples, got " + samples.size());
        }
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            Check.notNull("sample name", e.getKey());
            Check.finiteValues("samples[" + e.getKey() + "]", e.getValue());
        }
    }

    /** The colour at 15% opacity, for histogram fills. */
    private static String fill(String color) {
        return switch (color) {
            case "blue" -> "rgba(0,0,255,0.12)";
            case "red" -> "rgba(255,0,0,0.12)";
            default -> "rgba(" + Integer.parseInt(color.substring(1, 3), 16) + "," + Integer.parseInt(color.substring(3, 5), 16) + ","
                    + Integer.parseInt(color.substring(5, 7), 16) + ",0.12)";
        };
    }

    /**
     * v with as many decimals as three significant digits of {@code scale} need: a mean of 6.8e-17 next to a
     * std of 1 prints as "0.00", a mean of 0.00029 next to a std of 0.0234 as "0.0003".
     */
    static String threeDigits(double v, double scale) {
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(scale))));
        String s = String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) m = Math.max(m, x);
        return m;
    }
}

package gan.plot;

import gan.Check;
import gan.train.HistoryRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Grid;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The lecture's pictures as tablesaw {@link Figure}s: loss and divergence histories, real vs fake
 * distributions, Goodfellow et al.'s figure 1, D's decision surface, sweep heatmaps, Q-Q plots and fans
 * of price paths. Every method only builds a figure (it never opens a browser); a notebook shows it by
 * leaving it as a cell's last expression or passing it to {@code display(...)}, and
 * {@link #html(Figure)} gives its HTML anywhere else.
 *
 * <p>Conventions: real data is blue, fake data (G(z)) red, as in the lecture. Every figure has a title,
 * axis titles and a legend (a heatmap's legend is its colour bar). Data values are rounded to
 * {@value #SIGNIFICANT_DIGITS} significant digits, which is invisible in a plot and halves the page.
 * Large inputs are thinned evenly (first and last kept) so a figure stays a few tens of kB:
 * at most {@value #MAX_LINE_POINTS} points per history line, {@value #MAX_SCATTER_POINTS} points per
 * scatter trace, {@value #MAX_FAN_PATHS} paths of at most {@value #MAX_PATH_POINTS} points in a fan;
 * the legend says when points were left out.
 *
 * <p>Inputs are plain arrays or {@code List<HistoryRow>}: densities, D*(x) and KL come from
 * {@code gan.stats}, not from here.
 */
public final class Plots {
    /** Real data colour (the lecture's blue). */
    public static final String REAL_COLOR = "blue";
    /** Fake data colour (the lecture's red). */
    public static final String FAKE_COLOR = "red";
    /** D-loss at the equilibrium p_g = p_data: −log(1/2) − log(1/2) = log 4 = 1.3863. */
    public static final double LOG4 = Math.log(4);
    /** Non-saturating G-loss at the equilibrium: −log(1/2) = log 2 = 0.6931. */
    public static final double LOG2 = Math.log(2);

    /** Significant digits kept in the data written into a figure. */
    public static final int SIGNIFICANT_DIGITS = 5;
    /** At most this many points per history line (a 10,000-epoch history logged every 10 epochs has 1,000). */
    public static final int MAX_LINE_POINTS = 2000;
    /** At most this many points per scatter trace (real, fake). */
    public static final int MAX_SCATTER_POINTS = 2000;
    /** At most this many paths in a fan of paths. */
    public static final int MAX_FAN_PATHS = 30;
    /** At most this many points per path in a fan of paths. */
    public static final int MAX_PATH_POINTS = 300;
    /** Quantiles compared in a Q-Q plot (fewer if a sample is smaller). */
    public static final int QQ_POINTS = 200;
    /** At most this many histogram bins. */
    public static final int MAX_BINS = 1000;
    /** At most this many grid points per side of a decision surface (200 × 200 is already ~300 kB). */
    public static final int MAX_SURFACE_SIDE = 200;

    static final String D_LOSS_COLOR = "#1f77b4";
    static final String G_LOSS_COLOR = "#ff7f0e";
    static final String REFERENCE_COLOR = "#555555";
    static final String P_DATA_COLOR = "black";
    static final String P_G_COLOR = "green";
    static final String D_COLOR = "blue";
    static final String D_STAR_COLOR = "purple";
    /** matplotlib's tab10 without blue and red, for named series. */
    static final String[] SERIES_COLORS = {"#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};

    /** Legend entries in rows under the plot, so long names do not squeeze the plot area. */
    private static final Map<String, Object> LEGEND_BELOW =
            Map.of("orientation", "h", "x", 0, "y", 0.01, "yref", "container", "yanchor", "bottom");
    private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS);
    static final int WIDTH = 700;
    static final int HEIGHT = 450;
    private static final Margin MARGIN = Margin.builder().top(80).bottom(40).left(60).right(30).build();

    private Plots() {
    }

    /** The figure's HTML (div + script, no plotly.js): {@link FigureHtml#html(Figure)}. */
    public static String html(Figure figure) {
        return FigureHtml.html(figure);
    }

    // ---------------------------------------------------------------- training histories

    /** {@link #lossHistory(List, int)} with the x axis fitted to the data. */
    public static Figure lossHistory(List<HistoryRow> history) {
        return lossHistory(history, 0);
    }

    /**
     * D-loss and G-loss against epochs, with the equilibrium values as labelled reference lines:
     * D-loss → log 4 = 1.3863 and non-saturating G-loss → log 2 = 0.6931 (if the G-losses are negative on
     * average, the saturating loss mean(log(1 − D(G(z)))) is assumed and the line is at −log 2). The title
     * ends with the last row's progress line, so a chart updated during training shows the latest numbers.
     * An empty history gives a valid figure with only the reference lines (for a live chart's first frame).
     *
     * @param history     rows with increasing epochs; non-finite losses (a diverged run) show as gaps. Not modified.
     * @param totalEpochs if &gt; 0, the x axis is fixed to [0, totalEpochs] (or to the last epoch, if later) so a
     *                    live chart grows left to right; 0 fits the axis to the data
     */
    public static Figure lossHistory(List<HistoryRow> history, int totalEpochs) {
        checkHistory(history);
        Check.atLeast("totalEpochs", totalEpochs, 0);
        List<HistoryRow> rows = thin(history, MAX_LINE_POINTS);
        double[] epochs = rows.stream().mapToDouble(HistoryRow::epoch).toArray();
        double[] d = rows.stream().mapToDouble(HistoryRow::dLoss).toArray();
        double[] g = rows.stream().mapToDouble(HistoryRow::gLoss).toArray();
        double meanG = history.stream().mapToDouble(HistoryRow::gLoss).filter(Double::isFinite).average().orElse(0);
        boolean saturating = meanG < 0;
        double[] span = {0, xEnd(epochs, totalEpochs)};

        Trace[] traces = {
            line(epochs, d, "D-loss", D_LOSS_COLOR, Line.Dash.SOLID, 2),
            line(epochs, g, "G-loss", G_LOSS_COLOR, Line.Dash.SOLID, 2),
            line(span, new double[]{LOG4, LOG4}, "log 4 = 1.3863 (D-loss at equilibrium)", REFERENCE_COLOR, Line.Dash.DASH, 1),
            saturating
                ? line(span, new double[]{-LOG2, -LOG2}, "-log 2 = -0.6931 (saturating G-loss at equilibrium)",
                       REFERENCE_COLOR, Line.Dash.DOT, 1)
                : line(span, new double[]{LOG2, LOG2}, "log 2 = 0.6931 (G-loss at equilibrium)", REFERENCE_COLOR, Line.Dash.DOT, 1),
        };
        String title = "Loss history" + (history.isEmpty() ? "" : ": " + history.get(history.size() - 1).progressLine());
        return figure(layout(title, "epoch", "loss (nats)", WIDTH, HEIGHT).build(), xRange(totalEpochs, span[1]), List.of(), traces);
    }

    /**
     * Mean D(x) on real data and mean D(G(z)) on fakes against epochs, with the equilibrium D = 1/2 as a
     * reference line (the lecture: "D(x) = D(G(z)) = 0.5"). y axis fixed to [0, 1].
     *
     * @param history rows with increasing epochs. Not modified.
     */
    public static Figure discriminatorHistory(List<HistoryRow> history) {
        checkHistory(history);
        List<HistoryRow> rows = thin(history, MAX_LINE_POINTS);
        double[] epochs = rows.stream().mapToDouble(HistoryRow::epoch).toArray();
        double[] real = rows.stream().mapToDouble(HistoryRow::meanDReal).toArray();
        double[] fake = rows.stream().mapToDouble(HistoryRow::meanDFake).toArray();
        double[] span = {0, xEnd(epochs, 0)};
        Trace[] traces = {
            line(epochs, real, "mean D(x), real data", REAL_COLOR, Line.Dash.SOLID, 2),
            line(epochs, fake, "mean D(G(z)), fake data", FAKE_COLOR, Line.Dash.SOLID, 2),
            line(span, new double[]{0.5, 0.5}, "D = 1/2 (equilibrium)", REFERENCE_COLOR, Line.Dash.DASH, 1),
        };
        String title = "Discriminator outputs";
        if (!history.isEmpty()) {
            HistoryRow last = history.get(history.size() - 1);
            title += String.format(Locale.ROOT, ": D(x) = %.3f, D(G(z)) = %.3f at epoch %d", last.meanDReal(), last.meanDFake(), last.epoch());
        }
        return figure(layout(title, "epoch", "mean D output", WIDTH, HEIGHT).build(),
                Map.of("yaxis", Map.of("range", List.of(0, 1))), List.of(), traces);
    }

    /**
     * The histogram KL(real || fake) of each history row against epochs (the lecture's "KL divergence"
     * plot). Title ends with the last value.
     *
     * @param history rows with increasing epochs. Not modified.
     */
    public static Figure divergenceHistory(List<HistoryRow> history) {
        checkHistory(history);
        int[] epochs = history.stream().mapToInt(HistoryRow::epoch).toArray();
        double[] kl = history.stream().mapToDouble(HistoryRow::kl).toArray();
        String title = "KL divergence" + (history.isEmpty() ? ""
                : String.format(Locale.ROOT, ": KL = %.4f at epoch %d", kl[kl.length - 1], epochs[epochs.length - 1]));
        return divergenceHistory(epochs, Map.of("KL(real || fake)", kl), title);
    }

    /** {@link #divergenceHistory(int[], Map, String)} titled "Divergence history". */
    public static Figure divergenceHistory(int[] epochs, Map<String, double[]> series) {
        return divergenceHistory(epochs, series, "Divergence history");
    }

    /**
     * Named divergence series (e.g. "KL", "JSD") against epochs, one line each, in nats. Series are drawn in
     * alphabetical order of their names, so colours and legend order do not depend on the map's order.
     *
     * @param epochs increasing epochs (may be empty, for a live chart's first frame). Not modified.
     * @param series name → values, each as long as {@code epochs}; non-finite values show as gaps. Not modified.
     * @param title  the figure title
     */
    public static Figure divergenceHistory(int[] epochs, Map<String, double[]> series, String title) {
        Check.notNull("epochs", epochs);
        Check.notNull("series", series);
        Check.notNull("title", title);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series must name at least one divergence, e.g. Map.of(\"KL\", kl)");
        }
        for (int i = 1; i < epochs.length; i++) {
            if (epochs[i] <= epochs[i - 1]) {
                throw new IllegalArgumentException("epochs must increase, got " + epochs[i] + " after " + epochs[i - 1] + " at index " + i);
            }
        }
        int[] keep = evenly(epochs.length, MAX_LINE_POINTS);
        double[] x = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            x[i] = epochs[keep[i]];
        }
        List<Trace> traces = new ArrayList<>();
        int c = 0;
        for (Map.Entry<String, double[]> e : new TreeMap<>(series).entrySet()) {
            double[] v = Check.notNull("series[" + e.getKey() + "]", e.getValue());
            if (v.length != epochs.length) {
                throw new IllegalArgumentException("series[" + e.getKey() + "] has " + v.length + " values but epochs has "
                        + epochs.length + "; give one value per epoch");
            }
            traces.add(line(x, pick(v, keep), e.getKey(), SERIES_COLORS[c++ % SERIES_COLORS.length], Line.Dash.SOLID, 2));
        }
        return figure(layout(title, "epoch", "divergence (nats)", WIDTH, HEIGHT).build(), Map.of(), List.of(),
                traces.toArray(new Trace[0]));
    }

    // ---------------------------------------------------------------- any curves on one x grid

    /**
     * Named curves y = f(x) on one grid, one line each: for the pictures that are neither a history nor a
     * distribution, e.g. the loss terms log D and log(1 − D) against D, or a loss's gradient against D(G(z)).
     * A {@link LinkedHashMap} or {@link java.util.SortedMap} is drawn in its own order; any other map (e.g.
     * {@code Map.of}, whose order is unspecified) in alphabetical order of names, so colours and legend never
     * change from run to run. Non-finite values (log 0 = −∞) are drawn as gaps. Each curve is thinned with x
     * to at most {@value #MAX_LINE_POINTS} evenly spaced points.
     *
     * @param title  the figure title
     * @param xName  the x axis title
     * @param yName  the y axis title
     * @param x      increasing grid, finite. Not modified.
     * @param series name → values, each as long as {@code x}, at least one. Not modified.
     */
    public static Figure lines(String title, String xName, String yName, double[] x, Map<String, double[]> series) {
        Check.notNull("title", title);
        Check.notNull("xName", xName);
        Check.notNull("yName", yName);
        checkGrid("x", x);
        Check.notNull("series", series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series must name at least one curve, e.g. Map.of(\"log D\", logD)");
        }
        Map<String, double[]> ordered = series instanceof LinkedHashMap || series instanceof java.util.SortedMap
                ? series : new TreeMap<>(series);
        int[] keep = evenly(x.length, MAX_LINE_POINTS);
        List<Trace> traces = new ArrayList<>();
        int c = 0;
        for (Map.Entry<String, double[]> e : ordered.entrySet()) {
            double[] v = Check.notNull("series[" + e.getKey() + "]", e.getValue());
            if (v.length != x.length) {
                throw new IllegalArgumentException("series[" + e.getKey() + "] has " + v.length + " values but x has "
                        + x.length + "; give one value per grid point");
            }
            double[] y = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                y[i] = Double.isFinite(v[i]) ? v[i] : Double.NaN;              // a gap, not a clamped value
            }
            traces.add(line(pick(x, keep), pick(y, keep), e.getKey(), SERIES_COLORS[c++ % SERIES_COLORS.length], Line.Dash.SOLID, 2));
        }
        return figure(layout(title, xName, yName, WIDTH, HEIGHT).build(), Map.of(), List.of(), traces.toArray(new Trace[0]));
    }

    // ---------------------------------------------------------------- distributions

    /**
     * Overlaid normalised histograms of real (blue) and fake (red) 1-D samples on the same {@code bins}
     * equal-width bins spanning both samples, drawn as filled outlines; each integrates to 1:
     * {@code density_j = count_j / (n · width)}.
     *
     * @param real real samples x, finite, non-empty. Not modified.
     * @param fake fake samples G(z), finite, non-empty. Not modified.
     * @param bins number of bins, 1 to {@value #MAX_BINS}
     */
    public static Figure realVsFake(double[] real, double[] fake, int bins) {
        Check.finiteValues("real", real);
        Check.finiteValues("fake", fake);
        if (bins < 1 || bins > MAX_BINS) {
            throw new IllegalArgumentException("bins must be in [1, " + MAX_BINS + "], got " + bins);
        }
        double lo = Math.min(Arrays.stream(real).min().getAsDouble(), Arrays.stream(fake).min().getAsDouble());
        double hi = Math.max(Arrays.stream(real).max().getAsDouble(), Arrays.stream(fake).max().getAsDouble());
        if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        Trace[] traces = {
            histogramOutline(real, lo, hi, bins, "real data (n = " + real.length + ")", REAL_COLOR, "rgba(0,0,255,0.15)"),
            histogramOutline(fake, lo, hi, bins, "fake data G(z) (n = " + fake.length + ")", FAKE_COLOR, "rgba(255,0,0,0.15)"),
        };
        return figure(layout("Real vs fake distribution (" + bins + " bins)", "x", "density", WIDTH, HEIGHT).build(),
                Map.of(), List.of(), traces);
    }

    /**
     * Density curves of real (blue) and fake (red) data on one grid, e.g. kernel density estimates or the
     * exact p_data and a histogram of G(z) from {@code gan.stats}.
     *
     * @param x     increasing grid, finite. Not modified.
     * @param pReal p_data(x), as long as x, finite. Not modified.
     * @param pFake p_g(x), as long as x, finite. Not modified.
     */
    public static Figure realVsFakeDensity(double[] x, double[] pReal, double[] pFake) {
        checkGrid("x", x);
        checkCurve("pReal", pReal, x.length);
        checkCurve("pFake", pFake, x.length);
        Trace[] traces = {
            line(x, pReal, "real data p_data(x)", REAL_COLOR, Line.Dash.SOLID, 2),
            line(x, pFake, "fake data p_g(x)", FAKE_COLOR, Line.Dash.SOLID, 2),
        };
        return figure(layout("Distribution of real and fake data", "x", "density", WIDTH, HEIGHT).build(),
                Map.of(), List.of(), traces);
    }

    /**
     * Real points blue and fake points red in the plane, as in the lecture's mixture-of-Gaussians example.
     * Each set is thinned evenly to at most {@value #MAX_SCATTER_POINTS} points; the legend then says
     * "(2000 of 10000 shown)".
     *
     * @param real n × 2 real samples (may have no rows), finite. Not modified.
     * @param fake m × 2 fake samples (may have no rows), finite. Not modified.
     */
    public static Figure scatter(double[][] real, double[][] fake) {
        checkPoints("real", real);
        checkPoints("fake", fake);
        Trace[] traces = {
            points(real, "real data", REAL_COLOR, "x", "y"),
            points(fake, "fake data G(z)", FAKE_COLOR, "x", "y"),
        };
        return figure(layout("Real (blue) and fake (red) samples", "x1", "x2", 650, 550).build(),
                Map.of(), List.of(), traces);
    }

    /**
     * {@link #scatter} at several moments of training, as panels (a), (b), … side by side: the same real points
     * (blue) in every panel with that moment's fakes (red), on one x1 and x2 range shared by all panels and
     * spanning every point, so the panels compare at a glance. The legend is shared; clicking an entry toggles
     * it in every panel. Each set is thinned evenly to at most {@value #MAX_PANEL_POINTS} points per panel
     * (the legend then says "(500 of 1000 shown)"), which keeps four panels under 100 kB.
     *
     * @param real   n × 2 real points, finite. Not modified.
     * @param fakes  1 to 8 sets of fake points (m_k × 2 each, finite), one per panel. Not modified.
     * @param labels one caption per panel, e.g. "epoch 5,000"
     * @param title  the figure title
     */
    public static Figure scatterPanels(double[][] real, List<double[][]> fakes, List<String> labels, String title) {
        checkPoints("real", real);
        Check.notNull("fakes", fakes);
        Check.notNull("labels", labels);
        Check.notNull("title", title);
        if (fakes.isEmpty() || fakes.size() > 8) {
            throw new IllegalArgumentException("fakes must hold 1 to 8 sets of points, (a) to (h), got " + fakes.size());
        }
        if (labels.size() != fakes.size()) {
            throw new IllegalArgumentException("labels must hold one caption per panel: " + fakes.size() + " sets of fakes but "
                    + labels.size() + " labels");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[][]> sets = new ArrayList<>(fakes);
        sets.add(real);
        for (int k = 0; k < fakes.size(); k++) {
            checkPoints("fakes[" + k + "]", fakes.get(k));
            Check.notNull("labels[" + k + "]", labels.get(k));
        }
        for (double[][] set : sets) {
            for (double[] p : set) {
                lo = Math.min(lo, Math.min(p[0], p[1]));
                hi = Math.max(hi, Math.max(p[0], p[1]));
            }
        }
        if (!(hi > lo)) {              // no points, or all on one spot
            lo = Double.isFinite(lo) ? lo - 1 : -1;
            hi = lo + 2;
        }
        double pad = 0.04 * (hi - lo);
        List<Object> range = List.of(round(lo - pad), round(hi + pad));

        int n = fakes.size();
        List<Trace> traces = new ArrayList<>();
        List<Map<String, Object>> traceExtras = new ArrayList<>();
        Map<String, Object> layoutExtras = new LinkedHashMap<>();
        List<Object> annotations = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String suffix = k == 0 ? "" : Integer.toString(k + 1);
            traces.add(panelPoints(real, "real data", REAL_COLOR, suffix, k == 0));
            traceExtras.add(Map.of("legendgroup", "real data"));
            traces.add(panelPoints(fakes.get(k), "fake data G(z)", FAKE_COLOR, suffix, k == 0));
            traceExtras.add(Map.of("legendgroup", "fake data G(z)"));
            boolean lastRow = k >= n - panelColumns(n, 3); // x1 under the bottom panels only: no title in the gap between rows
            layoutExtras.put("xaxis" + suffix, lastRow
                    ? Map.of("range", range, "title", Map.of("text", "x1"), "automargin", true, "zeroline", false)
                    : Map.of("range", range, "automargin", true, "zeroline", false));
            layoutExtras.put("yaxis" + suffix, k == 0
                    ? Map.of("range", range, "title", Map.of("text", "x2"), "automargin", true, "zeroline", false)
                    : Map.of("range", range, "zeroline", false));
            String caption = n == 1 ? labels.get(k) : ("(" + (char) ('a' + k) + ") " + labels.get(k)).strip();
            if (!caption.isEmpty()) {
                annotations.add(Map.of("text", caption, "xref", "x" + suffix + " domain", "yref", "y" + suffix + " domain",
                        "x", 0.5, "y", 1.0, "xanchor", "center", "yanchor", "bottom", "showarrow", false));
            }
        }
        layoutExtras.put("annotations", annotations);
        int columns = panelColumns(n, 3);
        int rows = (n + columns - 1) / columns;
        Layout.LayoutBuilder layout = layout(title, "x1", "x2", Math.max(WIDTH, 300 * columns), 130 + 330 * rows)
                .margin(Margin.builder().top(90).bottom(40).left(60).right(30).build());
        if (n > 1) {
            layout.grid(Grid.builder().rows(rows).columns(columns).pattern(Grid.Pattern.INDEPENDENT).xGap(0.06)
                    .yGap(rows > 1 ? 0.2 : 0.1).build());
        }
        return figure(layout.build(), layoutExtras, traceExtras, traces.toArray(new Trace[0]));
    }

    /** At most this many points per trace in each panel of {@link #scatterPanels}. */
    public static final int MAX_PANEL_POINTS = 500;

    private static ScatterTrace panelPoints(double[][] xy, String name, String color, String axisSuffix, boolean legend) {
        return thinnedMarkers(xy, MAX_PANEL_POINTS, name).showLegend(legend)
                .marker(Marker.builder().color(color).size(4).opacity(0.6).build())
                .xAxis("x" + axisSuffix).yAxis("y" + axisSuffix).build();
    }

    // ---------------------------------------------------------------- Goodfellow et al., figure 1

    /**
     * Goodfellow et al. (2014), figure 1, one panel: p_data (black, dotted), p_g (green, solid) and the
     * discriminator D(x) (blue, dashed) on one axis, with the optimal D*(x) = p_data / (p_data + p_g)
     * (purple, dash-dot) overlaid. At the equilibrium p_g = p_data, D = D* = 1/2.
     *
     * @param x     increasing grid, finite. Not modified.
     * @param pData p_data(x). Not modified.
     * @param pG    p_g(x). Not modified.
     * @param d     D(x), each in [0, 1], or {@code null} to leave it out. Not modified.
     * @param dStar D*(x), each in [0, 1], or {@code null} to leave it out. Not modified.
     * @param title the figure title
     */
    public static Figure goodfellow(double[] x, double[] pData, double[] pG, double[] d, double[] dStar, String title) {
        return goodfellow(x, List.of(new GoodfellowPanel("", pData, pG, d, dStar)), title);
    }

    /**
     * Goodfellow et al. (2014), figure 1, as panels (a), (b), … side by side, one per checkpoint, on shared
     * x and y ranges (so the panels compare at a glance); the legend is shared and clicking an entry
     * toggles that curve in every panel. One panel draws as {@link #goodfellow(double[], double[], double[],
     * double[], double[], String)}.
     *
     * @param x      increasing grid shared by all panels, finite. Not modified.
     * @param panels 1 to 8 panels, each with curves as long as x. Not modified.
     * @param title  the figure title
     */
    public static Figure goodfellow(double[] x, List<GoodfellowPanel> panels, String title) {
        checkGrid("x", x);
        Check.notNull("panels", panels);
        Check.notNull("title", title);
        if (panels.isEmpty() || panels.size() > 8) {
            throw new IllegalArgumentException("panels must hold 1 to 8 panels, (a) to (h), got " + panels.size());
        }
        double top = 1;
        for (int k = 0; k < panels.size(); k++) {
            GoodfellowPanel p = Check.notNull("panels[" + k + "]", panels.get(k));
            String at = "panels[" + k + "].";
            checkCurve(at + "pData", p.pData(), x.length);
            checkCurve(at + "pG", p.pG(), x.length);
            if (p.d() != null) {
                checkProbabilities(at + "d", p.d(), x.length);
            }
            if (p.dStar() != null) {
                checkProbabilities(at + "dStar", p.dStar(), x.length);
            }
            top = Math.max(top, Math.max(Arrays.stream(p.pData()).max().getAsDouble(), Arrays.stream(p.pG()).max().getAsDouble()));
        }
        List<Object> yRange = List.of(0, round(top * 1.05));
        List<Object> xRange = List.of(round(x[0]), round(x[x.length - 1]));

        int n = panels.size();
        List<Trace> traces = new ArrayList<>();
        List<Map<String, Object>> traceExtras = new ArrayList<>();
        Map<String, Object> layoutExtras = new LinkedHashMap<>();
        List<Object> annotations = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            GoodfellowPanel p = panels.get(k);
            String suffix = k == 0 ? "" : Integer.toString(k + 1);
            boolean legend = k == 0;
            addCurve(traces, traceExtras, x, p.pData(), "p_data (data)", P_DATA_COLOR, Line.Dash.DOT, 2, suffix, legend);
            addCurve(traces, traceExtras, x, p.pG(), "p_g (generator)", P_G_COLOR, Line.Dash.SOLID, 2, suffix, legend);
            if (p.d() != null) {
                addCurve(traces, traceExtras, x, p.d(), "D(x) (discriminator)", D_COLOR, Line.Dash.DASH, 2, suffix, legend);
            }
            if (p.dStar() != null) {
                addCurve(traces, traceExtras, x, p.dStar(), "D*(x) = p_data / (p_data + p_g)", D_STAR_COLOR, Line.Dash.DASH_DOT, 1.5,
                        suffix, legend);
            }
            layoutExtras.put("xaxis" + suffix, Map.of("range", xRange, "title", Map.of("text", "x"), "automargin", true, "zeroline", false));
            layoutExtras.put("yaxis" + suffix, Map.of("range", yRange));
            String caption = n == 1 ? p.label() : ("(" + (char) ('a' + k) + ") " + p.label()).strip();
            if (!caption.isEmpty()) {
                annotations.add(Map.of("text", caption, "xref", "x" + suffix + " domain", "yref", "y" + suffix + " domain",
                        "x", 0.5, "y", 1.0, "xanchor", "center", "yanchor", "bottom", "showarrow", false));
            }
        }
        layoutExtras.put("annotations", annotations);
        int columns = panelColumns(n, 4);
        int rows = (n + columns - 1) / columns;
        Layout.LayoutBuilder layout = layout(title, "x", "density, D(x)", n == 1 ? WIDTH : Math.max(WIDTH, 280 * columns),
                rows == 1 ? 440 : 130 + 320 * rows)
                .margin(Margin.builder().top(90).bottom(40).left(60).right(30).build());
        if (n > 1) {
            layout.grid(Grid.builder().rows(rows).columns(columns).pattern(Grid.Pattern.INDEPENDENT).xGap(0.06)
                    .yGap(rows > 1 ? 0.2 : 0.1).build());
        }
        return figure(layout.build(), layoutExtras, traceExtras, traces.toArray(new Trace[0]));
    }

    private static void addCurve(List<Trace> traces, List<Map<String, Object>> extras, double[] x, double[] y, String name,
                                 String color, Line.Dash dash, double width, String axisSuffix, boolean legend) {
        traces.add(ScatterTrace.builder(round(x), round(y)).name(name).mode(ScatterTrace.Mode.LINE).showLegend(legend)
                .line(Line.builder().color(color).dash(dash).width(width).build())
                .xAxis("x" + axisSuffix).yAxis("y" + axisSuffix).build());
        extras.add(Map.of("legendgroup", name));
    }

    // ---------------------------------------------------------------- heatmaps

    /**
     * D's decision surface: D(x1, x2) over a grid of the plane as a heatmap (red where D says fake, white
     * at 1/2, blue where D says real), with the real (blue) and fake (red) points on top.
     *
     * @param xs      increasing x1 grid, 2 to {@value #MAX_SURFACE_SIDE} values. Not modified.
     * @param ys      increasing x2 grid, 2 to {@value #MAX_SURFACE_SIDE} values. Not modified.
     * @param dValues {@code dValues[j][i] = D(xs[i], ys[j])} (row j is ys[j], as plotly draws), each in [0, 1]. Not modified.
     * @param real    n × 2 real points (may have no rows). Not modified.
     * @param fake    m × 2 fake points (may have no rows). Not modified.
     */
    public static Figure decisionSurface(double[] xs, double[] ys, double[][] dValues, double[][] real, double[][] fake) {
        return decisionSurface(xs, ys, dValues, real, fake, "Decision surface of D, with real (blue) and fake (red) points");
    }

    /**
     * {@link #decisionSurface(double[], double[], double[][], double[][], double[][])} with its own title, e.g.
     * the configuration and epoch of each of several surfaces.
     */
    public static Figure decisionSurface(double[] xs, double[] ys, double[][] dValues, double[][] real, double[][] fake, String title) {
        Check.notNull("title", title);
        checkGrid("xs", xs);
        checkGrid("ys", ys);
        if (xs.length < 2 || xs.length > MAX_SURFACE_SIDE || ys.length < 2 || ys.length > MAX_SURFACE_SIDE) {
            throw new IllegalArgumentException("xs and ys must have 2 to " + MAX_SURFACE_SIDE + " values each, got "
                    + xs.length + " and " + ys.length + "; a coarser grid draws the same picture");
        }
        checkMatrix("dValues", dValues, ys.length, xs.length);
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                Check.inRange("dValues[" + j + "][" + i + "]", dValues[j][i], 0, 1);
            }
        }
        checkPoints("real", real);
        checkPoints("fake", fake);
        HeatmapTrace surface = HeatmapTrace.builder(boxed(round(xs)), boxed(round(ys)), round(dValues)).build();
        Map<String, Object> surfaceExtras = new LinkedHashMap<>();
        surfaceExtras.put("name", "D(x)");
        surfaceExtras.put("colorscale", List.of(List.of(0, "rgb(214,96,77)"), List.of(0.5, "rgb(247,247,247)"), List.of(1, "rgb(67,147,195)")));
        surfaceExtras.put("zmin", 0);
        surfaceExtras.put("zmax", 1);
        surfaceExtras.put("colorbar", Map.of("title", Map.of("text", "D(x)")));
        surfaceExtras.put("hovertemplate", "x1 = %{x}<br>x2 = %{y}<br>D = %{z:.3f}<extra></extra>");
        Trace[] traces = {
            surface,
            points(real, "real data", REAL_COLOR, "x", "y"),
            points(fake, "fake data G(z)", FAKE_COLOR, "x", "y"),
        };
        return figure(layout(title, "x1", "x2", 650, 600).build(),
                Map.of("yaxis", Map.of("zeroline", false)), List.of(surfaceExtras), traces);
    }

    /**
     * A heatmap for parameter sweeps, e.g. final JSD over k × learning rate, with each cell's value written
     * in it (3 significant digits, trailing zeros dropped) and the first row at the top, as in a table.
     *
     * @param rowLabels one label per row of values (y axis), e.g. {@code {"k=1", "k=2"}}. Not modified.
     * @param colLabels one label per column of values (x axis), e.g. {@code {"1e-4", "1e-3"}}. Not modified.
     * @param values    rows × columns; NaN marks a missing cell (e.g. a diverged run) and is left blank. Not modified.
     * @param title     the figure title
     * @param rowAxis   the y axis title, e.g. "k"
     * @param colAxis   the x axis title, e.g. "learning rate"
     * @param valueName the colour bar title, e.g. "final JSD (nats)"
     */
    public static Figure heatmap(String[] rowLabels, String[] colLabels, double[][] values, String title, String rowAxis,
                                 String colAxis, String valueName) {
        Check.notNull("rowLabels", rowLabels);
        Check.notNull("colLabels", colLabels);
        Check.notNull("title", title);
        Check.notNull("rowAxis", rowAxis);
        Check.notNull("colAxis", colAxis);
        Check.notNull("valueName", valueName);
        if (rowLabels.length == 0 || colLabels.length == 0) {
            throw new IllegalArgumentException("a heatmap needs at least one row and one column, got " + rowLabels.length
                    + " row labels and " + colLabels.length + " column labels");
        }
        checkMatrix("values", values, rowLabels.length, colLabels.length);
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                if (Double.isInfinite(values[r][c])) {
                    throw new IllegalArgumentException("values[" + r + "][" + c + "] must be finite or NaN (missing), got " + values[r][c]);
                }
            }
        }
        HeatmapTrace map = HeatmapTrace.builder(colLabels.clone(), rowLabels.clone(), round(values)).build();
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("name", valueName);
        extras.put("colorscale", "Viridis");
        extras.put("colorbar", Map.of("title", Map.of("text", valueName)));
        extras.put("texttemplate", "%{z:.3~g}");
        extras.put("hoverongaps", false);
        extras.put("hovertemplate", rowAxis + " = %{y}<br>" + colAxis + " = %{x}<br>" + valueName + " = %{z}<extra></extra>");
        int width = Math.min(FigureJson.MAX_WIDTH, Math.max(500, 200 + 90 * colLabels.length));
        int height = Math.min(900, Math.max(380, 180 + 55 * rowLabels.length));
        Layout layout = Layout.builder().title(title).width(width).height(height).showLegend(true)
                .xAxis(Axis.builder().title(colAxis).type(Axis.Type.CATEGORY).build())
                .yAxis(Axis.builder().title(rowAxis).type(Axis.Type.CATEGORY).autoRange(Axis.AutoRange.REVERSED).build())
                .build();
        return figure(layout, Map.of(), List.of(extras), map);
    }

    // ---------------------------------------------------------------- finance helpers

    /**
     * Q-Q plot of two samples: the sample's quantiles against the reference's at {@value #QQ_POINTS}
     * probabilities (i + 1/2) / m (fewer if a sample is smaller), with the line y = x. Points on the line mean
     * equal distributions; an S shape means different tails (e.g. generated vs real returns).
     * Quantiles interpolate linearly between order statistics.
     *
     * @param sample        e.g. generated returns, finite, non-empty. Not modified.
     * @param reference     e.g. real returns, finite, non-empty. Not modified.
     * @param sampleName    the sample's name (y axis)
     * @param referenceName the reference's name (x axis)
     */
    public static Figure qq(double[] sample, double[] reference, String sampleName, String referenceName) {
        Check.finiteValues("sample", sample);
        Check.finiteValues("reference", reference);
        Check.notNull("sampleName", sampleName);
        Check.notNull("referenceName", referenceName);
        int m = Math.min(QQ_POINTS, Math.min(sample.length, reference.length));
        double[] s = sample.clone();
        double[] r = reference.clone();
        Arrays.sort(s);
        Arrays.sort(r);
        double[] qs = new double[m];
        double[] qr = new double[m];
        for (int i = 0; i < m; i++) {
            double p = (i + 0.5) / m;
            qs[i] = quantile(s, p);
            qr[i] = quantile(r, p);
        }
        double lo = Math.min(qs[0], qr[0]);
        double hi = Math.max(qs[m - 1], qr[m - 1]);
        Trace[] traces = {
            ScatterTrace.builder(round(qr), round(qs)).name("quantiles (" + m + " probabilities)").mode(ScatterTrace.Mode.MARKERS)
                    .marker(Marker.builder().color(FAKE_COLOR).size(6).opacity(0.7).build()).build(),
            line(new double[]{lo, hi}, new double[]{lo, hi}, "y = x (same distribution)", REFERENCE_COLOR, Line.Dash.DASH, 1),
        };
        return figure(layout("Q-Q plot: " + sampleName + " vs " + referenceName, referenceName + " quantiles",
                sampleName + " quantiles", 600, 550).build(), Map.of(), List.of(), traces);
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
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int p = 0; p < shown; p++) {
            double[] path = Check.finiteValues("simulated[" + p + "]", simulated[p]);
            for (int i : evenly(path.length, MAX_PATH_POINTS)) {
                xs.add((double) i);
                ys.add(path[i]);
            }
            xs.add(Double.NaN); // a gap: plotly does not join the paths
            ys.add(Double.NaN);
        }
        List<Trace> traces = new ArrayList<>();
        traces.add(ScatterTrace.builder(round(unbox(xs)), round(unbox(ys)))
                .name("simulated paths (" + shown + " of " + simulated.length + " shown)").mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().color("rgba(255,0,0,0.35)").width(1).build()).build());
        if (real != null) {
            Check.finiteValues("real", real);
            int[] keep = evenly(real.length, MAX_LINE_POINTS);
            double[] x = new double[keep.length];
            for (int i = 0; i < keep.length; i++) {
                x[i] = keep[i];
            }
            traces.add(line(x, pick(real, keep), "real path", REAL_COLOR, Line.Dash.SOLID, 2));
        }
        return figure(layout(title, "step", yName, WIDTH, HEIGHT).build(), Map.of(), List.of(), traces.toArray(new Trace[0]));
    }

    // ---------------------------------------------------------------- helpers

    /** A {@link PlotlyFigure} whose legend is in rows under the x axis title, unless {@code layoutExtras} places it. */
    static PlotlyFigure figure(Layout layout, Map<String, Object> layoutExtras, List<Map<String, Object>> traceExtras,
                                       Trace... traces) {
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

    static ScatterTrace line(double[] x, double[] y, String name, String color, Line.Dash dash, double width) {
        return ScatterTrace.builder(round(x), round(y)).name(name).mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().color(color).dash(dash).width(width).build()).build();
    }

    static ScatterTrace points(double[][] xy, String name, String color, String xAxis, String yAxis) {
        return thinnedMarkers(xy, MAX_SCATTER_POINTS, name)
                .marker(Marker.builder().color(color).size(5).opacity(0.6)
                        .line(Line.builder().color("white").width(0.5).build()).build())
                .xAxis(xAxis).yAxis(yAxis).build();
    }

    /**
     * Markers at the points of xy (rows (x, y)), thinned evenly to at most max; the legend label says
     * "name (kept of n shown)" when points were left out.
     */
    private static ScatterTrace.ScatterBuilder thinnedMarkers(double[][] xy, int max, String name) {
        int[] keep = evenly(xy.length, max);
        double[] x = new double[keep.length];
        double[] y = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            x[i] = xy[keep[i]][0];
            y[i] = xy[keep[i]][1];
        }
        String label = name + (keep.length < xy.length ? " (" + keep.length + " of " + xy.length + " shown)" : "");
        return ScatterTrace.builder(round(x), round(y)).name(label).mode(ScatterTrace.Mode.MARKERS);
    }

    /** The step outline of a density histogram, closed to 0 at both ends, filled with {@code fill}. */
    static ScatterTrace histogramOutline(double[] v, double lo, double hi, int bins, String name, String color, String fill) {
        double width = (hi - lo) / bins;
        double[] density = new double[bins];
        for (double x : v) {
            int j = (int) ((x - lo) / width);
            density[j == bins ? bins - 1 : j] += 1; // x == hi falls in the last, closed bin
        }
        for (int j = 0; j < bins; j++) {
            density[j] /= v.length * width;
        }
        // points (e0, 0), (e0, d0), (e1, d1), …, (e_{b-1}, d_{b-1}), (e_b, d_{b-1}), (e_b, 0), joined "hv"
        double[] x = new double[bins + 3];
        double[] y = new double[bins + 3];
        x[0] = lo;
        for (int j = 0; j < bins; j++) {
            x[j + 1] = lo + j * width;
            y[j + 1] = density[j];
        }
        x[bins + 1] = hi;
        y[bins + 1] = density[bins - 1];
        x[bins + 2] = hi;
        return ScatterTrace.builder(round(x), round(y)).name(name).mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().color(color).width(2).shape(Line.Shape.HV).build())
                .fill(ScatterTrace.Fill.TO_ZERO_Y).fillColor(fill).build();
    }

    /** The p-quantile of sorted values, interpolating between order statistics at h = n·p − 1/2. */
    static double quantile(double[] sorted, double p) {
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

    /**
     * Columns of a grid of n panels: all in one row up to {@code maxInRow}, otherwise two rows (e.g. 4 scatter
     * panels as 2 × 2 with maxInRow 3, 6 Goodfellow panels as 2 × 3 with maxInRow 4), so panels stay readable
     * within {@value FigureJson#MAX_WIDTH} px.
     */
    static int panelColumns(int n, int maxInRow) {
        return n <= maxInRow ? n : (n + 1) / 2;
    }

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

    private static List<HistoryRow> thin(List<HistoryRow> history, int max) {
        List<HistoryRow> out = new ArrayList<>();
        for (int i : evenly(history.size(), max)) {
            out.add(history.get(i));
        }
        return out;
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
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

    private static Object[] boxed(double[] v) {
        return Arrays.stream(v).boxed().toArray();
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double xEnd(double[] epochs, int totalEpochs) {
        double last = epochs.length == 0 ? 0 : epochs[epochs.length - 1];
        return Math.max(1, Math.max(last, totalEpochs));
    }

    /** [0, totalEpochs], or [0, last epoch] once training runs past totalEpochs; nothing if totalEpochs is 0. */
    private static Map<String, Object> xRange(int totalEpochs, double end) {
        return totalEpochs > 0 ? Map.of("xaxis", Map.of("range", List.of(0, Math.max(totalEpochs, (int) end)))) : Map.of();
    }

    private static void checkHistory(List<HistoryRow> history) {
        Check.notNull("history", history);
        for (int i = 0; i < history.size(); i++) {
            HistoryRow row = Check.notNull("history[" + i + "]", history.get(i));
            if (i > 0 && row.epoch() <= history.get(i - 1).epoch()) {
                throw new IllegalArgumentException("history epochs must increase, got epoch " + row.epoch() + " after "
                        + history.get(i - 1).epoch() + " at row " + i);
            }
        }
    }

    private static void checkGrid(String name, double[] x) {
        Check.finiteValues(name, x);
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException(name + " must increase, got " + x[i] + " after " + x[i - 1] + " at index " + i);
            }
        }
    }

    private static void checkCurve(String name, double[] y, int length) {
        Check.finiteValues(name, y);
        if (y.length != length) {
            throw new IllegalArgumentException(name + " has " + y.length + " values but the grid has " + length
                    + "; give one value per grid point");
        }
    }

    /** Discriminator outputs: one per grid point, each in [0, 1] (a logit passed by mistake fails here). */
    private static void checkProbabilities(String name, double[] d, int length) {
        checkCurve(name, d, length);
        for (int i = 0; i < d.length; i++) {
            Check.inRange(name + "[" + i + "]", d[i], 0, 1);
        }
    }

    private static void checkPoints(String name, double[][] xy) {
        Check.notNull(name, xy);
        for (int i = 0; i < xy.length; i++) {
            Check.notNull(name + "[" + i + "]", xy[i]);
            if (xy[i].length != 2) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + xy[i].length + " columns; points in the plane need 2 (x1, x2)");
            }
            Check.finite(name + "[" + i + "][0]", xy[i][0]);
            Check.finite(name + "[" + i + "][1]", xy[i][1]);
        }
    }

    private static void checkMatrix(String name, double[][] m, int rows, int cols) {
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

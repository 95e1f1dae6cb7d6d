package gan.plot;

import static gan.plot.PlotKit.FAKE_COLOR;
import static gan.plot.PlotKit.HEIGHT;
import static gan.plot.PlotKit.PANEL_MARGIN;
import static gan.plot.PlotKit.REAL_COLOR;
import static gan.plot.PlotKit.REFERENCE_COLOR;
import static gan.plot.PlotKit.WIDTH;
import static gan.plot.PlotKit.axisSuffix;
import static gan.plot.PlotKit.caption;
import static gan.plot.PlotKit.checkBins;
import static gan.plot.PlotKit.checkCurve;
import static gan.plot.PlotKit.checkGrid;
import static gan.plot.PlotKit.checkPoints;
import static gan.plot.PlotKit.figure;
import static gan.plot.PlotKit.hazenQuantile;
import static gan.plot.PlotKit.histogramOutline;
import static gan.plot.PlotKit.layout;
import static gan.plot.PlotKit.lettered;
import static gan.plot.PlotKit.line;
import static gan.plot.PlotKit.panelColumns;
import static gan.plot.PlotKit.points;
import static gan.plot.PlotKit.round;
import static gan.plot.PlotKit.thinnedMarkers;

import gan.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Real vs fake distributions as tablesaw {@link Figure}s: overlaid histograms and density curves of 1-D
 * samples, the 2-D scatter of the lecture's mixture of Gaussians (also as panels at several moments of
 * training) and the Q-Q plot of two samples. Real data blue, fake data red (conventions in {@link Plots}).
 * Large inputs are thinned evenly (first and last kept): at most {@value #MAX_SCATTER_POINTS} points per scatter
 * trace, {@value #MAX_PANEL_POINTS} per trace in each panel; the legend says when points were left out.
 */
public final class DistributionPlots {
    /** At most this many points per scatter trace (real, fake). */
    public static final int MAX_SCATTER_POINTS = 2000;
    /** At most this many points per trace in each panel of {@link #scatterPanels}. */
    public static final int MAX_PANEL_POINTS = 500;
    /** Quantiles compared in a Q-Q plot (fewer if a sample is smaller). */
    public static final int QQ_POINTS = 200;
    /** Legend names of the real and the fake samples. */
    static final String REAL = "실제 데이터 / real data";
    static final String FAKE = "가짜 데이터 / fake data G(z)";

    static final String REAL_VS_FAKE_TITLE = "실제 vs 가짜 분포 / Real vs fake distribution";
    static final String DENSITY_TITLE = "실제와 가짜 데이터의 밀도 / Real and fake densities";
    static final String SCATTER_TITLE = "실제(파랑)와 가짜(빨강) 샘플 / Real (blue) and fake (red) samples";
    static final String QQ_TITLE = "Q-Q 그림 / Q-Q plot";
    static final String DENSITY = "밀도 / density";

    private DistributionPlots() {
    }

    // ---------------------------------------------------------------- distributions

    /**
     * Overlaid normalised histograms of real (blue) and fake (red) 1-D samples on the same {@code bins}
     * equal-width bins spanning both samples, drawn as filled outlines; each integrates to 1:
     * {@code density_j = count_j / (n · width)}.
     *
     * @param real real samples x, finite, non-empty. Not modified.
     * @param fake fake samples G(z), finite, non-empty. Not modified.
     * @param bins number of bins, 1 to 1000
     */
    public static Figure realVsFake(double[] real, double[] fake, int bins) {
        Check.finiteValues("real", real);
        Check.finiteValues("fake", fake);
        checkBins(bins);
        double lo = Math.min(Arrays.stream(real).min().getAsDouble(), Arrays.stream(fake).min().getAsDouble());
        double hi = Math.max(Arrays.stream(real).max().getAsDouble(), Arrays.stream(fake).max().getAsDouble());
        if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        Trace[] traces = {
            histogramOutline(real, lo, hi, bins, REAL + " (n = " + real.length + ")", REAL_COLOR, "rgba(0,0,255,0.15)"),
            histogramOutline(fake, lo, hi, bins, FAKE + " (n = " + fake.length + ")", FAKE_COLOR, "rgba(255,0,0,0.15)"),
        };
        return figure(layout(REAL_VS_FAKE_TITLE + " (" + bins + " bins)", "x", DENSITY, WIDTH, HEIGHT).build(),
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
            line(x, pReal, REAL + " p_data(x)", REAL_COLOR, Line.Dash.SOLID, 2),
            line(x, pFake, "가짜 데이터 / fake data p_g(x)", FAKE_COLOR, Line.Dash.SOLID, 2),
        };
        return figure(layout(DENSITY_TITLE, "x", DENSITY, WIDTH, HEIGHT).build(),
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
            points(real, MAX_SCATTER_POINTS, REAL, REAL_COLOR, "x", "y"),
            points(fake, MAX_SCATTER_POINTS, FAKE, FAKE_COLOR, "x", "y"),
        };
        return figure(layout(SCATTER_TITLE, "x1", "x2", 650, 550).build(),
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
            String suffix = axisSuffix(k);
            traces.add(panelPoints(real, REAL, REAL_COLOR, suffix, k == 0));
            traceExtras.add(Map.of("legendgroup", "real data"));
            traces.add(panelPoints(fakes.get(k), FAKE, FAKE_COLOR, suffix, k == 0));
            traceExtras.add(Map.of("legendgroup", "fake data G(z)"));
            boolean lastRow = k >= n - panelColumns(n, 3); // x1 under the bottom panels only: no title in the gap between rows
            layoutExtras.put("xaxis" + suffix, lastRow
                    ? Map.of("range", range, "title", Map.of("text", "x1"), "automargin", true, "zeroline", false)
                    : Map.of("range", range, "automargin", true, "zeroline", false));
            layoutExtras.put("yaxis" + suffix, k == 0
                    ? Map.of("range", range, "title", Map.of("text", "x2"), "automargin", true, "zeroline", false)
                    : Map.of("range", range, "zeroline", false));
            String caption = lettered(k, n, labels.get(k));
            if (!caption.isEmpty()) {
                annotations.add(caption(caption, suffix));
            }
        }
        layoutExtras.put("annotations", annotations);
        int columns = panelColumns(n, 3);
        int rows = (n + columns - 1) / columns;
        Layout.LayoutBuilder layout = layout(title, "x1", "x2", Math.max(WIDTH, 300 * columns), 130 + 330 * rows)
                .margin(PANEL_MARGIN);
        if (n > 1) {
            PlotKit.grid(layout, rows, columns, 0.06, rows > 1 ? 0.2 : 0.1);
        }
        return figure(layout.build(), layoutExtras, traceExtras, traces.toArray(new Trace[0]));
    }

    private static ScatterTrace panelPoints(double[][] xy, String name, String color, String axisSuffix, boolean legend) {
        return thinnedMarkers(xy, MAX_PANEL_POINTS, name).showLegend(legend)
                .marker(Marker.builder().color(color).size(4).opacity(0.6).build())
                .xAxis("x" + axisSuffix).yAxis("y" + axisSuffix).build();
    }

    // ---------------------------------------------------------------- Q-Q plot

    /**
     * Q-Q plot of two samples: the sample's quantiles against the reference's at {@value #QQ_POINTS}
     * probabilities (i + 1/2) / m (fewer if a sample is smaller), with the line y = x. Points on the line mean
     * equal distributions; an S shape means different tails (e.g. generated vs real returns).
     * Quantiles interpolate linearly between order statistics (Hazen's rule, {@link PlotKit#hazenQuantile}).
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
            qs[i] = hazenQuantile(s, p);
            qr[i] = hazenQuantile(r, p);
        }
        double lo = Math.min(qs[0], qr[0]);
        double hi = Math.max(qs[m - 1], qr[m - 1]);
        Trace[] traces = {
            ScatterTrace.builder(round(qr), round(qs)).name("분위수 / quantiles (" + m + " probabilities)").mode(ScatterTrace.Mode.MARKERS)
                    .marker(Marker.builder().color(FAKE_COLOR).size(6).opacity(0.7).build()).build(),
            line(new double[]{lo, hi}, new double[]{lo, hi}, "y = x (같은 분포 / same distribution)", REFERENCE_COLOR, Line.Dash.DASH, 1),
        };
        return figure(layout(QQ_TITLE + ": " + sampleName + " vs " + referenceName, referenceName + " 분위수 / quantiles",
                sampleName + " 분위수 / quantiles", 600, 550).build(), Map.of(), List.of(), traces);
    }
}

package gan.plot;

import static gan.plot.PlotKit.D_LOSS_COLOR;
import static gan.plot.PlotKit.FAKE_COLOR;
import static gan.plot.PlotKit.G_LOSS_COLOR;
import static gan.plot.PlotKit.HEIGHT;
import static gan.plot.PlotKit.REAL_COLOR;
import static gan.plot.PlotKit.REFERENCE_COLOR;
import static gan.plot.PlotKit.SERIES_COLORS;
import static gan.plot.PlotKit.WIDTH;
import static gan.plot.PlotKit.checkGrid;
import static gan.plot.PlotKit.evenly;
import static gan.plot.PlotKit.figure;
import static gan.plot.PlotKit.layout;
import static gan.plot.PlotKit.line;
import static gan.plot.PlotKit.pick;
import static gan.stats.GanTheory.LOG2;
import static gan.stats.GanTheory.LOG4;

import gan.Check;
import gan.train.HistoryRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Training histories as tablesaw {@link Figure}s: the losses, D's outputs and divergences against epochs (also
 * as live charts redrawn during training), and any named curves on one x grid. The other families:
 * {@link DistributionPlots} (real vs fake), {@link TheoryPlots} (figure 1, D's surface), {@link SweepFigures}
 * (many runs at once), {@link ReturnPlots} and {@link FinancePlots} (the finance notebooks). Every method only
 * builds a figure (it never opens a browser); a notebook shows it by leaving it as a cell's last expression or
 * passing it to {@code display(...)}, and {@link #html(Figure)} gives its HTML anywhere else.
 *
 * <p>Conventions (all families): real data is blue, fake data (G(z)) red, as in the lecture. Every figure has a
 * title, axis titles and a legend, in Korean and English where they name a concept ("손실 기록 / Loss history").
 * Data values are rounded to 5 significant digits; a history line is thinned evenly (first and last kept) to at
 * most {@value #MAX_LINE_POINTS} points.
 *
 * <p>Inputs are plain arrays or {@code List<HistoryRow>}: densities, D*(x) and KL come from {@code gan.stats},
 * not from here.
 */
public final class Plots {
    /** At most this many points per history line (a 10,000-epoch history logged every 10 epochs has 1,000). */
    public static final int MAX_LINE_POINTS = 2000;

    /** Default titles (a history's title goes on with its last row's numbers). */
    static final String LOSS_TITLE = "손실 기록 / Loss history";
    static final String D_OUTPUT_TITLE = "판별자 D의 출력 / Outputs of D";
    static final String KL_TITLE = "KL 발산 / KL divergence";
    public static final String DIVERGENCE_TITLE = "발산 기록 / Divergence history";
    private static final String EPOCH = "에폭 / epoch";

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
            line(epochs, d, "판별자 손실 / D-loss", D_LOSS_COLOR, Line.Dash.SOLID, 2),
            line(epochs, g, "생성자 손실 / G-loss", G_LOSS_COLOR, Line.Dash.SOLID, 2),
            line(span, new double[]{LOG4, LOG4}, "log 4 = 1.3863 (균형의 D-loss / D-loss at equilibrium)", REFERENCE_COLOR, Line.Dash.DASH, 1),
            saturating
                ? line(span, new double[]{-LOG2, -LOG2}, "-log 2 = -0.6931 (균형의 포화 G-loss / saturating G-loss at equilibrium)",
                       REFERENCE_COLOR, Line.Dash.DOT, 1)
                : line(span, new double[]{LOG2, LOG2}, "log 2 = 0.6931 (균형의 G-loss / G-loss at equilibrium)", REFERENCE_COLOR, Line.Dash.DOT, 1),
        };
        String title = LOSS_TITLE + (history.isEmpty() ? "" : ": " + history.get(history.size() - 1).progressLine());
        return figure(layout(title, EPOCH, "손실 / loss (nats)", WIDTH, HEIGHT).build(), xRange(totalEpochs, span[1]), List.of(), traces);
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
            line(epochs, real, "평균 D(x), 실제 / mean D(x), real data", REAL_COLOR, Line.Dash.SOLID, 2),
            line(epochs, fake, "평균 D(G(z)), 가짜 / mean D(G(z)), fake data", FAKE_COLOR, Line.Dash.SOLID, 2),
            line(span, new double[]{0.5, 0.5}, "D = 1/2 (균형 / equilibrium)", REFERENCE_COLOR, Line.Dash.DASH, 1),
        };
        String title = D_OUTPUT_TITLE;
        if (!history.isEmpty()) {
            HistoryRow last = history.get(history.size() - 1);
            title += String.format(Locale.ROOT, ": D(x) = %.3f, D(G(z)) = %.3f at epoch %d", last.meanDReal(), last.meanDFake(), last.epoch());
        }
        return figure(layout(title, EPOCH, "평균 D 출력 / mean D output", WIDTH, HEIGHT).build(),
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
        String title = KL_TITLE + (history.isEmpty() ? ""
                : String.format(Locale.ROOT, ": KL = %.4f at epoch %d", kl[kl.length - 1], epochs[epochs.length - 1]));
        return divergenceHistory(epochs, Map.of("KL(real || fake)", kl), title);
    }

    /** {@link #divergenceHistory(int[], Map, String)} titled {@value #DIVERGENCE_TITLE}. */
    public static Figure divergenceHistory(int[] epochs, Map<String, double[]> series) {
        return divergenceHistory(epochs, series, DIVERGENCE_TITLE);
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
        return figure(layout(title, EPOCH, "발산 / divergence (nats)", WIDTH, HEIGHT).build(), Map.of(), List.of(),
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

    // ---------------------------------------------------------------- helpers

    private static List<HistoryRow> thin(List<HistoryRow> history, int max) {
        List<HistoryRow> out = new ArrayList<>();
        for (int i : evenly(history.size(), max)) {
            out.add(history.get(i));
        }
        return out;
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
}

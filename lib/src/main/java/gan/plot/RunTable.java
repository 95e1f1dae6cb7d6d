package gan.plot;

import gan.Check;
import gan.train.HistoryRow;
import gan.train.Trainer;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The final numbers of several training runs side by side, one row per run, as a tablesaw {@link Table} that a
 * notebook shows by leaving it as a cell's last expression (e.g. runs with k = 1, 2, 5, or one per optimizer).
 * Every number comes from the trainer itself:
 *
 * <pre>
 *   run                     the map's key
 *   D steps, G steps        Trainer.discriminatorSteps(), generatorSteps()
 *   D-loss, G-loss          the last HistoryRow (log 4 = 1.3863 and log 2 = 0.6931 at the equilibrium)
 *   mean D(x), mean D(G(z)) the last HistoryRow (0.5 at the equilibrium)
 *   KL (last)               the last HistoryRow's histogram KL(real ‖ fake)
 *   KL (mean of last n)     (1/n) Σ KL over the last n rows: the histogram KL of one row is noisy ({@link #meanKl})
 *   first epoch KL &lt; t     the first row's epoch whose KL is below t; "never" if none ({@link #firstEpochBelow})
 * </pre>
 *
 * Rows follow the map's iteration order (pass a {@link java.util.LinkedHashMap}). Losses, D outputs and KL are
 * printed with 4 decimals; the column values themselves are not rounded.
 */
public final class RunTable {
    /** Rows averaged for "KL (mean of last n)" by {@link #of(Map)}. */
    public static final int DEFAULT_LAST_ROWS = 10;
    /** The KL threshold of "first epoch KL &lt; t" used by {@link #of(Map)}, in nats. */
    public static final double DEFAULT_KL_THRESHOLD = 0.5;

    private RunTable() {
    }

    /** {@link #of(Map, int, double)} with the last {@value #DEFAULT_LAST_ROWS} rows and threshold {@value #DEFAULT_KL_THRESHOLD}. */
    public static Table of(Map<String, Trainer> runs) {
        return of(runs, DEFAULT_LAST_ROWS, DEFAULT_KL_THRESHOLD);
    }

    /**
     * One row per run (columns in the class comment).
     *
     * @param runs        name → trainer, at least one; every trainer must have a history (trained at least one epoch). Not modified.
     * @param lastRows    rows averaged for the mean KL, ≥ 1 (fewer if a history is shorter)
     * @param klThreshold the KL (nats) whose first undercut is reported, finite and ≥ 0
     */
    public static Table of(Map<String, Trainer> runs, int lastRows, double klThreshold) {
        Check.notNull("runs", runs);
        Check.atLeast("lastRows", lastRows, 1);
        Check.nonNegative("klThreshold", klThreshold);
        Check.finite("klThreshold", klThreshold);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must hold at least one trainer, e.g. Map.of(\"k = 1\", trainer)");
        }
        int n = runs.size();
        String[] names = new String[n];
        long[] dSteps = new long[n];
        long[] gSteps = new long[n];
        double[][] numbers = new double[7][n];
        int i = 0;
        for (Map.Entry<String, Trainer> e : runs.entrySet()) {
            Trainer t = Check.notNull("runs[" + e.getKey() + "]", e.getValue());
            List<HistoryRow> history = t.history();
            if (history.isEmpty()) {
                throw new IllegalArgumentException("runs[" + e.getKey() + "] has no history yet; train it at least one epoch first");
            }
            HistoryRow last = history.get(history.size() - 1);
            names[i] = e.getKey();
            dSteps[i] = t.discriminatorSteps();
            gSteps[i] = t.generatorSteps();
            numbers[0][i] = last.dLoss();
            numbers[1][i] = last.gLoss();
            numbers[2][i] = last.meanDReal();
            numbers[3][i] = last.meanDFake();
            numbers[4][i] = last.kl();
            numbers[5][i] = meanKl(history, lastRows);
            numbers[6][i] = firstEpochBelow(history, klThreshold);
            i++;
        }
        String[] titles = {"D-loss", "G-loss", "mean D(x)", "mean D(G(z))", "KL (last)", "KL (mean of last " + lastRows + ")",
            "first epoch KL < " + klThreshold};
        Table table = Table.create("final numbers of " + n + (n == 1 ? " run" : " runs"),
                StringColumn.create("run", names), LongColumn.create("D steps", dSteps), LongColumn.create("G steps", gSteps));
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        for (int c = 0; c < titles.length; c++) {
            DoubleColumn column = DoubleColumn.create(titles[c], numbers[c]);
            boolean epochs = c == titles.length - 1;
            column.setPrintFormatter(new DecimalFormat(epochs ? "0" : "0.0000", symbols), epochs ? "never" : "");
            table.addColumns(column);
        }
        return table;
    }

    /**
     * (1/n) Σ KL over the last n rows of {@code history} (all rows if there are fewer).
     *
     * @param history at least one row. Not modified.
     * @param n       ≥ 1
     */
    public static double meanKl(List<HistoryRow> history, int n) {
        Check.notNull("history", history);
        Check.atLeast("n", n, 1);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("history must hold at least one row");
        }
        int from = Math.max(0, history.size() - n);
        double sum = 0;
        for (int r = from; r < history.size(); r++) {
            sum += history.get(r).kl();
        }
        return sum / (history.size() - from);
    }

    /**
     * The epoch of the first row whose KL is below {@code threshold}, or NaN if none is (a double so that "never"
     * needs no sentinel epoch).
     *
     * @param history rows in training order. Not modified.
     */
    public static double firstEpochBelow(List<HistoryRow> history, double threshold) {
        Check.notNull("history", history);
        for (HistoryRow row : history) {
            if (row.kl() < threshold) {
                return row.epoch();
            }
        }
        return Double.NaN;
    }
}

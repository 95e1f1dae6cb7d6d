package gan.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A daily price table read by {@link PriceCsv}: one date per row, strictly increasing, and numeric columns
 * (for the course's files High, Low, Open, Close, Volume). Immutable: the constructor and the accessors copy.
 *
 * @param file    the file it was read from (named in error messages)
 * @param dates   the Date column
 * @param columns numeric columns by header name, in file order, each as long as {@code dates}
 */
public record PriceTable(Path file, List<LocalDate> dates, Map<String, double[]> columns) {

    /** Copies its arguments and checks that every column has one value per date. */
    public PriceTable {
        gan.Check.notNull("file", file);
        dates = List.copyOf(gan.Check.notNull("dates", dates));
        columns = deepCopy(gan.Check.notNull("columns", columns));
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (e.getValue().length != dates.size()) {
                throw new IllegalArgumentException("column " + e.getKey() + " must have " + dates.size()
                        + " values (one per date), got " + e.getValue().length);
            }
        }
    }

    /** A copy of the numeric columns. */
    @Override
    public Map<String, double[]> columns() {
        return deepCopy(columns);
    }

    /** Number of rows. */
    public int size() {
        return dates.size();
    }

    /** The numeric column names, in file order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** A copy of one numeric column; IllegalArgumentException naming the file and the columns it has. */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("column " + name + " is not in " + file + "; it has "
                    + columns.keySet());
        }
        return c.clone();
    }

    /** Gaps longer than {@code maxDays} calendar days between consecutive rows; see {@link DateGap#find}. */
    public List<DateGap> gaps(int maxDays) {
        return DateGap.find(dates, maxDays);
    }

    private static Map<String, double[]> deepCopy(Map<String, double[]> m) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : m.entrySet()) {
            copy.put(gan.Check.notNull("column name", e.getKey()),
                    gan.Check.notNull("column " + e.getKey(), e.getValue()).clone());
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}

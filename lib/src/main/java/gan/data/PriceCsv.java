package gan.data;

import gan.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads daily price CSV files such as the course's {@code stocks/*.csv}
 * ({@code Date,High,Low,Open,Close,Volume}, one trading day per line, dates as yyyy-MM-dd).
 *
 * <p>Format: UTF-8 (a byte-order mark is ignored), a header line, plain comma-separated fields without
 * quoting, surrounding spaces trimmed, blank lines skipped. The Date column is required and must increase
 * strictly. Every error is an IllegalArgumentException naming the file, and the line (1-based, the header
 * is line 1) and column where there is one: missing file, empty file, header without data, missing column,
 * wrong field count, unparsable date or number, non-finite value (NaN, Infinity), dates out of order.
 */
public final class PriceCsv {
    /** The required date column. */
    public static final String DATE = "Date";

    private PriceCsv() {
    }

    /** Reads the Date column and every other column as numbers. */
    public static PriceTable read(Path file) {
        return readColumns(file, null);
    }

    /**
     * Reads the Date column and the named numeric columns only (others may hold anything).
     *
     * @param columns one or more column names from the header, e.g. {@code "Close"}
     */
    public static PriceTable read(Path file, String... columns) {
        Check.notNull("columns", columns);
        if (columns.length == 0) {
            throw new IllegalArgumentException("columns must name at least one column, got none");
        }
        return readColumns(file, Arrays.asList(columns));
    }

    private static PriceTable readColumns(Path file, List<String> wanted) {
        Check.notNull("file", file);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("file " + file.toAbsolutePath() + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file " + file.toAbsolutePath() + " is not a regular file");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int headerIndex = firstNonBlank(lines, 0);
        if (headerIndex < 0) {
            throw new IllegalArgumentException("file " + file + " is empty (no header line)");
        }
        String headerLine = lines.get(headerIndex);
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        String[] header = split(headerLine);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (header[c].isEmpty()) {
                throw new IllegalArgumentException(where(file, headerIndex) + ": header column " + (c + 1)
                        + " has no name");
            }
            if (index.put(header[c], c) != null) {
                throw new IllegalArgumentException(where(file, headerIndex) + ": column " + header[c]
                        + " appears twice in the header");
            }
        }
        if (!index.containsKey(DATE)) {
            throw new IllegalArgumentException(where(file, headerIndex) + ": missing column " + DATE + "; header has "
                    + index.keySet());
        }
        List<String> numeric = new ArrayList<>();
        if (wanted == null) {
            for (String name : index.keySet()) {
                if (!name.equals(DATE)) {
                    numeric.add(name);
                }
            }
        } else {
            for (String name : wanted) {
                Check.notNull("column name", name);
                if (!index.containsKey(name)) {
                    throw new IllegalArgumentException(where(file, headerIndex) + ": missing column " + name
                            + "; header has " + index.keySet());
                }
                if (!name.equals(DATE) && !numeric.contains(name)) {
                    numeric.add(name);
                }
            }
        }
        int dateCol = index.get(DATE);
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        int prevLine = -1;
        for (int li = headerIndex + 1; li < lines.size(); li++) {
            String line = lines.get(li);
            if (line.isBlank()) {
                continue;
            }
            String[] f = split(line);
            if (f.length != header.length) {
                throw new IllegalArgumentException(where(file, li) + ": expected " + header.length + " fields ("
                        + String.join(",", header) + "), got " + f.length);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(f[dateCol]);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where(file, li) + ", column " + DATE + ": cannot parse '"
                        + f[dateCol] + "' as a date (expected yyyy-MM-dd)", e);
            }
            if (!dates.isEmpty() && !date.isAfter(dates.get(dates.size() - 1))) {
                throw new IllegalArgumentException(where(file, li) + ", column " + DATE + ": " + date
                        + " is not after " + dates.get(dates.size() - 1) + " on line " + (prevLine + 1)
                        + " (rows must be in strictly increasing date order)");
            }
            double[] row = new double[numeric.size()];
            for (int k = 0; k < row.length; k++) {
                String name = numeric.get(k);
                String text = f[index.get(name)];
                double v;
                try {
                    v = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where(file, li) + ", column " + name + ": cannot parse '"
                            + text + "' as a number", e);
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(where(file, li) + ", column " + name
                            + ": non-finite value " + text + " (allowed: finite numbers)");
                }
                row[k] = v;
            }
            dates.add(date);
            rows.add(row);
            prevLine = li;
        }
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("file " + file + " has a header but no data rows");
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int k = 0; k < numeric.size(); k++) {
            double[] c = new double[rows.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = rows.get(i)[k];
            }
            columns.put(numeric.get(k), c);
        }
        return new PriceTable(file, dates, columns);
    }

    private static int firstNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String s = lines.get(i).startsWith("\uFEFF") ? lines.get(i).substring(1) : lines.get(i);
            if (!s.isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        return f;
    }

    /** "file line N" with N 1-based. */
    private static String where(Path file, int lineIndex) {
        return "file " + file + " line " + (lineIndex + 1);
    }
}

package gan.data;

import gan.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads daily price CSV files such as the course's {@code stocks/*.csv}
 * ({@code Date,High,Low,Open,Close,Volume}, one trading day per line, dates as yyyy-MM-dd).
 *
 * <p>Format: UTF-8 (a byte-order mark is ignored) unless another encoding is passed, a header line, then
 * comma-separated fields as RFC 4180 writes them (a field in double quotes may hold commas, line breaks
 * and {@code ""} for a quote), surrounding spaces trimmed, blank lines skipped. The Date column is required
 * and must increase strictly. Prices (the columns Open, High, Low, Close, Adj Close, Price) must be positive
 * and Volume must be at least 0.
 *
 * <p>Every error is an IllegalArgumentException naming the file, and the line (1-based, the header is line
 * 1) and column where there is one: missing file, empty file, a file that is not UTF-8 (a Korean spreadsheet
 * export is often CP949, also called EUC-KR: the message says so and how to read it), header without data,
 * missing column, wrong field count, an unclosed quote, unparsable date or number, non-finite value (NaN,
 * Infinity), a zero or negative price, dates out of order.
 */
public final class PriceCsv {
    /** The required date column. */
    public static final String DATE = "Date";

    private PriceCsv() {
    }

    /** Reads the Date column and every other column as numbers. */
    public static PriceTable read(Path file) {
        return readColumns(file, StandardCharsets.UTF_8, null);
    }

    /**
     * Reads a file in another encoding, e.g. {@code Charset.forName("x-windows-949")} (CP949, the superset of
     * EUC-KR that Korean Excel writes): the Date column and every other column as numbers.
     */
    public static PriceTable read(Path file, Charset encoding) {
        return readColumns(file, Check.notNull("encoding", encoding), null);
    }

    /** {@link #read(Path, String...)} for a file in {@code encoding}. */
    public static PriceTable read(Path file, Charset encoding, String... columns) {
        return readColumns(file, Check.notNull("encoding", encoding), wanted(columns));
    }

    /**
     * Reads the Date column and the named numeric columns only (others may hold anything).
     *
     * @param columns one or more column names from the header, e.g. {@code "Close"}
     */
    public static PriceTable read(Path file, String... columns) {
        return readColumns(file, StandardCharsets.UTF_8, wanted(columns));
    }

    private static List<String> wanted(String... columns) {
        Check.notNull("columns", columns);
        if (columns.length == 0) {
            throw new IllegalArgumentException("columns must name at least one column, got none");
        }
        return Arrays.asList(columns);
    }

    private static PriceTable readColumns(Path file, Charset encoding, List<String> wanted) {
        Check.notNull("file", file);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("file " + file.toAbsolutePath() + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file " + file.toAbsolutePath() + " is not a regular file");
        }
        List<Record> lines = records(file, decode(file, encoding));
        int headerIndex = firstNonBlank(lines, 0);
        if (headerIndex < 0) {
            throw new IllegalArgumentException("file " + file + " is empty (no header line)");
        }
        Record headerLine = lines.get(headerIndex);
        String[] header = headerLine.fields();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (header[c].isEmpty()) {
                throw new IllegalArgumentException(where(file, headerLine) + ": header column " + (c + 1)
                        + " has no name");
            }
            if (index.put(header[c], c) != null) {
                throw new IllegalArgumentException(where(file, headerLine) + ": column " + header[c]
                        + " appears twice in the header");
            }
        }
        if (!index.containsKey(DATE)) {
            throw new IllegalArgumentException(where(file, headerLine) + ": missing column " + DATE + "; header has "
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
                    throw new IllegalArgumentException(where(file, headerLine) + ": missing column " + name
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
        Record prev = null;
        for (int li = headerIndex + 1; li < lines.size(); li++) {
            Record rec = lines.get(li);
            if (rec.blank()) {
                continue;
            }
            String[] f = rec.fields();
            if (f.length != header.length) {
                throw new IllegalArgumentException(where(file, rec) + ": expected " + header.length + " fields ("
                        + String.join(",", header) + "), got " + f.length);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(f[dateCol]);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where(file, rec) + ", column " + DATE + ": cannot parse '"
                        + f[dateCol] + "' as a date (expected yyyy-MM-dd)", e);
            }
            if (!dates.isEmpty() && !date.isAfter(dates.get(dates.size() - 1))) {
                throw new IllegalArgumentException(where(file, rec) + ", column " + DATE + ": " + date
                        + " is not after " + dates.get(dates.size() - 1) + " on line " + prev.line()
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
                    throw new IllegalArgumentException(where(file, rec) + ", column " + name + ": cannot parse '"
                            + text + "' as a number", e);
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(where(file, rec) + ", column " + name
                            + ": non-finite value " + text + " (allowed: finite numbers)");
                }
                if (isPrice(name) && !(v > 0)) {
                    throw new IllegalArgumentException(where(file, rec) + ", column " + name + ": price " + text
                            + " (allowed: prices > 0)");
                }
                if (name.equalsIgnoreCase("Volume") && v < 0) {
                    throw new IllegalArgumentException(where(file, rec) + ", column " + name + ": negative volume " + text
                            + " (allowed: volumes >= 0)");
                }
                row[k] = v;
            }
            dates.add(date);
            rows.add(row);
            prev = rec;
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

    /** Columns holding prices, which must be positive (case is ignored). */
    static final List<String> PRICE_COLUMNS = List.of("Open", "High", "Low", "Close", "Adj Close", "Price");

    private static boolean isPrice(String column) {
        for (String p : PRICE_COLUMNS) if (p.equalsIgnoreCase(column)) return true;
        return false;
    }

    /** One CSV record: its fields (trimmed), the line it starts on (1-based), whether the line was blank. */
    private record Record(String[] fields, int line, boolean blank) {
    }

    private static int firstNonBlank(List<Record> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).blank()) {
                return i;
            }
        }
        return -1;
    }

    /** The file's text; a byte that is not valid in {@code encoding} fails with its line and what to do. */
    private static String decode(Path file, Charset encoding) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        CharsetDecoder decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position(), line = 1, lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String what = encoding.equals(StandardCharsets.UTF_8) ? "not UTF-8" : "not " + encoding.name();
            String hint = "";
            if (encoding.equals(StandardCharsets.UTF_8) && Charset.isSupported(CP949) && decodes(bytes, Charset.forName(CP949))) {
                hint = "; it reads as CP949 (EUC-KR), common for Korean spreadsheet exports";
            }
            throw new IllegalArgumentException("file " + file + " line " + line + ": " + what + String.format(Locale.ROOT,
                    " (byte 0x%02X, byte %d of the line)", bytes[at] & 0xFF, at - lineStart + 1) + hint + "; save it as UTF-8 or pass the encoding: "
                    + "PriceCsv.read(file, Charset.forName(\"" + (hint.isEmpty() ? "..." : CP949) + "\"), ...)");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Java's name of CP949 (Microsoft's Korean code page, a superset of EUC-KR). */
    static final String CP949 = "x-windows-949";

    private static boolean decodes(byte[] bytes, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Splits the text into RFC 4180 records: fields separated by commas, records by LF or CRLF; a field in
     * double quotes may hold commas, line breaks and {@code ""} (one quote). Unquoted fields are trimmed.
     */
    private static List<Record> records(Path file, String text) {
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0, n = text.length();
        boolean quoted = false;            // the current field was quoted
        boolean any = false;               // the record has a non-blank character or a quote
        while (i <= n) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '"' && field.toString().isBlank() && !quoted) {
                // a quoted field: read to the closing quote
                int opened = line;
                field.setLength(0);
                quoted = true;
                any = true;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("file " + file + " line " + opened + ": a quoted field is not closed");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n') line++;
                    field.append(q);
                    i++;
                }
                // only spaces may follow the closing quote
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("file " + file + " line " + line + ": text after the closing quote of field "
                            + (fields.size() + 1) + " (a quote inside a quoted field is written \"\")");
                }
                continue;
            }
            if (c == ',' || c == '\n' || (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') || (c == '\r' && i + 1 == n)) {
                fields.add(quoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                quoted = false;
                if (c == '\r') i++;                      // CRLF
                if (c != ',') {
                    if (i < n || any || fields.size() > 1) {
                        out.add(new Record(fields.toArray(new String[0]), recordLine, !any && fields.size() == 1));
                    }
                    fields.clear();
                    any = false;
                    line++;
                    recordLine = line;
                } else {
                    any = true;
                }
                i++;
                continue;
            }
            if (quoted) {
                throw new IllegalArgumentException("file " + file + " line " + line + ": text after the closing quote of field " + fields.size());
            }
            if (!Character.isWhitespace(c)) any = true;
            field.append(c);
            i++;
        }
        return out;
    }

    /** "file F line N". */
    private static String where(Path file, Record r) {
        return "file " + file + " line " + r.line();
    }
}

package gan.data;

import static gan.Asserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceCsvTest {
    @TempDir
    Path dir;

    private static Path excerpt() throws URISyntaxException {
        return Path.of(PriceCsvTest.class.getResource("005380-2019-excerpt.csv").toURI());
    }

    @Test
    void readsTheCoursesFileFormat() throws Exception {
        PriceTable t = PriceCsv.read(excerpt());
        assertEquals(11, t.size());
        assertEquals(List.of("High", "Low", "Open", "Close", "Volume"), t.columnNames());
        assertEquals(LocalDate.of(2019, 1, 21), t.dates().get(0));
        assertEquals(127000.0, t.column("Close")[0]);
        assertEquals(486193.0, t.column("Volume")[10]);
        // the 49-day hole is the only gap longer than two weeks
        assertEquals(List.of(new DateGap(LocalDate.of(2019, 2, 1), LocalDate.of(2019, 3, 22), 49)), t.gaps(14));
        assertEquals("2019-02-01 → 2019-03-22 (49 days)", t.gaps(14).get(0).toString());
        // with maxDays = 2 the one weekend in the excerpt (2019-01-25 → 01-28, 3 days) shows up too
        assertEquals(List.of(new DateGap(LocalDate.of(2019, 1, 25), LocalDate.of(2019, 1, 28), 3), t.gaps(14).get(0)),
                t.gaps(2));
    }

    @Test
    void readsSelectedColumnsAndCopies() throws Exception {
        PriceTable t = PriceCsv.read(excerpt(), "Close");
        assertEquals(List.of("Close"), t.columnNames());
        double[] close = t.column("Close");
        close[0] = -1;
        assertEquals(127000.0, t.column("Close")[0]);
        assertMessage(() -> t.column("Adj Close"), "Adj Close", "005380-2019-excerpt.csv", "[Close]");
    }

    @Test
    void toleratesBomCrlfBlankLinesAndSpaces() throws IOException {
        Path f = write("bom.csv", "\uFEFFDate, Close\r\n2020-01-02, 10.5\r\n\r\n2020-01-03,11\r\n\r\n");
        PriceTable t = PriceCsv.read(f);
        assertArrayEquals(new double[] {10.5, 11}, t.column("Close"), 0);
    }

    @Test
    void errorsNameTheFileLineAndColumn() throws IOException {
        assertMessage(() -> PriceCsv.read(dir.resolve("nope.csv")), "nope.csv", "does not exist");
        assertMessage(() -> PriceCsv.read(dir), "not a regular file");
        Path empty = write("empty.csv", "");
        assertMessage(() -> PriceCsv.read(empty), "empty.csv", "empty");
        Path blank = write("blank.csv", "\n  \n");
        assertMessage(() -> PriceCsv.read(blank), "blank.csv", "empty");
        Path headerOnly = write("header.csv", "Date,Close\n");
        assertMessage(() -> PriceCsv.read(headerOnly), "header.csv", "no data rows");
        Path noDate = write("nodate.csv", "Day,Close\n2020-01-02,1\n");
        assertMessage(() -> PriceCsv.read(noDate), "nodate.csv", "line 1", "missing column Date", "[Day, Close]");
        Path ok = write("ok.csv", "Date,Close\n2020-01-02,1\n");
        assertMessage(() -> PriceCsv.read(ok, "Close", "Volume"), "ok.csv", "missing column Volume", "[Date, Close]");
        Path bad = write("bad.csv", "Date,High,Close\n2020-01-02,1,2\n2020-01-03,1,abc\n");
        assertMessage(() -> PriceCsv.read(bad), "bad.csv", "line 3", "column Close", "'abc'");
        Path nan = write("nan.csv", "Date,High,Close\n2020-01-02,NaN,2\n");
        assertMessage(() -> PriceCsv.read(nan), "nan.csv", "line 2", "column High", "non-finite", "NaN");
        Path inf = write("inf.csv", "Date,Close\n2020-01-02,Infinity\n");
        assertMessage(() -> PriceCsv.read(inf), "inf.csv", "line 2", "column Close", "Infinity");
        Path missing = write("short.csv", "Date,High,Close\n2020-01-02,1\n");
        assertMessage(() -> PriceCsv.read(missing), "short.csv", "line 2", "expected 3 fields", "got 2");
        Path emptyField = write("field.csv", "Date,High,Close\n2020-01-02,,1\n");
        assertMessage(() -> PriceCsv.read(emptyField), "field.csv", "line 2", "column High", "''");
        Path badDate = write("date.csv", "Date,Close\n02/01/2020,1\n");
        assertMessage(() -> PriceCsv.read(badDate), "date.csv", "line 2", "column Date", "'02/01/2020'", "yyyy-MM-dd");
        Path order = write("order.csv", "Date,Close\n2020-01-03,1\n2020-01-02,1\n");
        assertMessage(() -> PriceCsv.read(order), "order.csv", "line 3", "2020-01-02 is not after 2020-01-03 on line 2");
        Path dup = write("dup.csv", "Date,Close,Close\n2020-01-02,1,2\n");
        assertMessage(() -> PriceCsv.read(dup), "dup.csv", "Close appears twice");
        // a column that is not read may hold text
        Path text = write("text.csv", "Date,Name,Close\n2020-01-02,Hyundai,1\n");
        assertEquals(1.0, PriceCsv.read(text, "Close").column("Close")[0]);
        assertMessage(() -> PriceCsv.read(text), "text.csv", "line 2", "column Name", "'Hyundai'");
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}

package gan.data;

import static gan.Asserts.assertMessage;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PriceCsv's share of issue 16: encodings, impossible prices, quoted fields. */
class PriceCsvHardeningTest {
    @TempDir
    Path dir;

    private static final Charset CP949 = Charset.forName("x-windows-949");

    private Path write(String name, String content, Charset cs) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(cs));
    }

    /** The UTF-8 file name with this text is refused with a message that names the file and says the rest. */
    private void assertRefused(String name, String content, String message) throws IOException {
        Path f = write(name, content, StandardCharsets.UTF_8);
        assertMessage(() -> PriceCsv.read(f), name, message);
    }

    @Test
    void aKoreanSpreadsheetExportInCp949IsRecognisedAndReadWithItsEncoding() throws IOException {
        String text = "Date,Close,Name\n2020-01-02,100,현대차\n2020-01-03,101,현대차\n";
        Path f = write("cp949.csv", text, CP949);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PriceCsv.read(f, "Close"));
        assertEquals("file " + f + " line 2: not UTF-8 (byte 0xC7, byte 16 of the line); it reads as CP949 (EUC-KR), common for Korean"
                + " spreadsheet exports; save it as UTF-8 or pass the encoding: PriceCsv.read(file, Charset.forName(\"x-windows-949\"), ...)",
                e.getMessage());
        assertArrayEquals(new double[] {100, 101}, PriceCsv.read(f, CP949, "Close").column("Close"), 0);
        // the same text as UTF-8, with or without a byte-order mark, reads as it is
        assertArrayEquals(new double[] {100, 101}, PriceCsv.read(write("utf8.csv", text, StandardCharsets.UTF_8), "Close").column("Close"), 0);
        assertArrayEquals(new double[] {100, 101}, PriceCsv.read(write("bom.csv", "\uFEFF" + text, StandardCharsets.UTF_8), "Close").column("Close"), 0);
        // Latin-1 is not UTF-8 either, and not CP949: no guess is offered
        Path latin = write("latin1.csv", "Date,Close,Name\n2020-01-02,100,Citro\u00ebn\n", StandardCharsets.ISO_8859_1);
        e = assertThrows(IllegalArgumentException.class, () -> PriceCsv.read(latin, "Close"));
        assertTrue(e.getMessage().startsWith("file " + latin + " line 2: not UTF-8 (byte 0xEB") && !e.getMessage().contains("CP949 (EUC-KR)"),
                e.getMessage());
    }

    @Test
    void zeroNegativeAndNonFinitePricesAreRefusedWithLineAndColumn() throws IOException {
        assertRefused("zero.csv", "Date,Open,Close,Volume\n2020-01-02,1,2,0\n2020-01-03,0,2,10\n", "line 3, column Open: price 0 (allowed: prices > 0)");
        assertArrayEquals(new double[] {2}, PriceCsv.read(write("z2.csv", "Date,Close,Volume\n2020-01-02,2,0\n", StandardCharsets.UTF_8))
                .column("Close"), 0, "a volume of 0 (a day without trades) is allowed");
        assertRefused("neg.csv", "Date,Close\n2020-01-02,-5.5\n", "line 2, column Close: price -5.5 (allowed: prices > 0)");
        assertRefused("adj.csv", "Date,Adj Close\n2020-01-02,-0\n", "line 2, column Adj Close: price -0");
        assertRefused("vol.csv", "Date,Close,Volume\n2020-01-02,1,-3\n", "line 2, column Volume: negative volume -3 (allowed: volumes >= 0)");
        assertRefused("inf.csv", "Date,High\n2020-01-02,-Infinity\n", "line 2, column High: non-finite value -Infinity");
        // a column that is not a price may be negative (a daily change)
        assertEquals(-0.5, PriceCsv.read(write("chg.csv", "Date,Close,Change\n2020-01-02,1,-0.5\n", StandardCharsets.UTF_8)).column("Change")[0]);
    }

    @Test
    void quotedFieldsAreReadAsRfc4180WritesThem() throws IOException {
        String text = "\"Date\",\"Close\",Name\r\n"
                + "\"2020-01-02\",\"1.5\",\"Hyundai, \"\"Motor\"\"\r\nCompany\"\r\n"    // comma, quotes and a line break inside quotes
                + "2020-01-03 , \"2\" ,plain\r\n"
                + "\r\n"
                + "2020-01-06,x,y\r\n";                                           // line 6: the quoted line break counts
        Path f = write("quoted.csv", text, StandardCharsets.UTF_8);
        assertMessage(() -> PriceCsv.read(f, "Close"), "quoted.csv", "line 6, column Close: cannot parse 'x'");
        Path ok = write("ok.csv", text.substring(0, text.lastIndexOf("2020-01-06")), StandardCharsets.UTF_8);
        PriceTable t = PriceCsv.read(ok, "Close");
        assertArrayEquals(new double[] {1.5, 2}, t.column("Close"), 0);
        assertMessage(() -> PriceCsv.read(ok), "ok.csv", "line 2, column Name: cannot parse 'Hyundai, \"Motor\"\r\nCompany'");
        assertRefused("open.csv", "Date,Close\n2020-01-02,1\n2020-01-03,\"2\n2020-01-04,3\n", "line 3: a quoted field is not closed");
        assertRefused("after.csv", "Date,Close\n2020-01-02,\"1\"5\n", "line 2: text after the closing quote of field 2");
        assertRefused("count.csv", "Date,Close\n2020-01-02,\"1,5\"\n2020-01-03,1,5\n", "line 2, column Close: cannot parse '1,5'");
    }
}

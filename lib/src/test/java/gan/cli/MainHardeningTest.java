package gan.cli;

import static gan.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.*;

import gan.cli.MainTest.Result;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./gan's share of issue 16: option syntax, outputs checked before training, divergence, stdout, memory. */
class MainHardeningTest {
    @TempDir
    Path dir;

    private static void assertUsage(String message, String... args) {
        Result r = run(args);
        assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
        assertEquals("gan: " + message + " (see ./gan --help)", r.err().strip());
    }

    @Test
    void equalsValuesRepeatsAndAnOptionWhereAValueShouldBe() {
        Result eq = run("train", "normal", "--epochs=3", "--history-every=1", "--quiet", "--samples=10");
        assertEquals(0, eq.code(), eq.err());
        assertTrue(eq.out().contains("trained normal: 3 epochs"), eq.out());
        assertUsage("--epochs is given twice; give each option once", "train", "normal", "--epochs", "3", "--epochs=4");
        assertUsage("--quiet is given twice; give each option once", "train", "normal", "--quiet", "--quiet");
        assertUsage("--out needs a value, got the option --quiet (for a file of that name write --out=--quiet)", "train", "normal", "--out", "--quiet");
        assertUsage("--k needs a value, got the option --epochs", "train", "normal", "--k", "--epochs", "5");
        assertUsage("--quiet takes no value, got 'yes'", "train", "normal", "--quiet=yes");
        assertUsage("--epochs needs a value, got an empty one", "train", "normal", "--epochs=");
        assertUsage("unknown option --wings", "train", "normal", "--wings=2");
        assertUsage("--samples must be an integer from 1 to 100000000, got '100000001'", "train", "normal", "--samples", "100000001");
        assertTrue(run("--help").out().contains("GAN_JAVA_OPTS"));
    }

    /** An output that cannot be written fails at once (no training line printed), exit 2, naming option and file. */
    private Result refusedBeforeTraining(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "train";
        full[1] = "normal";                                // 10,000 epochs: were it trained, the test would take seconds
        System.arraycopy(args, 0, full, 2, args.length);
        Result r = run(full);
        assertEquals(2, r.code(), r.err());
        assertFalse(r.out().contains("D-loss"), "nothing was trained: " + r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        return r;
    }

    @Test
    void everyOutputIsCheckedBeforeTraining() throws Exception {
        Path missing = dir.resolve("no/such/x.csv");
        assertEquals("gan: --history " + missing + ": folder " + dir.resolve("no/such") + " does not exist",
                refusedBeforeTraining("--out", dir.resolve("ok.csv").toString(), "--history", missing.toString()).err().strip());
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            String err = refusedBeforeTraining("--save", ro.resolve("x.ckpt").toString()).err();
            assertTrue(err.startsWith("gan: --save " + ro.resolve("x.ckpt") + ": folder is not writable ("), err);
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path fifo = dir.resolve("fifo.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEquals("gan: --out " + fifo + ": is not a regular file (a device, FIFO or socket); name a regular file",
                refusedBeforeTraining("--out", fifo.toString()).err().strip());
        Path readOnly = dir.resolve("old.csv");
        Files.writeString(readOnly, "x\n1\n");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        assertTrue(refusedBeforeTraining("--out", readOnly.toString()).err().contains(": file is read-only (mode r--r--r--)"));
        assertEquals("x\n1\n", Files.readString(readOnly));
        assertTrue(refusedBeforeTraining("--out", dir.resolve("n".repeat(256)).toString()).err().contains(": file name is too long (256 bytes; at most 255)"));
        // the same file under two names: a second path spelling, and a symbolic link
        Path a = dir.resolve("a.csv");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), a);
        assertTrue(refusedBeforeTraining("--out", a.toString(), "--history", dir.resolve("sub/../a.csv").toString()).err()
                .contains("name the same file"));
        Files.createDirectory(dir.resolve("sub"));
        String err = refusedBeforeTraining("--out", a.toString(), "--save", link.toString()).err();
        assertEquals("gan: --out " + a + " and --save " + link + " name the same file (" + dir.toRealPath().resolve("a.csv")
                + "); give each output its own file (see ./gan --help)", err.strip());
        try (var s = Files.list(dir)) {
            assertEquals(List.of("fifo.csv", "link.csv", "old.csv", "ro", "sub"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void divergenceStillWritesTheHistoryUpToIt() throws Exception {
        Path history = dir.resolve("h.csv"), out = dir.resolve("x.csv");
        Result r = run("train", "normal", "--optimizer", "sgd", "--lr", "1000", "--epochs", "300", "--history-every", "1", "--quiet",
                "--history", history.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("diverged in epoch 6") && r.err().contains("Wrote the 5 history rows measured before the divergence (epochs 1 to 5) to "
                + history + ". Not written: --out."), r.err());
        List<String> lines = Files.readAllLines(history);
        assertEquals(6, lines.size());
        assertTrue(lines.get(5).startsWith("5,1.62"), lines.get(5));
        assertFalse(Files.exists(out));
    }

    @Test
    void aFailedWriteToStandardOutputExitsOne() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"train", "normal", "--epochs", "2", "--samples", "10"}, new PrintStream(broken, true),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("gan: standard output: write failed"), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, Main.run(new String[] {"--help"}, new PrintStream(broken, true), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    /** ./gan in a fresh JVM with the given heap. */
    private static Result gan(String heap, String... args) throws Exception {
        String jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String cp = jar + File.pathSeparator + System.getProperty("java.class.path");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx" + heap, "-cp", cp, "gan.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theLargestAllowedValuesRunWithoutOutOfMemory() throws Exception {
        // 100,000,000 samples in a 32 MB heap (as one array they would take about 6 GB): generated in chunks
        Result many = gan("32m", "train", "normal", "--epochs", "1", "--quiet", "--samples", "100000000");
        assertEquals(0, many.code(), many.err());
        assertTrue(many.out().contains("generated 100000000 samples: mean = "), many.out());
        // the widest networks in ./gan's own 256 MB heap
        Result wide = gan("256m", "train", "four-gaussians", "--epochs", "1", "--quiet", "--d-hidden", "4096", "--g-hidden", "4096",
                "--out", Files.createTempFile("wide", ".csv").toString());
        assertEquals(0, wide.code(), wide.err());
        assertFalse(wide.err().contains("OutOfMemoryError"), wide.err());
        // and a heap too small for them: one line that says how to raise it, no stack trace
        Result tiny = gan("24m", "train", "four-gaussians", "--epochs", "1", "--quiet", "--d-hidden", "4096", "--g-hidden", "4096");
        assertEquals(1, tiny.code(), tiny.err());
        assertTrue(tiny.err().startsWith("gan: out of memory: this run needs more than the Java heap's ") && tiny.err().contains("GAN_JAVA_OPTS=-Xmx2g")
                && tiny.err().strip().lines().count() == 1, tiny.err());
    }
}

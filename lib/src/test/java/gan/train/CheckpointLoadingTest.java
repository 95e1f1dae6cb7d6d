package gan.train;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trainer.load's share of issue 16: every failure names the file, and nothing large is allocated first. */
class CheckpointLoadingTest {
    @TempDir
    Path dir;

    private static final byte[] MAGIC = "GANCKPT\n".getBytes(StandardCharsets.US_ASCII);

    private static Trainer trained() {
        Trainer t = new Trainer(GanConfig.normal().withEpochs(4).withHistoryEvery(2), TrainerTest.normalData(1, 100));
        t.train();
        return t;
    }

    private String loadFails(Path file) {
        IOException e = assertThrows(IOException.class, () -> Trainer.load(file));
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** {@code body} (a checkpoint without its checksum) with a correct CRC32 appended. */
    private static byte[] withChecksum(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(body.length + 8).put(body).putLong(crc.getValue()).array();
    }

    private static byte[] withoutChecksum(byte[] file) {
        return Arrays.copyOf(file, file.length - 8);
    }

    @Test
    void nullFolderEmptyAndShortFiles() throws IOException {
        IllegalArgumentException npe = assertThrows(IllegalArgumentException.class, () -> Trainer.load(null));
        assertEquals("file must not be null", npe.getMessage());
        assertThrows(IllegalArgumentException.class, () -> trained().save((Path) null));
        assertEquals("checkpoint " + dir + " is a folder, not a file", loadFails(dir));
        Path empty = write("empty.ckpt", new byte[0]);
        assertEquals("checkpoint " + empty + " is empty (0 bytes): not a GAN checkpoint", loadFails(empty));
        for (int size = 8; size < Checkpoint.MIN_SIZE; size++) {
            byte[] b = Arrays.copyOf(MAGIC, size);
            if (size >= 12) b[11] = 1;                                  // version 1
            Path f = write("short" + size + ".ckpt", b);
            assertEquals("checkpoint " + f + " is truncated: " + size + " bytes, a checkpoint has at least 20", loadFails(f));
        }
        Path five = write("five.ckpt", Arrays.copyOf(MAGIC, 5));
        assertEquals(five + " is not a GAN checkpoint (5 bytes, shorter than the GANCKPT header)", loadFails(five));
        Path v2 = write("v2.ckpt", withChecksum(ByteBuffer.allocate(40).put(MAGIC).putInt(2).array()));
        assertEquals("checkpoint " + v2 + " has format version 2; this library reads version 1", loadFails(v2));
    }

    @Test
    void aHugeFileIsJudgedByItsHeaderWithoutReadingIt() throws IOException {
        Path foreign = dir.resolve("movie.mkv"), big = dir.resolve("big.ckpt");
        try (RandomAccessFile f = new RandomAccessFile(foreign.toFile(), "rw")) {
            f.setLength(3L << 30);                                       // 3 GB, sparse: no disk space used
        }
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(MAGIC);
            f.writeInt(Checkpoint.VERSION);
            f.setLength(3L << 30);
        }
        assertEquals(foreign + " is not a GAN checkpoint (it does not start with GANCKPT)", loadFails(foreign));
        assertTrue(loadFails(big).contains("is 3221225472 bytes, larger than any checkpoint"));
    }

    @Test
    void aValidChecksumOverInconsistentContentIsRefused() throws IOException {
        Trainer repeat = trained();
        repeat.order()[0] = repeat.order()[1];
        Path f = dir.resolve("order.ckpt");
        repeat.save(f);
        assertTrue(loadFails(f).endsWith("is inconsistent: the sample order is not a permutation of 0..99 (entry 1 is "
                + repeat.order()[1] + ", a repeat)"), loadFails(f));

        Trainer nan = trained();
        double[] w = nan.generator().parameterVector();
        w[3] = Double.NaN;
        nan.generator().setParameterVector(w);
        nan.save(f = dir.resolve("nan.ckpt"));
        assertTrue(loadFails(f).endsWith("is inconsistent: G's parameter 3 is NaN (weights must be finite)"), loadFails(f));

        Trainer counters = trained();
        counters.epoch = -1;
        counters.save(f = dir.resolve("epoch.ckpt"));
        assertTrue(loadFails(f).contains("is inconsistent: counters out of range: epoch -1"), loadFails(f));

        // the history's row count (the int before the rows, 44 bytes each) says a billion: refused before allocating
        Trainer t = trained();
        t.save(f = dir.resolve("ok.ckpt"));
        byte[] body = withoutChecksum(Files.readAllBytes(f));
        int rows = t.history().size();
        assertEquals(2, rows);
        int countAt = body.length - rows * 44 - 4;
        assertEquals(rows, ByteBuffer.wrap(body, countAt, 4).getInt());
        ByteBuffer.wrap(body).putInt(countAt, 1_000_000_000);
        Path huge = write("rows.ckpt", withChecksum(body));
        assertTrue(loadFails(huge).endsWith("is inconsistent: it declares 1000000000 history rows, but 88 bytes remain (44 per row)"), loadFails(huge));
        // a row cut off, checksum recomputed
        ByteBuffer.wrap(body).putInt(countAt, rows);
        Path cut = write("cut.ckpt", withChecksum(Arrays.copyOf(body, body.length - 44)));
        assertTrue(loadFails(cut).endsWith("it declares 2 history rows, but 44 bytes remain (44 per row)"), loadFails(cut));
        // the body cut inside the configuration
        Path early = write("early.ckpt", withChecksum(Arrays.copyOf(body, 30)));
        assertTrue(loadFails(early).contains("is inconsistent: its content ends too early or is garbled"), loadFails(early));
        assertEquals(4, Trainer.load(f).epoch(), "the untouched file still loads");
    }
}

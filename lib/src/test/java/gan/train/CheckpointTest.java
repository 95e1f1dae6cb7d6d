package gan.train;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void loadGivesIdenticalOutputsAndResumesBitForBit() throws IOException {
        GanConfig c = GanConfig.normal().toBuilder().epochs(100).historyEvery(25).build();
        Trainer uninterrupted = new Trainer(c, TrainerTest.normalData(5, 1000));
        uninterrupted.train(100);
        Trainer first = new Trainer(c, TrainerTest.normalData(5, 1000));
        first.train(60);
        Path file = dir.resolve("run.ckpt");
        first.save(file);
        Trainer loaded = Trainer.load(file);
        double[] xs = {-2, -0.5, 0, 0.5, 2};
        assertArrayEquals(first.discriminate(xs), loaded.discriminate(xs), 0.0);
        assertArrayEquals(first.generate1d(200), loaded.generate1d(200), 0.0);
        assertEquals(first.history(), loaded.history());
        assertEquals(first.config(), loaded.config());
        loaded.train(40);
        // the resumed run also measured at epoch 60, where its first train() call ended; otherwise identical
        assertEquals(uninterrupted.history(), loaded.history().stream().filter(h -> h.epoch() != 60).toList());
        assertArrayEquals(uninterrupted.generator().parameterVector(), loaded.generator().parameterVector(), 0.0);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left next to the checkpoint");
        }
    }

    @Test
    void corruptTruncatedAndForeignFilesAreRefusedClearly() throws IOException {
        Trainer t = new Trainer(GanConfig.normal().toBuilder().epochs(5).build(), TrainerTest.normalData(1, 100));
        t.train();
        Path file = dir.resolve("a.ckpt");
        t.save(file);
        byte[] bytes = Files.readAllBytes(file);

        bytes[bytes.length / 2] ^= 0x10;
        Files.write(dir.resolve("flipped.ckpt"), bytes);
        IOException e = assertThrows(IOException.class, () -> Trainer.load(dir.resolve("flipped.ckpt")));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("flipped.ckpt"), e.getMessage());

        Files.write(dir.resolve("short.ckpt"), java.util.Arrays.copyOf(Files.readAllBytes(file), 200));
        e = assertThrows(IOException.class, () -> Trainer.load(dir.resolve("short.ckpt")));
        assertTrue(e.getMessage().contains("short.ckpt") && (e.getMessage().contains("truncated") || e.getMessage().contains("corrupt")), e.getMessage());

        Files.writeString(dir.resolve("notes.txt"), "x,y\n1,2\n");
        e = assertThrows(IOException.class, () -> Trainer.load(dir.resolve("notes.txt")));
        assertTrue(e.getMessage().contains("not a GAN checkpoint"), e.getMessage());

        e = assertThrows(IOException.class, () -> Trainer.load(dir.resolve("missing.ckpt")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aFailedSaveLeavesNothingBehind() throws IOException {
        Trainer t = new Trainer(GanConfig.normal().toBuilder().epochs(1).build(), TrainerTest.normalData(1, 100));
        IOException e = assertThrows(IOException.class, () -> t.save(dir.resolve("no/such/folder/x.ckpt")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Path target = dir.resolve("keep.ckpt");
        Files.writeString(target, "old");
        gan.AtomicWrite.Body failing = out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full (simulated)");
        };
        assertThrows(IOException.class, () -> gan.AtomicWrite.write(target, failing));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}

package gan.train;

import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import gan.data.Datasets;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    static double[][] fourGaussians() {
        return Datasets.fourGaussians(400, Rng.derive(1, "data"));
    }

    @Test
    void surfaceIsDOnTheGridRowByY() {
        Trainer t = new Trainer(GanConfig.fourGaussians().toBuilder().epochs(20).historyEvery(10).build(), fourGaussians());
        t.train();
        double[] xs = Snapshot.grid(-1, 3, 5);
        double[] ys = Snapshot.grid(-2, 2, 3);
        Snapshot s = Snapshot.of(t, 100, xs, ys);
        assertEquals(20, s.epoch());
        assertEquals(3, s.d().length);
        assertEquals(5, s.d()[0].length);
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                double direct = t.discriminate(new double[][] {{xs[i], ys[j]}})[0];
                assertEquals(direct, s.d()[j][i], EXACT, "d[" + j + "][" + i + "] = D(xs[" + i + "], ys[" + j + "])");
            }
        }
        assertEquals(100, s.fakes().length);
        assertEquals(2, s.fakes()[0].length);
    }

    @Test
    void takingSnapshotsChangesNeitherTrainingNorSamples() {
        GanConfig c = GanConfig.fourGaussians().toBuilder().epochs(30).historyEvery(10).build();
        Trainer plain = new Trainer(c, fourGaussians());
        Trainer watched = new Trainer(c, fourGaussians());
        plain.train(30);
        Snapshot first = null;
        for (int i = 0; i < 3; i++) {
            watched.train(10);
            Snapshot s = Snapshot.of(watched, 500, Snapshot.grid(-1, 3, 7), Snapshot.grid(-1, 3, 7));
            if (i == 0) first = s;
        }
        assertEquals(plain.history(), watched.history());
        assertArrayEquals(plain.generator().parameterVector(), watched.generator().parameterVector(), 0.0);
        assertArrayEquals(plain.discriminator().parameterVector(), watched.discriminator().parameterVector(), 0.0);
        assertArrayEquals(plain.generate(50), watched.generate(50), "the trainer's own sample stream is untouched");

        // same run, same epoch: the same snapshot
        Trainer again = new Trainer(c, fourGaussians());
        again.train(10);
        Snapshot s = Snapshot.of(again, 500, Snapshot.grid(-1, 3, 7), Snapshot.grid(-1, 3, 7));
        assertArrayEquals(first.fakes(), s.fakes());
        assertArrayEquals(first.d(), s.d());
    }

    @Test
    void gridIncludesBothEnds() {
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, Snapshot.grid(-1, 1, 5), EXACT);
        assertEquals(3.0, Snapshot.grid(-3, 3, 61)[60], 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Snapshot.grid(1, 1, 5));
        assertTrue(e.getMessage().contains("hi must be greater than lo, got lo = 1.0, hi = 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Snapshot.grid(0, 1, 1));
        assertTrue(e.getMessage().contains("n must be >= 2, got 1"), e.getMessage());
    }

    @Test
    void badInputIsNamed() {
        Trainer oneD = new Trainer(GanConfig.normal().toBuilder().epochs(1).build(), Datasets.standardNormal(100, new Rng(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Snapshot.of(oneD, 10, Snapshot.grid(0, 1, 3), Snapshot.grid(0, 1, 3)));
        assertTrue(e.getMessage().contains("2-D data") && e.getMessage().contains("has 1 dimensions"), e.getMessage());
        Trainer t = new Trainer(GanConfig.fourGaussians().toBuilder().epochs(1).build(), fourGaussians());
        e = assertThrows(IllegalArgumentException.class, () -> Snapshot.of(t, 10, new double[] {0, 2, 1}, Snapshot.grid(0, 1, 3)));
        assertTrue(e.getMessage().contains("xs must increase, got 1.0 after 2.0 at index 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Snapshot.of(t, 0, Snapshot.grid(0, 1, 3), Snapshot.grid(0, 1, 3)));
        assertTrue(e.getMessage().contains("fakes must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Snapshot.of(t, 10, Snapshot.grid(0, 1, 3), new double[] {0}));
        assertTrue(e.getMessage().contains("ys must have at least 2 values, got 1"), e.getMessage());
    }
}

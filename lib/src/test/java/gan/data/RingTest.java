package gan.data;

import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import org.junit.jupiter.api.Test;

/** The ring of eight Gaussians of Metz et al. (2017): radius 2, std 0.02, equal weights. */
class RingTest {
    /** Sample std of ~12,500 draws per mode: several standard errors of 0.02 (0.02/√(2·12,500) ≈ 1.3e-4). */
    static final double STD_TOL = 1e-3;
    /** Share of points per mode, 100,000 draws: several standard errors (√(⅛·⅞/n) ≈ 0.001). */
    static final double SHARE_TOL = 0.006;

    @Test
    void meansAreEvenlySpacedOnTheCircle() {
        double[][] m = Datasets.RING.means();
        assertEquals(8, m.length);
        assertEquals(Datasets.RING_MODES, Datasets.RING.components());
        for (int j = 0; j < 8; j++) {
            assertEquals(2, Math.hypot(m[j][0], m[j][1]), EXACT, "radius of mode " + j);
            assertEquals(2 * Math.PI * j / 8, (Math.atan2(m[j][1], m[j][0]) + 2 * Math.PI) % (2 * Math.PI), EXACT, "angle of mode " + j);
            double[] n = m[(j + 1) % 8];
            assertEquals(4 * Math.sin(Math.PI / 8), Math.hypot(m[j][0] - n[0], m[j][1] - n[1]), EXACT);   // 1.53
        }
        assertArrayEquals(new double[] {0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02}, Datasets.RING.stds(), 0.0);
        assertEquals(0.125, Datasets.RING.weights()[3], 0.0);
    }

    @Test
    void samplesSitOnTheirModesWithTheStd() {
        double[][] x = Datasets.ring(100_000, new Rng(5));
        double[][] m = Datasets.RING.means();
        int[] count = new int[8];
        double[] ss = new double[8];
        for (double[] p : x) {
            int best = 0;
            for (int j = 1; j < 8; j++) {
                if (Math.hypot(p[0] - m[j][0], p[1] - m[j][1]) < Math.hypot(p[0] - m[best][0], p[1] - m[best][1])) best = j;
            }
            count[best]++;
            ss[best] += Math.pow(p[0] - m[best][0], 2) + Math.pow(p[1] - m[best][1], 2);
        }
        for (int j = 0; j < 8; j++) {
            assertEquals(0.125, count[j] / 100_000.0, SHARE_TOL, "share of mode " + j);
            assertEquals(0.02, Math.sqrt(ss[j] / (2 * count[j])), STD_TOL, "std of mode " + j);
        }
        // reproducible: the same seed gives the same points
        assertArrayEquals(x[17], Datasets.ring(100_000, new Rng(5))[17], 0.0);
    }

    @Test
    void badRingsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.ring(0, 2, 0.02));
        assertTrue(e.getMessage().contains("modes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.ring(8, -1, 0.02));
        assertTrue(e.getMessage().contains("radius") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.ring(8, 2, 0));
        assertTrue(e.getMessage().contains("std"), e.getMessage());
    }
}

package gan.nn;

import static gan.Tolerances.EXACT;
import static gan.Tolerances.EXACT_LONG;
import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class InitializerTest {
    /** The variance of 60,000 uniform draws, relative: standard error √(4/5) / √n ≈ 0.0037; about five of them. */
    static final double VARIANCE_REL = 0.02;

    @Test
    void xavierUniformHasTheGlorotBoundAndVariance() {
        DMatrixRMaj w = new DMatrixRMaj(300, 200);
        Initializer.xavierUniform().fill(w, 200, 300, new Rng(1));
        double a = Math.sqrt(6.0 / 500), sum2 = 0;
        for (double v : w.data) {
            assertTrue(Math.abs(v) <= a);
            sum2 += v * v;
        }
        double variance = sum2 / w.data.length;                      // expected a²/3 = 2/(fanIn+fanOut)
        assertEquals(2.0 / 500, variance, VARIANCE_REL * 2.0 / 500);
    }

    @Test
    void biasFansFollowTensorFlow() {
        Dense layer = new Dense("L", 1, 8, Activation.RELU, Initializer.xavierUniform(), Initializer.xavierUniform(), new Rng(3));
        double bound = Math.sqrt(3.0 / 8);                             // fanIn = fanOut = 8 for a bias of 8
        for (double v : layer.bias().value().data) assertTrue(Math.abs(v) <= bound);
    }

    @Test
    void orthogonalWithGainForTallAndWideShapes() {
        for (int[] shape : new int[][] {{128, 10}, {2, 128}, {128, 128}, {1, 8}}) {
            DMatrixRMaj w = new DMatrixRMaj(shape[0], shape[1]);
            Initializer.orthogonal(1.4).fill(w, shape[1], shape[0], new Rng(9));
            boolean tall = shape[0] >= shape[1];
            DMatrixRMaj g = tall ? new DMatrixRMaj(shape[1], shape[1]) : new DMatrixRMaj(shape[0], shape[0]);
            if (tall) CommonOps_DDRM.multTransA(w, w, g);
            else CommonOps_DDRM.multTransB(w, w, g);
            for (int i = 0; i < g.numRows; i++) {
                for (int j = 0; j < g.numCols; j++) {
                    assertEquals(i == j ? 1.96 : 0.0, g.get(i, j), EXACT_LONG, "Gram matrix of " + shape[0] + "×" + shape[1]);
                }
            }
        }
    }

    @Test
    void sameSeedSameWeights() {
        DMatrixRMaj a = new DMatrixRMaj(10, 128), b = new DMatrixRMaj(10, 128);
        Initializer.orthogonal(1.4).fill(a, 128, 10, new Rng(4));
        Initializer.orthogonal(1.4).fill(b, 128, 10, new Rng(4));
        for (int i = 0; i < a.data.length; i++) assertEquals(a.data[i], b.data[i], 0.0);
    }

    @Test
    void namesRoundTripAndBadNamesAreExplained() {
        for (Initializer i : new Initializer[] {Initializer.zeros(), Initializer.xavierUniform(), Initializer.normal(0.02), Initializer.orthogonal(1.4)}) {
            assertEquals(i.toString(), Initializer.parse(i.toString()).toString());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializer.parse("he"));
        assertTrue(e.getMessage().contains("'he'") && e.getMessage().contains("orthogonal(gain)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Initializer.orthogonal(-1));
        assertTrue(e.getMessage().contains("gain") && e.getMessage().contains("-1"), e.getMessage());
        DMatrixRMaj z = new DMatrixRMaj(2, 2);
        z.fill(3);
        Initializer.zeros().fill(z, 2, 2, new Rng(1));
        assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(z), EXACT);
    }
}

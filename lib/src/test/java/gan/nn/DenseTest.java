package gan.nn;

import static gan.Tolerances.*;
import static org.junit.jupiter.api.Assertions.*;

import gan.GradientCheck;
import gan.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class DenseTest {

    static double[][] random(int rows, int cols, Rng rng) {
        double[][] a = new double[rows][cols];
        for (double[] r : a) for (int j = 0; j < cols; j++) r[j] = rng.nextGaussian();
        return a;
    }

    static DMatrixRMaj matrix(double[][] rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows.length, cols);
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, m.data, i * cols, cols);
        return m;
    }

    @Test
    void forwardAndBackwardAgreeWithEjml() {
        Rng rng = new Rng(5);
        int[][] shapes = {{1, 8}, {8, 4}, {4, 1}, {10, 128}, {128, 2}, {3, 5}};
        for (int[] s : shapes) {
            int in = s[0], out = s[1], batch = 37;
            Dense layer = new Dense("L", in, out, Activation.TANH, Initializer.xavierUniform(), Initializer.normal(0.1), rng);
            double[][] x = random(in, batch + 3, rng);                 // rows longer than the batch: only 37 used
            double[][] y = layer.forward(x, batch, true);
            DMatrixRMaj X = matrix(x, batch), W = layer.weight().value(), Z = new DMatrixRMaj(out, batch);
            CommonOps_DDRM.mult(W, X, Z);                               // Z = W·X
            for (int o = 0; o < out; o++) for (int j = 0; j < batch; j++) Z.add(o, j, layer.bias().value().get(o, 0));
            for (int o = 0; o < out; o++) for (int j = 0; j < batch; j++) {
                assertEquals(Math.tanh(Z.get(o, j)), y[o][j], EXACT, "Y at " + o + "," + j + " for " + in + "→" + out);
            }
            double[][] dy = random(out, batch, rng);
            double[][] dx = layer.backward(dy, true, true);
            DMatrixRMaj dZ = new DMatrixRMaj(out, batch);
            for (int o = 0; o < out; o++) for (int j = 0; j < batch; j++) dZ.set(o, j, dy[o][j] * (1 - y[o][j] * y[o][j]));
            DMatrixRMaj dW = new DMatrixRMaj(out, in), dX = new DMatrixRMaj(in, batch);
            CommonOps_DDRM.multTransB(dZ, X, dW);                       // dW = dZ·Xᵀ
            CommonOps_DDRM.multTransA(W, dZ, dX);                       // dX = Wᵀ·dZ
            for (int i = 0; i < dW.getNumElements(); i++) assertEquals(dW.data[i], layer.weight().grad().data[i], EXACT, "dW");
            DMatrixRMaj db = CommonOps_DDRM.sumRows(dZ, null);          // (out × 1)
            for (int o = 0; o < out; o++) assertEquals(db.get(o, 0), layer.bias().grad().get(o, 0), EXACT, "db");
            for (int k = 0; k < in; k++) for (int j = 0; j < batch; j++) assertEquals(dX.get(k, j), dx[k][j], EXACT, "dX");
        }
    }

    /** L = Σ C ⊙ f(W·X + b) for a fixed random C; its gradients by central differences. */
    @Test
    void gradientsMatchCentralDifferencesForEveryActivation() {
        for (Activation f : Activation.values()) {
            Rng rng = new Rng(11);
            int in = 3, out = 4, batch = 6;
            Dense layer = new Dense("L", in, out, f, Initializer.normal(0.7), Initializer.normal(0.7), rng);
            double[][] x = random(in, batch, rng), c = random(out, batch, rng);
            layer.forward(x, batch, true);
            double[][] dx = layer.backward(c, true, true);
            double[] dW = layer.weight().grad().data.clone(), db = layer.bias().grad().data.clone();
            GradientCheck.assertGradient(dW, GradientCheck.gradient(w -> loss(layer, x, c, batch), layer.weight().value().data), f + " dW");
            GradientCheck.assertGradient(db, GradientCheck.gradient(b -> loss(layer, x, c, batch), layer.bias().value().data), f + " db");
            for (int k = 0; k < in; k++) {
                GradientCheck.assertGradient(dx[k], GradientCheck.gradient(row -> loss(layer, x, c, batch), x[k]), f + " dX[" + k + "]");
            }
        }
    }

    private static double loss(Dense layer, double[][] x, double[][] c, int batch) {
        double[][] y = layer.forward(x, batch, true);
        double s = 0;
        for (int o = 0; o < y.length; o++) for (int j = 0; j < batch; j++) s += c[o][j] * y[o][j];
        return s;
    }

    @Test
    void wrongShapesAreNamed() {
        Dense layer = new Dense("D.1", 2, 3, Activation.RELU, Initializer.zeros(), Initializer.zeros(), new Rng(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layer.forward(new double[3][4], 4, true));
        assertTrue(e.getMessage().contains("D.1.W") && e.getMessage().contains("takes 2") && e.getMessage().contains("got 3"), e.getMessage());
        layer.forward(new double[2][4], 4, true);
        e = assertThrows(IllegalArgumentException.class, () -> layer.backward(new double[2][4], true, true));
        assertTrue(e.getMessage().contains("3 rows") && e.getMessage().contains("got 2 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dense("X", 0, 3, Activation.RELU, Initializer.zeros(), Initializer.zeros(), new Rng(1)));
        assertTrue(e.getMessage().contains("0 → 3"), e.getMessage());
    }

    @Test
    void workRowsAreReusedForSameOrSmallerBatches() {
        Dense layer = new Dense("L", 2, 3, Activation.RELU, Initializer.xavierUniform(), Initializer.zeros(), new Rng(2));
        double[][] y1 = layer.forward(new double[2][200], 200, true);
        double[][] y2 = layer.forward(new double[2][200], 150, true);
        assertSame(y1, y2);
    }
}

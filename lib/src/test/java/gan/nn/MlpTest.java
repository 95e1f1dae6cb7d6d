package gan.nn;

import static gan.Tolerances.*;
import static org.junit.jupiter.api.Assertions.*;

import gan.GradientCheck;
import gan.Rng;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MlpTest {

    /** L = Σ C ⊙ output; every parameter's gradient against central differences, for deep nets. */
    @Test
    void fullNetworkGradientsMatchCentralDifferences() {
        Activation[][] pairs = {{Activation.TANH, Activation.SIGMOID}, {Activation.LEAKY_RELU, Activation.LINEAR},
                {Activation.RELU, Activation.TANH}, {Activation.SIGMOID, Activation.LEAKY_RELU}};
        for (Activation[] p : pairs) {
            Rng rng = new Rng(21);
            Mlp net = new Mlp("N", Mlp.Spec.of(p[0], p[1], 3, 5, 4, 2), Initializer.normal(0.8), Initializer.normal(0.3), rng);
            int batch = 7;
            double[][] x = DenseTest.random(3, batch, rng), c = DenseTest.random(2, batch, rng);
            net.forward(x, batch);
            net.backward(c, false);
            double[] analytic = net.gradientVector();
            GradientCheck.assertGradient(analytic, GradientCheck.parameterGradient(net, () -> loss(net, x, c, batch)), p[0] + "/" + p[1]);
        }
    }

    private static double loss(Mlp net, double[][] x, double[][] c, int batch) {
        double[][] y = net.forward(x, batch);
        double s = 0;
        for (int o = 0; o < y.length; o++) for (int j = 0; j < batch; j++) s += c[o][j] * y[o][j];
        return s;
    }

    @Test
    void logitsSkipOnlyTheOutputActivation() {
        Mlp d = new Mlp("D", Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 1, 8, 1), Initializer.xavierUniform(), Initializer.xavierUniform(), new Rng(1));
        double[][] x = {{-1.5, 0, 0.3, 2}};
        double[] logits = d.forwardLogits(x, 4)[0].clone();
        double[] probs = d.forward(x, 4)[0];
        for (int j = 0; j < 4; j++) assertEquals(Activation.sigmoid(logits[j]), probs[j], EXACT);
    }

    @Test
    void matrixFormTakesSamplesAsColumns() {
        Mlp g = new Mlp("G", Mlp.Spec.of(Activation.RELU, Activation.LINEAR, 8, 4, 1), Initializer.xavierUniform(), Initializer.xavierUniform(), new Rng(2));
        DMatrixRMaj z = new DMatrixRMaj(8, 5);
        DMatrixRMaj out = g.forward(z);
        assertEquals(1, out.numRows);
        assertEquals(5, out.numCols);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.forward(new DMatrixRMaj(5, 8)));
        assertTrue(e.getMessage().contains("takes 8 rows") && e.getMessage().contains("5×8"), e.getMessage());
    }

    @Test
    void specValidatesAndPrints() {
        assertEquals("1-8-1 (relu, sigmoid)", Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 1, 8, 1).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 1, 0, 1));
        assertTrue(e.getMessage().contains("sizes[1]") && e.getMessage().contains("got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 3));
        assertEquals(Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 1, 8, 1), Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 1, 8, 1));
    }

    @Test
    void parameterVectorRoundTrips() {
        Mlp g = new Mlp("G", Mlp.Spec.of(Activation.RELU, Activation.LINEAR, 10, 128, 2), Initializer.orthogonal(1.4), Initializer.zeros(), new Rng(3));
        assertEquals(10 * 128 + 128 + 128 * 2 + 2, g.parameterCount());
        double[] v = g.parameterVector();
        v[5] += 1;
        g.setParameterVector(v);
        assertArrayEquals(v, g.parameterVector(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.setParameterVector(new double[3]));
        assertTrue(e.getMessage().contains("1666") && e.getMessage().contains("got 3"), e.getMessage());
    }
}

package gan.optim;

import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.*;

import gan.nn.Param;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Two steps on a 2×2 parameter, w = [[1, 2], [3, 4]], lr = 0.1, with gradients g1 = [[1, −2], [0.5, 0]]
 * then g2 = [[0.5, 0.5], [−1, 2]]. The expected numbers were worked out by hand from each update rule
 * (see the comments), not by running this code.
 */
class OptimizerTest {
    static final double[] W0 = {1, 2, 3, 4};
    static final double[] G1 = {1, -2, 0.5, 0};
    static final double[] G2 = {0.5, 0.5, -1, 2};

    private static double[][] twoSteps(BiFunction<List<Param>, Double, Optimizer> make) {
        Param p = Param.zeros("w", 2, 2);
        System.arraycopy(W0, 0, p.value().data, 0, 4);
        Optimizer o = make.apply(List.of(p), 0.1);
        System.arraycopy(G1, 0, p.grad().data, 0, 4);
        o.step();
        double[] after1 = p.value().data.clone();
        System.arraycopy(G2, 0, p.grad().data, 0, 4);
        o.step();
        assertEquals(2, o.steps());
        return new double[][] {after1, p.value().data.clone()};
    }

    @Test
    void sgd() {
        double[][] w = twoSteps(Sgd::new);
        assertArrayEquals(new double[] {0.9, 2.2, 2.95, 4.0}, w[0], EXACT);      // w − 0.1·g1
        assertArrayEquals(new double[] {0.85, 2.15, 3.05, 3.8}, w[1], EXACT);    // − 0.1·g2
    }

    @Test
    void momentum() {
        double[][] w = twoSteps(Momentum::new);
        assertArrayEquals(new double[] {0.9, 2.2, 2.95, 4.0}, w[0], EXACT);      // v = g1
        assertArrayEquals(new double[] {0.76, 2.33, 3.005, 3.8}, w[1], EXACT);   // v = 0.9·g1 + g2
    }

    @Test
    void rmsProp() {
        double[][] w = twoSteps(RmsProp::new);
        // s1 = 0.1·g1², w1 = w − 0.1·g1/(√s1 + 1e-8): each nonzero entry moves by 0.1/√0.1 = 0.316…
        assertArrayEquals(new double[] {0.6837722439831617, 2.316227761016838, 2.683772253983161, 4.0}, w[0], EXACT);
        assertArrayEquals(new double[] {0.5363302921760906, 2.2356454659130014, 2.969486531534182, 3.683772238983162}, w[1], EXACT);
    }

    @Test
    void adamWithTensorFlowDefaults() {
        double[][] w = twoSteps(Adam::new);
        // step 1: m = 0.1·g, v = 0.001·g², lr_1 = 0.1·√0.001/0.1: every nonzero entry moves by ≈ lr = 0.1
        assertArrayEquals(new double[] {0.9000000316227666, 2.099999984188614, 2.900000063245513, 4.0}, w[0], EXACT);
        assertArrayEquals(new double[] {0.8067820941181935, 2.1469467941046996, 2.9366104055930933, 3.925586329409136}, w[1], EXACT);
    }

    /** One sign convention: every optimizer descends, so a quadratic loss falls. */
    @Test
    void everyOptimizerDescendsAQuadratic() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            Param p = Param.zeros("w", 1, 2);
            p.value().data[0] = 3;
            p.value().data[1] = -2;
            Optimizer o = kind.create(List.of(p), 0.01);
            double before = loss(p);
            for (int i = 0; i < 50; i++) {
                p.grad().data[0] = 2 * p.value().data[0];                 // ∇ of w0² + w1²
                p.grad().data[1] = 2 * p.value().data[1];
                o.step();
            }
            assertTrue(loss(p) < before, kind + " did not descend: " + before + " → " + loss(p));
        }
    }

    private static double loss(Param p) {
        return p.value().data[0] * p.value().data[0] + p.value().data[1] * p.value().data[1];
    }

    @Test
    void stateRestoresAndResetForgets() {
        Param a = Param.zeros("w", 1, 1), b = Param.zeros("w", 1, 1);
        Adam oa = new Adam(List.of(a), 0.1), ob = new Adam(List.of(b), 0.1);
        a.grad().data[0] = 1;
        oa.step();
        ob.restore(oa.state());
        b.value().data[0] = a.value().data[0];
        a.grad().data[0] = b.grad().data[0] = -0.5;
        oa.step();
        ob.step();
        assertEquals(a.value().data[0], b.value().data[0], 0.0);
        oa.reset();
        assertEquals(0, oa.steps());
        assertEquals(0.0, oa.state().slots()[0][0][0]);
    }

    @Test
    void badHyperparametersAreNamed() {
        List<Param> ps = List.of(Param.zeros("w", 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(ps, -0.1));
        assertTrue(e.getMessage().contains("learningRate") && e.getMessage().contains("-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Momentum(ps, 0.1, 1.0));
        assertTrue(e.getMessage().contains("momentum") && e.getMessage().contains("[0, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("adagrad"));
        assertTrue(e.getMessage().contains("adagrad") && e.getMessage().contains("rmsprop"), e.getMessage());
        assertEquals("Adam(lr=0.1, beta1=0.9, beta2=0.999, epsilon=1.0E-8)", new Adam(ps, 0.1).toString());
    }
}

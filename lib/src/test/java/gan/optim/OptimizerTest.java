package gan.optim;

import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.*;

import gan.nn.Param;
import java.util.List;
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

    private static double[][] twoSteps(OptimizerKind kind) {
        Param p = Param.zeros("w", 2, 2);
        System.arraycopy(W0, 0, p.value().data, 0, 4);
        Optimizer o = OptimizerSpec.of(kind, 0.1).create(List.of(p));
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
        double[][] w = twoSteps(OptimizerKind.SGD);
        assertArrayEquals(new double[] {0.9, 2.2, 2.95, 4.0}, w[0], EXACT);      // w − 0.1·g1
        assertArrayEquals(new double[] {0.85, 2.15, 3.05, 3.8}, w[1], EXACT);    // − 0.1·g2
    }

    @Test
    void momentum() {
        double[][] w = twoSteps(OptimizerKind.MOMENTUM);
        assertArrayEquals(new double[] {0.9, 2.2, 2.95, 4.0}, w[0], EXACT);      // v = g1
        assertArrayEquals(new double[] {0.76, 2.33, 3.005, 3.8}, w[1], EXACT);   // v = 0.9·g1 + g2
    }

    @Test
    void rmsProp() {
        double[][] w = twoSteps(OptimizerKind.RMSPROP);
        // s1 = 0.1·g1², w1 = w − 0.1·g1/(√s1 + 1e-8): each nonzero entry moves by 0.1/√0.1 = 0.316…
        assertArrayEquals(new double[] {0.6837722439831617, 2.316227761016838, 2.683772253983161, 4.0}, w[0], EXACT);
        assertArrayEquals(new double[] {0.5363302921760906, 2.2356454659130014, 2.969486531534182, 3.683772238983162}, w[1], EXACT);
    }

    @Test
    void adamWithTensorFlowDefaults() {
        double[][] w = twoSteps(OptimizerKind.ADAM);
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
            Optimizer o = OptimizerSpec.of(kind, 0.01).create(List.of(p));
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
        Optimizer oa = OptimizerSpec.adam(0.1).create(List.of(a)), ob = OptimizerSpec.adam(0.1).create(List.of(b));
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

    /** Each number is checked once, where the spec is made; each message names the parameter, the value and what is allowed. */
    @Test
    void badHyperparametersAreNamedOnceBySpec() {
        OptimizerSpec adam = OptimizerSpec.adam(0.1);
        assertEquals("learningRate must be a positive finite number, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.adam(-0.1)).getMessage());
        assertEquals("learningRate must be a positive finite number, got NaN",
                assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.of(OptimizerKind.SGD, Double.NaN)).getMessage());
        assertEquals("momentum must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> new OptimizerSpec(OptimizerKind.MOMENTUM, 0.1, 0.9, 0.999, 0.9, 1.0, 1e-8)).getMessage());
        assertEquals("beta1 must be in [0, 1), got -0.5", assertThrows(IllegalArgumentException.class,
                () -> new OptimizerSpec(OptimizerKind.ADAM, 0.1, -0.5, 0.999, 0.9, 0.9, 1e-8)).getMessage());
        assertEquals("beta2 must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> new OptimizerSpec(OptimizerKind.ADAM, 0.1, 0.9, 1.0, 0.9, 0.9, 1e-8)).getMessage());
        assertEquals("rho must be in [0, 1), got NaN", assertThrows(IllegalArgumentException.class,
                () -> new OptimizerSpec(OptimizerKind.RMSPROP, 0.1, 0.9, 0.999, Double.NaN, 0.9, 1e-8)).getMessage());
        assertEquals("epsilon must be a positive finite number, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new OptimizerSpec(OptimizerKind.ADAM, 0.1, 0.9, 0.999, 0.9, 0.9, 0)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("adagrad"));
        assertTrue(e.getMessage().contains("adagrad") && e.getMessage().contains("rmsprop"), e.getMessage());
        List<Param> ps = List.of(Param.zeros("w", 1, 1));
        assertEquals("Adam(lr=0.1, beta1=0.9, beta2=0.999, epsilon=1.0E-8)", adam.create(ps).toString());
        assertEquals(adam, OptimizerSpec.adam(0.1), "specs compare by value");
        assertEquals(adam, adam.withKind(OptimizerKind.SGD).withKind(OptimizerKind.ADAM));
        assertEquals(0.01, adam.withLearningRate(0.01).create(ps).learningRate());
        assertSame(adam, adam.create(ps).spec());
    }
}

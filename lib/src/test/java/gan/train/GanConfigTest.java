package gan.train;

import static org.junit.jupiter.api.Assertions.*;

import gan.nn.Activation;
import gan.nn.Initializer;
import gan.nn.Mlp;
import gan.optim.OptimizerKind;
import gan.optim.OptimizerSpec;
import org.junit.jupiter.api.Test;

class GanConfigTest {
    @Test
    void configurationsCompareByValue() {
        assertEquals(GanConfig.normal(), GanConfig.normal());
        assertEquals(GanConfig.normal().hashCode(), GanConfig.normal().hashCode());
        assertEquals(GanConfig.fourGaussians(), GanConfig.fourGaussians());
        assertNotEquals(GanConfig.normal(), GanConfig.fourGaussians());
        assertEquals(GanConfig.normal(), GanConfig.normal().toBuilder().build(), "an unchanged builder gives an equal configuration");
        assertNotEquals(GanConfig.normal(), GanConfig.normal().toBuilder().seed(2).build());
        assertNotEquals(GanConfig.normal(), GanConfig.normal().toBuilder().init(Initializer.zeros(), Initializer.zeros()).build());
        assertEquals(GanConfig.normal().toBuilder().k(3).epochs(7).build(), GanConfig.normal().toBuilder().epochs(7).k(3).build());
        assertEquals(GanConfig.normal(), GanConfig.example("normal"));
        assertEquals(GanConfig.fourGaussians(), GanConfig.example("four-gaussians"));
    }

    @Test
    void theLecturesDefaults() {
        GanConfig n = GanConfig.normal();
        assertEquals("1-8-1", n.networks().discriminator().shape());
        assertEquals("8-4-1", n.networks().generator().shape());
        assertEquals(new GanConfig.Algorithm(Noise.UNIFORM, 2, Schedule.LECTURE, 5, 10_000, GeneratorLoss.NON_SATURATING), n.algorithm());
        assertEquals(new GanConfig.Optimizers(OptimizerSpec.adam(1e-4), OptimizerSpec.adam(1e-4)), n.optimizers());
        assertEquals(new GanConfig.Monitoring(100, 50), n.monitoring());
        assertEquals(new GanConfig.Monitoring(500, 20), GanConfig.fourGaussians().monitoring());
    }

    @Test
    void optimizerKindAndLearningRateChangeInEitherOrder() {
        GanConfig a = GanConfig.normal().toBuilder().optimizer(OptimizerKind.MOMENTUM).learningRate(1e-3).build();
        GanConfig b = GanConfig.normal().toBuilder().learningRate(1e-3).optimizer(OptimizerKind.MOMENTUM).build();
        assertEquals(a, b);
        assertEquals(OptimizerSpec.of(OptimizerKind.MOMENTUM, 1e-3), a.optimizers().discriminator());
        GanConfig two = GanConfig.normal().toBuilder().optimizers(OptimizerKind.ADAM, OptimizerKind.SGD).learningRates(1e-4, 1e-2).build();
        assertEquals(OptimizerSpec.adam(1e-4), two.optimizers().discriminator());
        assertEquals(OptimizerSpec.of(OptimizerKind.SGD, 1e-2), two.optimizers().generator());
    }

    /** One check per value, where its record is made, with one message. */
    @Test
    void eachValueIsCheckedOnceWhereItIsMade() {
        GanConfig.Builder b = GanConfig.normal().toBuilder();
        assertEquals("k must be >= 1, got 0", assertThrows(IllegalArgumentException.class, () -> b.k(0).build()).getMessage());
        GanConfig.Builder e = GanConfig.normal().toBuilder();
        assertEquals("epochs must be >= 1, got 0", assertThrows(IllegalArgumentException.class, () -> e.epochs(0).build()).getMessage());
        assertEquals("historyEvery must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new GanConfig.Monitoring(0, 50)).getMessage());
        assertEquals("learningRate must be a positive finite number, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> GanConfig.normal().toBuilder().learningRate(-1).build()).getMessage());
        assertEquals("D must have exactly 1 output (a probability), got 1-8-2", assertThrows(IllegalArgumentException.class,
                () -> GanConfig.normal().toBuilder().discriminator(Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 1, 8, 2)).build()).getMessage());
        assertEquals("example must be normal or four-gaussians, got 'cauchy'",
                assertThrows(IllegalArgumentException.class, () -> GanConfig.example("cauchy")).getMessage());
    }
}

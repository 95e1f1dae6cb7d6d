package gan;

import static gan.Asserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gan.nn.Activation;
import gan.optim.OptimizerKind;
import gan.train.GeneratorLoss;
import gan.train.Noise;
import gan.train.Schedule;
import org.junit.jupiter.api.Test;

/** Check.oneOf, the one parser of the enums' names. */
class CheckTest {

    @Test
    void oneOfTakesTheLabelOrTheJavaNameTrimmedInAnyCase() {
        assertEquals(Activation.LEAKY_RELU, Activation.parse(" Leaky-ReLU "));
        assertEquals(Activation.LEAKY_RELU, Activation.parse("leaky_relu"));
        assertEquals(OptimizerKind.RMSPROP, OptimizerKind.parse("RMSProp"));
        assertEquals(Noise.GAUSSIAN, Noise.parse("gaussian"));
        assertEquals(Schedule.GENERATOR_HEAVY, Schedule.parse("generator_heavy"));
        assertEquals(GeneratorLoss.NON_SATURATING, GeneratorLoss.parse("non-saturating"));
        assertEquals(GeneratorLoss.NON_SATURATING, GeneratorLoss.parse("NON_SATURATING"));
    }

    @Test
    void oneOfNamesWhatItParsesTheAllowedLabelsAndTheValue() {
        assertMessage(() -> Noise.parse("normal"), "noise must be one of uniform, gaussian; got 'normal'");
        assertMessage(() -> Schedule.parse("k"), "schedule must be one of lecture, paper, generator_heavy; got 'k'");
        assertMessage(() -> GeneratorLoss.parse("wgan"), "generator loss must be one of saturating, non-saturating; got 'wgan'");
        assertMessage(() -> OptimizerKind.parse("adagrad"), "optimizer must be one of sgd, momentum, rmsprop, adam");
        assertMessage(() -> Activation.parse(null), "activation must not be null");
    }
}

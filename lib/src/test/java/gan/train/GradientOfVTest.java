package gan.train;

import static org.junit.jupiter.api.Assertions.*;

import gan.GradientCheck;
import gan.Rng;
import gan.nn.Mlp;
import org.junit.jupiter.api.Test;

/**
 * The gradients the trainer actually applies (its own discriminatorGradients and generatorGradients),
 * against central differences of the losses, for the lecture's two architectures.
 */
class GradientOfVTest {

    @Test
    void example1() {
        check(GanConfig.normal(), 1);
    }

    @Test
    void example2() {
        check(GanConfig.fourGaussians().withInit(gan.nn.Initializer.orthogonal(1.4), gan.nn.Initializer.normal(0.1)), 2);
    }

    private static void check(GanConfig base, int dim) {
        for (GeneratorLoss loss : GeneratorLoss.values()) {
            GanConfig config = base.withGeneratorLoss(loss);
            Rng rng = new Rng(17);
            double[][] realRows = new double[20][dim];
            for (double[] r : realRows) for (int j = 0; j < dim; j++) r[j] = rng.nextGaussian();
            Trainer t = new Trainer(config, realRows);
            int m = 6;
            double[][] x = new double[dim][m], z = new double[config.noiseDim()][m];
            for (double[] r : x) for (int j = 0; j < m; j++) r[j] = rng.nextGaussian();
            for (double[] r : z) for (int j = 0; j < m; j++) r[j] = rng.uniform(-1, 1);

            // ∇θd of D-loss = −V
            t.discriminatorGradients(x, z, m);
            Mlp d = t.discriminator();
            compare(d, () -> {
                double[] l = t.discriminatorGradients(x, z, m);
                return Losses.discriminatorLoss(l, m, m);
            }, "D (" + loss + ")");

            // ∇θg of the generator loss, through D
            double[] dBefore = d.gradientVector();
            t.generatorGradients(z, m);
            assertArrayEquals(dBefore, d.gradientVector(), 0.0, "a G step must not touch D's gradients");
            Mlp g = t.generator();
            compare(g, () -> Losses.generatorLoss(loss, t.generatorGradients(z, m).clone(), m), "G (" + loss + ")");
        }
    }

    private static void compare(Mlp net, java.util.function.DoubleSupplier loss, String what) {
        loss.getAsDouble();
        GradientCheck.assertGradient(net.gradientVector(), GradientCheck.parameterGradient(net, loss), what);
    }
}

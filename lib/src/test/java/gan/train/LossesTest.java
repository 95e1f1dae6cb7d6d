package gan.train;

import static gan.Tolerances.*;
import static org.junit.jupiter.api.Assertions.*;

import gan.GradientCheck;
import gan.nn.Activation;
import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void lossesEqualTheTextbookFormulasForModerateLogits() {
        double[] l = {-2.5, -0.3, 0.0, 0.7, 3.1, 1.2};                // 3 real then 3 fake
        double dLoss = 0, ns = 0, sat = 0;
        for (int i = 0; i < 3; i++) dLoss -= Math.log(Activation.sigmoid(l[i])) / 3;
        for (int i = 3; i < 6; i++) {
            double d = Activation.sigmoid(l[i]);
            dLoss -= Math.log(1 - d) / 3;
            ns -= Math.log(d) / 3;
            sat += Math.log(1 - d) / 3;
        }
        double[] fake = {0.7, 3.1, 1.2};
        assertEquals(dLoss, Losses.discriminatorLoss(l, 3, 3), EXACT);
        assertEquals(ns, Losses.generatorLoss(GeneratorLoss.NON_SATURATING, fake, 3), EXACT);
        assertEquals(sat, Losses.generatorLoss(GeneratorLoss.SATURATING, fake, 3), EXACT);
    }

    @Test
    void gradientsMatchCentralDifferences() {
        double[] l = {-2.5, -0.3, 0.4, 0.7, 3.1, -1.2};
        double[] g = new double[6];
        Losses.discriminatorGradient(l, 3, 3, g);
        GradientCheck.assertGradient(g, GradientCheck.gradient(x -> Losses.discriminatorLoss(x, 3, 3), l), "D-loss logits");
        for (GeneratorLoss kind : GeneratorLoss.values()) {
            double[] f = {0.7, 3.1, -1.2};
            double[] gf = new double[3];
            Losses.generatorGradient(kind, f, 3, gf);
            GradientCheck.assertGradient(gf, GradientCheck.gradient(x -> Losses.generatorLoss(kind, x, 3), f), kind + " logits");
        }
    }

    /** Where the lecture's log(sigmoid + 1e-8) is stuck at −18.42, the logit form stays exact and finite. */
    @Test
    void stableWhereTheSigmoidSaturates() {
        double[] l = {1000, -1000};
        double loss = Losses.discriminatorLoss(l, 1, 1);             // D(x) = 1 and D(G(z)) = 0: a perfect D
        assertEquals(0.0, loss, EXACT);
        double[] bad = {-1000, 1000};                                 // the worst D: −log σ(−1000) = 1000
        assertEquals(2000.0, Losses.discriminatorLoss(bad, 1, 1), EXACT);
        double[] g = new double[2];
        Losses.discriminatorGradient(bad, 1, 1, g);
        assertEquals(-1.0, g[0], EXACT);
        assertEquals(1.0, g[1], EXACT);
        assertEquals(37.0, Losses.softplus(37), ULPS);
        assertEquals(Math.log(2), Losses.softplus(0), EXACT);
    }

    /**
     * Why the lecture uses the non-saturating loss: early in training D(G(z)) ≈ 0, and there the
     * saturating loss's gradient vanishes while the non-saturating one stays near −1.
     */
    @Test
    void saturatingGradientVanishesWhenDRejectsFakes() {
        double[] l = {-8};                                           // D(G(z)) = σ(−8) ≈ 3.4e-4
        double[] sat = new double[1], ns = new double[1];
        Losses.generatorGradient(GeneratorLoss.SATURATING, l, 1, sat);
        Losses.generatorGradient(GeneratorLoss.NON_SATURATING, l, 1, ns);
        assertTrue(Math.abs(sat[0]) < 1e-3, "saturating: " + sat[0]);
        assertTrue(Math.abs(ns[0]) > 0.999, "non-saturating: " + ns[0]);
        assertEquals(-Math.log(2), GeneratorLoss.SATURATING.equilibrium(), EXACT);
        assertEquals(Math.log(2), GeneratorLoss.NON_SATURATING.equilibrium(), EXACT);
    }
}

package gan.stats;

import static gan.Tolerances.QUADRATURE;
import static org.junit.jupiter.api.Assertions.*;

import gan.GradientCheck;
import org.junit.jupiter.api.Test;

class NonSaturatingTest {
    /** Central differences of step H on O(1) integrals agree this closely (truncation ~H², rounding ~1e-16/H). */
    static final double H = 1e-4, GRADIENT = 1e-6;

    @Test
    void theLossAtTheOptimumIsKlMinusTwoJsdPlusLog4PlusTheExpectedLogOfDStarUnderTheData() {
        GaussianMixture d = GaussianMixture.normal(0, 1);
        for (GaussianMixture g : new GaussianMixture[] {GaussianMixture.normal(0, 1), GaussianMixture.normal(1, 0.8),
                GaussianMixture.normal(0, 2), GaussianMixture.normal(10, 1),
                new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{-2}, {2}}, new double[] {0.5, 0.5})}) {
            Quadrature grid = Quadrature.covering(d, g);
            double lhs = NonSaturating.lossAtOptimum(d, g, grid);
            double rhs = NonSaturating.objective(d, g, grid) + GanTheory.LOG4 + NonSaturating.expectedLogOptimalD(d, g, grid);
            assertEquals(lhs, rhs, QUADRATURE, "pair N(0,1) vs " + g);
        }
        // p_g = p_data: D* = 1/2, so the loss is log 2, KL = JSD = 0 and E[log D*] = -log 2
        Quadrature grid = Quadrature.covering(d);
        assertEquals(Math.log(2), NonSaturating.lossAtOptimum(d, d, grid), QUADRATURE);
        assertEquals(-Math.log(2), NonSaturating.expectedLogOptimalD(d, d, grid), QUADRATURE);
    }

    /** With D held at D* of θ₀, the gradient of G's loss in θ is the gradient of KL(p_g‖p_data) − 2·JSD. */
    @Test
    void withDHeldAtTheOptimumTheLossHasTheGradientOfKlMinusTwoJsd() {
        GaussianMixture d = GaussianMixture.normal(0, 1);
        double[][] thetas = {{1, 0.8}, {0.3, 1.5}, {-2, 0.5}};
        for (double[] t : thetas) {
            double mu = t[0], sigma = t[1];
            GaussianMixture g0 = GaussianMixture.normal(mu, sigma);
            Quadrature grid = Quadrature.of(-14, 14, 400);
            double[] loss = GradientCheck.gradient(th -> NonSaturating.lossAgainstOptimumOf(d, g0, GaussianMixture.normal(th[0], th[1]), grid), t.clone(), H);
            double[] obj = GradientCheck.gradient(th -> NonSaturating.objective(d, GaussianMixture.normal(th[0], th[1]), grid), t.clone(), H);
            double lossMu = loss[0], lossSigma = loss[1], objMu = obj[0], objSigma = obj[1];
            assertEquals(objMu, lossMu, GRADIENT, "d/dmu at " + mu + ", " + sigma);
            assertEquals(objSigma, lossSigma, GRADIENT, "d/dsigma at " + mu + ", " + sigma);
            assertTrue(Math.abs(objMu) > 0.01, "a gradient that is not trivially 0");
        }
    }

    @Test
    void farApartPairsStayFiniteAndAMismatchedDimensionIsRejected() {
        GaussianMixture d = GaussianMixture.normal(0, 1);
        Quadrature far = Quadrature.of(-8, 2000, 10);
        // far out the data's log density is finite (a normal never reaches 0 in log space), so the loss stays finite
        assertTrue(Double.isFinite(NonSaturating.lossAtOptimum(d, GaussianMixture.normal(50, 1), Quadrature.covering(d, GaussianMixture.normal(50, 1)))));
        assertThrows(IllegalArgumentException.class, () -> NonSaturating.lossAtOptimum(d, GaussianMixture.normal(new double[] {0, 0}, 1), far));
    }
}

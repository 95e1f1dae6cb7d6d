package gan.stats;

import static gan.Tolerances.EXACT;
import static gan.Tolerances.QUADRATURE;
import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import org.junit.jupiter.api.Test;

class AtomsAndKdeTest {
    /** A KDE of 20,000 draws of N(0, 1) is within this JSD of N(0, 1) itself (measured: about 0.0005). */
    static final double KDE_JSD = 0.003;

    /**
     * p_g = 0.3 δ(x − 1) + 0.7 N(0, 1), p_data = N(0, 1): the closed form is
     * JSD = ½ log(2/1.7) + ½ · 0.7 log(1.4/1.7) + ½ · 0.3 log 2. A plain KDE of the same sample misses most of it.
     */
    @Test
    void jsdOfANormalWithAnAtomMatchesTheClosedForm() {
        Rng rng = new Rng(3);
        double[] s = new double[20_000];
        for (int i = 0; i < s.length; i++) s[i] = i < 6_000 ? 1.0 : rng.nextGaussian();
        AtomsAndKde est = AtomsAndKde.of(s);
        assertArrayEquals(new double[] {1.0}, est.atomValues(), 0.0);
        assertEquals(0.3, est.atomMass(), EXACT);
        double exact = 0.5 * Math.log(2 / 1.7) + 0.5 * 0.7 * Math.log(1.4 / 1.7) + 0.5 * 0.3 * Math.log(2);
        GaussianMixture pData = GaussianMixture.normal(0, 1);
        assertEquals(exact, est.jsd(pData), KDE_JSD);
        assertTrue(DensityDivergences.jsd(pData, Kde.of(s)) < exact - 0.05, "a plain KDE should miss most of the atom's share");
    }

    /** Without repeated values it is the KDE's JSD. */
    @Test
    void withoutAtomsItIsThePlainKde() {
        Rng rng = new Rng(4);
        double[] s = new double[5_000];
        for (int i = 0; i < s.length; i++) s[i] = 0.5 + rng.nextGaussian();
        AtomsAndKde est = AtomsAndKde.of(s);
        assertEquals(0, est.atomMass(), 0.0);
        GaussianMixture pData = GaussianMixture.normal(0, 1);
        assertEquals(DensityDivergences.jsd(pData, Kde.of(s)), est.jsd(pData), QUADRATURE);
    }

    @Test
    void refusesTooSmallOrBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AtomsAndKde.of(new double[] {1}));
        assertTrue(e.getMessage().contains("at least 2 values, got 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AtomsAndKde.of(new double[] {1, 2, 3}, 0));
        assertTrue(e.getMessage().contains("bandwidthFactor"), e.getMessage());
    }
}

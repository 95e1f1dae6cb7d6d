package gan.finance;

import static gan.Tolerances.EXACT;
import static gan.Tolerances.ULPS;
import static gan.Tolerances.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import gan.nn.Activation;
import gan.nn.Mlp;
import gan.stats.Samples;
import org.junit.jupiter.api.Test;

/** Closed forms and known cases for the finance baselines. */
class FinanceTest {
    /** ν̂ of 20,000 draws of t₄: its standard error is about 0.15, so 0.6 is four of them. */
    static final double DF_TOLERANCE = 0.6;
    /** ρ̂(h) of 100,000 AR(1) values: standard error below 0.006 at every lag used. */
    static final double ACF_TOLERANCE = 0.02;
    /** λ(q) of 200,000 independent pairs at q = 5%: standard error about 0.002. */
    static final double TAIL_TOLERANCE = 0.01;
    /** Location and scale of that t₄ fit (σ = 2): standard errors about 0.017 and 0.013 from t₄'s Fisher information. */
    static final double LOCATION_TOLERANCE = 0.05, SCALE_TOLERANCE = 0.06;
    /** The std of 20,000 N(0, 1) draws: standard error 1/√(2n) = 0.005. */
    static final double STD_TOLERANCE = 0.03;
    /** λ of a comonotone pair is 1 but for one pair of the 10,000 below q (1e-4) at the interpolated quantile. */
    static final double COMONOTONE_TOLERANCE = 1e-3;
    /** τ̂ of 4,000 pairs: standard error below √(2(2n + 5) / (9n(n − 1))) ≈ 0.011, its value under independence. */
    static final double KENDALL_TOLERANCE = 0.02;
    /** ν̂ of a t-copula from 5,000 pairs: standard error about 0.5. */
    static final double COPULA_DF_TOLERANCE = 1.5;
    /** The mean of 50,000 draws uniform on 0 … 999: standard error 289 / √n ≈ 1.3. */
    static final double MARGIN_MEAN_TOLERANCE = 5;
    /** Bootstrap half-widths from 2,000 resamples against 1.96 standard errors, relative (more for the std). */
    static final double BOOTSTRAP_MEAN_REL = 0.15, BOOTSTRAP_STD_REL = 0.2;
    /** The tail dependence limit at ρ = 0.999999, ν = 4 is 2·t₅(−√(5·(1 − ρ)/(1 + ρ))) ≈ 1 − 0.0012. */
    static final double NEAR_ONE_TOLERANCE = 0.01;
    /** withMargins keeps the ranks but for ties among the margin's 1,000 values. */
    static final double MARGIN_TIES_TOLERANCE = 0.01;
    /** Power iteration on diag(3, 2) from the all-ones vector: the error shrinks like (2/3)^(2k). */
    static final double POWER_ITERATION = 1e-9;

    @Test
    void studentTFitRecoversDfLocationAndScale() {
        StudentT truth = new StudentT(0.1, 2, 4);
        StudentT fit = StudentT.fit(truth.sample(20_000, new Rng(1)));
        assertEquals(4, fit.df(), DF_TOLERANCE, fit.toString());
        assertEquals(0.1, fit.location(), LOCATION_TOLERANCE, fit.toString());
        assertEquals(2, fit.scale(), SCALE_TOLERANCE, fit.toString());
    }

    @Test
    void studentTFitOfNormalDataHasLargeDf() {
        Rng rng = new Rng(2);
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        StudentT fit = StudentT.fit(x);
        assertTrue(fit.df() > 30, fit.toString());
        assertEquals(1, fit.std(), STD_TOLERANCE, fit.toString());
    }

    @Test
    void studentTClosedForms() {
        StudentT t = new StudentT(0, 1, 5);
        assertEquals(9, t.kurtosis(), EXACT);                          // 3 + 6 / (5 − 4)
        assertEquals(Math.sqrt(5.0 / 3), t.std(), EXACT);
        assertEquals(Double.POSITIVE_INFINITY, new StudentT(0, 1, 3).kurtosis());
        assertEquals(-3.36493, t.quantile(0.01), printed(5));           // t₅ tables
        assertEquals(2 * 0.0150496, t.tailBeyond(3), 2 * printed(7));     // P(T₅ > 3) = 0.0150496
        assertEquals(0, new StudentT(0, 1, 1).quantile(0.5), EXACT);
        assertThrows(IllegalArgumentException.class, () -> new StudentT(0, -1, 4));
        assertThrows(IllegalArgumentException.class, () -> t.quantile(1));
    }

    @Test
    void chiSquareHasMeanDfAndVariance2Df() {
        Rng rng = new Rng(3);
        for (double df : new double[] {0.8, 4, 30}) {
            double[] v = new double[200_000];
            for (int i = 0; i < v.length; i++) v[i] = StudentT.chiSquare(df, rng);
            assertEquals(df, Samples.mean(v), 0.02 * df + 0.01, "mean, df " + df);
            assertEquals(2 * df, Math.pow(Samples.std(v, 0), 2), 0.05 * 2 * df, "variance, df " + df);
        }
    }

    @Test
    void acfOfAr1IsPhiToTheLag() {
        double phi = 0.6;
        Rng rng = new Rng(4);
        double[] x = new double[100_000];
        for (int t = 1; t < x.length; t++) x[t] = phi * x[t - 1] + rng.nextGaussian();
        double[] rho = Acf.of(x, 5);
        for (int h = 1; h <= 5; h++) assertEquals(Math.pow(phi, h), rho[h - 1], ACF_TOLERANCE, "lag " + h);
        assertEquals(Acf.Z95 / 100, Acf.band(10_000), ULPS);
    }

    @Test
    void acfOfIidNoiseStaysInItsBandMostly() {
        Rng rng = new Rng(5);
        double[] x = new double[5_000];
        for (int t = 0; t < x.length; t++) x[t] = rng.nextGaussian();
        assertTrue(Acf.outside(Acf.of(x, 100), Acf.band(x.length)) <= 12);   // 5 expected; P(> 12) < 0.5%
        assertThrows(IllegalArgumentException.class, () -> Acf.of(new double[] {1, 1, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> Acf.of(new double[] {1, 2}, 2));
    }

    @Test
    void tailDependenceOfIndependentUniformsIsQAndOfComonotoneIsOne() {
        Rng rng = new Rng(6);
        double[][] ind = new double[200_000][], same = new double[200_000][];
        for (int i = 0; i < ind.length; i++) {
            double u = rng.nextDouble();
            ind[i] = new double[] {u, rng.nextDouble()};
            same[i] = new double[] {u, u * u};
        }
        assertEquals(0.05, TailDependence.lower(ind, 0.05), TAIL_TOLERANCE);
        assertEquals(1, TailDependence.lower(same, 0.05), COMONOTONE_TOLERANCE);
        assertThrows(IllegalArgumentException.class, () -> TailDependence.lower(ind, 0.6));
    }

    @Test
    void kendallTauOfNormalPairsIsTwoOverPiArcsinRho() {
        double rho = 0.7;
        double[][] p = Shocks.correlatedNormalPairs(4_000, rho, new Rng(7));
        assertEquals(2 / Math.PI * Math.asin(rho), TailDependence.kendallTau(p), KENDALL_TOLERANCE);
    }

    @Test
    void tCopulaFitRecoversDfAndItsTailDependenceExceedsTheNormals() {
        double rho = 0.7, df = 4;
        double[][] t = TCopula.sample(5_000, rho, df, new Rng(8));
        assertEquals(df, TCopula.fitDf(t, rho), COPULA_DF_TOLERANCE);
        double[][] big = TCopula.sample(400_000, rho, df, new Rng(9));
        double[][] normal = Shocks.correlatedNormalPairs(400_000, rho, new Rng(10));
        double limit = TCopula.tailDependenceLimit(rho, df);
        assertTrue(TailDependence.lower(big, 0.01) > TailDependence.lower(normal, 0.01) + 0.05);
        assertTrue(TailDependence.lower(big, 0.001) > limit - 0.05, "λ(0.1%) vs limit " + limit);
        assertEquals(1, TCopula.tailDependenceLimit(0.999999, 4), NEAR_ONE_TOLERANCE);
    }

    @Test
    void withMarginsGivesTheMarginsDistribution() {
        double[][] t = TCopula.sample(50_000, 0.5, 4, new Rng(11));
        double[] margin = new double[1_000];
        for (int i = 0; i < margin.length; i++) margin[i] = i;          // uniform on 0 … 999
        double[][] x = TCopula.withMargins(t, 4, margin, margin);
        double[] first = Samples.column(x, 0);
        assertEquals(499.5, Samples.mean(first), MARGIN_MEAN_TOLERANCE);
        assertEquals(TailDependence.lower(t, 0.05), TailDependence.lower(x, 0.05), MARGIN_TIES_TOLERANCE);
    }

    @Test
    void bootstrapIntervalOfTheMeanMatchesItsStandardError() {
        Rng rng = new Rng(12);
        double[] x = new double[2_000];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        Bootstrap.Interval ci = bootstrapOne(x, Samples::mean, 2_000, 0.95, new Rng(13));
        double halfWidth = (ci.hi() - ci.lo()) / 2, expected = 1.96 / Math.sqrt(x.length);
        assertEquals(expected, halfWidth, BOOTSTRAP_MEAN_REL * expected);
        assertTrue(ci.contains(ci.estimate()));
        assertThrows(IllegalArgumentException.class, () -> bootstrapOne(x, Samples::mean, 5, 0.95, rng));
    }

    @Test
    void intervalsOfSeveralStatisticsMatchOneAtATimeInDistribution() {
        Rng rng = new Rng(16);
        double[] x = new double[2_000];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        Bootstrap.Interval[] both = Bootstrap.intervals(x, v -> new double[] {Samples.mean(v), Samples.std(v, 0)}, 2_000, 0.95, new Rng(17));
        assertEquals(Samples.mean(x), both[0].estimate(), 0);
        assertEquals(1.96 / Math.sqrt(x.length), (both[0].hi() - both[0].lo()) / 2, BOOTSTRAP_MEAN_REL * 1.96 / Math.sqrt(x.length));
        assertEquals(1.96 / Math.sqrt(2 * x.length), (both[1].hi() - both[1].lo()) / 2, BOOTSTRAP_STD_REL * 1.96 / Math.sqrt(2 * x.length));   // sd of s ≈ 1/√(2n)
    }

    @Test
    void lipschitzBoundHoldsForARandomReluNetwork() {
        gan.train.GanConfig config = gan.train.GanConfig.normal()
                .toBuilder().generator(Mlp.Spec.of(Activation.RELU, Activation.LINEAR, 4, 16, 1)).seed(14).build();
        Mlp g = new gan.train.Trainer(config, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}).generator();
        double l = Lipschitz.bound(g);
        Rng rng = new Rng(15);
        double[][] z = new double[4][2];
        for (int trial = 0; trial < 2_000; trial++) {
            double dist = 0;
            for (int j = 0; j < 4; j++) {
                z[j][0] = 3 * rng.nextGaussian();
                z[j][1] = 3 * rng.nextGaussian();
                dist += (z[j][0] - z[j][1]) * (z[j][0] - z[j][1]);
            }
            double[] out = g.forward(z, 2)[0];
            assertTrue(Math.abs(out[0] - out[1]) <= l * Math.sqrt(dist) + EXACT);
        }
        org.ejml.data.DMatrixRMaj w = new org.ejml.data.DMatrixRMaj(new double[][] {{3, 0}, {0, 2}});
        assertEquals(3, Lipschitz.spectralNorm(w), POWER_ITERATION);
    }

    /** The percentile interval of one statistic: {@link Bootstrap#intervals} with a single statistic. */
    private static Bootstrap.Interval bootstrapOne(double[] x, java.util.function.ToDoubleFunction<double[]> statistic,
            int resamples, double level, Rng rng) {
        return Bootstrap.intervals(x, v -> new double[] {statistic.applyAsDouble(v)}, resamples, level, rng)[0];
    }
}

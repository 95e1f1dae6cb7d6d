package gan.finance;

import static gan.Asserts.assertMessage;
import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gan.stats.Samples;
import gan.Rng;
import org.junit.jupiter.api.Test;

/** Moments, Tails and Correlation. */
class MomentsTest {
    /** Kurtosis of 200,000 normal draws: its standard error is √(24/n) ≈ 0.011; five of them. */
    static final double NORMAL_KURTOSIS_TOL = 0.055;
    /** Skewness of 200,000 symmetric draws: standard error √(6/n) ≈ 0.0055 for a normal; five of them. */
    static final double SKEWNESS_TOL = 0.03;
    /** Kurtosis of 200,000 Laplace draws: standard error ≈ √(Var(b₂)/n) ≈ 0.06 (b₂ = 6, heavy tails); five. */
    static final double LAPLACE_KURTOSIS_TOL = 0.3;
    /** Correlation of 200,000 pairs: standard error (1 − ρ²)/√n ≤ 0.0023; five of them. */
    static final double CORRELATION_TOL = 0.012;
    /** erf⁻¹/erfc against tabulated values (16 significant digits). */
    static final double NORMAL_TABLE_TOL = 1e-13;
    /** A joint tail frequency of about 2.5% from 200,000 pairs: five binomial standard errors. */
    static final double JOINT_TAIL_TOL = 0.002;
    /** P(|Z| > 2) = 4.55% from 200,000 draws: binomial standard error √(p(1−p)/n) ≈ 0.00047; five of them. */
    static final double NORMAL_TAIL_TOL = 0.0025;
    static final int N = 200_000;

    // ------------------------------------------------------------------ Moments

    @Test
    void momentsOfAHandWorkedSample() {
        // x = {1, 2, 3, 6}: mean 3, deviations −2, −1, 0, 3; m₂ = 14/4, m₃ = 18/4, m₄ = 98/4
        double[] x = {1, 2, 3, 6};
        assertEquals(3.5, Moments.central(x, 2), EXACT);
        assertEquals(4.5, Moments.central(x, 3), EXACT);
        assertEquals(24.5, Moments.central(x, 4), EXACT);
        assertEquals(4.5 / Math.pow(3.5, 1.5), Moments.skewness(x), EXACT);
        assertEquals(2.0, Moments.kurtosis(x), EXACT);           // 24.5 / 3.5² = 2
        assertEquals(-1.0, Moments.excessKurtosis(x), EXACT);
        assertArrayEquals(new double[] {1, 2, 3, 6}, x, 0);               // not modified
        // two points ±1: m₂ = m₄ = 1, the smallest kurtosis there is
        assertEquals(1.0, Moments.kurtosis(new double[] {-1, 1}), EXACT);
        assertEquals(0.0, Moments.skewness(new double[] {-1, 1}), EXACT);
    }

    @Test
    void momentsDoNotDependOnLocationAndScale() {
        double[] x = {1, 2, 3, 6, 10};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = -2.5 * x[i] + 7;
        assertEquals(Moments.kurtosis(x), Moments.kurtosis(y), EXACT);
        assertEquals(-Moments.skewness(x), Moments.skewness(y), EXACT);  // a mirror flips the skew
    }

    @Test
    void normalUniformAndLaplaceSamplesHaveTheirKurtosis() {
        Rng rng = new Rng(7);
        double[] normal = new double[N], uniform = new double[N], laplace = new double[N];
        for (int i = 0; i < N; i++) {
            normal[i] = rng.nextGaussian();
            uniform[i] = rng.nextDouble();
            laplace[i] = -Math.log(1 - rng.nextDouble()) + Math.log(1 - rng.nextDouble());   // Exp(1) − Exp(1)
        }
        assertEquals(Moments.NORMAL_KURTOSIS, Moments.kurtosis(normal), NORMAL_KURTOSIS_TOL);
        assertEquals(0, Moments.excessKurtosis(normal), NORMAL_KURTOSIS_TOL);
        assertEquals(0, Moments.skewness(normal), SKEWNESS_TOL);
        assertEquals(9.0 / 5, Moments.kurtosis(uniform), NORMAL_KURTOSIS_TOL);       // thin tails: 1.8
        assertEquals(6, Moments.kurtosis(laplace), LAPLACE_KURTOSIS_TOL);           // fat tails: 6
        assertEquals(0, Moments.skewness(laplace), SKEWNESS_TOL * 3);
    }

    @Test
    void momentsRejectBadSamples() {
        assertMessage(() -> Moments.kurtosis(new double[] {2, 2, 2}), "zero spread", "2.0");
        assertMessage(() -> Moments.skewness(new double[] {2}), "at least 2", "1");
        assertMessage(() -> Moments.kurtosis(new double[] {1, Double.NaN}), "x[1]", "NaN");
        assertMessage(() -> Moments.kurtosis(new double[0]), "x", "empty");
        assertMessage(() -> Moments.central(new double[] {1, 2}, 5), "k", "5");
    }

    // ------------------------------------------------------------------ Tails

    @Test
    void normalQuantilesAndTailsMatchTables() {
        assertEquals(1.959963984540054, Tails.normalQuantile(0.975), NORMAL_TABLE_TOL);
        assertEquals(-2.3263478740408408, Tails.normalQuantile(0.01), NORMAL_TABLE_TOL);
        assertEquals(1.6448536269514722, Tails.normalQuantile(0.95), NORMAL_TABLE_TOL);
        assertEquals(0, Tails.normalQuantile(0.5), NORMAL_TABLE_TOL);
        assertEquals(0.0026997960632601866, Tails.normalTail(3), NORMAL_TABLE_TOL);
        assertEquals(0.05, Tails.normalTail(Tails.normalQuantile(0.975)), NORMAL_TABLE_TOL);
        assertEquals(1, Tails.normalTail(0), NORMAL_TABLE_TOL);
        assertMessage(() -> Tails.normalQuantile(0), "p", "(0, 1)", "0.0");
        assertMessage(() -> Tails.normalQuantile(Double.NaN), "p", "NaN");
        assertMessage(() -> Tails.normalTail(-1), "c", "-1.0");
    }

    @Test
    void fractionBeyondCountsBothTails() {
        double[] x = {-3.5, -1, 0, 0.5, 2, 3, 4};
        assertEquals(2.0 / 7, Tails.fractionBeyond(x, 3), EXACT);     // |x| > 3: −3.5 and 4 (3 itself is not beyond)
        assertEquals(4.0 / 7, Tails.fractionBeyond(x, 1), EXACT);
        assertEquals(6.0 / 7, Tails.fractionBeyond(x, 0), EXACT);
        double[] normal = new double[N];
        Rng rng = new Rng(3);
        for (int i = 0; i < N; i++) normal[i] = rng.nextGaussian();
        assertEquals(Tails.normalTail(2), Tails.fractionBeyond(normal, 2), NORMAL_TAIL_TOL);
    }

    @Test
    void normalScoresAreSymmetricAscendingQuantiles() {
        double[] s = Tails.normalScores(1000);
        assertEquals(Tails.normalQuantile(0.5 / 1000), s[0], EXACT);
        for (int i = 0; i < s.length; i++) {
            assertEquals(-s[i], s[s.length - 1 - i], NORMAL_TABLE_TOL);
            if (i > 0) assertEquals(true, s[i] > s[i - 1], "scores must increase at " + i);
        }
        assertArrayEquals(new double[] {0}, Tails.normalScores(1), NORMAL_TABLE_TOL);
        assertMessage(() -> Tails.normalScores(0), "m", "0");
    }

    // ------------------------------------------------------------------ Correlation

    @Test
    void correlationOfExactLinesAndAHandWorkedSample() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1, Correlation.pearson(x, new double[] {3, 5, 7, 9}), EXACT);
        assertEquals(-1, Correlation.pearson(x, new double[] {4, 3, 2, 1}), EXACT);
        // x − x̄ = (−1.5, −0.5, 0.5, 1.5), y = (1, 3, 2, 4), y − ȳ = (−1.5, 0.5, −0.5, 1.5): Σ = 4, Σx² = Σy² = 5
        assertEquals(0.8, Correlation.pearson(x, new double[] {1, 3, 2, 4}), EXACT);
        assertEquals(0.8, Correlation.pearson(new double[][] {{1, 1}, {2, 3}, {3, 2}, {4, 4}}), EXACT);
        assertMessage(() -> Correlation.pearson(x, new double[] {1, 2}), "same length", "4", "2");
        assertMessage(() -> Correlation.pearson(x, new double[] {2, 2, 2, 2}), "y is constant");
        assertMessage(() -> Correlation.pearson(new double[][] {{1, 2, 3}}), "pairs", "rows[0]", "3");
    }

    @Test
    void bothBelowCountsJointFalls() {
        double[][] rows = {{-3, -2.5}, {-3, 1}, {0.5, -4}, {-2.1, -2.2}, {3, 3}};
        assertEquals(2.0 / 5, Tails.bothBelow(rows, 2), EXACT);      // (−3, −2.5) and (−2.1, −2.2)
        assertEquals(1.0 / 5, Tails.bothBelow(rows, 2.2), EXACT);    // −2.2 is not below −2.2
        assertEquals(0, Tails.bothBelow(rows, 5), 0);
        // a bivariate normal with ρ = 0: P(both < −1) = Φ(−1)² = 0.0252
        double[][] independent = Shocks.correlatedNormalPairs(N, 0, new Rng(4));
        // Φ(−1) = P(|Z| > 1) / 2; binomial standard error √(p(1−p)/n) ≈ 0.00035, five of them
        assertEquals(Math.pow(Tails.normalTail(1) / 2, 2), Tails.bothBelow(independent, 1), JOINT_TAIL_TOL);
        assertMessage(() -> Tails.bothBelow(new double[][] {{1, 2, 3}}, 1), "pairs", "rows[0]", "3");
        assertMessage(() -> Tails.bothBelow(rows, -1), "c", "-1.0");
    }

    @Test
    void columnCopiesOneCoordinate() {
        double[][] rows = {{1, 2}, {3, 4}};
        assertArrayEquals(new double[] {2, 4}, Samples.column(rows, 1), 0);
        assertMessage(() -> Samples.column(rows, 2), "column 2", "rows[0]");
    }

    @Test
    void correlationOfCorrelatedNormalPairs() {
        double[][] pairs = Shocks.correlatedNormalPairs(N, 0.8, new Rng(11));
        assertEquals(0.8, Correlation.pearson(pairs), CORRELATION_TOL);
    }
}

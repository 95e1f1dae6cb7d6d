package gan.finance;

import static gan.Asserts.assertMessage;
import static gan.Tolerances.EXACT;
import static gan.Tolerances.EXACT_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import gan.stats.Samples;
import org.junit.jupiter.api.Test;

/** Shocks and PricePaths. */
class PricePathsTest {
    /** Mean and std of 200,000 N(0, 1) draws: standard error 1/√n ≈ 0.0022; five of them. */
    static final double MOMENT_TOL = 0.011;
    /** Counts of 2,000 draws of 1/3 each: binomial standard error √(2000·(1/3)(2/3)) ≈ 21; five of them. */
    static final double COUNT_TOL = 105;

    @Test
    void pathsFollowTheExponentialRecursion() {
        double[][] e = {{1, -2}, {0, 0.5}};
        double[][] s = PricePaths.simulate(100, 0.01, 0.1, e);
        assertArrayEquals(new double[] {100, 100 * Math.exp(0.11), 100 * Math.exp(0.11) * Math.exp(0.01 - 0.2)}, s[0], EXACT);
        assertArrayEquals(new double[] {100, 100 * Math.exp(0.01), 100 * Math.exp(0.01) * Math.exp(0.06)}, s[1], EXACT);
        assertArrayEquals(new double[] {s[0][2], s[1][2]}, PricePaths.finals(s), 0);
        assertArrayEquals(new double[] {1, -2}, e[0], 0);                          // not modified
    }

    @Test
    void logFinalPriceIsStartPlusDriftPlusScaledShockSum() {
        Rng rng = new Rng(5);
        double[][] e = Shocks.normal(3, 250, rng);
        double mu = 0.0003, sigma = 0.02;
        double[][] s = PricePaths.simulate(54_660, mu, sigma, e);
        for (int p = 0; p < 3; p++) {
            double sum = 0;
            for (double v : e[p]) sum += v;
            assertEquals(Math.log(54_660) + 250 * mu + sigma * sum, Math.log(s[p][250]), EXACT_LONG * 12);
            assertEquals(251, s[p].length);
        }
        // no volatility: S_t = S₀ e^{μ t}
        double[][] flat = PricePaths.simulate(10, mu, 0, e);
        assertEquals(10 * Math.exp(250 * mu), flat[2][250], 10 * EXACT_LONG);
    }

    @Test
    void portfolioOfTwoSharesStartsAtOne() {
        double[][] a = {{100, 110, 120}}, b = {{50, 40, 60}};
        double[][] v = PricePaths.portfolio(a, b, 0.5);
        assertArrayEquals(new double[] {1, 0.5 * 1.1 + 0.5 * 0.8, 0.5 * 1.2 + 0.5 * 1.2}, v[0], EXACT);
        assertArrayEquals(new double[] {1, 1.1, 1.2}, PricePaths.portfolio(a, b, 1)[0], EXACT);
        assertMessage(() -> PricePaths.portfolio(a, new double[][] {{1, 2}}, 0.5), "a[0] has 3", "b[0] has 2");
        assertMessage(() -> PricePaths.portfolio(a, b, 1.5), "w", "1.5");
    }

    @Test
    void shocksAreLaidOutRowByRow() {
        double[] draws = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, Shocks.fromDraws(draws, 2, 3));
        double[][] pairs = {{1, -1}, {2, -2}, {3, -3}, {4, -4}};
        assertArrayEquals(new double[][] {{-1, -2}, {-3, -4}}, Shocks.fromColumn(pairs, 1, 2, 2));
        assertMessage(() -> Shocks.fromDraws(draws, 4, 2), "paths · days = 4 · 2 = 8", "got 6");
        assertMessage(() -> Shocks.fromColumn(pairs, 2, 2, 2), "column 2");
    }

    @Test
    void normalShocksAreSeededStandardNormals() {
        double[][] e = Shocks.normal(800, 250, new Rng(9));
        assertArrayEquals(e, Shocks.normal(800, 250, new Rng(9)));               // same seed, same numbers
        double[] all = new double[800 * 250];
        for (int p = 0; p < 800; p++) System.arraycopy(e[p], 0, all, p * 250, 250);
        assertEquals(0, Samples.mean(all), MOMENT_TOL);
        assertEquals(1, Samples.std(all, 0), MOMENT_TOL);
        double[][] pairs = Shocks.correlatedNormalPairs(200_000, -0.3, new Rng(2));
        assertEquals(1, Samples.std(Samples.column(pairs, 1), 0), MOMENT_TOL);
        assertMessage(() -> Shocks.correlatedNormalPairs(10, 1.2, new Rng(1)), "rho", "1.2");
    }

    @Test
    void resamplingDrawsOnlyFromThePoolAndIsSeeded() {
        double[] pool = {-2, 0.5, 3};
        double[][] e = Shocks.resample(pool, 50, 40, new Rng(8));
        assertArrayEquals(e, Shocks.resample(pool, 50, 40, new Rng(8)));
        int[] counts = new int[3];
        for (double[] row : e) {
            for (double v : row) counts[v == -2 ? 0 : v == 0.5 ? 1 : v == 3 ? 2 : -1]++;   // -1 would throw: not in the pool
        }
        for (int c : counts) assertEquals(2000 / 3.0, c, COUNT_TOL);
        double[][] pairs = {{1, -1}, {2, -2}};
        double[][] drawn = Shocks.resampleRows(pairs, 100, new Rng(3));
        for (double[] row : drawn) assertEquals(-row[0], row[1], 0);            // rows stay whole
        drawn[0][0] = 99;
        assertTrue(pairs[0][0] != 99 && pairs[1][0] != 99, "resampleRows must copy the rows");
        assertMessage(() -> Shocks.resample(new double[0], 1, 1, new Rng(1)), "pool", "empty");
        assertMessage(() -> Shocks.resampleRows(new double[][] {{1, 2}, {3}}, 5, new Rng(1)), "rows[1] has 1", "rows[0] has 2");
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage(() -> PricePaths.simulate(0, 0, 0.1, new double[][] {{1}}), "s0", "0.0");
        assertMessage(() -> PricePaths.simulate(1, 0, -0.1, new double[][] {{1}}), "sigma", "-0.1");
        assertMessage(() -> PricePaths.simulate(1, 0, 0.1, new double[][] {{1, 2}, {3}}), "shocks[1] has 1 days", "shocks[0] has 2");
        assertMessage(() -> PricePaths.simulate(1, 0, 0.1, new double[0][]), "shocks", "at least one");
    }
}

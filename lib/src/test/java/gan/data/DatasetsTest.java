package gan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import gan.stats.Samples;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    /** Sample moments of 100,000 draws: several standard errors. */
    static final double MOMENT_TOL = 0.015;
    /** Share of points per component, 100,000 draws: several standard errors (√(¼·¾/n) ≈ 0.0014). */
    static final double SHARE_TOL = 0.01;
    /** Means and std per quadrant: the quadrant assignment truncates each component's tail beyond 1 (2σ), so they move by ~0.02. */
    static final double QUADRANT_MOMENT_TOL = 0.05;

    @Test
    void standardNormalIsTheGeneratorsGaussiansAndReproducible() {
        double[] x = Datasets.standardNormal(Datasets.LECTURE_SIZE, new Rng(42));
        assertEquals(1000, x.length);
        Rng same = new Rng(42);
        for (double v : x) {
            assertEquals(same.nextGaussian(), v, 0);
        }
        double[] big = Datasets.standardNormal(100_000, new Rng(1));
        assertEquals(0, Samples.mean(big), MOMENT_TOL);
        assertEquals(1, Samples.std(big, 0), MOMENT_TOL);
    }

    @Test
    void fourGaussiansHaveTheLecturesMeansStdAndEqualWeights() {
        double[][] x = Datasets.fourGaussians(100_000, new Rng(3));
        double[][] means = {{0, 0}, {0, 2}, {2, 0}, {2, 2}};
        int[] count = new int[4];
        double[][] sum = new double[4][2];
        double[] ss = new double[4];
        for (double[] row : x) {
            assertEquals(2, row.length);
            int k = (row[0] > 1 ? 2 : 0) + (row[1] > 1 ? 1 : 0);   // nearest mean (quadrant around (1,1))
            count[k]++;
            sum[k][0] += row[0];
            sum[k][1] += row[1];
            ss[k] += Math.pow(row[0] - means[k][0], 2) + Math.pow(row[1] - means[k][1], 2);
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(0.25, count[k] / 100_000.0, SHARE_TOL, "share of component " + k);
            assertEquals(means[k][0], sum[k][0] / count[k], QUADRANT_MOMENT_TOL);
            assertEquals(means[k][1], sum[k][1] / count[k], QUADRANT_MOMENT_TOL);
            assertEquals(0.5, Math.sqrt(ss[k] / count[k] / 2), QUADRANT_MOMENT_TOL);
        }
        assertArrayEquals(Datasets.fourGaussians(10, new Rng(5))[7], Datasets.fourGaussians(10, new Rng(5))[7], 0);
    }

    @Test
    void theSamplerAndTheDensityAreOneObject() {
        assertEquals(4, Datasets.FOUR_GAUSSIANS.components());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, Datasets.FOUR_GAUSSIANS.stds(), 0);
        assertArrayEquals(new double[] {2, 0}, Datasets.FOUR_GAUSSIANS.means()[2], 0);
        assertArrayEquals(Datasets.FOUR_GAUSSIANS.sample(20, new Rng(8))[19], Datasets.fourGaussians(20, new Rng(8))[19], 0);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.standardNormal(0, new Rng(1)));
        assertTrue(e.getMessage().contains("n") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.fourGaussians(5, null));
        assertTrue(e.getMessage().contains("rng"), e.getMessage());
    }
}

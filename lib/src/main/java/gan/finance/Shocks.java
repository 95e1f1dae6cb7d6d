package gan.finance;

import gan.Check;
import gan.Rng;
import gan.stats.Samples;

/**
 * The standardised daily shocks ε_{p,t} that drive {@link PricePaths}: a matrix of {@code paths × days}, one
 * row per path, drawn from a GAN or from a normal distribution.
 *
 * <ul>
 *   <li>{@link #fromDraws}: any 1-D draws (e.g. {@code trainer.generate1d(paths · days)}), laid out row by row:
 *       ε_{p,t} = draws[p · days + t].</li>
 *   <li>{@link #fromColumn}: one coordinate of d-D draws (e.g. the first share of GAN pairs), the same layout.</li>
 *   <li>{@link #resample} / {@link #resampleRows}: draws with replacement from a pool (a bootstrap: the real
 *       standardised returns give the historical simulation; a pool of GAN draws works the same way).</li>
 *   <li>{@link #normal}: ε ~ N(0, 1), independent.</li>
 *   <li>{@link #correlatedNormalPairs}: pairs (ε₁, ε₂) with ε₂ = ρ·ε₁ + √(1 − ρ²)·η, ε₁, η ~ N(0, 1)
 *       independent, so each is N(0, 1) and corr(ε₁, ε₂) = ρ.</li>
 * </ul>
 */
public final class Shocks {
    private Shocks() {
    }

    /**
     * Reshapes paths · days draws into a paths × days matrix, row by row.
     *
     * @param draws exactly paths · days finite values. Not modified.
     */
    public static double[][] fromDraws(double[] draws, int paths, int days) {
        Check.finiteValues("draws", draws);
        Check.atLeast("paths", paths, 1);
        Check.atLeast("days", days, 1);
        if ((long) paths * days != draws.length) {
            throw new IllegalArgumentException("draws must hold paths · days = " + paths + " · " + days + " = "
                    + (long) paths * days + " values, got " + draws.length);
        }
        double[][] e = new double[paths][days];
        for (int p = 0; p < paths; p++) {
            System.arraycopy(draws, p * days, e[p], 0, days);
        }
        return e;
    }

    /**
     * Column j of paths · days rows of d-D draws, as a paths × days matrix: ε_{p,t} = rows[p · days + t][j].
     *
     * @param rows exactly paths · days rows, each with more than j finite values. Not modified.
     */
    public static double[][] fromColumn(double[][] rows, int j, int paths, int days) {
        return fromDraws(Samples.column(rows, j), paths, days);
    }

    /**
     * paths × days draws with replacement from {@code pool}: ε_{p,t} = pool[U_{p,t}], U uniform on 0 … n − 1,
     * drawn row by row. rng: modified (advanced).
     *
     * @param pool finite, non-empty. Not modified.
     */
    public static double[][] resample(double[] pool, int paths, int days, Rng rng) {
        Check.finiteValues("pool", pool);
        Check.atLeast("paths", paths, 1);
        Check.atLeast("days", days, 1);
        Check.notNull("rng", rng);
        double[][] e = new double[paths][days];
        for (double[] row : e) {
            for (int t = 0; t < days; t++) row[t] = pool[rng.nextInt(pool.length)];
        }
        return e;
    }

    /**
     * {@code count} rows drawn with replacement from n × d rows, e.g. pairs of returns of the same day, so that
     * a bootstrap keeps their dependence; {@link #fromColumn} then lays each coordinate out as paths × days.
     * rng: modified (advanced).
     *
     * @param rows non-empty, finite, all as long as the first. Not modified (the rows returned are copies).
     */
    public static double[][] resampleRows(double[][] rows, int count, Rng rng) {
        Check.notNull("rows", rows);
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        int d = Check.finiteValues("rows[0]", rows[0]).length;
        for (int i = 0; i < rows.length; i++) {
            if (Check.finiteValues("rows[" + i + "]", rows[i]).length != d) {
                throw new IllegalArgumentException("rows[" + i + "] has " + rows[i].length + " values, rows[0] has " + d);
            }
        }
        Check.atLeast("count", count, 1);
        Check.notNull("rng", rng);
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) out[i] = rows[rng.nextInt(rows.length)].clone();
        return out;
    }

    /** paths × days independent N(0, 1) draws, row by row. rng: modified (advanced). */
    public static double[][] normal(int paths, int days, Rng rng) {
        Check.atLeast("paths", paths, 1);
        Check.atLeast("days", days, 1);
        Check.notNull("rng", rng);
        double[][] e = new double[paths][days];
        for (double[] row : e) {
            for (int t = 0; t < days; t++) row[t] = rng.nextGaussian();
        }
        return e;
    }

    /**
     * n pairs (n × 2) of standard normals with correlation ρ: ε₁ = u, ε₂ = ρ·u + √(1 − ρ²)·v with u, v
     * independent N(0, 1) drawn in that order. rng: modified (advanced).
     *
     * @param rho in [−1, 1]
     */
    public static double[][] correlatedNormalPairs(int n, double rho, Rng rng) {
        Check.atLeast("n", n, 1);
        Check.inRange("rho", rho, -1, 1);
        Check.notNull("rng", rng);
        double c = Math.sqrt(1 - rho * rho);
        double[][] pairs = new double[n][2];
        for (double[] p : pairs) {
            double u = rng.nextGaussian(), v = rng.nextGaussian();
            p[0] = u;
            p[1] = rho * u + c * v;
        }
        return pairs;
    }
}

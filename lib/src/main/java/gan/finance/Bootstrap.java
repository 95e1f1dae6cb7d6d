package gan.finance;

import gan.Check;
import gan.Rng;
import gan.stats.Samples;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals over days (Efron 1979): draw n days with replacement from the n observed ones,
 * compute the statistic, repeat B times; the interval is the (1 − level)/2 and (1 + level)/2 quantiles of the B
 * values. Days are drawn independently, so the interval reflects sampling noise of i.i.d. days; under volatility
 * clustering it is too narrow (a block bootstrap would widen it), which the notebooks say where they use it.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * A statistic of the observed sample and its bootstrap interval.
     *
     * @param estimate the statistic of the sample itself
     * @param lo       lower end of the interval
     * @param hi       upper end
     * @param level    the interval's coverage, e.g. 0.95
     */
    public record Interval(double estimate, double lo, double hi, double level) {
        /** Whether v lies in [lo, hi]. */
        public boolean contains(double v) {
            return v >= lo && v <= hi;
        }

        @Override
        public String toString() {
            return String.format("%.4g [%.4g, %.4g]", estimate, lo, hi);
        }
    }

    /**
     * Intervals for several statistics at once, all computed on the same resamples (one pass per resample, so a
     * table of k statistics costs B resamples, not k · B). statistics: a sample → k values, the same k every time.
     * x: finite, non-empty. Not modified. rng: modified.
     */
    public static Interval[] intervals(double[] x, java.util.function.Function<double[], double[]> statistics, int resamples, double level, Rng rng) {
        Check.finiteValues("x", x);
        if (x.length == 0) {
            throw new IllegalArgumentException("x must not be empty");
        }
        checkCommon(statistics, resamples, level, rng);
        double[] estimate = statistics.apply(x);
        double[][] stats = new double[estimate.length][resamples];
        double[] r = new double[x.length];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < r.length; i++) r[i] = x[rng.nextInt(x.length)];
            double[] v = statistics.apply(r);
            if (v.length != estimate.length) {
                throw new IllegalArgumentException("statistics gave " + v.length + " values on resample " + b + " but " + estimate.length + " on x");
            }
            for (int k = 0; k < v.length; k++) stats[k][b] = v[k];
        }
        Interval[] out = new Interval[estimate.length];
        for (int k = 0; k < out.length; k++) out[k] = interval(estimate[k], stats[k], level);
        return out;
    }

    /**
     * The same for rows (e.g. pairs of two shares' returns of the same day, resampled together so that their
     * dependence is kept). rows: non-empty. Not modified (the resample holds references to the same rows).
     */
    public static Interval ofRows(double[][] rows, ToDoubleFunction<double[][]> statistic, int resamples, double level, Rng rng) {
        Check.notNull("rows", rows);
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        checkCommon(statistic, resamples, level, rng);
        double[] stats = new double[resamples];
        double[][] r = new double[rows.length][];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < r.length; i++) r[i] = rows[rng.nextInt(rows.length)];
            stats[b] = statistic.applyAsDouble(r);
        }
        return interval(statistic.applyAsDouble(rows), stats, level);
    }

    private static Interval interval(double estimate, double[] stats, double level) {
        for (int b = 0; b < stats.length; b++) {
            if (!Double.isFinite(stats[b])) {
                throw new IllegalArgumentException("the statistic is not finite on resample " + b + ": " + stats[b]);
            }
        }
        return new Interval(estimate, Samples.quantile(stats, (1 - level) / 2), Samples.quantile(stats, (1 + level) / 2), level);
    }

    private static void checkCommon(Object statistic, int resamples, double level, Rng rng) {
        Check.notNull("statistic", statistic);
        Check.atLeast("resamples", resamples, 10);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), e.g. 0.95, got " + level);
        }
        Check.notNull("rng", rng);
    }
}

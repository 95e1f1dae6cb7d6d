package gan.data;

import gan.Check;
import gan.stats.Samples;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Small helpers the finance notebooks need: log returns, standardisation, gaps in a daily date column. */
public final class Series {
    private Series() {
    }

    /**
     * Log returns r_t = log(P_t / P_{t−1}), t = 1 … n−1 (n − 1 values).
     *
     * @param prices P_0 … P_{n−1}, at least 2, each positive and finite. Not modified.
     */
    public static double[] logReturns(double[] prices) {
        Check.finiteValues("prices", prices);
        if (prices.length < 2) {
            throw new IllegalArgumentException("prices must have at least 2 values for a return, got " + prices.length);
        }
        for (int i = 0; i < prices.length; i++) {
            if (!(prices[i] > 0)) {
                throw new IllegalArgumentException("prices[" + i + "] must be > 0 for a log return, got " + prices[i]);
            }
        }
        double[] r = new double[prices.length - 1];
        for (int t = 1; t < prices.length; t++) {
            r[t - 1] = Math.log(prices[t] / prices[t - 1]);
        }
        return r;
    }

    /**
     * z_i = (x_i − mean) / std with mean = (1/n) Σ x_i and std = sqrt((1/n) Σ (x_i − mean)²) (population,
     * numpy's {@code x.std()}); returns the mean and std used.
     *
     * @param x at least 2 values, finite, not all equal (std &gt; 0). Not modified.
     */
    public static Standardized standardize(double[] x) {
        Check.finiteValues("x", x);
        if (x.length < 2) {
            throw new IllegalArgumentException("x must have at least 2 values to standardise, got " + x.length);
        }
        double mean = Samples.mean(x);
        double std = Samples.std(x, 0);
        if (!(std > 0)) {
            throw new IllegalArgumentException("x has zero spread (all " + x.length + " values equal " + x[0]
                    + "), so it cannot be standardised");
        }
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - mean) / std;
        }
        return new Standardized(z, mean, std);
    }

    /**
     * Gaps between consecutive dates longer than {@code maxDays} calendar days: each pair (d_{i−1}, d_i) with
     * d_i − d_{i−1} &gt; maxDays. Weekends are 3 days and Korean holidays up to 11 in the course's data, so
     * {@code maxDays = 14} finds only the real hole 2019-02-01 → 2019-03-22 (49 days).
     *
     * @param dates   strictly increasing, no nulls. Not modified.
     * @param maxDays ≥ 1
     */
    public static List<DateGap> dateGaps(List<LocalDate> dates, int maxDays) {
        Check.notNull("dates", dates);
        Check.atLeast("maxDays", maxDays, 1);
        List<DateGap> gaps = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            if (dates.get(i) == null) {
                throw new IllegalArgumentException("dates[" + i + "] must not be null");
            }
            if (i == 0) {
                continue;
            }
            LocalDate a = dates.get(i - 1);
            LocalDate b = dates.get(i);
            long days = ChronoUnit.DAYS.between(a, b);
            if (days <= 0) {
                throw new IllegalArgumentException("dates must increase strictly, got dates[" + i + "] = " + b
                        + " after dates[" + (i - 1) + "] = " + a);
            }
            if (days > maxDays) {
                gaps.add(new DateGap(a, b, days));
            }
        }
        return gaps;
    }
}

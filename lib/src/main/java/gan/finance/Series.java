package gan.finance;

import gan.Check;

/** Log returns of a price series (standardising them is {@link Standardized#of}, dropping returns across holes {@link DailyReturns}). */
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
}

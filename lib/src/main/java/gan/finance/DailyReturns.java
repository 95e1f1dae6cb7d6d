package gan.finance;

import gan.Check;
import gan.data.DateGap;
import gan.data.PriceTable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily log returns r_t = log(P_t / P_{t−1}) of one price column, without the returns that span a hole in
 * the data. A return across a {@link DateGap} longer than {@code maxGapDays} calendar days (such as the
 * course files' 49 days from 2019-02-01 to 2019-03-22) is a many-week return, not a daily one; it is
 * dropped here and kept in {@link #dropped} / {@link #droppedValues} so a notebook can show what was
 * removed. Weekends (3 days) and exchange holidays (up to 11 days in the course's data) are one trading
 * day and stay.
 *
 * @param dates         the date of each kept return (the day it ends, P_t's date)
 * @param values        the kept log returns, in date order
 * @param dropped       the gaps whose return was dropped
 * @param droppedValues the dropped returns, one per gap
 */
public record DailyReturns(List<LocalDate> dates, double[] values, List<DateGap> dropped, double[] droppedValues) {

    /** Copies its arguments and checks that dates and values, and gaps and dropped values, pair up. */
    public DailyReturns {
        dates = List.copyOf(Check.notNull("dates", dates));
        values = Check.notNull("values", values).clone();
        dropped = List.copyOf(Check.notNull("dropped", dropped));
        droppedValues = Check.notNull("droppedValues", droppedValues).clone();
        if (dates.size() != values.length) {
            throw new IllegalArgumentException("dates and values must pair up, got " + dates.size() + " dates and "
                    + values.length + " values");
        }
        if (dropped.size() != droppedValues.length) {
            throw new IllegalArgumentException("dropped and droppedValues must pair up, got " + dropped.size()
                    + " gaps and " + droppedValues.length + " values");
        }
    }

    /**
     * The log returns of {@code prices}, dropping each return whose two days are more than
     * {@code maxGapDays} calendar days apart.
     *
     * @param dates      strictly increasing, one per price. Not modified.
     * @param prices     positive, finite, at least 2. Not modified.
     * @param maxGapDays ≥ 1 (14 keeps every weekend and holiday of the course's data and drops the 49-day hole)
     */
    public static DailyReturns of(List<LocalDate> dates, double[] prices, int maxGapDays) {
        Check.notNull("dates", dates);
        Check.atLeast("maxGapDays", maxGapDays, 1);
        double[] r = Series.logReturns(prices);
        if (dates.size() != prices.length) {
            throw new IllegalArgumentException("dates and prices must pair up, got " + dates.size() + " dates and "
                    + prices.length + " prices");
        }
        DateGap.find(dates, maxGapDays);                                    // validates the order and nulls
        List<LocalDate> keptDates = new ArrayList<>();
        List<DateGap> gaps = new ArrayList<>();
        double[] kept = new double[r.length];
        double[] gone = new double[r.length];
        int k = 0;
        for (int t = 1; t < prices.length; t++) {
            long days = ChronoUnit.DAYS.between(dates.get(t - 1), dates.get(t));
            if (days > maxGapDays) {
                gone[gaps.size()] = r[t - 1];
                gaps.add(new DateGap(dates.get(t - 1), dates.get(t), days));
            } else {
                keptDates.add(dates.get(t));
                kept[k++] = r[t - 1];
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("every return spans more than maxGapDays = " + maxGapDays
                    + " calendar days; nothing is left (choose a larger maxGapDays)");
        }
        return new DailyReturns(keptDates, java.util.Arrays.copyOf(kept, k), gaps,
                java.util.Arrays.copyOf(gone, gaps.size()));
    }

    /** {@link #of(List, double[], int)} of one column of a price table, e.g. "Close". */
    public static DailyReturns of(PriceTable table, String column, int maxGapDays) {
        Check.notNull("table", table);
        return of(table.dates(), table.column(column), maxGapDays);
    }

    /** A copy of the kept returns. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** A copy of the dropped returns. */
    @Override
    public double[] droppedValues() {
        return droppedValues.clone();
    }

    /** Number of kept returns. */
    public int size() {
        return values.length;
    }
}

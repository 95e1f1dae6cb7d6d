package gan.data;

import gan.Check;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A stretch without rows in a daily series: the last date before it and the first date after it.
 *
 * @param from the last date before the gap
 * @param to   the first date after the gap
 * @param days calendar days from {@code from} to {@code to} (2019-02-01 → 2019-03-22 is 49)
 */
public record DateGap(LocalDate from, LocalDate to, long days) {

    /**
     * Gaps between consecutive dates longer than {@code maxDays} calendar days: each pair (d_{i−1}, d_i) with
     * d_i − d_{i−1} &gt; maxDays. Weekends are 3 days and Korean holidays up to 11 in the course's data, so
     * {@code maxDays = 14} finds only the real hole 2019-02-01 → 2019-03-22 (49 days).
     *
     * @param dates   strictly increasing, no nulls. Not modified.
     * @param maxDays ≥ 1
     */
    public static List<DateGap> find(List<LocalDate> dates, int maxDays) {
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

    @Override
    public String toString() {
        return from + " → " + to + " (" + days + " days)";
    }
}

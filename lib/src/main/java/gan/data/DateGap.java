package gan.data;

import java.time.LocalDate;

/**
 * A stretch without rows in a daily series: the last date before it and the first date after it.
 *
 * @param from the last date before the gap
 * @param to   the first date after the gap
 * @param days calendar days from {@code from} to {@code to} (2019-02-01 → 2019-03-22 is 49)
 */
public record DateGap(LocalDate from, LocalDate to, long days) {
    @Override
    public String toString() {
        return from + " → " + to + " (" + days + " days)";
    }
}

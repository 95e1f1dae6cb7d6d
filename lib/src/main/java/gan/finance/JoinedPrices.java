package gan.finance;

import gan.Check;
import gan.data.PriceTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One price column of two tables on their common dates (an inner join on Date), e.g. two shares' Close
 * prices, so that returns are computed between the same two days for both. The dates that only one table
 * has are kept in {@link #onlyInFirst} / {@link #onlyInSecond}, so that a notebook can say what the join
 * removed (for the course's files: the 437 Shinhan days before KB Financial was listed on 2008-10-10).
 *
 * @param column       the joined column's name
 * @param dates        the common dates, increasing
 * @param first        the first table's prices on those dates
 * @param second       the second table's prices on those dates
 * @param onlyInFirst  dates the first table has and the second does not
 * @param onlyInSecond dates the second table has and the first does not
 */
public record JoinedPrices(String column, List<LocalDate> dates, double[] first, double[] second,
                           List<LocalDate> onlyInFirst, List<LocalDate> onlyInSecond) {

    /** Copies its arguments and checks that the price arrays have one value per date. */
    public JoinedPrices {
        Check.notNull("column", column);
        dates = List.copyOf(Check.notNull("dates", dates));
        first = Check.notNull("first", first).clone();
        second = Check.notNull("second", second).clone();
        onlyInFirst = List.copyOf(Check.notNull("onlyInFirst", onlyInFirst));
        onlyInSecond = List.copyOf(Check.notNull("onlyInSecond", onlyInSecond));
        if (first.length != dates.size() || second.length != dates.size()) {
            throw new IllegalArgumentException("first and second must have one price per date (" + dates.size()
                    + "), got " + first.length + " and " + second.length);
        }
    }

    /**
     * The inner join of {@code a} and {@code b} on Date, keeping {@code column} of each.
     *
     * @param a      not modified
     * @param b      not modified
     * @param column a numeric column both tables have, e.g. "Close"
     * @throws IllegalArgumentException if a column is missing (naming the file) or the tables share no date
     */
    public static JoinedPrices innerJoin(PriceTable a, PriceTable b, String column) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        Check.notNull("column", column);
        double[] pa = a.column(column), pb = b.column(column);
        Map<LocalDate, Integer> inB = new HashMap<>();
        for (int i = 0; i < b.size(); i++) inB.put(b.dates().get(i), i);
        List<LocalDate> common = new ArrayList<>();
        List<LocalDate> onlyA = new ArrayList<>();
        List<Double> fa = new ArrayList<>(), fb = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            LocalDate d = a.dates().get(i);
            Integer j = inB.remove(d);
            if (j == null) {
                onlyA.add(d);
            } else {
                common.add(d);
                fa.add(pa[i]);
                fb.add(pb[j]);
            }
        }
        if (common.isEmpty()) {
            throw new IllegalArgumentException(a.file() + " and " + b.file() + " have no date in common (" + a.dates().get(0)
                    + " … " + a.dates().get(a.size() - 1) + " vs " + b.dates().get(0) + " … " + b.dates().get(b.size() - 1) + ")");
        }
        List<LocalDate> onlyB = new ArrayList<>(inB.keySet());
        java.util.Collections.sort(onlyB);
        return new JoinedPrices(column, common, fa.stream().mapToDouble(Double::doubleValue).toArray(),
                fb.stream().mapToDouble(Double::doubleValue).toArray(), onlyA, onlyB);
    }

    /** Number of common dates. */
    public int size() {
        return dates.size();
    }

    /** A copy of the first table's prices. */
    @Override
    public double[] first() {
        return first.clone();
    }

    /** A copy of the second table's prices. */
    @Override
    public double[] second() {
        return second.clone();
    }
}

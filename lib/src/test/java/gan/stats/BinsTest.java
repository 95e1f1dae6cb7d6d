package gan.stats;

import static gan.Asserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import org.junit.jupiter.api.Test;

class BinsTest {

    @Test
    void edgesAreNumpysLinspaceAndTheLastBinIsClosed() {
        Bins b = Bins.of(0, 1, 4);
        assertEquals(4, b.size());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, b.edges(), 0);
        assertArrayEquals(new double[] {0.125, 0.375, 0.625, 0.875}, b.centers(), 0);
        assertEquals(0, b.index(0));
        assertEquals(1, b.index(0.25));          // a value on an inner edge belongs to the bin on its right
        assertEquals(3, b.index(0.75));
        assertEquals(3, b.index(1));             // hi falls in the last, closed bin
        assertFalse(b.contains(1.0000001));
        assertFalse(b.contains(-1e-300));
    }

    @Test
    void indexAgreesWithTheEdgesEvenWhereTheArithmeticGuessIsOffByOne() {
        Rng rng = new Rng(3);
        for (int trial = 0; trial < 200; trial++) {
            double lo = rng.nextGaussian(), hi = lo + 1e-3 + Math.abs(rng.nextGaussian()) * 7;
            int bins = 1 + rng.nextInt(60);
            Bins b = Bins.of(lo, hi, bins);
            double[] e = b.edges();
            for (int i = 0; i <= bins; i++) {
                for (double v : new double[] {e[i], Math.nextDown(e[i]), Math.nextUp(e[i])}) {
                    if (!b.contains(v)) {
                        continue;
                    }
                    int k = b.index(v);
                    assertTrue(e[k] <= v && (v < e[k + 1] || (k == bins - 1 && v == e[bins])),
                            "v = " + v + " in bin " + k + " of " + java.util.Arrays.toString(e));
                }
            }
        }
    }

    @Test
    void countsDropValuesOutsideTheRangeAsNpHistogramDoes() {
        double[] x = {-1, 0, 0.1, 0.5, 0.99, 1, 2, Double.NaN};
        assertArrayEquals(new double[] {2, 3}, Bins.counts(x, 0, 1, 2), 0);
        assertArrayEquals(new double[] {2, 3}, Bins.of(0, 1, 2).counts(x), 0);
    }

    @Test
    void spanningWidensAZeroWidthRangeAsNumpyDoes() {
        Bins b = Bins.spanning(3, 3, 2);
        assertArrayEquals(new double[] {2.5, 3, 3.5}, b.edges(), 0);
        assertEquals(1, b.index(3));
    }

    @Test
    void badInputIsRejectedWithTheArgumentAndValue() {
        assertMessage(() -> Bins.of(0, 1, 0), "bins", "0");
        assertMessage(() -> Bins.of(1, 1, 3), "hi", "lo = 1.0", "spanning");
        assertMessage(() -> Bins.of(Double.NaN, 1, 3), "lo", "NaN");
        assertMessage(() -> Bins.of(-Double.MAX_VALUE, Double.MAX_VALUE, 3), "too wide");
        assertMessage(() -> Bins.of(0, 1, 2).index(1.5), "v", "1.5", "[0.0, 1.0]");
        assertMessage(() -> Bins.of(0, 1, 2).counts(null), "x");
    }
}

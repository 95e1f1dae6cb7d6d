package gan.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trainer's share of issue 16: chunked samples, the epoch limit, klBins, huge losses printed. */
class HardeningTest {
    @Test
    void chunkedSamplesAreGenerateNBitForBitAndMoveTheStreamTheSame() {
        for (GanConfig c : new GanConfig[] {GanConfig.normal().toBuilder().epochs(3).build(), GanConfig.fourGaussians().toBuilder().epochs(2).build()}) {
            double[][] real = c.dataDim() == 1 ? column(TrainerTest.normalData(3, 200)) : gan.data.Datasets.fourGaussians(200, new gan.Rng(3));
            Trainer a = new Trainer(c, real), b = new Trainer(c, real);
            a.train();
            b.train();
            double[][] whole = a.generate(1001);
            GeneratedSamples s = b.samples(1001);
            for (int chunk : new int[] {1, 7, 1000, 1001, 5000}) {
                List<double[]> rows = new ArrayList<>();
                long[] next = {0};
                s.forEachChunk(chunk, (r, first) -> {
                    assertEquals(next[0], first);
                    next[0] += r.length;
                    assertTrue(r.length <= chunk);
                    rows.addAll(List.of(r));
                });
                assertEquals(1001, rows.size());
                for (int i = 0; i < whole.length; i++) assertArrayEquals(whole[i], rows.get(i), 0.0, "chunk " + chunk + ", sample " + i);
            }
            assertArrayEquals(a.generate(5)[4], b.generate(5)[4], 0.0, "the sampling stream continues from the same place");
        }
    }

    @Test
    void trainingPastTheLargestEpochCountFailsInsteadOfDoingNothing() {
        Trainer t = new Trainer(GanConfig.normal().toBuilder().epochs(2).build(), TrainerTest.normalData(1, 100));
        t.train();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.train(Integer.MAX_VALUE));
        assertEquals("epochs: 2 completed + 2147483647 more is past the largest epoch count 2147483647; train at most 2147483645 more",
                e.getMessage());
        assertEquals(2, t.epoch());
    }

    @Test
    void klBinsIsCheckedWhenTheConfigurationIsMade() {
        GanConfig n = GanConfig.normal(), f = GanConfig.fourGaussians();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withKlBins(f, 1001));
        assertEquals("klBins must be from 1 to 1000 per axis for 2-D data, got 1001", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> withKlBins(n, 1_000_001));
        assertEquals("klBins must be from 1 to 1000000, got 1000001", e.getMessage());
        assertEquals(1000, withKlBins(f, 1000).monitoring().klBins());
    }

    @Test
    void hugeFiniteLossesPrintWithAnExponent() {
        assertEquals("5) D-loss = 1.6204e+305, G-loss = 0.0000, KL = 12.3457",
                new HistoryRow(5, 1.6204170979726506e305, 0, 1, 0, 12.345678).progressLine());
        assertEquals("100) D-loss = 1.3864, G-loss = 0.6938, KL = 0.0123", new HistoryRow(100, 1.38635, 0.69384, 0.5, 0.5, 0.01234).progressLine());
        assertEquals("999999.0000", HistoryRow.fixed4(999_999));
        assertEquals("-1.0000e+06", HistoryRow.fixed4(-1e6));
        assertEquals("NaN", HistoryRow.fixed4(Double.NaN));
    }

    private static GanConfig withKlBins(GanConfig c, int bins) {
        return c.toBuilder().klBins(bins).build();
    }

    private static double[][] column(double[] v) {
        double[][] r = new double[v.length][];
        for (int i = 0; i < v.length; i++) r[i] = new double[] {v[i]};
        return r;
    }
}

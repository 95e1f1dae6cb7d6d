package gan.train;

import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import gan.data.Datasets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Sweep#run(List, java.util.function.Function, int[], java.util.function.Function)}: each run its own data. */
class SweepDataOfTest {
    static double[][] dataOf(GanConfig c) {
        return Sweep.rows(Datasets.standardNormal(1000, Rng.derive(c.seed(), "data")));
    }

    @Test
    void eachRunTrainsOnItsOwnDataExactlyAsAPlainTrainer() {
        List<GanConfig> configs = List.of(GanConfig.normal().toBuilder().epochs(100).historyEvery(50).seed(1).build(),
                GanConfig.normal().toBuilder().epochs(100).historyEvery(50).seed(2).build());
        List<Sweep.Run<double[][]>> runs = new Sweep(2).run(configs, SweepDataOfTest::dataOf, new int[] {50, 100}, Trainer::realData);
        for (int i = 0; i < configs.size(); i++) {
            Sweep.Run<double[][]> r = runs.get(i);
            assertArrayEquals(dataOf(configs.get(i)), r.valueOr(null), "run " + i + " trained on its own data");
            Trainer plain = new Trainer(configs.get(i), dataOf(configs.get(i)));
            plain.train();
            assertEquals(plain.history(), r.history());
        }
        assertFalse(java.util.Arrays.deepEquals(runs.get(0).valueOr(null), runs.get(1).valueOr(null)), "the seeds' data differ");
    }

    @Test
    void missingDataIsNamed() {
        List<GanConfig> configs = List.of(GanConfig.normal().toBuilder().epochs(10).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sweep(1).run(configs, c -> null, null, Trainer::epoch));
        assertTrue(e.getMessage().contains("dataOf(configs[0])"), e.getMessage());
    }
}

package gan.plot;

import static gan.Tolerances.ULPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import gan.data.Datasets;
import gan.optim.OptimizerKind;
import gan.train.GanConfig;
import gan.train.HistoryRow;
import gan.train.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The run table reads every number from the trainers, in the map's order, and formats without rounding the values. */
class RunTableTest {

    static Trainer trained(GanConfig config, int epochs) {
        Trainer t = new Trainer(config.withEpochs(epochs).withHistoryEvery(5), Datasets.standardNormal(200, Rng.derive(3, "data")));
        t.train();
        return t;
    }

    @Test
    void rowsComeFromTheTrainersInMapOrder() {
        Map<String, Trainer> runs = new LinkedHashMap<>();
        runs.put("k = 5", trained(GanConfig.normal().withK(5), 20));
        runs.put("sgd", trained(GanConfig.normal().withOptimizer(OptimizerKind.SGD), 20));
        Table table = RunTable.of(runs, 3, 100);
        assertEquals(2, table.rowCount());
        assertEquals(List.of("run", "D steps", "G steps", "D-loss", "G-loss", "mean D(x)", "mean D(G(z))", "KL (last)",
                "KL (mean of last 3)", "first epoch KL < 100.0"), table.columnNames());
        int r = 0;
        for (Map.Entry<String, Trainer> e : runs.entrySet()) {
            Trainer t = e.getValue();
            HistoryRow last = t.last();
            assertEquals(e.getKey(), table.stringColumn("run").get(r));
            assertEquals(t.discriminatorSteps(), table.longColumn("D steps").get(r));
            assertEquals(t.generatorSteps(), table.longColumn("G steps").get(r));
            assertEquals(last.dLoss(), table.doubleColumn("D-loss").get(r), ULPS);
            assertEquals(last.gLoss(), table.doubleColumn("G-loss").get(r), ULPS);
            assertEquals(last.meanDReal(), table.doubleColumn("mean D(x)").get(r), ULPS);
            assertEquals(last.meanDFake(), table.doubleColumn("mean D(G(z))").get(r), ULPS);
            assertEquals(last.kl(), table.doubleColumn("KL (last)").get(r), ULPS);
            List<HistoryRow> h = t.history();
            double mean3 = (h.get(h.size() - 1).kl() + h.get(h.size() - 2).kl() + h.get(h.size() - 3).kl()) / 3;
            assertEquals(mean3, table.doubleColumn("KL (mean of last 3)").get(r), ULPS);
            assertEquals(5, table.doubleColumn("first epoch KL < 100.0").get(r), ULPS, "every KL is below 100: the first row, epoch 5");
            r++;
        }
        // the k = 5 run: 20 epochs × 5 batches = 100 batches, the lecture's counter gives ⌊100/6⌋ = 16 G steps
        assertEquals(84, table.longColumn("D steps").get(0));
        assertEquals(16, table.longColumn("G steps").get(0));
        String d = table.doubleColumn("D-loss").getString(0);
        assertTrue(d.matches("\\d\\.\\d{4}"), "4 decimals, got " + d);
    }

    @Test
    void aThresholdNeverReachedPrintsNever() {
        Trainer t = trained(GanConfig.normal(), 10);
        Table table = RunTable.of(Map.of("one", t), 100, 0);
        assertTrue(table.doubleColumn(9).isMissing(0), "KL is never below 0: a missing value (NaN)");
        assertTrue(Double.isNaN(table.doubleColumn(9).getDouble(0)));
        assertEquals("never", table.doubleColumn(9).getString(0));
        assertEquals(RunTable.meanKl(t.history(), 2), (t.history().get(0).kl() + t.history().get(1).kl()) / 2, ULPS,
                "100 rows asked, 2 exist: the mean of both");
        assertEquals("final numbers of 1 run", table.name());
    }

    @Test
    void badInputNamesTheProblem() {
        Trainer untrained = new Trainer(GanConfig.normal(), Datasets.standardNormal(50, new Rng(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunTable.of(Map.of("fresh", untrained)));
        assertTrue(e.getMessage().contains("runs[fresh] has no history"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunTable.of(Map.of()));
        Trainer t = trained(GanConfig.normal(), 5);
        e = assertThrows(IllegalArgumentException.class, () -> RunTable.of(Map.of("a", t), 0, 0.5));
        assertTrue(e.getMessage().contains("lastRows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunTable.of(Map.of("a", t), 10, -1));
        assertThrows(IllegalArgumentException.class, () -> RunTable.of(Map.of("a", t), 10, Double.NaN));
    }
}

package gan.train;

import java.util.Locale;

/**
 * How discriminator and generator steps interleave over an epoch's mini-batches (k = D steps per G step).
 *
 * <pre>
 *   LECTURE  the lecture's counter: each mini-batch makes ONE step, D while the counter is below k,
 *            else G (and the counter resets). With k = 2 and 5 batches the steps run
 *            D D G D D | G D D G D | D G D D G | … across epoch boundaries; a batch that falls on a
 *            G step is not shown to D, so D sees k/(k+1) of the data per epoch.
 *   PAPER    Goodfellow's Algorithm 1: every mini-batch makes a D step; after every k-th D step one G
 *            step follows on a fresh noise batch of the same size. D sees all the data every epoch,
 *            and an epoch has batches + ⌊…/k⌋ steps.
 *   GENERATOR_HEAVY  the other way round: every mini-batch makes ONE D step, then k G steps, each on a
 *            fresh noise batch of the same size; here k counts G steps per D step. With a large k,
 *            G is trained for a long time against a D that stands still, the paper's "Helvetica
 *            scenario" (Goodfellow et al. 2014, section 6), which collapses G onto the points this D
 *            likes best.
 * </pre>
 * With k = 1 the lecture's counter alternates D, G, D, G, … over the batches; the paper's form makes
 * D, G pairs on every batch.
 */
public enum Schedule {
    LECTURE, PAPER, GENERATOR_HEAVY;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Schedule parse(String name) {
        for (Schedule s : values()) {
            if (s.cliName().equalsIgnoreCase(name.trim())) return s;
        }
        throw new IllegalArgumentException("schedule must be lecture, paper or generator_heavy; got '" + name + "'");
    }
}

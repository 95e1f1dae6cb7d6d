package gan.train;

import gan.Check;
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
    /** The lecture's counter (6-1.GAN(Normal).py): one step per mini-batch, D while the counter is below k, else G. */
    LECTURE {
        @Override
        int runEpoch(int n, int batches, int k, int counter, Steps steps) {
            for (int b = 0; b < batches; b++) {
                int from = from(b, n, batches), to = from(b + 1, n, batches);
                if (counter < k) {                                    // if k < nK: train D
                    steps.updateD(from, to);
                    counter++;
                } else {                                              // else: train G, reset the counter
                    steps.updateG(to - from);
                    counter = 0;
                }
            }
            return counter;
        }
    },
    /**
     * Goodfellow et al.'s Algorithm 1: for k steps, update D on the next mini-batch; then update G once, on as
     * many noise vectors as the last D step's batch. An epoch may end inside the k steps: the counter carries
     * the steps done into the next epoch (and into a checkpoint).
     */
    PAPER {
        @Override
        int runEpoch(int n, int batches, int k, int step, Steps steps) {
            int b = 0;
            while (b < batches) {
                for (; step < k && b < batches; step++, b++) {        // for k steps:
                    steps.updateD(from(b, n, batches), from(b + 1, n, batches));   //   update D on the next mini-batch
                }
                if (step == k) {                                      // then update G
                    steps.updateG(from(b, n, batches) - from(b - 1, n, batches));
                    step = 0;
                }
            }
            return step;
        }
    },
    /** The other way round (the "Helvetica scenario"): every mini-batch makes one D step, then k G steps against that D. */
    GENERATOR_HEAVY {
        @Override
        int runEpoch(int n, int batches, int k, int counter, Steps steps) {
            for (int b = 0; b < batches; b++) {
                int from = from(b, n, batches), to = from(b + 1, n, batches);
                steps.updateD(from, to);
                for (int step = 0; step < k; step++) steps.updateG(to - from);
            }
            return counter;
        }
    };

    /** The two updates a schedule calls (the trainer's): D on the shuffled samples [from, to), G on m noise vectors. */
    interface Steps {
        void updateD(int from, int to);

        void updateG(int m);
    }

    /**
     * One epoch over {@code batches} mini-batches of {@code n} shuffled samples, starting with the counter at
     * {@code counter} (D steps since the last G step); returns the counter after the epoch.
     */
    abstract int runEpoch(int n, int batches, int k, int counter, Steps steps);

    /** First sample of mini-batch b (b = batches gives n): batches of ⌊n / batches⌋, the last takes the remainder. */
    static int from(int b, int n, int batches) {
        return b == batches ? n : b * (n / batches);
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Schedule parse(String name) {
        return Check.oneOf("schedule", name, values(), Schedule::cliName);
    }
}

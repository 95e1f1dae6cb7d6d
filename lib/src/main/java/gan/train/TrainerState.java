package gan.train;

import java.util.List;

/**
 * Where a {@link Trainer} stands between two epochs, beyond its networks and optimizers: what
 * {@link Checkpoint} saves and hands back. A value: the constructor copies the arrays and the list; the
 * accessors return them as they are, to be read only (its two users, {@link Trainer#restore} and
 * {@link Checkpoint}, copy out or write out). {@link #check} tests that the numbers fit together.
 *
 * @param epoch   completed epochs, ≥ 0
 * @param counter the schedule's counter: D steps since the last G step ({@link Schedule}), 0 to k
 * @param dSteps  discriminator steps taken, ≥ 0
 * @param gSteps  generator steps taken, ≥ 0
 * @param order   the sample order of the last epoch, a permutation of 0..n−1 (copied)
 * @param streams the states of the shuffle, noise and sample random streams, in that order (copied)
 * @param history the history rows so far, epochs increasing and at most {@code epoch}, losses finite (copied)
 */
record TrainerState(int epoch, int counter, long dSteps, long gSteps, int[] order, long[] streams, List<HistoryRow> history) {

    TrainerState {
        order = order.clone();
        streams = streams.clone();
        history = List.copyOf(history);
    }

    /**
     * Checks this state against a trainer with {@code n} real samples and Algorithm 1's {@code k}; the
     * message says what is out of range (Checkpoint prefixes the file).
     */
    void check(int n, int k) {
        if (epoch < 0 || counter < 0 || counter > k || dSteps < 0 || gSteps < 0) {
            throw new IllegalArgumentException("counters out of range: epoch " + epoch + ", D steps since G " + counter + " (k = " + k
                    + "), D steps " + dSteps + ", G steps " + gSteps);
        }
        if (order.length != n) {
            throw new IllegalArgumentException("the sample order has " + order.length + " entries for " + n + " real samples");
        }
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int o = order[i];
            if (o < 0 || o >= n || seen[o]) {
                throw new IllegalArgumentException("the sample order is not a permutation of 0.." + (n - 1) + " (entry " + i + " is " + o
                        + (o >= 0 && o < n ? ", a repeat" : "") + ")");
            }
            seen[o] = true;
        }
        if (streams.length != 3) {
            throw new IllegalArgumentException("3 random stream states are needed, got " + streams.length);
        }
        int previous = 0;
        for (int i = 0; i < history.size(); i++) {
            HistoryRow h = history.get(i);
            if (h.epoch() <= previous || h.epoch() > epoch || !Double.isFinite(h.dLoss()) || !Double.isFinite(h.gLoss())) {
                throw new IllegalArgumentException("history row " + i + " (" + h.progressLine() + ") is out of order, after the last epoch "
                        + epoch + ", or not finite");
            }
            previous = h.epoch();
        }
    }
}

package gan.train;

/**
 * Thrown when D's logits (and so the losses) stop being finite. The trainer's history up to the last
 * finite measurement is kept ({@link Trainer#history()}).
 */
public final class TrainingDivergedException extends RuntimeException {
    private final int epoch;
    private final HistoryRow lastFinite;

    TrainingDivergedException(String message, int epoch, HistoryRow lastFinite) {
        super(message);
        this.epoch = epoch;
        this.lastFinite = lastFinite;
    }

    /** The epoch (1-based) during which the losses stopped being finite. */
    public int epoch() {
        return epoch;
    }

    /** The last finite history row, or null if none was recorded. */
    public HistoryRow lastFinite() {
        return lastFinite;
    }
}

package gan;

import java.util.random.RandomGenerator;

/**
 * The one source of randomness in the library: SplitMix64 (Steele, Lea and Flood, 2014).
 *
 * <p>Every random choice (initial weights, noise z, data samples, mini-batch shuffles) draws from an
 * {@code Rng} built from a seed, so the same seed gives bit-identical numbers on the same JVM. The whole
 * state is one {@code long} ({@link #state()}), which is what a checkpoint saves to resume training
 * exactly where it stopped.
 *
 * <pre>
 *   state ← state + 0x9E3779B97F4A7C15
 *   z ← mix(state)                       (two xor-shift-multiply rounds)
 * </pre>
 *
 * {@link #nextDouble()} is uniform on [0, 1) with 53 random bits and {@link #nextGaussian()} is
 * {@link RandomGenerator}'s standard normal (a modified ziggurat), both computed from {@link #nextLong()}.
 * Not thread-safe: give each thread its own generator ({@link #derive}).
 */
public final class Rng implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** A generator whose sequence is fixed by {@code seed}. */
    public Rng(long seed) {
        this.state = seed;
    }

    /**
     * The stream for one purpose of one seed, e.g. {@code Rng.derive(seed, "noise")}: the purpose's name
     * is hashed into the seed, so streams of different purposes are independent and adding a new
     * purpose never shifts the numbers of the others.
     */
    public static Rng derive(long seed, String purpose) {
        long h = 1125899906842597L;
        for (int i = 0; i < purpose.length(); i++) h = 31 * h + purpose.charAt(i);
        return new Rng(new Rng(seed ^ new Rng(h).nextLong()).nextLong());
    }

    /** The generator's whole state; {@code setState(state())} later continues this sequence from here. */
    public long state() {
        return state;
    }

    /** Sets the state saved with {@link #state()}: the sequence continues exactly from there. */
    public void setState(long state) {
        this.state = state;
    }

    @Override
    public long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /** SplitMix64's output function of a state. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform on [0, 1): the top 53 bits of {@link #nextLong()} times 2^−53. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * a[i] = {@link #nextDouble()} for i &lt; n, in order: the same numbers and the same state afterwards as
     * n calls. Faster for a batch of noise: the state stays in a register, where a loop of calls stores
     * and reloads the field on every draw, and the next draw waits for that store. {@code a} modified.
     */
    public void nextDoubles(double[] a, int n) {
        long s = state;
        for (int i = 0; i < n; i++) a[i] = (mix(s += GOLDEN_GAMMA) >>> 11) * 0x1.0p-53;
        state = s;
    }

    /** Uniform on [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Shuffles {@code a} in place (Fisher–Yates), as {@code np.random.shuffle} does in the lecture. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Moves on as if {@link #nextLong()} had been called {@code draws} times (SplitMix64's state only
     * adds a constant per draw): {@code state ← state + draws · 0x9E3779B97F4A7C15}.
     */
    public void advance(long draws) {
        if (draws < 0) throw new IllegalArgumentException("draws must be >= 0, got " + draws);
        state += draws * GOLDEN_GAMMA;
    }

    @Override
    public String toString() {
        return "Rng[SplitMix64, state=" + state + "]";
    }
}

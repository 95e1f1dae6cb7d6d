package gan.optim;

import gan.Check;
import gan.nn.Param;
import java.util.List;

/**
 * A gradient-based update rule for one network's parameters.
 *
 * <p><b>Sign convention, stated once:</b> every optimizer <em>descends</em> the loss it is given,
 * θ ← θ − lr·u(∇θ). The discriminator ascends V(D, G) by descending D-loss = −V; the generator
 * descends its generator loss (see {@code gan.train.Losses}).
 *
 * <p>Lifecycle: construct with the parameters it owns (it keeps per-parameter state such as moments,
 * allocated once); after each backward pass call {@link #step()}; {@link #reset()} forgets the state.
 * {@link #state()} / {@link #restore} expose the state for checkpoints, so training resumes exactly.
 */
public abstract class Optimizer {
    private final List<Param> params;
    private final OptimizerSpec spec;
    private final double[][][] slots;                  // [slot][parameter][element], e.g. Adam's m and v
    private long steps;

    /** The spec's numbers are checked where the spec is made ({@link OptimizerSpec}); not again here. */
    protected Optimizer(List<Param> params, OptimizerSpec spec, int slotCount) {
        Check.notNull("params", params);
        this.params = List.copyOf(params);
        this.spec = Check.notNull("spec", spec);
        this.slots = new double[slotCount][this.params.size()][];
        for (double[][] slot : slots) {
            for (int p = 0; p < this.params.size(); p++) slot[p] = new double[this.params.get(p).size()];
        }
    }

    /** One update of every parameter from its current gradient. Values modified; gradients not modified. */
    public final void step() {
        steps++;
        for (int p = 0; p < params.size(); p++) {
            Param param = params.get(p);
            update(p, param.value().data, param.grad().data, param.size());
        }
    }

    /**
     * Updates w[0..n) from g[0..n) for parameter number {@code p}; {@link #slot(int, int)} holds its state
     * and {@link #steps()} is the 1-based count of this step.
     */
    protected abstract void update(int p, double[] w, double[] g, int n);

    /** State array {@code s} of parameter {@code p} (zeros at start). */
    protected final double[] slot(int s, int p) {
        return slots[s][p];
    }

    /** Forgets all state: step count and moments back to zero. */
    public final void reset() {
        steps = 0;
        for (double[][] slot : slots) {
            for (double[] a : slot) java.util.Arrays.fill(a, 0);
        }
    }

    /** Number of {@link #step()} calls since construction or {@link #reset()}. */
    public final long steps() {
        return steps;
    }

    public final double learningRate() {
        return spec.learningRate();
    }

    /** The kind and hyperparameters this optimizer was made from. */
    public final OptimizerSpec spec() {
        return spec;
    }

    public final List<Param> params() {
        return params;
    }

    /** A copy of the state: step count and slot arrays [slot][parameter][element]. */
    public final State state() {
        double[][][] copy = new double[slots.length][][];
        for (int s = 0; s < slots.length; s++) {
            copy[s] = new double[slots[s].length][];
            for (int p = 0; p < slots[s].length; p++) copy[s][p] = slots[s][p].clone();
        }
        return new State(steps, copy);
    }

    /** Restores a state taken with {@link #state()} from an optimizer of the same kind and parameter shapes. */
    public final void restore(State state) {
        if (state.slots().length != slots.length) {
            throw new IllegalArgumentException(this + " keeps " + slots.length + " state arrays per parameter, the saved state has " + state.slots().length);
        }
        for (int s = 0; s < slots.length; s++) {
            if (state.slots()[s].length != slots[s].length) {
                throw new IllegalArgumentException(this + " has " + slots[s].length + " parameters, the saved state has " + state.slots()[s].length);
            }
            for (int p = 0; p < slots[s].length; p++) {
                if (state.slots()[s][p].length != slots[s][p].length) {
                    throw new IllegalArgumentException("parameter " + params.get(p).name() + " has " + slots[s][p].length
                            + " elements, the saved state has " + state.slots()[s][p].length);
                }
            }
        }
        for (int s = 0; s < slots.length; s++) {
            for (int p = 0; p < slots[s].length; p++) System.arraycopy(state.slots()[s][p], 0, slots[s][p], 0, slots[s][p].length);
        }
        steps = state.steps();
    }

    /** An optimizer's state: how many steps it took and its per-parameter arrays. */
    public record State(long steps, double[][][] slots) {
    }
}

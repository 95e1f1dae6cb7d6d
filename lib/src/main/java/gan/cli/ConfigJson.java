package gan.cli;

import gan.nn.Mlp;
import gan.optim.OptimizerSpec;
import gan.train.GanConfig;
import java.util.Locale;

/**
 * {@code ./gan config normal|four-gaussians}: the example's configuration as ONE line of JSON, so that the
 * benchmarks (bench/run.py, bench/torch_gan.py) read the lecture's defaults from {@link GanConfig} instead of
 * keeping copies. Doubles are written as Java's shortest round-trip decimals, which JSON reads back exactly.
 *
 * <pre>
 *   {"example": "normal", "real_samples": 1000, "seed": 1,
 *    "generator": {"sizes": [8, 4, 1], "hidden": "relu", "output": "linear"}, "discriminator": {...},
 *    "weight_init": "xavier-uniform", "bias_init": "xavier-uniform", "noise": "uniform", "noise_dim": 8, "data_dim": 1,
 *    "k": 2, "schedule": "lecture", "batches": 5, "batch_size": 200, "epochs": 10000, "generator_loss": "non-saturating",
 *    "d_optimizer": {"kind": "adam", "lr": 1.0E-4, "beta1": 0.9, "beta2": 0.999, "rho": 0.9, "momentum": 0.9, "epsilon": 1.0E-8},
 *    "g_optimizer": {...}, "history_every": 100, "kl_bins": 50}
 * </pre>
 */
final class ConfigJson {
    private ConfigJson() {
    }

    static String of(String example, GanConfig c) {
        GanConfig.Networks nets = c.networks();
        GanConfig.Algorithm a = c.algorithm();
        return "{\"example\": " + str(example) + ", \"real_samples\": " + Main.REAL_SAMPLES + ", \"seed\": " + c.seed()
                + ", \"generator\": " + network(nets.generator()) + ", \"discriminator\": " + network(nets.discriminator())
                + ", \"weight_init\": " + str(nets.weightInit().toString()) + ", \"bias_init\": " + str(nets.biasInit().toString())
                + ", \"noise\": " + str(a.noise().cliName()) + ", \"noise_dim\": " + c.noiseDim() + ", \"data_dim\": " + c.dataDim()
                + ", \"k\": " + a.k() + ", \"schedule\": " + str(a.schedule().cliName()) + ", \"batches\": " + a.batches()
                + ", \"batch_size\": " + Main.REAL_SAMPLES / a.batches() + ", \"epochs\": " + a.epochs()
                + ", \"generator_loss\": " + str(a.generatorLoss().cliName())
                + ", \"d_optimizer\": " + optimizer(c.optimizers().discriminator()) + ", \"g_optimizer\": " + optimizer(c.optimizers().generator())
                + ", \"history_every\": " + c.monitoring().historyEvery() + ", \"kl_bins\": " + c.monitoring().klBins() + "}";
    }

    private static String network(Mlp.Spec s) {
        StringBuilder sizes = new StringBuilder();
        for (int v : s.sizes()) sizes.append(sizes.length() == 0 ? "" : ", ").append(v);
        return "{\"sizes\": [" + sizes + "], \"hidden\": " + str(s.hidden().name().toLowerCase(Locale.ROOT)) + ", \"output\": "
                + str(s.output().name().toLowerCase(Locale.ROOT)) + "}";
    }

    private static String optimizer(OptimizerSpec o) {
        return "{\"kind\": " + str(o.kind().cliName()) + ", \"lr\": " + o.learningRate() + ", \"beta1\": " + o.beta1() + ", \"beta2\": "
                + o.beta2() + ", \"rho\": " + o.rho() + ", \"momentum\": " + o.momentum() + ", \"epsilon\": " + o.epsilon() + "}";
    }

    /** Names and enum words only (no quotes or backslashes in them). */
    private static String str(String s) {
        return "\"" + s + "\"";
    }
}

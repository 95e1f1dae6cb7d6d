package gan.train;

import gan.AtomicWrite;
import gan.Rng;
import gan.nn.Activation;
import gan.nn.Initializer;
import gan.nn.Mlp;
import gan.optim.Optimizer;
import gan.optim.OptimizerKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The checkpoint file behind {@link Trainer#save} and {@link Trainer#load}: a binary file (big-endian,
 * {@link DataOutputStream}) laid out as
 * <pre>
 *   "GANCKPT\n"  format version (int)
 *   configuration   every GanConfig field
 *   real data       n, then the d × n values
 *   G, D            every parameter (flattened, params() order)
 *   optimizers      D then G: steps, slot count, every slot array
 *   counters        epoch, kCounter, dSteps, gSteps, the epoch's sample order
 *   random streams  shuffle, noise, history, sample states
 *   history         row count, then the six numbers of each row
 *   CRC32 of everything above (long)
 * </pre>
 * Doubles are stored bit for bit, so a loaded trainer computes exactly what the saved one would have.
 */
final class Checkpoint {
    static final int VERSION = 1;
    private static final byte[] MAGIC = "GANCKPT\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Checkpoint() {
    }

    static void write(Trainer t, Path file) throws IOException {
        byte[] all = bytes(t);
        AtomicWrite.write(file, o -> o.write(all));
    }

    /** The whole checkpoint file's bytes. */
    static byte[] bytes(Trainer t) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(VERSION);
        writeConfig(out, t.config());
        double[][] real = t.realData();
        out.writeInt(real.length);
        for (double[] row : real) for (double v : row) out.writeDouble(v);
        writeDoubles(out, t.generator().parameterVector());
        writeDoubles(out, t.discriminator().parameterVector());
        writeOptimizer(out, t.dOptimizer());
        writeOptimizer(out, t.gOptimizer());
        out.writeInt(t.epoch);
        out.writeInt(t.kCounter);
        out.writeLong(t.dSteps);
        out.writeLong(t.gSteps);
        for (int i : t.order()) out.writeInt(i);
        for (Rng r : t.streams()) out.writeLong(r.state());
        out.writeInt(t.history().size());
        for (HistoryRow h : t.history()) {
            out.writeInt(h.epoch());
            out.writeDouble(h.dLoss());
            out.writeDouble(h.gLoss());
            out.writeDouble(h.meanDReal());
            out.writeDouble(h.meanDFake());
            out.writeDouble(h.kl());
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    static Trainer read(Path file) throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("checkpoint " + file + " does not exist", e);
        }
        if (all.length < MAGIC.length + 4 + 8 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new IOException(file + " is not a GAN checkpoint (it does not start with GANCKPT)");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        if (crc.getValue() != stored) {
            throw new IOException("checkpoint " + file + " is corrupt or truncated (checksum mismatch); it cannot be loaded");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length - MAGIC.length - 8));
        try {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("checkpoint " + file + " has format version " + version + "; this library reads version " + VERSION);
            }
            GanConfig config = readConfig(in);
            int n = in.readInt();
            double[][] real = new double[n][config.dataDim()];
            for (double[] row : real) for (int j = 0; j < row.length; j++) row[j] = in.readDouble();
            Trainer t = new Trainer(config, real);
            t.generator().setParameterVector(readDoubles(in, t.generator().parameterCount(), file, "G"));
            t.discriminator().setParameterVector(readDoubles(in, t.discriminator().parameterCount(), file, "D"));
            readOptimizer(in, t.dOptimizer());
            readOptimizer(in, t.gOptimizer());
            t.epoch = in.readInt();
            t.kCounter = in.readInt();
            t.dSteps = in.readLong();
            t.gSteps = in.readLong();
            int[] order = t.order();
            for (int i = 0; i < order.length; i++) order[i] = in.readInt();
            for (Rng r : t.streams()) r.setState(in.readLong());
            int rows = in.readInt();
            List<HistoryRow> history = t.mutableHistory();
            for (int i = 0; i < rows; i++) {
                history.add(new HistoryRow(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            if (in.available() != 0) {
                throw new IOException("checkpoint " + file + " has " + in.available() + " unexpected bytes at its end");
            }
            return t;
        } catch (EOFException e) {
            throw new IOException("checkpoint " + file + " ends too early (truncated)", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("checkpoint " + file + " holds an invalid setting: " + e.getMessage(), e);
        }
    }

    private static void writeConfig(DataOutputStream out, GanConfig c) throws IOException {
        writeSpec(out, c.generator());
        writeSpec(out, c.discriminator());
        out.writeUTF(c.weightInit().toString());
        out.writeUTF(c.biasInit().toString());
        out.writeUTF(c.noise().name());
        out.writeInt(c.k());
        out.writeUTF(c.schedule().name());
        out.writeInt(c.batches());
        out.writeInt(c.epochs());
        out.writeUTF(c.dOptimizer().name());
        out.writeDouble(c.dLearningRate());
        out.writeUTF(c.gOptimizer().name());
        out.writeDouble(c.gLearningRate());
        out.writeUTF(c.generatorLoss().name());
        out.writeInt(c.historyEvery());
        out.writeInt(c.klBins());
        out.writeLong(c.seed());
    }

    private static GanConfig readConfig(DataInputStream in) throws IOException {
        return new GanConfig(readSpec(in), readSpec(in),
                Initializer.parse(in.readUTF()), Initializer.parse(in.readUTF()),
                Noise.valueOf(in.readUTF()), in.readInt(), Schedule.valueOf(in.readUTF()), in.readInt(), in.readInt(),
                OptimizerKind.valueOf(in.readUTF()), in.readDouble(), OptimizerKind.valueOf(in.readUTF()), in.readDouble(),
                GeneratorLoss.valueOf(in.readUTF()), in.readInt(), in.readInt(), in.readLong());
    }

    private static void writeSpec(DataOutputStream out, Mlp.Spec s) throws IOException {
        int[] sizes = s.sizes();
        out.writeInt(sizes.length);
        for (int v : sizes) out.writeInt(v);
        out.writeUTF(s.hidden().name());
        out.writeUTF(s.output().name());
    }

    private static Mlp.Spec readSpec(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 2 || count > 1000) {
            throw new IOException("a network with " + count + " layer sizes");
        }
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) sizes[i] = in.readInt();
        return new Mlp.Spec(sizes, Activation.valueOf(in.readUTF()), Activation.valueOf(in.readUTF()));
    }

    private static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double x : v) out.writeDouble(x);
    }

    private static double[] readDoubles(DataInputStream in, int expected, Path file, String what) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IOException("checkpoint " + file + " has " + n + " parameters for " + what + ", its configuration needs " + expected);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = in.readDouble();
        return v;
    }

    private static void writeOptimizer(DataOutputStream out, Optimizer o) throws IOException {
        Optimizer.State s = o.state();
        out.writeLong(s.steps());
        out.writeInt(s.slots().length);
        for (double[][] slot : s.slots()) {
            out.writeInt(slot.length);
            for (double[] a : slot) writeDoubles(out, a);
        }
    }

    private static void readOptimizer(DataInputStream in, Optimizer o) throws IOException {
        long steps = in.readLong();
        int slots = in.readInt();
        if (slots < 0 || slots > 16) throw new IOException("an optimizer with " + slots + " state arrays");
        double[][][] s = new double[slots][][];
        for (int i = 0; i < slots; i++) {
            int params = in.readInt();
            if (params < 0 || params > 10_000) throw new IOException("an optimizer state for " + params + " parameters");
            s[i] = new double[params][];
            for (int p = 0; p < params; p++) {
                int len = in.readInt();
                if (len < 0 || len > 100_000_000) throw new IOException("an optimizer state array of " + len + " values");
                s[i][p] = new double[len];
                for (int j = 0; j < len; j++) s[i][p][j] = in.readDouble();
            }
        }
        o.restore(new Optimizer.State(steps, s));
    }
}

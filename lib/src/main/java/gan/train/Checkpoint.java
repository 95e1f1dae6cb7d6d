package gan.train;

import gan.AtomicWrite;
import gan.Check;
import gan.nn.Activation;
import gan.nn.Initializer;
import gan.nn.Mlp;
import gan.optim.Optimizer;
import gan.optim.OptimizerKind;
import gan.optim.OptimizerSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The checkpoint file behind {@link Trainer#save} and {@link Trainer#load}: a binary file (big-endian,
 * {@link DataOutputStream}) laid out as
 * <pre>
 *   "GANCKPT\n"  format version (int): 2; version 1 files (before the optimizer specs) are still read
 *   configuration   every GanConfig field; each optimizer as kind, lr, β1, β2, ρ, μ, ε
 *                   (version 1: kind and lr only; the other numbers were always the defaults)
 *   real data       n, then the d × n values
 *   G, D            every parameter (flattened, params() order)
 *   optimizers      D then G: steps, slot count, every slot array
 *   counters        epoch, the schedule's counter, dSteps, gSteps, the epoch's sample order ({@link TrainerState})
 *   random streams  shuffle, noise, sample states
 *   history         row count, then the six numbers of each row
 *   CRC32 of everything above (long)
 * </pre>
 * Doubles are stored bit for bit, so a loaded trainer computes exactly what the saved one would have.
 */
final class Checkpoint {
    static final int VERSION = 2;
    /** The format before optimizer specs: still read. */
    static final int VERSION_1 = 1;
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
        TrainerState state = t.state();
        out.writeInt(state.epoch());
        out.writeInt(state.counter());
        out.writeLong(state.dSteps());
        out.writeLong(state.gSteps());
        for (int i : state.order()) out.writeInt(i);
        for (long r : state.streams()) out.writeLong(r);
        out.writeInt(state.history().size());
        for (HistoryRow h : state.history()) {
            out.writeInt(h.epoch());
            for (double v : h.measures()) out.writeDouble(v);
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    /** Magic, version and checksum: the smallest file that can be a checkpoint. */
    static final int MIN_SIZE = 8 + 4 + 8;
    /** Largest checkpoint read (a Java array's limit); real ones are kilobytes to a few megabytes. */
    static final long MAX_SIZE = Integer.MAX_VALUE - 64;

    /**
     * Reads a checkpoint. Before anything is allocated, the header (magic, version) and the file's size
     * are checked; every declared length is then checked against the bytes left before its array is
     * made; after the checksum, the content must be consistent (lengths, a permutation as sample order,
     * finite weights, counters in range). Every failure is an IOException naming the file.
     */
    static Trainer read(Path file) throws IOException {
        Check.notNull("file", file);
        if (!Files.exists(file)) {
            throw new IOException("checkpoint " + file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("checkpoint " + file + " is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("checkpoint " + file + " is not a regular file");
        }
        long size = Files.size(file);
        if (size == 0) {
            throw new IOException("checkpoint " + file + " is empty (0 bytes): not a GAN checkpoint");
        }
        byte[] head = new byte[(int) Math.min(size, MAGIC.length + 4)];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) != head.length) {
                throw new IOException("checkpoint " + file + " changed while it was read");
            }
        }
        if (size < MAGIC.length) {
            throw new IOException(file + " is not a GAN checkpoint (" + size + " bytes, shorter than the GANCKPT header)");
        }
        if (!Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(file + " is not a GAN checkpoint (it does not start with GANCKPT)");
        }
        if (size < MIN_SIZE) {
            throw new IOException("checkpoint " + file + " is truncated: " + size + " bytes, a checkpoint has at least " + MIN_SIZE);
        }
        int version = java.nio.ByteBuffer.wrap(head, MAGIC.length, 4).getInt();
        if (version != VERSION && version != VERSION_1) {
            throw new IOException("checkpoint " + file + " has format version " + version + "; this library reads versions "
                    + VERSION_1 + " and " + VERSION);
        }
        if (size > MAX_SIZE) {
            throw new IOException("checkpoint " + file + " is " + size + " bytes, larger than any checkpoint (at most " + MAX_SIZE
                    + "): corrupt, or not a GAN checkpoint");
        }
        byte[] all = Files.readAllBytes(file);
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        if (crc.getValue() != stored) {
            throw new IOException("checkpoint " + file + " is corrupt or truncated (checksum mismatch); it cannot be loaded");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length + 4, all.length - MAGIC.length - 4 - 8));
        try {
            return readBody(in, file, version);
        } catch (EOFException | java.io.UTFDataFormatException e) {
            throw new IOException("checkpoint " + file + " is inconsistent: its content ends too early or is garbled", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("checkpoint " + file + " holds an invalid setting: " + e.getMessage(), e);
        }
    }

    /** Everything after the version; {@code in} holds exactly the bytes before the checksum. */
    private static Trainer readBody(DataInputStream in, Path file, int version) throws IOException {
        String bad = "checkpoint " + file + " is inconsistent: ";
        GanConfig config = readConfig(in, version);
        long params = parameterCount(config.networks().generator()) + parameterCount(config.networks().discriminator());
        int n = in.readInt();
        if (n < 1 || (long) n * config.dataDim() * 8 + params * 8 > in.available()) {
            throw new IOException(bad + "it declares " + n + " real samples and " + params + " network parameters, more than its remaining "
                    + in.available() + " bytes hold");
        }
        double[][] real = new double[n][config.dataDim()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < real[i].length; j++) {
                real[i][j] = in.readDouble();
                if (!Double.isFinite(real[i][j])) throw new IOException(bad + "real sample " + i + " is " + real[i][j]);
            }
        }
        Trainer t = new Trainer(config, real);
        t.generator().setParameterVector(readDoubles(in, t.generator().parameterCount(), file, "G"));
        t.discriminator().setParameterVector(readDoubles(in, t.discriminator().parameterCount(), file, "D"));
        readOptimizer(in, t.dOptimizer(), file, "D");
        readOptimizer(in, t.gOptimizer(), file, "G");
        int epoch = in.readInt(), counter = in.readInt();
        long dSteps = in.readLong(), gSteps = in.readLong();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = in.readInt();
        long[] streams = new long[3];
        for (int i = 0; i < streams.length; i++) streams[i] = in.readLong();
        int rows = in.readInt();
        int rowBytes = 4 + 5 * 8;
        if (rows < 0 || (long) rows * rowBytes != in.available()) {
            throw new IOException(bad + "it declares " + rows + " history rows, but " + in.available() + " bytes remain (" + rowBytes + " per row)");
        }
        List<HistoryRow> history = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            history.add(new HistoryRow(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
        }
        try {
            t.restore(new TrainerState(epoch, counter, dSteps, gSteps, order, streams, history));
        } catch (IllegalArgumentException e) {
            throw new IOException(bad + e.getMessage(), e);
        }
        return t;
    }

    /** Weights and biases of a network: Σ (in · out + out) over its layers. */
    private static long parameterCount(Mlp.Spec s) {
        int[] sizes = s.sizes();
        long c = 0;
        for (int i = 1; i < sizes.length; i++) c += (long) sizes[i - 1] * sizes[i] + sizes[i];
        return c;
    }

    private static void writeConfig(DataOutputStream out, GanConfig c) throws IOException {
        GanConfig.Networks nets = c.networks();
        GanConfig.Algorithm a = c.algorithm();
        writeSpec(out, nets.generator());
        writeSpec(out, nets.discriminator());
        out.writeUTF(nets.weightInit().toString());
        out.writeUTF(nets.biasInit().toString());
        out.writeUTF(a.noise().name());
        out.writeInt(a.k());
        out.writeUTF(a.schedule().name());
        out.writeInt(a.batches());
        out.writeInt(a.epochs());
        writeOptimizerSpec(out, c.optimizers().discriminator());
        writeOptimizerSpec(out, c.optimizers().generator());
        out.writeUTF(a.generatorLoss().name());
        out.writeInt(c.monitoring().historyEvery());
        out.writeInt(c.monitoring().klBins());
        out.writeLong(c.seed());
    }

    private static void writeOptimizerSpec(DataOutputStream out, OptimizerSpec s) throws IOException {
        out.writeUTF(s.kind().name());
        for (double v : s.numbers()) out.writeDouble(v);
    }

    /** Version 1 stored kind and learning rate only; its optimizers always had the default hyperparameters. */
    private static OptimizerSpec readOptimizerSpec(DataInputStream in, int version) throws IOException {
        OptimizerKind kind = OptimizerKind.valueOf(in.readUTF());
        double lr = in.readDouble();
        if (version == VERSION_1) return OptimizerSpec.of(kind, lr);
        return new OptimizerSpec(kind, lr, in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
    }

    private static GanConfig readConfig(DataInputStream in, int version) throws IOException {
        GanConfig.Networks nets = new GanConfig.Networks(readSpec(in), readSpec(in), Initializer.parse(in.readUTF()), Initializer.parse(in.readUTF()));
        Noise noise = Noise.valueOf(in.readUTF());
        int k = in.readInt();
        Schedule schedule = Schedule.valueOf(in.readUTF());
        int batches = in.readInt(), epochs = in.readInt();
        OptimizerSpec dOptimizer = readOptimizerSpec(in, version), gOptimizer = readOptimizerSpec(in, version);
        GanConfig.Algorithm algorithm = new GanConfig.Algorithm(noise, k, schedule, batches, epochs, GeneratorLoss.valueOf(in.readUTF()));
        GanConfig.Monitoring monitoring = new GanConfig.Monitoring(in.readInt(), in.readInt());
        return new GanConfig(nets, algorithm, new GanConfig.Optimizers(dOptimizer, gOptimizer), monitoring, in.readLong());
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
            throw new IllegalArgumentException("a network with " + count + " layer sizes");
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
            throw new IOException("checkpoint " + file + " is inconsistent: it has " + n + " parameters for " + what
                    + ", its configuration needs " + expected);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
            if (!Double.isFinite(v[i])) {
                throw new IOException("checkpoint " + file + " is inconsistent: " + what + "'s parameter " + i + " is " + v[i]
                        + " (weights must be finite)");
            }
        }
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

    private static void readOptimizer(DataInputStream in, Optimizer o, Path file, String what) throws IOException {
        String bad = "checkpoint " + file + " is inconsistent: " + what + "'s optimizer ";
        long steps = in.readLong();
        int slots = in.readInt();
        if (steps < 0) throw new IOException(bad + "has taken " + steps + " steps");
        if (slots < 0 || slots > 16) throw new IOException(bad + "has " + slots + " state arrays");
        double[][][] s = new double[slots][][];
        for (int i = 0; i < slots; i++) {
            int params = in.readInt();
            if (params < 0 || (long) params * 4 > in.available()) throw new IOException(bad + "declares a state for " + params + " parameters");
            s[i] = new double[params][];
            for (int p = 0; p < params; p++) {
                int len = in.readInt();
                if (len < 0 || (long) len * 8 > in.available()) {
                    throw new IOException(bad + "declares a state array of " + len + " values, more than the " + in.available() + " bytes left");
                }
                s[i][p] = new double[len];
                for (int j = 0; j < len; j++) {
                    s[i][p][j] = in.readDouble();
                    if (!Double.isFinite(s[i][p][j])) throw new IOException(bad + "holds " + s[i][p][j] + " (state must be finite)");
                }
            }
        }
        o.restore(new Optimizer.State(steps, s));
    }
}

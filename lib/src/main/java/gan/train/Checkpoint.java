package gan.train;

import gan.AtomicWrite;
import gan.Check;
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
import java.io.InputStream;
import java.nio.file.Files;
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
        if (version != VERSION) {
            throw new IOException("checkpoint " + file + " has format version " + version + "; this library reads version " + VERSION);
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
            return readBody(in, file);
        } catch (EOFException | java.io.UTFDataFormatException e) {
            throw new IOException("checkpoint " + file + " is inconsistent: its content ends too early or is garbled", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("checkpoint " + file + " holds an invalid setting: " + e.getMessage(), e);
        }
    }

    /** Everything after the version; {@code in} holds exactly the bytes before the checksum. */
    private static Trainer readBody(DataInputStream in, Path file) throws IOException {
        String bad = "checkpoint " + file + " is inconsistent: ";
        GanConfig config = readConfig(in);
        long params = parameterCount(config.generator()) + parameterCount(config.discriminator());
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
        t.epoch = in.readInt();
        t.kCounter = in.readInt();
        t.dSteps = in.readLong();
        t.gSteps = in.readLong();
        if (t.epoch < 0 || t.kCounter < 0 || t.kCounter > config.k() || t.dSteps < 0 || t.gSteps < 0) {
            throw new IOException(bad + "counters out of range: epoch " + t.epoch + ", D steps since G " + t.kCounter + " (k = " + config.k()
                    + "), D steps " + t.dSteps + ", G steps " + t.gSteps);
        }
        int[] order = t.order();
        boolean[] seen = new boolean[order.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = in.readInt();
            if (order[i] < 0 || order[i] >= n || seen[order[i]]) {
                throw new IOException(bad + "the sample order is not a permutation of 0.." + (n - 1) + " (entry " + i + " is " + order[i]
                        + (order[i] >= 0 && order[i] < n ? ", a repeat" : "") + ")");
            }
            seen[order[i]] = true;
        }
        for (Rng r : t.streams()) r.setState(in.readLong());
        int rows = in.readInt();
        int rowBytes = 4 + 5 * 8;
        if (rows < 0 || (long) rows * rowBytes != in.available()) {
            throw new IOException(bad + "it declares " + rows + " history rows, but " + in.available() + " bytes remain (" + rowBytes + " per row)");
        }
        List<HistoryRow> history = t.mutableHistory();
        for (int i = 0; i < rows; i++) {
            HistoryRow h = new HistoryRow(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
            int previous = history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
            if (h.epoch() <= previous || h.epoch() > t.epoch || !Double.isFinite(h.dLoss()) || !Double.isFinite(h.gLoss())) {
                throw new IOException(bad + "history row " + i + " (" + h.progressLine() + ") is out of order, after the last epoch "
                        + t.epoch + ", or not finite");
            }
            history.add(h);
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

package gan;

import java.nio.file.Path;

/** For AtomicWriteTest: starts an atomic write, says "writing", then waits for a signal. */
final class SlowWriter {
    private SlowWriter() {
    }

    public static void main(String[] args) throws Exception {
        AtomicWrite.write(Path.of(args[0]), out -> {
            out.write(new byte[1 << 17]);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}

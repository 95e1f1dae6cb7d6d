package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;

/** The patch's Channels (lib/src/kernel-patch), which the test class path puts ahead of the kernel's own. */
class ChannelsTest {
    static final long WAIT_MILLIS = 10_000;

    /**
     * The control port is taken by another socket: binding fails after the heartbeat loop started (iopub, stdin,
     * heartbeat, control, shell), and no loop may stay behind (in 3.0.1 the heartbeat thread kept the JVM up).
     */
    @Test
    void aTakenPortEndsTheLoopsAlreadyStarted() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket taken = new ServerSocket(0, 10, loopback)) {
            int[] free = new int[4];
            for (int i = 0; i < free.length; i++) {
                try (ServerSocket s = new ServerSocket(0, 10, loopback)) {
                    free[i] = s.getLocalPort();
                }
            }
            Channels channels = new Channels(new ConnectionProperties(taken.getLocalPort(), free[0], "tcp", "hmac-sha256",
                    free[1], free[2], "127.0.0.1", free[3], "test-key"));
            assertThrows(RuntimeException.class, channels::bindAll);
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            List<String> loops = loopThreads();
            while (!loops.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                loops = loopThreads();
            }
            assertEquals(List.of(), loops, "loop threads still running after the failed bind");
        }
    }

    private static List<String> loopThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("Heartbeat-") || name.startsWith("Control-") || name.startsWith("Shell-")).toList();
    }
}

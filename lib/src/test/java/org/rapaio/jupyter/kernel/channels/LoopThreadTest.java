package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The patch's LoopThread (lib/src/kernel-patch), which the test class path puts ahead of the kernel's own. */
class LoopThreadTest {
    static final long WAIT_SECONDS = 10;

    @Test
    void theTestSeesThePatchedClassNotTheKernels() {
        String from = LoopThread.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertFalse(from.endsWith("rapaio-jupyter-kernel-3.0.1.jar"), "LoopThread loaded from " + from);
    }

    /** 3.0.1 set running after super.start(): a thread that tested it first never ran its body. */
    @Test
    void everyStartedLoopRunsItsBody() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            CountDownLatch ran = new CountDownLatch(1);
            LoopThread loop = new LoopThread("test-" + i, 1, ran::countDown);
            loop.start();
            assertTrue(loop.isRunning(), "running right after start()");
            assertTrue(ran.await(WAIT_SECONDS, TimeUnit.SECONDS), "start " + i + ": the loop body never ran");
            loop.shutdown();
            loop.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            assertFalse(loop.isAlive(), "start " + i + ": the loop did not end after shutdown()");
        }
    }

    @Test
    void aFailingBodyDoesNotEndTheLoop() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch again = new CountDownLatch(1);
        LoopThread loop = new LoopThread("test-failing", 1, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first call fails (expected in this test)");
            }
            again.countDown();
        });
        loop.start();
        assertTrue(again.await(WAIT_SECONDS, TimeUnit.SECONDS), "the loop ended with its body's exception");
        loop.shutdown();
        loop.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertFalse(loop.isRunning());
    }
}

package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replaces rapaio-jupyter-kernel 3.0.1's {@code LoopThread} (the GAN tutorial's kernel patch, see
 * {@link org.rapaio.jupyter.kernel.ganpatch}): a thread that runs {@code loopBody}, sleeps {@code sleep} ms,
 * and repeats until {@link #shutdown()} or an interrupt.
 *
 * <p><b>Bug fixed.</b> In 3.0.1, {@code LoopThread.java} lines 32-35, {@code start()} calls
 * {@code super.start()} (line 33) and only then sets {@code running = true} (line 34). When the new thread
 * reaches {@code while (running)} first, it sees {@code false} and ends at once, without a word: the shell,
 * control or heartbeat channel of that kernel never answers. Here {@code running} is set before the thread
 * starts.
 *
 * <p>Also: an exception thrown by {@code loopBody} (a bad signature, a message that does not parse) is logged
 * and the loop goes on; in 3.0.1 it ended the thread, and with it the channel.
 */
public final class LoopThread extends Thread {
    private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getSimpleName());

    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    /** Sets {@code running} first, so that {@link #run()} always sees it (the 3.0.1 order was the reverse). */
    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                if (running) {      // after shutdown() a closed socket may throw once: not worth a word
                    LOGGER.log(Level.SEVERE, getName() + ": loop body failed, the loop goes on", e);
                }
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    public void shutdown() {
        running = false;
    }

    /** Whether the loop runs (or is about to): true from {@link #start()} until {@link #shutdown()}. */
    public boolean isRunning() {
        return running;
    }
}

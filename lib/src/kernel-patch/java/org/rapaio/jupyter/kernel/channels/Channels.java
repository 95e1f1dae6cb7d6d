package org.rapaio.jupyter.kernel.channels;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.ganpatch.KernelVersion;
import org.rapaio.jupyter.kernel.ganpatch.LiveFigures;
import org.rapaio.jupyter.kernel.ganpatch.ShellHandlers;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.IOPubStream;
import org.rapaio.jupyter.kernel.message.messages.IOPubUpdateDisplayData;
import org.rapaio.org.zeromq.ZMQ; // jeromq, relocated inside the kernel jar

/**
 * Replaces rapaio-jupyter-kernel 3.0.1's {@code Channels} (the GAN tutorial's kernel patch, see
 * {@link org.rapaio.jupyter.kernel.ganpatch}): the kernel's five ZeroMQ channels and the table that maps each
 * request type to the kernel's handler. The public methods are those of 3.0.1, with the same meaning, because the
 * kernel's other classes call them.
 *
 * <p><b>Bug fixed.</b> In 3.0.1, {@code Channels.java} lines 59-81, {@code connect()} first binds the sockets
 * (line 61), which starts the shell, control and heartbeat loops, and only afterwards creates and fills the
 * handler map (lines 65-77). A request that arrives in between either meets {@code handlers == null}, a
 * NullPointerException outside the shell loop's try that ends the shell thread, or an empty map, and is dropped as
 * "Unhandled message: kernel_info_request". Here the map is complete before the first socket is bound.
 *
 * <p><b>Also fixed.</b> 3.0.1 keeps one "request being handled" ({@code msgId}, lines 39 and 100-106) and one
 * stack of after-actions (line 36) for the shell and the control loop, which run at the same time, and sends every
 * reply on shell (lines 132-138). A notebook server sends kernel_info on control while it sends it on shell, so
 * one loop could answer with the other's request (a reply to a socket identity shell does not know is dropped) or
 * run the other's after-actions. Here the control loop's request and after-actions are its own, and its replies go
 * out on control.
 *
 * <p><b>Added.</b> The JVM exits once a shutdown request has closed the channels ({@link #joinUntilClose()}),
 * and when a socket cannot be bound ({@link #bindAll()});
 * {@code history_request} gets an (empty) {@code history_reply}, inspect works with the cursor at
 * the end of a name or right after its {@code (} ({@link ShellHandlers}), and the kernel publishes
 * {@code idle} once it is ready, so that a frontend's status shows Idle; the version of the kernel jar is checked
 * first ({@link KernelVersion#requireSupported()}); a cell's live figures get their whole last update when it ends
 * ({@link LiveFigures}).
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class Channels {
    private static final Logger LOGGER = Logger.getLogger(Channels.class.getSimpleName());

    private final ConnectionProperties connProps;
    private final ZMQ.Context ctx;

    private final HeartbeatChannel heartbeat;
    private final ShellChannel shell;
    private final ControlChannel control;
    private final StdinChannel stdin;
    private final IOPubChannel iopub;
    /** Bound in this order: iopub first, so that nothing a handler publishes is sent to an unbound socket. */
    private final List<AbstractChannel> channels;

    /** Written once, before any socket is bound (so before any loop thread starts); read by the loop threads. */
    private volatile Map<MessageType<?>, MessageHandler> handlers = Map.of();
    /** The shell request being handled: replies and outputs (also those of the cell's code) go to it. */
    private volatile MessageId<?> msgId;
    /** The control request being handled, seen only by the control loop's thread. */
    private final ThreadLocal<MessageId<?>> controlMsgId = new ThreadLocal<>();
    /** What each loop thread runs after its current handler. */
    private final ThreadLocal<Deque<Runnable>> afterActions = ThreadLocal.withInitial(ArrayDeque::new);

    private boolean isConnected = false;
    private volatile boolean requestShutdown = false;

    public Channels(ConnectionProperties connProps) throws NoSuchAlgorithmException, InvalidKeyException {
        KernelVersion.requireSupported();
        this.connProps = connProps;
        this.ctx = ZMQ.context(1);

        HMACDigest hmacDigest = connProps.createHMACDigest();
        heartbeat = new HeartbeatChannel(this, ctx, hmacDigest);
        shell = new ShellChannel(this, ctx, hmacDigest, this);
        control = new ControlChannel(this, ctx, hmacDigest);
        stdin = new StdinChannel(this, ctx, hmacDigest);
        iopub = new IOPubChannel(this, ctx, hmacDigest);
        channels = List.of(iopub, stdin, heartbeat, control, shell);
    }

    /**
     * Registers the kernel's handlers, then binds the sockets (which starts the loops, {@link #bindAll()}), then
     * publishes {@code starting} and {@code idle}. Does nothing when already connected.
     */
    public void connect(RapaioKernel kernel) {
        if (isConnected) {
            return;
        }
        kernel.registerChannels(this);
        handlers = handlersOf(kernel);

        bindAll();
        iopub.sendMessage(new Message<>(MessageType.IOPUB_STATUS, IOPubStatus.STARTING));
        iopub.sendMessage(new Message<>(MessageType.IOPUB_STATUS, IOPubStatus.IDLE));
        isConnected = true;
        LOGGER.info("Kernel ready (rapaio-jupyter-kernel " + KernelVersion.SUPPORTED + " with the GAN tutorial's patch)");
    }

    /**
     * Binds the sockets in {@link #channels}' order. When one cannot be bound (its port taken by another process
     * between the client's choice and this bind: "Address already in use"), closes all channels and throws, so that
     * the JVM exits and the client sees a dead kernel. In 3.0.1 the loops already started (heartbeat, control) went on:
     * the JVM stayed up without a shell, answered heartbeats, held its ports, and the client waited for its timeout.
     */
    void bindAll() {
        try {
            channels.forEach(channel -> channel.bind(connProps));
        } catch (RuntimeException e) {
            LOGGER.severe("Cannot bind the kernel's sockets (" + e + "); the kernel exits");
            close();
            throw e;
        }
    }

    /** The 3.0.1 handler table, with kernel info, history and inspect answered by {@link ShellHandlers}. */
    private static Map<MessageType<?>, MessageHandler> handlersOf(RapaioKernel kernel) {
        ShellHandlers patched = new ShellHandlers(kernel);
        Map<MessageType<?>, MessageHandler> map = new HashMap<>();
        map.put(MessageType.SHELL_EXECUTE_REQUEST, kernel::handleExecuteRequest);
        map.put(MessageType.SHELL_INSPECT_REQUEST, patched::handleInspectRequest);
        map.put(MessageType.SHELL_COMPLETE_REQUEST, kernel::handleCompleteRequest);
        map.put(MessageType.SHELL_HISTORY_REQUEST, patched::handleHistoryRequest);
        map.put(MessageType.SHELL_IS_COMPLETE_REQUEST, kernel::handleIsCompleteRequest);
        map.put(MessageType.SHELL_KERNEL_INFO_REQUEST, patched::handleKernelInfoRequest);
        map.put(MessageType.CONTROL_SHUTDOWN_REQUEST, kernel::handleShutdownRequest);
        map.put(MessageType.CONTROL_INTERRUPT_REQUEST, kernel::handleInterruptRequest);
        map.put(MessageType.CUSTOM_COMM_OPEN, kernel::handleCommOpenCommand);
        map.put(MessageType.CUSTOM_COMM_MSG, kernel::handleCommMsgCommand);
        map.put(MessageType.CUSTOM_COMM_CLOSE, kernel::handleCommCloseCommand);
        map.put(MessageType.SHELL_COMM_INFO_REQUEST, kernel::handleCommInfoRequest);
        return Map.copyOf(map);
    }

    /** The handler for {@code type}, or null when the kernel has none (the channel then logs "Unhandled message"). */
    public <T> MessageHandler<T> getHandler(MessageType<T> type) {
        return handlers.get(type);
    }

    public void close() {
        channels.forEach(AbstractChannel::close);
        ctx.close();
    }

    /**
     * Waits until the loops end. After a shutdown request the JVM then exits (status 0): in 3.0.1 an idle thread of
     * the code executor (a cached pool, "Engine-thread-N") kept it alive for another minute, so every shutdown or
     * restart waited for the client to kill the kernel (5 s in jupyter_client).
     */
    public void joinUntilClose() {
        channels.forEach(AbstractChannel::joinUntilClose);
        if (requestShutdown) {
            LOGGER.info("Shut down on request; the kernel exits");
            System.exit(0);
        }
    }

    public boolean hasMsgId() {
        return currentMsgId() != null;
    }

    /**
     * The request whose handler runs next. Called by the shell and the control loop; a control request is kept apart
     * (for its thread only), so that a kernel_info or interrupt on control, which the server sends while shell is busy,
     * does not take the shell request's place (3.0.1 kept one field for both: replies went to the wrong socket
     * identity and were lost, outputs of a running cell got the wrong parent).
     */
    public void setMsgId(MessageId<?> msgId) {
        if (StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass() == ControlChannel.class) {
            controlMsgId.set(msgId);
        } else {
            this.msgId = msgId;
        }
    }

    public void freeMsgId() {
        if (controlMsgId.get() != null) {
            controlMsgId.remove();
        } else {
            this.msgId = null;
        }
    }

    /** The control request when the control loop asks, otherwise the shell request (null when none). */
    private MessageId<?> currentMsgId() {
        MessageId<?> control = controlMsgId.get();
        return control != null ? control : msgId;
    }

    public void markForShutdown() {
        requestShutdown = true;
    }

    public boolean isMarkedForShutdown() {
        return requestShutdown;
    }

    public void writeToStdOut(String msg) {
        publish(new IOPubStream(IOPubStream.StreamName.OUT, msg));
    }

    public void writeToStdErr(String msg) {
        publish(new IOPubStream(IOPubStream.StreamName.ERR, msg));
    }

    public String readFromStdIn() {
        return stdin.getInput(currentMsgId(), "", false);
    }

    /** Publishes {@code content} on iopub, as a child of the request being handled. */
    public <T extends ContentType<T>> void publish(T content) {
        iopub.sendMessage(new Message<>(currentMsgId(), content.type(), content));
    }

    /** Sends {@code content} on shell, as the reply to the request being handled. */
    public <T extends ContentType<T>> void reply(T content) {
        replySocket().sendMessage(new Message<>(currentMsgId(), content.type(), content));
    }

    public void replyError(MessageType<?> type, ErrorReply error) {
        replySocket().sendMessage(new Message(currentMsgId(), type, error));
    }

    /** The socket the request came in on: control for the control loop's requests, shell otherwise. */
    private AbstractChannel replySocket() {
        return controlMsgId.get() != null ? control : shell;
    }

    /** Runs {@code action} after the current handler of this thread returns (last scheduled, first run). */
    public void scheduleAfter(Runnable action) {
        afterActions.get().push(action);
    }

    /**
     * Runs what this thread's handler scheduled; 3.0.1 kept one stack for both loops. After a shell request (a cell),
     * first sends the whole last update of each live figure of the cell ({@link LiveFigures#finals()}), before the
     * cell's reply and its idle status.
     */
    public void runAfterActions() {
        if (controlMsgId.get() == null && msgId != null) {
            for (DisplayData last : LiveFigures.INSTANCE.finals()) {
                publish(new IOPubUpdateDisplayData(last));
            }
        }
        Deque<Runnable> actions = afterActions.get();
        while (!actions.isEmpty()) {
            actions.pop().run();
        }
    }

    /** Publishes {@code busy} now and {@code idle} after the current handler. */
    public void busyThenIdle() {
        publish(IOPubStatus.BUSY);
        scheduleAfter(() -> publish(IOPubStatus.IDLE));
    }
}

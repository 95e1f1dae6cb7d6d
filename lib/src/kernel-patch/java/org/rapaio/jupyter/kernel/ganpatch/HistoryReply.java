package org.rapaio.jupyter.kernel.ganpatch;

import java.util.List;

import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.MessageType;

/**
 * The content of a {@code history_reply} (Jupyter messaging protocol 5.4): {@code status} and {@code history},
 * a list of {@code [session, line, input]} entries. rapaio-jupyter-kernel 3.0.1 has no type for it.
 */
public record HistoryReply(String status, List<List<Object>> history) implements ContentType<HistoryReply> {
    /** The message type; the kernel's registry does not know it, which matters only for messages it reads. */
    public static final MessageType<HistoryReply> TYPE = new MessageType<>("history_reply", HistoryReply.class);

    /** An ok reply with no entries: the kernel keeps no history between sessions. */
    public static HistoryReply empty() {
        return new HistoryReply("ok", List.of());
    }

    @Override
    public MessageType<HistoryReply> type() {
        return TYPE;
    }
}

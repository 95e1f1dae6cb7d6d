package org.rapaio.jupyter.kernel.ganpatch;

import java.util.List;

import jdk.jshell.SourceCodeAnalysis;

import org.rapaio.jupyter.kernel.GeneralProperties;
import org.rapaio.jupyter.kernel.core.LanguageInfo;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.messages.ShellHistoryRequest;
import org.rapaio.jupyter.kernel.message.messages.ShellInspectRequest;
import org.rapaio.jupyter.kernel.message.messages.ShellKernelInfoReply;
import org.rapaio.jupyter.kernel.message.messages.ShellKernelInfoRequest;

/**
 * Three shell handlers of rapaio-jupyter-kernel 3.0.1, made to answer as Jupyter frontends expect:
 * <ul>
 *   <li>{@code kernel_info_request}: 3.0.1 reports the full runtime version ({@code 17.0.15+6-Debian-1deb12u1})
 *       as {@code language_info.version}; JupyterLab and Notebook 7 write {@code language_info} into the notebook
 *       on open, so a notebook committed on one machine showed as modified on every other. Here the version is the
 *       Java feature release ({@code 17}), what the notebooks' code depends on; the banner keeps the full one.</li>
 *   <li>{@code history_request}: 3.0.1 only logs "ShellHistoryRequest not implemented." and never replies, so
 *       JupyterLab waits; here the reply is an empty history, between busy and idle.</li>
 *   <li>{@code inspect_request} (Shift+Tab): 3.0.1's {@code JavaEngine.inspect(code, pos)} treats {@code pos} as the
 *       index of the character under the cursor and asks JShell for the documentation at {@code pos + 1}, after
 *       moving {@code pos} to the end of the name that follows and onto a {@code (} after it. With the cursor at the
 *       end of {@code Plots.lossHistory} that is one past the name (nothing found), and right after its {@code (}
 *       it is the end of the first argument's name. {@link #kernelPosition} gives the kernel the position that
 *       leads it to the name before the cursor; the kernel's handler does the rest. JShell documents a method
 *       only in a call, so for a bare method name {@link #target} adds the {@code (}.</li>
 * </ul>
 */
public final class ShellHandlers {
    private final RapaioKernel kernel;

    public ShellHandlers(RapaioKernel kernel) {
        this.kernel = kernel;
    }

    /** Replies 3.0.1's kernel info with {@link #stableLanguageInfo}, with busy and idle around it. */
    public void handleKernelInfoRequest(Message<ShellKernelInfoRequest> message) {
        kernel.channels().busyThenIdle();
        kernel.channels().reply(kernelInfo());
    }

    /** 3.0.1's kernel info reply (protocol 5.4, its name, version and help link) with {@link #stableLanguageInfo}. */
    public static ShellKernelInfoReply kernelInfo() {
        GeneralProperties properties = new GeneralProperties("default");
        LanguageInfo full = LanguageInfo.kernelLanguageInfo();
        return new ShellKernelInfoReply("5.4", properties.getKernelName(), properties.getKernelVersion(), stableLanguageInfo(full),
                full.name() + " " + full.version(),
                List.of(new LanguageInfo.Help("rapaio-jupyter-kernel homepage", "https://github.com/padreati/rapaio-jupyter-kernel")));
    }

    /** {@code info} with its version cut to the Java feature release: {@code "17.0.15+6-Debian-1deb12u1"} becomes {@code "17"}. */
    public static LanguageInfo stableLanguageInfo(LanguageInfo info) {
        return new LanguageInfo(info.name(), String.valueOf(Runtime.version().feature()), info.mimetype(), info.fileExtension(),
                info.pygmentsLexer(), info.codemirrorMode(), info.nbconvertExporter());
    }

    /** Replies an empty history ({@link HistoryReply#empty()}), with busy and idle around it. */
    public void handleHistoryRequest(Message<ShellHistoryRequest> message) {
        kernel.channels().busyThenIdle();
        kernel.channels().reply(HistoryReply.empty());
    }

    /** The kernel's own inspect handler, given {@link #target} instead of the frontend's code and cursor. */
    public void handleInspectRequest(Message<ShellInspectRequest> message) {
        ShellInspectRequest request = message.content();
        Target target = target(request.code(), request.cursorPos(), kernel.javaEngine().getSourceAnalysis());
        if (target.pos() != request.cursorPos() || !target.code().equals(request.code())) {
            ShellInspectRequest moved = new ShellInspectRequest(target.code(), target.pos(), request.detailLevel());
            message = new Message<>(message.identities(), message.header(), message.parentHeader(),
                    message.metadata(), moved, message.buffers());
        }
        kernel.handleInspectRequest(message);
    }

    /** The code and position 3.0.1's inspect is given. */
    public record Target(String code, int pos) {
    }

    /**
     * {@link #kernelPosition}, and for a bare method name ({@code Plots.lossHistory|} with no {@code (} after it,
     * where JShell finds nothing) the code with a {@code (} inserted after the name, when JShell then finds the
     * method's documentation. {@code analysis} may be null (no insertion).
     */
    public static Target target(String code, int cursorPos, SourceCodeAnalysis analysis) {
        int pos = kernelPosition(code, cursorPos);
        if (code == null || pos < 0 || pos >= code.length() || !Character.isJavaIdentifierPart(code.charAt(pos))
                || analysis == null) {
            return new Target(code, pos);
        }
        int end = pos + 1;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int next = end;
        while (next < code.length() && Character.isWhitespace(code.charAt(next))) {
            next++;
        }
        if (next < code.length() && code.charAt(next) == '(') {
            return new Target(code, pos);
        }
        String call = code.substring(0, end) + "(" + code.substring(end);
        if (analysis.documentation(code, end, false).isEmpty() && !analysis.documentation(call, end + 1, false).isEmpty()) {
            return new Target(call, pos);
        }
        return new Target(code, pos);
    }

    /**
     * The {@code pos} to hand to 3.0.1's {@code JavaEngine.inspect} for a frontend cursor {@code cursorPos}
     * (counted in Unicode code points, as the protocol says; between characters):
     * <ul>
     *   <li>cursor right after a name's last character ({@code Plots.lossHistory|}), or inside it: the index of the
     *       character before the cursor, so the kernel walks to the name's end (and onto a following {@code (});</li>
     *   <li>cursor right after {@code (} ({@code Plots.lossHistory(|h)}): the index of the last character before
     *       that {@code (} and any blanks, so the kernel steps onto the {@code (} and not into the argument;</li>
     *   <li>otherwise (also a {@code (} with no name before it), or on a magic line ({@code %jars ...}, left to the kernel's magic handlers): unchanged.</li>
     * </ul>
     * Returned as a Java string index (UTF-16), which is what the kernel uses.
     */
    public static int kernelPosition(String code, int cursorPos) {
        if (code == null || cursorPos < 0) {
            return cursorPos;
        }
        int cursor = code.offsetByCodePoints(0, Math.min(cursorPos, code.codePointCount(0, code.length())));
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        if (code.startsWith("%", lineStart) || cursor == 0) {
            return cursor;
        }
        char before = code.charAt(cursor - 1);
        if (Character.isJavaIdentifierPart(before)) {
            return cursor - 1;
        }
        if (before == '(') {
            int last = cursor - 2;
            while (last >= 0 && Character.isWhitespace(code.charAt(last))) {
                last--;
            }
            return last >= 0 ? last : cursor;
        }
        return cursor;
    }
}

/**
 * The GAN tutorial's patch for rapaio-jupyter-kernel 3.0.1 (not part of that kernel; built by the tutorial's
 * {@code lib/pom.xml} into {@code lib/target/gan-kernel-patch.jar}, which the kernelspec puts ahead of the
 * kernel's jar on the class path, so that its classes replace the kernel's own of the same name).
 *
 * <p>Two start-order races in {@code org.rapaio.jupyter.kernel.channels} made about one start in eight a kernel
 * that never answers:
 * <ol>
 *   <li>{@code LoopThread.start()} (LoopThread.java lines 32-35) starts the thread before it sets
 *       {@code running = true}; a thread that tests {@code while (running)} first ends at once, silently.</li>
 *   <li>{@code Channels.connect()} (Channels.java lines 59-81) binds the sockets, which starts the loops, before
 *       it creates and fills its handler map; a request in between ends the shell thread with a
 *       NullPointerException or is dropped as "Unhandled message".</li>
 * </ol>
 * The replacements {@link org.rapaio.jupyter.kernel.channels.LoopThread} and
 * {@link org.rapaio.jupyter.kernel.channels.Channels} do those steps in the safe order. {@code Channels} also keeps
 * the control loop's request apart from the shell loop's (3.0.1 shared one field and sent control's replies on
 * shell), and exits the JVM after a shutdown request (3.0.1 lingered on an idle executor thread). Thin additions:
 * {@link org.rapaio.jupyter.kernel.ganpatch.ShellHandlers} answers {@code history_request} and moves the inspect
 * cursor so that Shift+Tab works at the end of a name and after its {@code (}; {@code Channels} publishes
 * {@code idle} once ready; {@link org.rapaio.jupyter.kernel.global.Global} and
 * {@link org.rapaio.jupyter.kernel.ganpatch.LiveFigures} make {@code updateDisplay} of a figure redraw it in
 * JupyterLab and Notebook 7 while its cell runs; {@link org.rapaio.jupyter.kernel.ganpatch.KernelVersion} stops the kernel when the kernel
 * jar is not 3.0.1, the only version these replacements were written against.
 */
package org.rapaio.jupyter.kernel.ganpatch;

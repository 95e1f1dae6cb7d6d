package org.rapaio.jupyter.kernel.ganpatch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;

import org.rapaio.jupyter.kernel.core.RapaioKernel;

/**
 * Ties the patch to rapaio-jupyter-kernel {@value #SUPPORTED}: the replaced classes copy that version's
 * behaviour and call its classes, so with any other version the kernel stops at start with a message naming both
 * versions (in the kernel's log, on stderr) and exit status {@value #EXIT_STATUS}.
 */
public final class KernelVersion {
    /** The one kernel version the patch was written against. */
    public static final String SUPPORTED = "3.0.1";
    /** The kernel's exit status when its version is not {@link #SUPPORTED}. */
    public static final int EXIT_STATUS = 3;
    /** Where the kernel jar records its version (written by Maven when it built the jar). */
    static final String POM_PROPERTIES = "META-INF/maven/io.github.padreati/rapaio-jupyter-kernel/pom.properties";

    private static final Logger LOGGER = Logger.getLogger(KernelVersion.class.getSimpleName());

    private KernelVersion() {
    }

    /** Logs the problem and exits with {@link #EXIT_STATUS} when {@link #problem(Path)} finds one for the kernel jar. */
    public static void requireSupported() {
        Path kernelJar = kernelJar();
        String problem = problem(kernelJar);
        if (problem != null) {
            LOGGER.severe(problem);
            System.err.println(problem);
            System.err.flush();
            System.exit(EXIT_STATUS);
        }
    }

    /** The jar (or class folder) the kernel's own {@code RapaioKernel} class was loaded from. */
    static Path kernelJar() {
        try {
            return Path.of(RapaioKernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Null when {@code kernelJar} is rapaio-jupyter-kernel {@value #SUPPORTED}; otherwise one line naming the jar,
     * the version it holds (or why it could not be read), the supported version and the fix.
     */
    static String problem(Path kernelJar) {
        String found;
        try {
            found = versionOf(kernelJar);
        } catch (IOException | RuntimeException e) {
            found = "unknown (" + e.getMessage() + ")";
        }
        if (SUPPORTED.equals(found)) {
            return null;
        }
        return "GAN tutorial kernel patch: kernel jar " + kernelJar + " is rapaio-jupyter-kernel " + found
                + ", but the patch (gan-kernel-patch.jar) replaces classes of " + SUPPORTED
                + " only; install " + SUPPORTED + " (scripts/kernel.py --force) or remove the patch jar from the"
                + " kernelspec's class path.";
    }

    /** The {@code version} in the kernel's {@code pom.properties} inside {@code jar} (a jar file or a class folder). */
    static String versionOf(Path jar) throws IOException {
        if (jar == null) {
            throw new IOException("the kernel's class path location is unknown");
        }
        Properties properties = new Properties();
        if (Files.isDirectory(jar)) {
            try (InputStream in = Files.newInputStream(jar.resolve(POM_PROPERTIES))) {
                properties.load(in);
            }
        } else {
            try (JarFile file = new JarFile(jar.toFile())) {
                ZipEntry entry = file.getEntry(POM_PROPERTIES);
                if (entry == null) {
                    throw new IOException(POM_PROPERTIES + " missing");
                }
                try (InputStream in = file.getInputStream(entry)) {
                    properties.load(in);
                }
            }
        }
        String version = properties.getProperty("version");
        if (version == null) {
            throw new IOException("no version in " + POM_PROPERTIES);
        }
        return version.trim();
    }
}

package org.rapaio.jupyter.kernel.ganpatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelVersionTest {
    @TempDir
    Path dir;

    Path jar(String name, String pomProperties) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("org/rapaio/jupyter/kernel/MainApp.class"));
            zip.closeEntry();
            if (pomProperties != null) {
                zip.putNextEntry(new JarEntry(KernelVersion.POM_PROPERTIES));
                zip.write(pomProperties.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void theKernelOnTheClassPathIsTheSupportedVersion() throws IOException {
        assertEquals(KernelVersion.SUPPORTED, KernelVersion.versionOf(KernelVersion.kernelJar()));
        assertNull(KernelVersion.problem(KernelVersion.kernelJar()));
    }

    @Test
    void anotherVersionIsNamedWithTheSupportedOneAndTheFix() throws IOException {
        Path other = jar("rapaio-jupyter-kernel-3.0.4.jar",
                "artifactId=rapaio-jupyter-kernel\ngroupId=io.github.padreati\nversion=3.0.4\n");
        String problem = KernelVersion.problem(other);
        assertTrue(problem.contains(other.toString()), problem);
        assertTrue(problem.contains("rapaio-jupyter-kernel 3.0.4"), problem);
        assertTrue(problem.contains("of 3.0.1 only"), problem);
        assertTrue(problem.contains("scripts/kernel.py --force"), problem);
    }

    @Test
    void aJarWithoutVersionIsUnknownNotSupported() throws IOException {
        String problem = KernelVersion.problem(jar("kernel.jar", null));
        assertTrue(problem.contains("is rapaio-jupyter-kernel unknown (" + KernelVersion.POM_PROPERTIES + " missing)"),
                problem);
        assertTrue(KernelVersion.problem(dir.resolve("absent.jar")).contains("unknown"));
        assertTrue(KernelVersion.problem(null).contains("unknown (the kernel's class path location is unknown)"));
    }
}

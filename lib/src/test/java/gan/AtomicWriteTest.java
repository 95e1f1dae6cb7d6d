package gan;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path dir;

    private static final AtomicWrite.Body HELLO = out -> out.write("hello\n".getBytes(StandardCharsets.UTF_8));

    private List<String> listing() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private IOException refused(Path p) {
        return assertThrows(IOException.class, () -> AtomicWrite.write("--out " + p.getFileName(), p, HELLO));
    }

    @Test
    void fifoSocketAndFolderAreRefusedAndLeftAlone() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        IOException e = refused(fifo);
        assertEquals("--out pipe: is not a regular file (a device, FIFO or socket); name a regular file", e.getMessage());
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther(), "the FIFO is still a FIFO");

        Path sock = dir.resolve("sock");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(sock));
            assertTrue(refused(sock).getMessage().contains("is not a regular file"));
            assertTrue(Files.readAttributes(sock, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther());
        }
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertEquals("--out sub: is a folder, not a file", refused(sub).getMessage());
        // a symbolic link to a FIFO is followed, so it is refused too, and the link stays
        Path link = Files.createSymbolicLink(dir.resolve("link"), fifo);
        assertTrue(refused(link).getMessage().contains("is not a regular file"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of("link", "pipe", "sub"), listing().stream().filter(n -> !n.equals("sock")).toList());
    }

    @Test
    void aSymbolicLinkIsFollowedNotReplaced() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));
        AtomicWrite.write(link, HELLO);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("hello\n", Files.readString(real));
        // a dangling link: its target is created
        Path dangling = Files.createSymbolicLink(dir.resolve("new-link.csv"), Path.of("new.csv"));
        AtomicWrite.write(dangling, HELLO);
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("hello\n", Files.readString(dir.resolve("new.csv")));
        assertEquals(List.of("link.csv", "new-link.csv", "new.csv", "real.csv"), listing());
    }

    @Test
    void aNewFileGetsTheUmasksModeAndOverwritingKeepsTheMode() throws Exception {
        Path reference = Files.createFile(dir.resolve("reference"));   // created the ordinary way: 0666 minus the umask
        Path fresh = dir.resolve("fresh.csv");
        AtomicWrite.write(fresh, HELLO);
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(fresh));
        Path kept = dir.resolve("kept.csv");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
        AtomicWrite.write(kept, HELLO);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        assertEquals("hello\n", Files.readString(kept));
    }

    @Test
    void readOnlyFileAndFolderAreRefusedEvenAsRoot() throws Exception {
        Path ro = dir.resolve("ro.csv");
        Files.writeString(ro, "old");
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
        assertEquals("--out ro.csv: file is read-only (mode r--r--r--); make it writable or choose another file", refused(ro).getMessage());
        assertEquals("old", Files.readString(ro));
        Path roDir = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(roDir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            IOException e = refused(roDir.resolve("x.csv"));
            assertTrue(e.getMessage().startsWith("--out x.csv: folder is not writable ("), e.getMessage());
            assertFalse(Files.exists(roDir.resolve("x.csv")));
        } finally {
            Files.setPosixFilePermissions(roDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        IOException missing = refused(dir.resolve("no/such/x.csv"));
        assertTrue(missing.getMessage().startsWith("--out x.csv: folder ") && missing.getMessage().endsWith("no/such does not exist"),
                missing.getMessage());
    }

    @Test
    void longNamesAreRefusedUpFrontOrGetAShortenedTemporary() throws Exception {
        String longest = "n".repeat(AtomicWrite.MAX_NAME_BYTES - 4) + ".csv";
        AtomicWrite.write(dir.resolve(longest), HELLO);      // the temporary's name is shortened to fit
        assertEquals(List.of(longest), listing());
        Path tooLong = dir.resolve("n".repeat(AtomicWrite.MAX_NAME_BYTES) + ".csv");
        IOException e = assertThrows(IOException.class, () -> AtomicWrite.check("--out", tooLong));
        assertEquals("--out: file name is too long (259 bytes; at most 255)", e.getMessage());
    }

    @Test
    void failuresNameWhatAndWhyAndLeaveNothingHalfDone() throws Exception {
        Path a = dir.resolve("a.csv"), b = dir.resolve("b.csv");
        Files.writeString(a, "old a");
        AtomicWrite.Body full = out -> {
            out.write(new byte[100]);
            throw new IOException("No space left on device");
        };
        IOException e = assertThrows(IOException.class, () -> AtomicWrite.write("--out fakes.csv", b, full));
        assertEquals("--out fakes.csv: no space left on device", e.getMessage());
        // the second of two files fails: the first is not replaced either
        e = assertThrows(IOException.class, () -> new AtomicWrite.Batch().add("--out a.csv", a, HELLO).add("--history b.csv", b, full).commit());
        assertEquals("--history b.csv: no space left on device", e.getMessage());
        assertEquals("old a", Files.readString(a));
        assertEquals(List.of("a.csv"), listing());
        new AtomicWrite.Batch().add("--out a.csv", a, HELLO).add("--history b.csv", b, HELLO).commit();
        assertEquals("hello\n", Files.readString(b));
        assertEquals("hello\n", Files.readString(a));
    }

    @Test
    void sigintSigtermAndSighupLeaveNoTemporaryFile() throws Exception {
        String cp = Path.of(AtomicWrite.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + File.pathSeparator
                + Path.of(AtomicWriteTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String signal : new String[] {"INT", "TERM", "HUP"}) {
            Path sub = Files.createDirectory(dir.resolve(signal));
            Path target = sub.resolve("out.csv");
            Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", cp, "gan.SlowWriter", target.toString()).redirectErrorStream(true).start();
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("writing", r.readLine(), signal);
                try (var s = Files.list(sub)) {
                    assertEquals(1, s.filter(f -> f.getFileName().toString().startsWith(".out.csv.tmp-")).count(), "the temporary exists");
                }
                assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), signal);
                try (var s = Files.list(sub)) {
                    assertEquals(List.of(), s.toList(), "after SIG" + signal + " nothing is left");
                }
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void reasonsNeverNameTheTemporaryFile() {
        String tmp = "/data/.fakes.csv.tmp-1a2b3c4d";
        assertEquals("no space left on device", AtomicWrite.reason(new java.nio.file.FileSystemException(tmp, null, "No space left on device")));
        assertEquals("permission denied", AtomicWrite.reason(new java.nio.file.AccessDeniedException(tmp)));
        assertEquals("no such file or folder", AtomicWrite.reason(new java.nio.file.NoSuchFileException(tmp)));
        assertEquals("input/output error", AtomicWrite.reason(new IOException("Input/output error")));
        assertEquals("file name is too long", AtomicWrite.reason(new IOException("file name is too long")));
    }
}

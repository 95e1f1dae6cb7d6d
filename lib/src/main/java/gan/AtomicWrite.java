package gan;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that each is either complete or not there: the bytes go to a temporary file in the
 * target's folder ({@code .NAME.tmp-XXXXXXXX}), are flushed to disk, and the temporary file is then
 * renamed over the target in one atomic step.
 *
 * <ul>
 *   <li>The target must be a regular file or not exist: a folder, device, FIFO or socket is refused
 *       (renaming over {@code /dev/null} would replace the device). A symbolic link is followed: the file
 *       it points to is written, the link stays.</li>
 *   <li>The folder must exist and be writable; a read-only target (no write bit in its mode) is refused.
 *       Both are judged by the mode bits too, so running as root (which ignores modes) refuses the same.</li>
 *   <li>A new file gets the mode the umask gives (0644 under umask 022); overwriting keeps the old mode.</li>
 *   <li>{@link Batch} writes several files: all go to temporaries first, and only when every one is
 *       complete are they renamed, so a failure on the second leaves none of them half-done.</li>
 *   <li>If anything fails, or the JVM is stopped (SIGINT, SIGTERM, SIGHUP: a shutdown hook), the
 *       temporary files are deleted and the targets are untouched.</li>
 *   <li>Every message reads {@code "<what>: <reason>"}, e.g. {@code "--out fakes.csv: no space left on
 *       device"}, where {@code what} is the caller's label (the option and the file); never a temporary
 *       file's name alone.</li>
 * </ul>
 */
public final class AtomicWrite {
    /** Longest file name (bytes of UTF-8) most file systems take (Linux NAME_MAX). */
    public static final int MAX_NAME_BYTES = 255;
    /** Temporary files being written (absolute paths); the shutdown hook deletes them. */
    private static final Set<Path> LIVE = new LinkedHashSet<>();
    private static boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicWrite::removeTemporaries, "gan.AtomicWrite cleanup"));
    }

    private AtomicWrite() {
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code path} atomically with the bytes {@code body} produces; messages name the path. */
    public static void write(Path path, Body body) throws IOException {
        Check.notNull("path", path);
        write(path.toString(), path, body);
    }

    /** Writes {@code path} atomically; messages start with {@code what} (e.g. {@code "--out fakes.csv"}). */
    public static void write(String what, Path path, Body body) throws IOException {
        new Batch().add(what, path, body).commit();
    }

    /**
     * Checks that {@code path} can be written (see the class comment) and returns the file that will be
     * written: absolute, with symbolic links (of the file and its folder) resolved. Nothing is created.
     *
     * @throws IOException {@code "<what>: <reason>"} if it cannot
     */
    public static Path check(String what, Path path) throws IOException {
        Check.notNull("what", what);
        Check.notNull("path", path);
        Path target = followLinks(what, path.toAbsolutePath().normalize());
        Path name = target.getFileName();
        if (name == null) {
            throw new IOException(what + ": is a folder, not a file");
        }
        int nameBytes = name.toString().getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes > MAX_NAME_BYTES) {
            throw new IOException(what + ": file name is too long (" + nameBytes + " bytes; at most " + MAX_NAME_BYTES + ")");
        }
        Path dir = target.getParent();
        if (!Files.exists(dir)) {
            throw new IOException(what + ": folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(what + ": " + dir + " is not a folder");
        }
        dir = dir.toRealPath();
        target = dir.resolve(name.toString());
        if (!Files.isWritable(dir) || !anyWriteBit(dir)) {
            throw new IOException(what + ": folder is not writable (" + dir + ", mode " + mode(dir) + ")");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(what + ": is a folder, not a file");
            }
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(what + ": is not a regular file (a device, FIFO or socket); name a regular file");
            }
            if (!Files.isWritable(target) || !anyWriteBit(target)) {
                throw new IOException(what + ": file is read-only (mode " + mode(target) + "); make it writable or choose another file");
            }
        }
        return target;
    }

    /** Several files written together: all to temporaries, then all renamed (see the class comment). */
    public static final class Batch {
        private final List<String> whats = new ArrayList<>();
        private final List<Path> paths = new ArrayList<>();
        private final List<Body> bodies = new ArrayList<>();

        /** Adds a file to write; {@code what} labels its messages. Returns this. */
        public Batch add(String what, Path path, Body body) {
            whats.add(Check.notNull("what", what));
            paths.add(Check.notNull("path", path));
            bodies.add(Check.notNull("body", body));
            return this;
        }

        /**
         * Checks every target, writes each to its temporary file, then renames them all. On failure the
         * temporaries are deleted and the targets not yet renamed are untouched.
         */
        public void commit() throws IOException {
            int n = paths.size();
            Path[] targets = new Path[n];
            for (int i = 0; i < n; i++) targets[i] = check(whats.get(i), paths.get(i));
            Path[] tmps = new Path[n];
            try {
                for (int i = 0; i < n; i++) tmps[i] = writeTemporary(whats.get(i), targets[i], bodies.get(i));
                synchronized (LIVE) {
                    for (int i = 0; i < n; i++) {
                        if (shuttingDown || !LIVE.contains(tmps[i])) {
                            throw new IOException(whats.get(i) + ": not written, the program is stopping");
                        }
                        move(whats.get(i), tmps[i], targets[i]);
                        LIVE.remove(tmps[i]);
                        tmps[i] = null;
                    }
                }
            } finally {
                for (Path t : tmps) if (t != null) discard(t);
            }
        }
    }

    private static Path writeTemporary(String what, Path target, Body body) throws IOException {
        Path tmp = temporaryName(target);
        synchronized (LIVE) {
            if (shuttingDown) throw new IOException(what + ": not written, the program is stopping");
            LIVE.add(tmp);
        }
        try {
            // no file attributes: the new file gets 0666 minus the umask, as any program's new file does
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) keepModeAndOwner(target, tmp);
                body.write(out);
                out.flush();
                ch.force(true);
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            discard(tmp);
            if (e instanceof RuntimeException r) throw r;
            throw new IOException(what + ": " + reason((IOException) e), e);
        }
    }

    private static void move(String what, Path tmp, Path target) throws IOException {
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException(what + ": " + reason(e), e);
        }
    }

    /** {@code .NAME.tmp-XXXXXXXX} next to the target, NAME shortened so the whole fits in a file name. */
    static Path temporaryName(Path target) {
        String name = target.getFileName().toString();
        String suffix = String.format(Locale.ROOT, ".tmp-%08x", ThreadLocalRandom.current().nextInt());
        int room = MAX_NAME_BYTES - 1 - suffix.length();
        while (name.getBytes(StandardCharsets.UTF_8).length > room) name = name.substring(0, name.length() - 1);
        return target.resolveSibling("." + name + suffix);
    }

    /** The file a (chain of) symbolic link(s) names, even when it does not exist yet. */
    private static Path followLinks(String what, Path p) throws IOException {
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) throw new IOException(what + ": too many levels of symbolic links");
            p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
        }
        return p;
    }

    private static void keepModeAndOwner(Path from, Path to) throws IOException {
        try {
            PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class);
            Files.setPosixFilePermissions(to, a.permissions());
            PosixFileAttributes t = Files.readAttributes(to, PosixFileAttributes.class);
            if (!a.owner().equals(t.owner()) || !a.group().equals(t.group())) {
                try {
                    Files.setOwner(to, a.owner());
                    Files.getFileAttributeView(to, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(a.group());
                } catch (IOException e) {
                    // only root may give a file away; an ordinary user's rewrite is then owned by that user
                }
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to keep
        }
    }

    private static boolean anyWriteBit(Path p) throws IOException {
        try {
            Set<PosixFilePermission> m = Files.getPosixFilePermissions(p);
            return m.contains(PosixFilePermission.OWNER_WRITE) || m.contains(PosixFilePermission.GROUP_WRITE)
                    || m.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException e) {
            return true;
        }
    }

    private static String mode(Path p) throws IOException {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (UnsupportedOperationException e) {
            return "unknown";
        }
    }

    /** The reason of a failure without the (temporary) file's name: "no space left on device". */
    static String reason(IOException e) {
        String r;
        if (e instanceof FileSystemException f) {
            r = f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "file already exists"
                    : e.getClass().getSimpleName();
        } else {
            r = e.getMessage();
        }
        if (r == null || r.isBlank()) r = e.getClass().getSimpleName();
        return r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1))
                ? Character.toLowerCase(r.charAt(0)) + r.substring(1) : r;
    }

    private static void discard(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // nothing more can be done; the name starts with a dot and says .tmp-
        }
        synchronized (LIVE) {
            LIVE.remove(tmp);
        }
    }

    private static void removeTemporaries() {
        synchronized (LIVE) {
            shuttingDown = true;
            for (Path t : LIVE) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException e) {
                    // best effort while the JVM stops
                }
            }
            LIVE.clear();
        }
    }
}

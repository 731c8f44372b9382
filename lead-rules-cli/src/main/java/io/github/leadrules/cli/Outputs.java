package io.github.leadrules.cli;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files one command run writes, so that no failure leaves a partial file: each is written to
 * a hidden temporary file in its target's folder and moved into place (atomically where the file
 * system can) only by {@link #commit()}; {@link #close()} removes whatever was not committed, and
 * a shutdown hook does the same when the JVM is stopped (Ctrl-C, {@code kill}) mid-run. A file
 * already at the target stays untouched until the commit replaces it.
 *
 * <p>{@link #refuseOverlaps} checks, before anything is read, that no output is one of the
 * command's inputs or another output: the same path, a symbolic or hard link to it.
 */
final class Outputs implements Closeable {

    /** Temporary files not yet committed nor removed, in every run of this JVM (tests run several). */
    private static final Set<Pending> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Outputs::discardAllPending, "lead-rules-remove-partial-outputs"));
    }

    /** A file being written: its temporary file and its final name. */
    private static final class Pending {
        final Path target;
        final Path temporary;
        OutputStream stream;
        boolean done;

        Pending(Path target, Path temporary) {
            this.target = target;
            this.temporary = temporary;
        }

        /** Removes the temporary file unless it was moved into place; safe to call twice. */
        synchronized void discard() {
            if (done) {
                return;
            }
            done = true;
            try {
                if (stream != null) {
                    stream.close();
                }
            } catch (IOException | RuntimeException ignored) {
                // The file is being removed: what it would have held no longer matters.
            }
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Best effort: a hidden .part file is all that can remain.
            }
            PENDING.remove(this);
        }

        /** Closes, syncs and moves the temporary file to its final name. */
        synchronized void commit() throws IOException {
            if (done) {
                throw new IOException("cannot write " + target + ": the run was stopped");
            }
            if (stream != null) {
                stream.close();
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            keepPermissions(target, temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            PENDING.remove(this);
        }
    }

    private final List<Pending> files = new ArrayList<>();

    /**
     * Opens a new output: a temporary file beside {@code target} (its folder made on demand, so
     * {@code --out reports/x.html} works in a fresh checkout). Nothing appears under the target's
     * name before {@link #commit()}. A target that is a symbolic link is written through the link.
     */
    OutputStream create(Path target) throws IOException {
        Path resolved = Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
        Path parent = resolved.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Pending pending = null;
        for (int attempt = 0; pending == null; attempt++) {
            Path temporary = resolved.resolveSibling(temporaryName(resolved.getFileName().toString()));
            try {
                Files.createFile(temporary);
                pending = new Pending(resolved, temporary);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
        PENDING.add(pending);
        files.add(pending);
        pending.stream = Files.newOutputStream(pending.temporary, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return pending.stream;
    }

    /**
     * Moves every file opened so far into place, in the order they were opened (closing them
     * first). Each move is atomic where the file system allows; two files are two moves.
     */
    void commit() throws IOException {
        for (Pending p : files) {
            if (!p.done) {
                p.commit();
            }
        }
    }

    /** Removes every temporary file not committed. */
    @Override
    public void close() {
        for (Pending p : files) {
            p.discard();
        }
    }

    /** Standard output for a writer that will be closed: closing flushes, but leaves standard output open. */
    static OutputStream keptOpen(OutputStream stdout) {
        return new FilterOutputStream(stdout) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * Refuses, before anything is read, outputs that would overwrite an input or each other.
     *
     * @param inputs  option or parameter name (e.g. {@code INPUT}, {@code --policy}) to the files
     *                it reads; {@code null} and {@code -} (standard input) entries are skipped; a
     *                folder (of rule files) counts as every {@code .drl} file under it
     * @param outputs option name to the file it writes; {@code null} and {@code -} are skipped
     * @throws UsageProblem naming both options and paths
     */
    static void refuseOverlaps(Map<String, List<Path>> inputs, Map<String, Path> outputs) throws UsageProblem {
        List<Map.Entry<String, Path>> seen = new ArrayList<>();
        for (Map.Entry<String, Path> out : outputs.entrySet()) {
            Path target = out.getValue();
            if (target == null || target.toString().equals("-")) {
                continue;
            }
            String name = out.getKey() + " " + CommandErrors.printable(target.toString());
            if (Files.isDirectory(target)) {
                throw new UsageProblem(name + " is a folder; name a file to write");
            }
            if (Files.exists(target) && !Files.isWritable(target)) {
                throw new UsageProblem(name + " exists and is not writable");
            }
            for (Map.Entry<String, List<Path>> in : inputs.entrySet()) {
                for (Path source : in.getValue()) {
                    if (source == null || source.toString().equals("-")) {
                        continue;
                    }
                    boolean folder = Files.isDirectory(source);
                    if (folder ? insideRuleFolder(target, source) : sameFile(target, source)) {
                        throw new UsageProblem(name + " is " + (folder ? "a rule file in the " + in.getKey() + " folder "
                                : "the " + in.getKey() + " file ") + CommandErrors.printable(source.toString())
                                + "; lead-rules never writes over its input: write the output elsewhere");
                    }
                }
            }
            for (Map.Entry<String, Path> other : seen) {
                if (sameFile(target, other.getValue())) {
                    throw new UsageProblem(name + " is the same file as " + other.getKey() + " "
                            + CommandErrors.printable(other.getValue().toString()) + "; give each output its own file");
                }
            }
            seen.add(out);
        }
    }

    /**
     * Whether two paths name the same file: by file identity when both exist (a symbolic or hard
     * link is the same file), else by their real folders and names.
     */
    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // Fall back to comparing names.
        }
        return canonical(a).equals(canonical(b));
    }

    private static boolean insideRuleFolder(Path target, Path folder) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        return name.endsWith(".drl") && canonical(target).startsWith(canonical(folder));
    }

    /** The real path of a file, or of its folder and its name when it does not exist yet. */
    private static Path canonical(Path p) {
        Path absolute = p.toAbsolutePath();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path parent = absolute.getParent();
            if (parent != null && Files.isDirectory(parent)) {
                return parent.toRealPath().resolve(absolute.getFileName());
            }
        } catch (IOException e) {
            // Fall back to the normalised path.
        }
        return absolute.normalize();
    }

    /** A hidden name beside the target's, unique enough for concurrent runs. */
    private static String temporaryName(String target) {
        String suffix = String.format(Locale.ROOT, ".%d-%08x.part", ProcessHandle.current().pid(),
                ThreadLocalRandom.current().nextInt());
        // Keep within the usual 255-byte file name limit (3 bytes per char covers most of UTF-8).
        String base = target.codePointCount(0, target.length()) > 60 ? target.substring(0, target.offsetByCodePoints(0, 60)) : target;
        return "." + base + suffix;
    }

    /** A replaced file keeps its permissions; a new one gets the default ones. */
    private static void keepPermissions(Path target, Path temporary) {
        try {
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system, or not ours to read: default permissions.
        }
    }

    private static void discardAllPending() {
        for (Pending p : List.copyOf(PENDING)) {
            p.discard();
        }
    }
}

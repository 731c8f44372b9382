package io.github.leadrules.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the commands write: files whose folders are made on demand, and standard output kept open. */
final class Outputs {

    private Outputs() {
    }

    /** Creates the folders a file is to be written in, so {@code --out reports/x.html} works in a fresh checkout. */
    static void createParentDirectories(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
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
}

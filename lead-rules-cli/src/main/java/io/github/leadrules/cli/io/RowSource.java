package io.github.leadrules.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A stream of input rows with a header: CSV or JSON Lines. */
public interface RowSource extends Closeable {

    /** The column names (for JSON Lines, the keys of the first object). */
    List<String> header();

    /** The next row, or null at the end. */
    InputRow next() throws IOException;

    /** A fatal problem with the input as a whole (no header, unreadable first line). */
    final class BadInputException extends IOException {
        private static final long serialVersionUID = 1L;

        public BadInputException(String message) {
            super(message);
        }
    }
}

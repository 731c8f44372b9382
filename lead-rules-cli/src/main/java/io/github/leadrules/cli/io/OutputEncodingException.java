package io.github.leadrules.cli.io;

import java.io.IOException;

/**
 * An output cannot be written in the encoding asked for: a cell holds a character the encoding
 * cannot represent. The message names the output, the row's input line and the column; never the
 * value. The command stops and the output file is not written.
 */
public final class OutputEncodingException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutputEncodingException(String message) {
        super(message);
    }
}

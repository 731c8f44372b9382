package io.github.leadrules.fuzz;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the characters a reader hands on, so that a fuzz target knows how many input characters a
 * parser was given (after decoding) without trusting the parser's own count.
 */
public final class CountingReader extends FilterReader {

    private long chars;

    public CountingReader(Reader in) {
        super(in);
    }

    /** Characters handed on so far. */
    public long chars() {
        return chars;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            chars++;
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            chars += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        chars += skipped;
        return skipped;
    }
}

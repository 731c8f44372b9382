package io.github.leadrules.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Physical lines of text, split at {@code \n}, {@code \r\n} or {@code \r} as
 * {@link java.io.BufferedReader#readLine()} splits them, but bounded: a line longer than the limit
 * is not kept — it is read to its end and returned without its text — so one endless line costs
 * time in proportion to its length and no memory beyond the limit.
 */
final class LineReader implements Closeable {

    /**
     * One physical line.
     *
     * @param number the 1-based line number
     * @param text   the line without its terminator, or null when it is longer than the limit
     * @param length its length in characters, or the limit + 1 when it is longer
     * @param blank  for a line longer than the limit, whether it is white space only (as
     *               {@link String#isBlank()}); false for a line with text, whose text tells
     */
    record Line(long number, String text, int length, boolean blank) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int max;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line = new StringBuilder(256);
    private int pos;
    private int end;
    private boolean skipLineFeed;
    private long number;
    private long charsRead;

    /** Lines of at most {@code max} characters. */
    LineReader(Reader in, int max) {
        if (max < 1 || max == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("max must be between 1 and " + (Integer.MAX_VALUE - 1));
        }
        this.in = in;
        this.max = max;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        line.setLength(0);
        long length = 0;
        boolean any = false;
        boolean first = true;
        boolean blank = true;
        String single = null;
        while (true) {
            if (pos == end && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n' && buffer[pos] != '\r') {
                pos++;
            }
            int n = pos - start;
            if (pos < end && first && n <= max) {
                // The whole line lies in the buffer: one copy, not two (it ends here, see below).
                single = new String(buffer, start, n);
            } else if (length + n <= max) {
                line.append(buffer, start, n);
            } else {
                // Longer than the limit: not kept, but still skipped later if it is white space only.
                if (length <= max) {
                    blank = isBlank(line, 0, line.length());
                    line.setLength(0);
                }
                blank = blank && isBlank(buffer, start, n);
            }
            first = false;
            length += n;
            if (pos < end) {
                skipLineFeed = buffer[pos++] == '\r';
                break;
            }
        }
        number++;
        if (length > max) {
            return new Line(number, null, max + 1, blank);
        }
        return new Line(number, single != null ? single : line.toString(), (int) length, false);
    }

    /** Whether characters {@code from} to {@code to} are white space only (no white space is outside the BMP). */
    static boolean isBlank(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char[] chars, int from, int n) {
        return isBlank(java.nio.CharBuffer.wrap(chars, from, n), 0, n);
    }

    /** Characters read from the input so far. */
    long charsRead() {
        return charsRead;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            pos = end = 0;
            return false;
        }
        pos = 0;
        end = n;
        charsRead += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

package io.github.leadrules.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Physical lines of UTF-8 input, split and bounded exactly as {@link LineReader} splits and bounds
 * the same input decoded, but found in the bytes: in UTF-8 a line break, a quote or an ASCII
 * delimiter byte is never part of a multi-byte character, so the input need not be decoded to be
 * split, and a line without quotes is handed on as its bytes ({@link Utf8Cells}), each cell decoded
 * once, straight from the bytes into its string, by whoever first reads it.
 *
 * <p>A line of at most {@code max} bytes has at most {@code max} characters (each character, and
 * each malformed sequence that decodes to U+FFFD, takes at least one byte): it stays in the buffer
 * as bytes, and while looking for its end the reader notes whether it holds a quote and counts its
 * delimiters. A longer line is decoded as it is read, by the decoder an {@code InputStreamReader}
 * would use, keeping at most {@code max} characters, so one endless line costs time in proportion to
 * its length and no memory beyond the limit.
 *
 * <p>Decoding a line or a cell apart gives what decoding the whole input gives: a cell or line ends
 * before an ASCII byte or at the end of the input, and the decoder settles a malformed sequence
 * before an ASCII byte as it settles one at the end of its input. A leading byte-order mark on the
 * first line is dropped, as {@link CsvReader} drops one from decoded text.
 */
final class Utf8LineReader implements Closeable {

    private static final byte ORDINARY = 0;
    private static final byte DELIMITER = 1;
    private static final byte QUOTE = 2;
    private static final byte LINE_END = 3;

    private final InputStream in;
    private final int max;
    private final char delimiter;
    /** The kind of each byte value: ordinary, the delimiter, a quote or a line end. */
    private final byte[] kinds = new byte[256];
    private final long delimiterPattern;
    private static final long QUOTES = Swar.broadcast('"');
    private static final long LINE_FEEDS = Swar.broadcast('\n');
    private static final long CARRIAGE_RETURNS = Swar.broadcast('\r');
    private byte[] buffer = new byte[1 << 16];
    /** Where scanning goes on, and the end of the bytes read. */
    private int pos;
    private int end;
    /** The current line's bytes (when it is kept as bytes). */
    private int lineStart;
    private int lineEnd;
    /** The current line's delimiters, when it is kept as bytes. */
    private int delimiterCount;
    private boolean quote;
    private boolean skipLineFeed;
    private long number;
    private long bytesRead;

    /** The current line is longer than {@code max} bytes: decoded as it is read, into {@link #text} or nothing. */
    private boolean decoding;
    private boolean tooLong;
    private String text;
    private CharsetDecoder decoder;
    private CharBuffer decoded;
    private StringBuilder kept;
    private long decodedChars;
    /** Whether the current line, while decoded, is white space only so far. */
    private boolean blank;

    /**
     * Lines of at most {@code max} characters.
     *
     * @param delimiter an ASCII delimiter, whose positions each line notes
     */
    Utf8LineReader(InputStream in, int max, char delimiter) {
        if (max < 1 || max == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("max must be between 1 and " + (Integer.MAX_VALUE - 1));
        }
        if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter must be an ASCII character other than a quote or a line break");
        }
        this.in = in;
        this.max = max;
        this.delimiter = delimiter;
        this.delimiterPattern = Swar.broadcast(delimiter);
        kinds[delimiter] = DELIMITER;
        kinds['"'] = QUOTE;
        kinds['\n'] = LINE_END;
        kinds['\r'] = LINE_END;
    }

    /** Whether {@code delimiter} can be found in UTF-8 bytes by this reader. */
    static boolean supports(char delimiter) {
        return delimiter < 0x80 && delimiter != '"' && delimiter != '\n' && delimiter != '\r';
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        delimiterCount = 0;
        quote = false;
        decoding = false;
        tooLong = false;
        text = null;
        if (pos == end) {
            pos = end = 0;
        }
        if (skipLineFeed) {
            if (pos == end && !fill()) {
                return false;
            }
            skipLineFeed = false;
            if (buffer[pos] == '\n') {
                pos++;
            }
        }
        lineStart = pos;
        while (true) {
            int i = scan();
            if (i < end) {
                lineEnd = i;
                pos = i + 1;
                skipLineFeed = buffer[i] == '\r';
                break;
            }
            pos = end;
            if (!decoding && end - lineStart > max) {
                startDecoding();
            }
            if (decoding) {
                // Decode what is read and keep only the bytes of a character cut by the buffer's end.
                lineStart = decode(lineStart, end, false);
            }
            moveToFront(lineStart);
            if (!fill()) {
                if (!decoding && pos == lineStart) {
                    return false;
                }
                lineEnd = end;
                break;
            }
        }
        number++;
        if (!decoding && lineEnd - lineStart > max) {
            startDecoding();
        }
        if (decoding) {
            decode(lineStart, lineEnd, true);
            finishDecoding();
        } else if (number == 1 && lineEnd - lineStart >= 3 && buffer[lineStart] == (byte) 0xEF
                && buffer[lineStart + 1] == (byte) 0xBB && buffer[lineStart + 2] == (byte) 0xBF) {
            lineStart += 3;
        }
        return true;
    }

    /** Scans from {@link #pos} for the line's end, noting delimiters and quotes; the end's index, or {@link #end}. */
    private int scan() {
        byte[] b = buffer;
        int e = end;
        int i = pos;
        int delimiters = 0;
        long quotes = 0;
        // Eight bytes at a time: count the delimiters and note quotes before the first line break.
        for (; i + 8 <= e; i += 8) {
            long word = Swar.word(b, i);
            long d = Swar.matches(word, delimiterPattern);
            long q = Swar.matches(word, QUOTES);
            long breaks = Swar.matches(word, LINE_FEEDS) | Swar.matches(word, CARRIAGE_RETURNS);
            if (breaks != 0) {
                int at = Swar.first(breaks);
                long before = (1L << (at << 3)) - 1;
                delimiterCount += delimiters + Long.bitCount(d & before);
                quote |= quotes != 0 || (q & before) != 0;
                return i + at;
            }
            delimiters += Long.bitCount(d);
            quotes |= q;
        }
        delimiterCount += delimiters;
        quote |= quotes != 0;
        byte[] k = kinds;
        for (; i < e; i++) {
            byte kind = k[b[i] & 0xFF];
            if (kind != ORDINARY) {
                if (kind == DELIMITER) {
                    delimiterCount++;
                } else if (kind == QUOTE) {
                    quote = true;
                } else {
                    break;
                }
            }
        }
        return i;
    }

    /** Moves the bytes from {@code from} to the end to the buffer's front, growing it when they fill it. */
    private void moveToFront(int from) {
        int n = end - from;
        if (from > 0) {
            System.arraycopy(buffer, from, buffer, 0, n);
            lineStart -= from;
            pos -= from;
            end = n;
        }
        if (n == buffer.length) {
            // Only while the line is at most max bytes, so the buffer grows to max + 1 bytes at most.
            buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, max + 1L));
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, end, buffer.length - end);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        end += n;
        bytesRead += n;
        return true;
    }

    private void startDecoding() {
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            decoded = CharBuffer.allocate(1 << 13);
            kept = new StringBuilder();
        }
        decoder.reset();
        kept.setLength(0);
        decodedChars = 0;
        blank = true;
        decoding = true;
        delimiterCount = 0;
    }

    /** Decodes bytes {@code from} to {@code to} of the buffer; returns the index after the last byte decoded. */
    private int decode(int from, int to, boolean endOfInput) {
        ByteBuffer src = ByteBuffer.wrap(buffer, from, to - from);
        while (decoder.decode(src, decoded, endOfInput).isOverflow()) {
            drain();
        }
        drain();
        if (endOfInput) {
            while (decoder.flush(decoded).isOverflow()) {
                drain();
            }
            drain();
        }
        return src.position();
    }

    private void drain() {
        decoded.flip();
        int n = decoded.remaining();
        if (decodedChars + n <= max) {
            kept.append(decoded);
        } else {
            // Longer than the limit: not kept, but still skipped later if it is white space only.
            if (decodedChars <= max) {
                blank = LineReader.isBlank(kept, 0, kept.length());
                kept.setLength(0);
            }
            blank = blank && LineReader.isBlank(decoded, 0, n);
        }
        decodedChars += n;
        decoded.clear();
    }

    private void finishDecoding() {
        if (decodedChars > max) {
            tooLong = true;
            return;
        }
        if (number == 1 && kept.length() > 0 && kept.charAt(0) == '\uFEFF') {
            text = kept.substring(1);
        } else {
            text = kept.toString();
        }
    }

    /** The current line's 1-based number. */
    long number() {
        return number;
    }

    /** Whether the current line is longer than the limit (it has no text). */
    boolean tooLong() {
        return tooLong;
    }

    /** Whether the current line, longer than the limit, is white space only. */
    boolean tooLongAndBlank() {
        return tooLong && blank;
    }

    /** Whether the current line is kept as bytes, so that {@link #hasQuote()}, {@link #isBlank()} and {@link #cells()} apply. */
    boolean inBytes() {
        return !decoding;
    }

    /** Whether the current line, kept as bytes, holds a quote. */
    boolean hasQuote() {
        return quote;
    }

    /** The current line's length in bytes, when kept as bytes. */
    int byteLength() {
        return lineEnd - lineStart;
    }

    /** Whether the current line, kept as bytes, is empty or white space only, as {@link String#isBlank()}. */
    boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte b = buffer[i];
            if (b < 0) {
                return text().isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** The current line's text (null when it is too long). */
    String text() {
        if (decoding) {
            return text;
        }
        return new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    /** The current line, kept as bytes and without quotes, split at every delimiter: its cells, decoded when first read. */
    List<String> cells() {
        return new Utf8Cells(Arrays.copyOfRange(buffer, lineStart, lineEnd), delimiter, delimiterCount + 1, false);
    }

    /**
     * The current line, kept as bytes and with quotes, as the cells of a record of its own, decoded
     * when first read; null unless the line is one: a quoted field is still open at its end, or text
     * follows a closing quote (see {@link CsvReader}, which reads such lines from their text).
     */
    List<String> quotedCells() {
        byte[] b = buffer;
        byte d = (byte) delimiter;
        int fields = 1;
        boolean quoted = false;
        boolean fieldStart = true;
        boolean afterClosingQuote = false;
        for (int i = lineStart; i < lineEnd; i++) {
            byte c = b[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < lineEnd && b[i + 1] == '"') {
                        i++;
                    } else {
                        quoted = false;
                        afterClosingQuote = true;
                    }
                }
            } else if (c == d) {
                fields++;
                fieldStart = true;
                afterClosingQuote = false;
            } else {
                if (afterClosingQuote) {
                    return null;
                }
                quoted = c == '"' && fieldStart;
                fieldStart = false;
            }
        }
        if (quoted) {
            return null;
        }
        return new Utf8Cells(Arrays.copyOfRange(buffer, lineStart, lineEnd), delimiter, fields, true);
    }

    /** Bytes read from the input so far. */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

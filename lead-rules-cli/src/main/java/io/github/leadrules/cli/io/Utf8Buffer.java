package io.github.leadrules.cli.io;

import io.github.leadrules.model.Reason;

import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.List;

/**
 * Text laid out straight into UTF-8 bytes, for the output of {@code qualify}: one copy of each
 * character instead of three (a {@code StringBuilder}, its {@code String}, the encoded bytes).
 * Writes exactly what {@code String.getBytes(UTF_8)} writes for well-formed text; a surrogate
 * without its pair, which UTF-8 cannot represent, is refused with a {@link CharacterCodingException}.
 * Not thread-safe: one per chunk being rendered.
 */
final class Utf8Buffer {

    private byte[] bytes;
    private int length;

    Utf8Buffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** Bytes laid out since the last {@link #take}. */
    int length() {
        return length;
    }

    /** The bytes laid out since the last call, as an array of their own; the buffer starts again empty. */
    byte[] take() {
        byte[] out = Arrays.copyOf(bytes, length);
        length = 0;
        return out;
    }

    /** Drops the bytes laid out since the last {@link #take}. */
    void clear() {
        length = 0;
    }

    /** Appends bytes {@code [from, to)} of another buffer. */
    void append(Utf8Buffer other, int from, int to) {
        ensure(to - from);
        System.arraycopy(other.bytes, from, bytes, length, to - from);
        length += to - from;
    }

    /** Appends an ASCII character (below U+0080). */
    void ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    /** Appends bytes as they are (e.g. a field laid out before, and kept). */
    void raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    /** Appends an ASCII character, then bytes as they are: a delimiter and a field laid out before. */
    void raw(char c, byte[] b) {
        ensure(b.length + 1);
        bytes[length++] = (byte) c;
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    /** Appends text in UTF-8. */
    void text(String s) throws CharacterCodingException {
        ensure(3 * s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                i = encode(s, i, c);
            }
        }
    }

    /**
     * Appends one CSV field exactly as {@link CsvWriter#appendField} lays it out: nothing for null or
     * empty, quoted (quotes doubled) when it holds the delimiter, a quote, a line break or leading or
     * trailing spaces, with a {@code '} in front when {@code escapeFormulas} and it is a formula.
     *
     * <p>The common field, neither quoted nor a formula, is written in one pass over its characters;
     * the others are {@link #rareField laid out apart}.
     *
     * @param delimiter an ASCII delimiter
     */
    void csvField(String cell, char delimiter, boolean escapeFormulas) throws CharacterCodingException {
        int n;
        if (cell == null || (n = cell.length()) == 0) {
            return;
        }
        // the cell, its quotes, a doubled quote for each character at most, a formula's mark
        ensure(3 * n + 3);
        field(cell, n, delimiter, escapeFormulas);
    }

    /**
     * Appends a row's first {@code n} cells as {@link #csvField CSV fields} with the delimiter
     * between them, and then empty fields up to {@code width}.
     *
     * @param n     the cells written, at most {@code cells.size()} and {@code width}
     * @param width the fields of the row
     */
    void csvFields(List<String> cells, int n, int width, char delimiter, boolean escapeFormulas) throws CharacterCodingException {
        int chars = 0;
        for (int i = 0; i < n; i++) {
            String cell = cells.get(i);
            chars += cell == null ? 0 : cell.length();
        }
        // each field as csvField reserves, and its delimiter
        ensure(3 * chars + 4 * width);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                bytes[length++] = (byte) delimiter;
            }
            String cell = cells.get(i);
            int len;
            if (cell != null && (len = cell.length()) > 0) {
                field(cell, len, delimiter, escapeFormulas);
            }
        }
        for (int i = Math.max(n, 1); i < width; i++) {
            bytes[length++] = (byte) delimiter;
        }
    }

    /** {@link #csvField} of a cell of {@code n > 0} characters, room made. */
    private void field(String cell, int n, char delimiter, boolean escapeFormulas) throws CharacterCodingException {
        char first = cell.charAt(0);
        if (first == ' ' || cell.charAt(n - 1) == ' ' || escapeFormulas && mayBeFormula(first)) {
            rareField(cell, n, delimiter, escapeFormulas);
            return;
        }
        int start = length;
        if (plain(cell, n, delimiter) < n) {
            length = start;
            quoted(cell, n, false);
        }
    }

    /** Whether a cell starting with {@code c} might be a formula ({@link CsvWriter#isFormula} tells). */
    private static boolean mayBeFormula(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** {@link #csvField} of a cell with a space at either end or a formula's first character, room made. */
    private void rareField(String cell, int n, char delimiter, boolean escapeFormulas) throws CharacterCodingException {
        boolean formula = escapeFormulas && CsvWriter.isFormula(cell);
        int start = length;
        if (cell.charAt(0) != ' ' && cell.charAt(n - 1) != ' ') {
            if (formula) {
                bytes[length++] = '\'';
            }
            if (plain(cell, n, delimiter) == n) {
                return;
            }
            length = start;
        }
        quoted(cell, n, formula);
    }

    /**
     * Appends the string's {@code n} characters in UTF-8 up to the first one that calls for quotes
     * (the delimiter, a quote, a line break); returns its index, or {@code n} when there is none.
     * Room for three bytes a character is made by the caller.
     */
    private int plain(String s, int n, char delimiter) throws CharacterCodingException {
        byte[] b = bytes;
        int p = length;
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if ((c <= '"' || c == delimiter) && (c == '"' || c == '\n' || c == '\r' || c == delimiter)) {
                    break;
                }
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else {
                length = p;
                i = encode(s, i, c);
                p = length;
            }
        }
        length = p;
        return i;
    }

    /** Appends the string's {@code n} characters quoted, quotes doubled, a {@code '} in front when {@code formula}; room made. */
    private void quoted(String s, int n, boolean formula) throws CharacterCodingException {
        bytes[length++] = '"';
        if (formula) {
            bytes[length++] = '\'';
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '"') {
                    bytes[length++] = '"';
                }
                bytes[length++] = (byte) c;
            } else {
                i = encode(s, i, c);
            }
        }
        bytes[length++] = '"';
    }

    /**
     * Appends one CSV field made of the reasons' "RULE-ID: message" joined by " | ", exactly as
     * {@link #csvField} lays out that text, without building it: written as it comes and quoted in
     * place when a character calls for it. The caller makes sure the field is not a formula (its
     * first rule id does not start with a formula's character).
     */
    void reasonsField(List<Reason> reasons, char delimiter) throws CharacterCodingException {
        int start = length;
        boolean[] quoted = {false};
        for (int i = 0; i < reasons.size(); i++) {
            Reason r = reasons.get(i);
            if (i > 0) {
                part(" | ", delimiter, start, quoted);
            }
            part(r.ruleId(), delimiter, start, quoted);
            part(": ", delimiter, start, quoted);
            part(r.message(), delimiter, start, quoted);
        }
        if (length == start) {
            return;
        }
        if (!quoted[0] && (bytes[start] == ' ' || bytes[length - 1] == ' ')) {
            quote(start);
        } else if (!quoted[0]) {
            return;
        }
        ensure(1);
        bytes[length++] = '"';
    }

    /** Appends a part of a field begun at {@code start}, quoting the field when the part calls for it. */
    private void part(String s, char delimiter, int start, boolean[] quoted) throws CharacterCodingException {
        int n = s.length();
        // a quote in front, a doubled quote for each character at most
        ensure(3 * n + 1);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (!quoted[0] && (c == delimiter || c == '"' || c == '\n' || c == '\r')) {
                    quote(start);
                    quoted[0] = true;
                }
                if (c == '"') {
                    bytes[length++] = '"';
                }
                bytes[length++] = (byte) c;
            } else {
                i = encode(s, i, c);
            }
        }
    }

    /** Puts a quote in front of the field begun at {@code start} (its bytes so far hold no quote). */
    private void quote(int start) {
        ensure(1);
        System.arraycopy(bytes, start, bytes, start + 1, length - start);
        bytes[start] = '"';
        length++;
    }

    /** Encodes the non-ASCII character at {@code s[i]} (and its low surrogate); returns the index of the last char used. */
    private int encode(String s, int i, char c) throws CharacterCodingException {
        if (Character.isSurrogate(c)) {
            return surrogates(s.charAt(i), i + 1 < s.length() ? s.charAt(i + 1) : 0, i);
        }
        encode(c);
        return i;
    }

    /** Encodes a non-ASCII character that is not a surrogate. */
    private void encode(char c) {
        if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | (c >> 6));
            bytes[length++] = (byte) (0x80 | (c & 0x3F));
            return;
        }
        bytes[length++] = (byte) (0xE0 | (c >> 12));
        bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[length++] = (byte) (0x80 | (c & 0x3F));
    }

    /**
     * Encodes a pair of surrogates, {@code high} at {@code i} and {@code low} after it (0 at the
     * end of the text); returns {@code i + 1}. A surrogate without its pair is refused.
     */
    private int surrogates(char high, int low, int i) throws CharacterCodingException {
        if (!Character.isHighSurrogate(high) || !Character.isLowSurrogate((char) low)) {
            throw new CharacterCodingException();
        }
        int cp = Character.toCodePoint(high, (char) low);
        bytes[length++] = (byte) (0xF0 | (cp >> 18));
        bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bytes[length++] = (byte) (0x80 | (cp & 0x3F));
        return i + 1;
    }

    /** Makes room for {@code more} bytes, so that the buffer does not grow while they are appended. */
    void reserve(int more) {
        ensure(more);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}

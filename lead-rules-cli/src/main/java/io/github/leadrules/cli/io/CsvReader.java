package io.github.leadrules.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader that knows the physical line each record starts on, never loses a row
 * to bad quoting, and reads in time and memory linear in its input, whatever the input.
 *
 * <p>A quoted field may span lines. A record may hold at most {@code maxRecordChars} characters
 * (its physical lines and the line breaks between them). A line longer than that is a record of its
 * own, {@link Problem#TOO_LONG}, without fields; it is read to its end but not kept. When a quote is
 * never closed, is closed only beyond that many characters, or a record spanning lines is not
 * well-formed (text after a closing quote: the sign of a stray quote that happened to meet another),
 * the reader does not swallow the rest of the file: it returns the record's first physical line,
 * split without quote handling, marked {@link Problem#UNTERMINATED_QUOTE}, and reads on from the
 * next physical line. A one-line record with text after a closing quote is kept as written, marked
 * {@link Problem#MALFORMED_QUOTE}. Blank lines (white space only, whatever their length) are
 * skipped. A leading byte-order mark is dropped.
 *
 * <p>Looking ahead for the closing quote is bounded by the record size, and each physical line is
 * examined for quotes once however many records' look-ahead it falls in (the lines that close no
 * quote are remembered), so even a file of stray quotes ({@code L-1,x","} on every line, which
 * chains every line into one endless quoted field) is read in linear time. {@link #charsExamined()}
 * counts the work, for tests and fuzzing.
 *
 * <p>UTF-8 input read from bytes ({@link #CsvReader(InputStream, Charset, char, int)}) is split in
 * its bytes ({@link Utf8LineReader}): a line without quotes, the usual record, is kept as its bytes
 * and its fields are decoded, each on its own, only when first read ({@link Utf8Cells}), so the one
 * thread reading a file does not pay for them; any other line is decoded and read as above. Other
 * encodings are decoded by an {@link InputStreamReader}.
 */
public final class CsvReader implements Closeable {

    /** The default longest record: 1 MiB of characters. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

    /** What was wrong with a record's syntax. */
    public enum Problem {
        /** A quoted field was never closed (within the record size); the record is its first physical line only. */
        UNTERMINATED_QUOTE,
        /** Text followed a closing quote before the delimiter, e.g. {@code "abc"def}; kept as written. */
        MALFORMED_QUOTE,
        /** The line is longer than the record size; it has no fields. */
        TOO_LONG
    }

    /**
     * One record.
     *
     * @param line         the 1-based physical line it starts on
     * @param fields       its fields (none for {@link Problem#TOO_LONG})
     * @param problem      a syntax problem, or null
     * @param problemField the 0-based index of the field with the problem, or -1
     */
    public record Record(long line, List<String> fields, Problem problem, int problemField) {
        public Record {
            // Cells still in their bytes are immutable already, and decoded by whoever reads them first.
            fields = fields instanceof Utf8Cells ? fields : List.copyOf(fields);
        }
    }

    /**
     * A physical line and what its quotes do, which depends on the line alone: whether a record
     * starting on it is still inside a quoted field at its end ({@code opens}) and was well-formed
     * up to there ({@code opensCleanly}); whether a line entered inside a quoted field is still
     * inside one at its end ({@code continues}) or has left it ({@code closesCleanly}), well-formed
     * either way: nothing but a delimiter or the line's end after each closing quote. A line that
     * does neither breaks the record it was meant to continue.
     */
    private record Physical(long number, String text, int length, boolean opens, boolean opensCleanly, boolean continues,
                            boolean closesCleanly, boolean blank) {
    }

    /** The lines, when read from decoded text; else null. */
    private final LineReader lines;
    /** The lines, when read from UTF-8 bytes; else null. */
    private final Utf8LineReader bytes;
    private final char delimiter;
    private final int maxRecordChars;
    /** Lines read ahead of the current record, from {@code head} on. */
    private final List<Physical> ahead = new ArrayList<>();
    private int head;
    /** How many lines at the front of {@link #ahead} are known to continue a quoted field, and their characters. */
    private int knownContinuing;
    private long knownChars;
    private boolean first = true;
    private long examined;

    /** A reader over already-decoded text, with records of at most {@link #DEFAULT_MAX_RECORD_CHARS}. */
    public CsvReader(Reader in, char delimiter) {
        this(in, delimiter, DEFAULT_MAX_RECORD_CHARS);
    }

    /**
     * A reader over already-decoded text.
     *
     * @param maxRecordChars the longest record in characters, line breaks included; at least 1
     */
    public CsvReader(Reader in, char delimiter, int maxRecordChars) {
        this.lines = new LineReader(in, maxRecordChars);
        this.bytes = null;
        this.delimiter = delimiter;
        this.maxRecordChars = maxRecordChars;
    }

    /**
     * A reader over bytes in {@code charset}, malformed or unmappable input decoded to U+FFFD as an
     * {@link InputStreamReader} decodes it. Records are the same as read from the decoded text; UTF-8
     * with a delimiter in ASCII is split in its bytes, which is faster.
     *
     * @param maxRecordChars the longest record in characters, line breaks included; at least 1
     */
    public CsvReader(InputStream in, Charset charset, char delimiter, int maxRecordChars) {
        if (charset.equals(StandardCharsets.UTF_8) && Utf8LineReader.supports(delimiter)) {
            this.lines = null;
            this.bytes = new Utf8LineReader(in, maxRecordChars, delimiter);
        } else {
            this.lines = new LineReader(new InputStreamReader(in, charset), maxRecordChars);
            this.bytes = null;
        }
        this.delimiter = delimiter;
        this.maxRecordChars = maxRecordChars;
    }

    /** The longest record read, in characters. */
    public int maxRecordChars() {
        return maxRecordChars;
    }

    /** The next record, or null at the end of the input. */
    public Record next() throws IOException {
        while (true) {
            Physical start;
            if (bytes != null && head == ahead.size()) {
                // No line read ahead: a line that is a well-formed record of its own is kept as its bytes.
                if (!bytes.next()) {
                    return null;
                }
                if (bytes.inBytes()) {
                    if (!bytes.hasQuote()) {
                        if (bytes.isBlank()) {
                            continue;
                        }
                        examined += bytes.byteLength();
                        return new Record(bytes.number(), bytes.cells(), null, -1);
                    }
                    examined += bytes.byteLength();
                    List<String> cells = bytes.quotedCells();
                    if (cells != null) {
                        return new Record(bytes.number(), cells, null, -1);
                    }
                }
                start = physical();
            } else {
                start = poll();
            }
            if (start == null) {
                return null;
            }
            if (start.text == null) {
                if (start.blank) {
                    continue;
                }
                return new Record(start.number, List.of(), Problem.TOO_LONG, -1);
            }
            if (start.text.isBlank()) {
                continue;
            }
            if (!start.opens) {
                return parse(start, 0);
            }
            if (!start.opensCleanly) {
                return unterminated(start);
            }
            // A quote is open at the end of the line: find the first following line that closes it,
            // within the record size, skipping the lines already known only to continue it.
            long budget = (long) maxRecordChars - start.length;
            if (knownChars > budget) {
                return unterminated(start);
            }
            int i = knownContinuing;
            long used = knownChars;
            while (true) {
                Physical line = peek(i);
                if (line == null) {
                    return unterminated(start);
                }
                used += line.length + 1L;
                if (line.closesCleanly && used <= budget) {
                    return parse(start, i + 1);
                }
                if (!line.continues || used > budget) {
                    return unterminated(start);
                }
                knownContinuing++;
                knownChars += line.length + 1L;
                i++;
            }
        }
    }

    /**
     * Characters examined so far: each character read, plus each time a character is looked at again
     * to split fields. At most a small constant times the characters read, whatever the input.
     */
    public long charsExamined() {
        return (lines != null ? lines.charsRead() : bytes.bytesRead()) + examined;
    }

    /** The start line and the {@code more} lines after it, parsed as one record; those lines are consumed. */
    private Record parse(Physical start, int more) {
        if (more == 0 && start.text.indexOf('"') < 0) {
            return split(start);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        Problem problem = null;
        int problemField = -1;
        boolean quoted = false;
        boolean afterClosingQuote = false;
        boolean fieldStart = true;
        for (int k = 0; k <= more; k++) {
            String text = k == 0 ? start.text : ahead.get(head + k - 1).text;
            if (k > 0) {
                field.append('\n');
            }
            examined += text.length();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                            afterClosingQuote = true;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                    afterClosingQuote = false;
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                } else {
                    if (afterClosingQuote && problem == null) {
                        problem = Problem.MALFORMED_QUOTE;
                        problemField = fields.size();
                    }
                    field.append(c);
                    fieldStart = false;
                }
            }
        }
        fields.add(field.toString());
        consume(more);
        return new Record(start.number, fields, problem, problemField);
    }

    /** A line without quotes: its fields are the text between delimiters. */
    private Record split(Physical start) {
        String text = start.text;
        examined += text.length();
        List<String> fields = new ArrayList<>(32);
        int from = 0;
        for (int i = text.indexOf(delimiter); i >= 0; i = text.indexOf(delimiter, from)) {
            fields.add(text.substring(from, i));
            from = i + 1;
        }
        fields.add(text.substring(from));
        return new Record(start.number, fields, null, -1);
    }

    /** The first line alone, split at every delimiter, quotes kept as text. */
    private Record unterminated(Physical start) {
        List<String> fields = new ArrayList<>();
        String text = start.text;
        examined += text.length();
        int from = 0;
        int quoteField = -1;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == delimiter) {
                String f = text.substring(from, i);
                if (quoteField < 0 && f.startsWith("\"")) {
                    quoteField = fields.size();
                }
                fields.add(f);
                from = i + 1;
            }
        }
        return new Record(start.number, fields, Problem.UNTERMINATED_QUOTE, quoteField);
    }

    /** The next line to start a record on. */
    private Physical poll() throws IOException {
        if (head == ahead.size()) {
            return read();
        }
        Physical p = ahead.get(head++);
        if (knownContinuing > 0) {
            knownContinuing--;
            knownChars -= p.length + 1L;
        }
        compact();
        return p;
    }

    /** The i-th line after the current record's start, read if need be; null at the end of the input. */
    private Physical peek(int i) throws IOException {
        while (head + i >= ahead.size()) {
            Physical p = read();
            if (p == null) {
                return null;
            }
            ahead.add(p);
        }
        return ahead.get(head + i);
    }

    /** Drops the next {@code n} lines, read into the current record. */
    private void consume(int n) {
        head += n;
        knownContinuing = 0;
        knownChars = 0;
        compact();
    }

    private void compact() {
        if (head == ahead.size()) {
            ahead.clear();
            head = 0;
        } else if (head > 1024 && head > ahead.size() / 2) {
            ahead.subList(0, head).clear();
            head = 0;
        }
    }

    private Physical read() throws IOException {
        if (bytes != null) {
            return bytes.next() ? physical() : null;
        }
        LineReader.Line line = lines.next();
        if (line == null) {
            return null;
        }
        String text = line.text();
        if (first) {
            first = false;
            if (text != null && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
        }
        return physical(line.number(), text, line.blank());
    }

    /** The current line of {@link #bytes} (which drops a first line's byte-order mark itself). */
    private Physical physical() {
        return physical(bytes.number(), bytes.tooLong() ? null : bytes.text(), bytes.tooLongAndBlank());
    }

    /**
     * A line and what its quotes do; {@code text} is null for a line longer than the record size,
     * which may yet be {@code blank}, white space only, and skipped as a blank line is.
     */
    private Physical physical(long number, String text, boolean blank) {
        if (text == null) {
            return new Physical(number, null, maxRecordChars + 1, false, false, false, false, blank);
        }
        if (text.indexOf('"') < 0) {
            // No quote: a record starting here ends here, and a quoted field entered here goes on.
            examined += text.length();
            return new Physical(number, text, text.length(), false, true, true, false, false);
        }
        int fresh = scan(text, false);
        int entered = scan(text, true);
        return new Physical(number, text, text.length(), (fresh & QUOTED) != 0, (fresh & MALFORMED) == 0,
                entered == QUOTED, entered == 0, false);
    }

    private static final int QUOTED = 1;
    private static final int MALFORMED = 2;

    /**
     * How a line ends, when it starts a record or starts inside a quoted field: {@link #QUOTED}
     * when inside a quoted field, {@link #MALFORMED} when text followed a closing quote.
     */
    private int scan(String text, boolean startsQuoted) {
        examined += text.length();
        boolean quoted = startsQuoted;
        boolean fieldStart = !startsQuoted;
        boolean afterClosingQuote = false;
        boolean malformed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                        afterClosingQuote = true;
                    }
                }
            } else if (c == delimiter) {
                fieldStart = true;
                afterClosingQuote = false;
            } else {
                malformed |= afterClosingQuote;
                quoted = c == '"' && fieldStart;
                fieldStart = false;
            }
        }
        return (quoted ? QUOTED : 0) | (malformed ? MALFORMED : 0);
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        } else {
            bytes.close();
        }
    }
}

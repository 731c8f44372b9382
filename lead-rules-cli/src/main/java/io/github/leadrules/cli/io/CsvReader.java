package io.github.leadrules.cli.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A streaming RFC 4180 reader that knows the physical line each record starts on and never loses
 * a row to bad quoting.
 *
 * <p>A quoted field may span lines. When a quote is never closed (or a record grows past
 * {@link #MAX_RECORD_CHARS}), the reader does not swallow the rest of the file: it returns the
 * record's first physical line, split without quote handling, marked {@link Problem#UNTERMINATED_QUOTE},
 * and reads on from the next physical line. Memory is bounded by one record. Blank lines are skipped.
 * A leading byte-order mark is dropped.
 */
public final class CsvReader implements Closeable {

    /** Longest record (all its physical lines together) before it is treated as an unterminated quote. */
    public static final int MAX_RECORD_CHARS = 1_000_000;

    /** What was wrong with a record's syntax. */
    public enum Problem {
        /** A quoted field was never closed; the record is its first physical line only. */
        UNTERMINATED_QUOTE,
        /** Text followed a closing quote before the delimiter, e.g. {@code "abc"def}; kept as written. */
        MALFORMED_QUOTE
    }

    /**
     * One record.
     *
     * @param line         the 1-based physical line it starts on
     * @param fields       its fields
     * @param problem      a syntax problem, or null
     * @param problemField the 0-based index of the field with the problem, or -1
     */
    public record Record(long line, List<String> fields, Problem problem, int problemField) {
    }

    private record PhysicalLine(long number, String text) {
    }

    private final BufferedReader reader;
    private final char delimiter;
    private final Deque<PhysicalLine> pushedBack = new ArrayDeque<>();
    private long lineNumber;
    private boolean first = true;

    /** A reader over already-decoded text. */
    public CsvReader(Reader in, char delimiter) {
        this.reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        this.delimiter = delimiter;
    }

    /** The next record, or null at the end of the input. */
    public Record next() throws IOException {
        PhysicalLine start;
        do {
            start = nextLine();
            if (start == null) {
                return null;
            }
        } while (start.text.isBlank());

        List<PhysicalLine> consumed = new ArrayList<>(1);
        consumed.add(start);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        Problem problem = null;
        int problemField = -1;
        String text = start.text;
        int i = 0;
        int chars = text.length();
        boolean quoted = false;
        boolean afterClosingQuote = false;
        boolean fieldStart = true;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return new Record(start.number, fields, problem, problemField);
                }
                PhysicalLine more = nextLine();
                if (more == null || chars + more.text.length() > MAX_RECORD_CHARS) {
                    if (more != null) {
                        pushedBack.addFirst(more);
                    }
                    for (int k = consumed.size() - 1; k >= 1; k--) {
                        pushedBack.addFirst(consumed.get(k));
                    }
                    return unterminated(start);
                }
                consumed.add(more);
                chars += more.text.length() + 1;
                field.append('\n');
                text = more.text;
                i = 0;
                continue;
            }
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

    /** The first line alone, split at every delimiter, quotes kept as text. */
    private Record unterminated(PhysicalLine start) {
        List<String> fields = new ArrayList<>();
        String text = start.text;
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

    private PhysicalLine nextLine() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.removeFirst();
        }
        String text = reader.readLine();
        if (text == null) {
            return null;
        }
        lineNumber++;
        if (first) {
            first = false;
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
        }
        return new PhysicalLine(lineNumber, text);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

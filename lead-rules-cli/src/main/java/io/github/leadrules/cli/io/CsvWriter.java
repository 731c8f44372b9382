package io.github.leadrules.cli.io;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 records: a field is quoted when it holds the delimiter, a quote, a line break or
 * leading or trailing spaces; quotes are doubled. Records end with {@code \n}.
 *
 * <p>By default a cell a spreadsheet would run as a formula — one starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return (OWASP, "CSV Injection") — is written
 * with a single quote in front ({@code '=HYPERLINK(…)}), which spreadsheets show as text. Numbers and
 * phone numbers stay as they are: a cell that starts with {@code +} or {@code -} and holds nothing
 * but digits, spaces and {@code . , ( ) + -} ({@code -12}, {@code -3.5}, {@code +81-3-1234-5678},
 * {@code +1 (415) 555-0100}) can neither call a function nor refer to a cell.
 */
public final class CsvWriter implements Closeable, Flushable {

    private final Writer out;
    private final char delimiter;
    private final boolean escapeFormulas;
    private final StringBuilder record = new StringBuilder(256);

    /** A writer to already-encoding output, neutralising formulas; it is not buffered here. */
    public CsvWriter(Writer out, char delimiter) {
        this(out, delimiter, true);
    }

    /**
     * A writer to already-encoding output; it is not buffered here.
     *
     * @param escapeFormulas whether cells a spreadsheet would run as formulas get a {@code '} in front
     */
    public CsvWriter(Writer out, char delimiter, boolean escapeFormulas) {
        this.out = out;
        this.delimiter = delimiter;
        this.escapeFormulas = escapeFormulas;
    }

    /**
     * Whether a spreadsheet would run the cell as a formula: it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return, and is not a number or phone number (see
     * the class comment).
     */
    public static boolean isFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        if (first != '+' && first != '-') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = (c >= '0' && c <= '9') || c == ' ' || c == '.' || c == ',' || c == '(' || c == ')'
                    || c == '+' || c == '-';
            if (!plain) {
                return true;
            }
        }
        return false;
    }

    /** Writes one record. */
    public void write(List<String> fields) throws IOException {
        record.setLength(0);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                record.append(delimiter);
            }
            appendField(record, fields.get(i), delimiter, escapeFormulas);
        }
        record.append('\n');
        out.append(record);
    }

    /**
     * Appends one field as {@link #write} writes it: nothing for null or empty, quoted when it holds
     * the delimiter, a quote, a line break or leading or trailing spaces, with a {@code '} in front
     * when {@code escapeFormulas} and a spreadsheet would run it as a formula.
     */
    public static void appendField(StringBuilder out, String cell, char delimiter, boolean escapeFormulas) {
        if (cell == null || cell.isEmpty()) {
            return;
        }
        boolean formula = escapeFormulas && isFormula(cell);
        if (!needsQuotes(cell, delimiter)) {
            if (formula) {
                out.append('\'');
            }
            out.append(cell);
            return;
        }
        out.append('"');
        if (formula) {
            out.append('\'');
        }
        int from = 0;
        for (int q = cell.indexOf('"'); q >= 0; q = cell.indexOf('"', q + 1)) {
            out.append(cell, from, q + 1).append('"');
            from = q + 1;
        }
        out.append(cell, from, cell.length()).append('"');
    }

    /** Whether a non-empty cell must be quoted; a leading {@code '} added for a formula never changes that. */
    private static boolean needsQuotes(String value, char delimiter) {
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

package io.github.leadrules.fuzz;

import java.util.List;

/**
 * What a row reader made of an input, in terms that do not depend on the reader's own types, so
 * that a fuzz target's adapter is the only code to change when a reader's API changes.
 *
 * @param header        the column names, or null when the input was refused as a whole
 * @param rows          every row, in order (empty when refused)
 * @param refusal       the message of the documented exception that refused the input, or null
 * @param inputChars    the characters the reader was given (counted outside it), or -1 when unknown
 * @param charsExamined the reader's own count of characters examined, or -1 when it has none
 */
public record ReadResult(List<String> header, List<Row> rows, String refusal, long inputChars, long charsExamined) {

    /**
     * One row as read.
     *
     * @param line     the 1-based physical line it starts on
     * @param cells    its cells
     * @param problems the codes of its syntax problems (empty for a well-formed row)
     * @param echoed   what the reader shows the user about the row: the field names its problems
     *                 name and its note (never cell values)
     */
    public record Row(long line, List<String> cells, List<String> problems, List<String> echoed) {
        public Row {
            cells = List.copyOf(cells);
            problems = List.copyOf(problems);
            echoed = List.copyOf(echoed);
        }
    }

    public ReadResult {
        header = header == null ? null : List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** A result without a count of work. */
    public ReadResult(List<String> header, List<Row> rows, String refusal) {
        this(header, rows, refusal, -1, -1);
    }

    /** The input was refused as a whole with a documented exception. */
    public static ReadResult refused(String message) {
        return new ReadResult(null, List.of(), message == null ? "" : message);
    }

    /** Whether the input was refused as a whole. */
    public boolean isRefused() {
        return refusal != null;
    }
}

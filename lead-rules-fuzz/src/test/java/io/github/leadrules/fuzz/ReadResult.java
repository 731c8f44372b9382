package io.github.leadrules.fuzz;

import java.util.List;

/**
 * What a row reader made of an input, in terms that do not depend on the reader's own types, so
 * that a fuzz target's adapter is the only code to change when a reader's API changes.
 *
 * @param header   the column names, or null when the input was refused as a whole
 * @param rows     every row, in order (empty when refused)
 * @param refusal  the message of the documented exception that refused the input, or null
 */
public record ReadResult(List<String> header, List<Row> rows, String refusal) {

    /**
     * One row as read.
     *
     * @param line     the 1-based physical line it starts on
     * @param cells    its cells
     * @param problems the codes of its syntax problems (empty for a well-formed row)
     */
    public record Row(long line, List<String> cells, List<String> problems) {
        public Row {
            cells = List.copyOf(cells);
            problems = List.copyOf(problems);
        }
    }

    public ReadResult {
        header = header == null ? null : List.copyOf(header);
        rows = List.copyOf(rows);
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

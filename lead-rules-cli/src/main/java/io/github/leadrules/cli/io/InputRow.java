package io.github.leadrules.cli.io;

import io.github.leadrules.model.FieldError;

import java.util.List;
import java.util.Map;

/**
 * One row of input as read, before it becomes a lead.
 *
 * @param line     the 1-based physical line it starts on
 * @param cells    its cells, aligned to the header (fewer or more when the row is malformed)
 * @param problems syntax problems of the row itself (bad quoting, wrong number of fields, bad JSON)
 * @param note     a short explanation for {@code problems}, or null (never contains cell values)
 * @param json     for JSON Lines input, the object as read (for echoing every key); else null
 */
public record InputRow(long line, List<String> cells, List<FieldError> problems, String note, Map<String, Object> json) {
    public InputRow {
        problems = List.copyOf(problems);
    }
}

package io.github.leadrules.cli.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.leadrules.model.FieldError;

import java.util.List;

/**
 * One row of input as read, before it becomes a lead.
 *
 * @param line     the 1-based physical line it starts on
 * @param cells    its cells, aligned to the header (fewer or more when the row is malformed; none
 *                 when it could not be read at all)
 * @param problems syntax problems of the row itself (bad quoting, wrong number of fields, bad JSON, too long)
 * @param note     a short explanation for {@code problems}, or null (never contains cell values)
 * @param json     for JSON Lines input, the object as read (for echoing every key); else null. Not
 *                 to be modified.
 */
public record InputRow(long line, List<String> cells, List<FieldError> problems, String note, ObjectNode json) {
    public InputRow {
        problems = List.copyOf(problems);
    }
}

package io.github.leadrules.cli.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.leadrules.json.JsonLimits;
import io.github.leadrules.json.internal.Jackson;
import io.github.leadrules.json.internal.QualificationMapping;
import io.github.leadrules.model.Qualification;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Where decided rows go: every input cell, then the decision. */
public interface DecisionSink extends Closeable {

    /** Writes one row with its decision. */
    void write(InputRow row, Qualification q) throws IOException;

    /** A sink that writes nothing (qualify without --out counts the funnel only). */
    static DecisionSink none() {
        return new DecisionSink() {
            @Override
            public void write(InputRow row, Qualification q) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** CSV: the input header plus {@link Decisions#COLUMNS}; short rows are padded, long rows cut to the header. */
    static DecisionSink csv(Writer out, char delimiter, List<String> header) throws IOException {
        CsvWriter csv = new CsvWriter(out, delimiter);
        List<String> h = new ArrayList<>(header);
        h.addAll(Decisions.COLUMNS);
        csv.write(h);
        return new DecisionSink() {
            private final List<String> cells = new ArrayList<>(h.size());

            @Override
            public void write(InputRow row, Qualification q) throws IOException {
                cells.clear();
                for (int i = 0; i < header.size(); i++) {
                    cells.add(i < row.cells().size() ? row.cells().get(i) : "");
                }
                cells.addAll(Decisions.cells(row.line(), q, row.note()));
                csv.write(cells);
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }

    /**
     * JSON Lines: the input object (or the CSV row as an object) with a {@code "decision"} object
     * added: the {@code lead-rules-json} form of the qualification, after the row's {@code "line"}
     * and before its {@code "note"}. A header name given twice keeps every column: the later ones
     * as {@code "NAME (column N)"}.
     */
    static DecisionSink jsonLines(Writer out, List<String> header) {
        ObjectMapper mapper = Jackson.mapper(JsonLimits.defaults());
        JsonNodeFactory nodes = mapper.getNodeFactory();
        List<String> keys = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            keys.add(keys.contains(header.get(i)) ? header.get(i) + " (column " + (i + 1) + ")" : header.get(i));
        }
        return new DecisionSink() {
            @Override
            public void write(InputRow row, Qualification q) throws IOException {
                ObjectNode object = nodes.objectNode();
                if (row.json() != null) {
                    object.setAll(row.json());
                } else {
                    for (int i = 0; i < keys.size() && i < row.cells().size(); i++) {
                        object.put(keys.get(i), row.cells().get(i));
                    }
                }
                ObjectNode decision = nodes.objectNode();
                decision.put("line", row.line());
                decision.setAll(QualificationMapping.write(q, nodes));
                if (row.note() != null) {
                    decision.put("note", row.note());
                }
                object.set("decision", decision);
                out.write(mapper.writeValueAsString(object));
                out.write('\n');
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}

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
import java.nio.charset.Charset;
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

    /**
     * CSV: the input header plus {@link Decisions#COLUMNS}; short rows are padded, long rows cut to the header.
     *
     * @param escapeFormulas whether cells a spreadsheet would run as formulas are neutralised (see {@link CsvWriter})
     */
    static DecisionSink csv(Writer out, char delimiter, List<String> header, boolean escapeFormulas) throws IOException {
        CsvWriter csv = new CsvWriter(out, delimiter, escapeFormulas);
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
     * Checks, before each row goes to {@code sink}, that every cell of the row and of its decision
     * can be written in {@code charset}; a cell that cannot stops the run with an
     * {@link OutputEncodingException} naming the output, the row's input line and the column.
     *
     * @param header     the input columns, naming the row's cells
     * @param outputName the output as the user named it
     */
    static DecisionSink encodable(DecisionSink sink, Charset charset, List<String> header, String outputName) {
        EncodingCheck check = new EncodingCheck(charset);
        return new DecisionSink() {
            @Override
            public void write(InputRow row, Qualification q) throws IOException {
                List<String> cells = row.cells();
                for (int i = 0; i < cells.size(); i++) {
                    if (!check.canEncode(cells.get(i))) {
                        throw unwritable(row.line(), i < header.size() ? "column " + Echo.quoted(header.get(i))
                                : "cell " + (i + 1) + " (beyond the header)");
                    }
                }
                List<String> decision = Decisions.cells(row.line(), q, row.note());
                for (int i = 0; i < decision.size(); i++) {
                    if (!check.canEncode(decision.get(i))) {
                        throw unwritable(row.line(), "column " + Decisions.COLUMNS.get(i));
                    }
                }
                sink.write(row, q);
            }

            private OutputEncodingException unwritable(long line, String where) {
                return new OutputEncodingException("cannot write " + outputName + " in " + charset.name() + ": line " + line
                        + ", " + where + " holds a character " + charset.name() + " cannot represent; "
                        + "choose another --out-encoding (UTF-8 represents every character)");
            }

            @Override
            public void close() throws IOException {
                sink.close();
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

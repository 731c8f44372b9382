package io.github.leadrules.cli.io;

import io.github.leadrules.model.Qualification;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** JSON Lines: the input object (or the CSV row as an object) with a {@code "decision"} object added. */
    static DecisionSink jsonLines(Writer out, List<String> header) {
        return new DecisionSink() {
            private final StringBuilder sb = new StringBuilder(1024);

            @Override
            public void write(InputRow row, Qualification q) throws IOException {
                Map<String, Object> object = new LinkedHashMap<>();
                if (row.json() != null) {
                    object.putAll(row.json());
                } else {
                    for (int i = 0; i < header.size() && i < row.cells().size(); i++) {
                        object.putIfAbsent(header.get(i), row.cells().get(i));
                    }
                }
                object.put("decision", Decisions.json(row.line(), q, row.note()));
                sb.setLength(0);
                Json.write(sb, object);
                sb.append('\n');
                out.append(sb);
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}

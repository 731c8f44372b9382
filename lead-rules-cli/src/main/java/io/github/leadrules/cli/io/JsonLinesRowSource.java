package io.github.leadrules.cli.io;

import io.github.leadrules.model.FieldError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines rows: one object per line; the header is the keys of the first object. Values become
 * cells: strings as they are, numbers and booleans as written, null as blank; an {@code engagement}
 * array of {@code {"type","at","detail","industry"}} objects becomes the compact encoding; any other
 * array or object becomes its JSON text. Keys that the first object lacks are not read as fields
 * but are echoed in JSON Lines output. A line that is not a JSON object is an INVALID row.
 */
public final class JsonLinesRowSource implements RowSource {

    /** Field code for a line that is not a JSON object. */
    public static final String MALFORMED_JSON = "MALFORMED_JSON";

    private final BufferedReader reader;
    private final List<String> header;
    private long lineNumber;
    private InputRow pending;

    /** Reads the first object at once, for the header. */
    public JsonLinesRowSource(Reader in, String sourceName) throws IOException {
        this.reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        String first;
        do {
            first = reader.readLine();
            lineNumber++;
            if (first == null) {
                throw new BadInputException(sourceName + " is empty: expected a JSON object per line");
            }
            if (lineNumber == 1 && first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
        } while (first.isBlank());
        Object value;
        try {
            value = Json.parse(first);
        } catch (Json.ParseException e) {
            throw new BadInputException(sourceName + ":" + lineNumber + ": not JSON (" + e.getMessage() + ")");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new BadInputException(sourceName + ":" + lineNumber + ": expected a JSON object");
        }
        List<String> h = new ArrayList<>();
        map.keySet().forEach(k -> h.add(String.valueOf(k)));
        this.header = List.copyOf(h);
        this.pending = row(lineNumber, first);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() throws IOException {
        if (pending != null) {
            InputRow r = pending;
            pending = null;
            return r;
        }
        String line;
        do {
            line = reader.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
        } while (line.isBlank());
        return row(lineNumber, line);
    }

    @SuppressWarnings("unchecked")
    private InputRow row(long number, String text) {
        Object value;
        try {
            value = Json.parse(text);
        } catch (Json.ParseException e) {
            return new InputRow(number, List.of(), List.of(new FieldError("row", MALFORMED_JSON)),
                    "not JSON: " + e.getMessage(), null);
        }
        if (!(value instanceof Map<?, ?>)) {
            return new InputRow(number, List.of(), List.of(new FieldError("row", MALFORMED_JSON)),
                    "not a JSON object", null);
        }
        Map<String, Object> object = (Map<String, Object>) value;
        List<String> cells = new ArrayList<>(header.size());
        for (String key : header) {
            cells.add(cell(key, object.get(key)));
        }
        return new InputRow(number, cells, List.of(), null, object);
    }

    private static String cell(String key, Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List<?> list && key.equalsIgnoreCase("engagement") && list.stream().allMatch(e -> e instanceof Map)) {
            StringBuilder sb = new StringBuilder();
            for (Object o : list) {
                Map<?, ?> e = (Map<?, ?>) o;
                if (sb.length() > 0) {
                    sb.append(';');
                }
                Object detail = e.get("industry") != null ? e.get("industry") : e.get("detail");
                sb.append(e.get("type") == null ? "" : e.get("type"));
                if (detail != null) {
                    sb.append(':').append(detail);
                }
                sb.append('@').append(e.get("at") == null ? "" : e.get("at"));
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder();
        Json.write(sb, v);
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

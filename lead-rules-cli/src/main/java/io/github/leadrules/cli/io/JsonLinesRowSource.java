package io.github.leadrules.cli.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.leadrules.json.JsonLimits;
import io.github.leadrules.json.LeadField;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.json.internal.Jackson;
import io.github.leadrules.model.FieldError;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * JSON Lines rows: one object per line, read with the shared JSON set-up of {@code lead-rules-json}
 * (Jackson, bounded: a line of at most the record size, strings within it, numbers of at most
 * {@value JsonLimits#DEFAULT_MAX_NUMBER_LENGTH} characters, {@value JsonLimits#DEFAULT_MAX_NESTING_DEPTH}
 * levels of nesting, no key twice). The header is the keys of the first object. Values become
 * cells: strings as they are, numbers as written (never expanded), booleans as {@code true}/{@code false},
 * null as blank; an {@code engagement} array of {@code {"type","at","detail","industry"}} objects
 * becomes the compact encoding; any other array or object becomes its JSON text. Keys that the first
 * object lacks are not read as fields but are echoed in JSON Lines output. A line that is not a JSON
 * object, or breaks a limit, is an INVALID row naming its line (and the key, where there is one);
 * reading goes on with the next line.
 */
public final class JsonLinesRowSource implements RowSource {

    /** Field code for a line that is not a JSON object. */
    public static final String MALFORMED_JSON = LeadRulesJson.MALFORMED_JSON;
    /** Field code for a line longer than the record size, or a string or number longer than allowed. */
    public static final String TOO_LONG = LeadRulesJson.TOO_LONG;

    private final LineReader reader;
    private final int maxRecordChars;
    private final ObjectMapper mapper;
    private final List<String> header;
    private InputRow pending;

    /** Reads the first object at once, for the header; lines of at most {@link CsvReader#DEFAULT_MAX_RECORD_CHARS}. */
    public JsonLinesRowSource(Reader in, String sourceName) throws IOException {
        this(in, sourceName, CsvReader.DEFAULT_MAX_RECORD_CHARS);
    }

    /**
     * Reads the first object at once, for the header.
     *
     * @param maxRecordChars the longest line, in characters
     * @throws BadInputException when there is no line, or the first is not a JSON object
     */
    public JsonLinesRowSource(Reader in, String sourceName, int maxRecordChars) throws IOException {
        this.reader = new LineReader(in, maxRecordChars);
        this.maxRecordChars = maxRecordChars;
        this.mapper = Jackson.mapper(JsonLimits.defaults().withMaxDocumentLength(maxRecordChars).withMaxStringLength(maxRecordChars));
        LineReader.Line first;
        do {
            first = reader.next();
            if (first == null) {
                throw new BadInputException(sourceName + " is empty: expected a JSON object per line");
            }
        } while (first.text() != null && first.text().isBlank());
        String where = sourceName + ":" + first.number() + ": ";
        if (first.tooLong()) {
            throw new BadInputException(where + "the first line is longer than " + chars() + " (--max-record-size)");
        }
        String text = first.number() == 1 && first.text().startsWith("\uFEFF") ? first.text().substring(1) : first.text();
        JsonNode value;
        try {
            value = Jackson.parse(mapper, text);
        } catch (Jackson.Problem p) {
            throw new BadInputException(where + describe(p) + "; the first line must be a JSON object, its keys are the columns");
        }
        if (!(value instanceof ObjectNode object)) {
            throw new BadInputException(where + "expected a JSON object");
        }
        List<String> h = new ArrayList<>();
        object.fieldNames().forEachRemaining(h::add);
        this.header = List.copyOf(h);
        this.pending = row(first.number(), object);
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
        LineReader.Line line;
        do {
            line = reader.next();
            if (line == null) {
                return null;
            }
        } while (line.text() != null && line.text().isBlank());
        if (line.tooLong()) {
            return problem(line.number(), new FieldError("row", TOO_LONG), "longer than --max-record-size, " + chars() + "; not read");
        }
        JsonNode value;
        try {
            value = Jackson.parse(mapper, line.text());
        } catch (Jackson.Problem p) {
            String field = p.path().equals("$") ? "row" : Echo.escape(p.path());
            return problem(line.number(), new FieldError(field, p.code()), describe(p));
        }
        if (!(value instanceof ObjectNode object)) {
            return problem(line.number(), new FieldError("row", MALFORMED_JSON), "not a JSON object");
        }
        return row(line.number(), object);
    }

    private static InputRow problem(long line, FieldError error, String note) {
        return new InputRow(line, List.of(), List.of(error), note, null);
    }

    private static String describe(Jackson.Problem p) {
        return p.code().equals(MALFORMED_JSON) ? p.getMessage() : p.getMessage() + " (" + p.code() + ")";
    }

    private String chars() {
        return String.format(Locale.ROOT, "%,d characters", maxRecordChars);
    }

    private InputRow row(long number, ObjectNode object) {
        List<String> cells = new ArrayList<>(header.size());
        for (String key : header) {
            cells.add(cell(key, object.get(key)));
        }
        return new InputRow(number, cells, List.of(), null, object);
    }

    private String cell(String key, JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            // A decimal is written as BigDecimal.toString(): 1e999999999 stays "1E+999999999".
            return v.asText();
        }
        if (v.isArray() && key.equalsIgnoreCase(LeadField.ENGAGEMENT.key()) && allObjects(v)) {
            return engagement(v);
        }
        try {
            return mapper.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode e : array) {
            if (!e.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** The compact encoding {@code type[:detail]@at;…} of engagement objects (the industry, if any, as the detail). */
    private static String engagement(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        Iterator<JsonNode> it = array.elements();
        while (it.hasNext()) {
            JsonNode e = it.next();
            if (sb.length() > 0) {
                sb.append(';');
            }
            JsonNode detail = present(e.get("industry")) ? e.get("industry") : e.get("detail");
            sb.append(present(e.get("type")) ? e.get("type").asText() : "");
            if (present(detail)) {
                sb.append(':').append(detail.asText());
            }
            sb.append('@').append(present(e.get("at")) ? e.get("at").asText() : "");
        }
        return sb.toString();
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

package io.github.leadrules.cli.columns;

import io.github.leadrules.cli.io.Echo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code --map} file: which column of the input holds which lead field. One entry per line, as a
 * properties file ({@code email = E-mail Address}) or a flat YAML map ({@code email: "E-mail Address"});
 * {@code #} starts a comment. Keys are {@link Field#column()} names, or {@code attribute.NAME} to
 * pass a column to host rules as the lead attribute {@code NAME}. Values are column names exactly
 * as in the header (case and surrounding spaces ignored). Keys and values are escaped in messages
 * ({@link Echo}).
 *
 * <p>A value may also be a one-line flow mapping, the long form, for how the column's cells are
 * read ({@link CellFormat}): {@code submitted_at: {column: "Created", format: "dd-MM-yyyy"}} reads
 * dates in that format (date columns and attributes only; an attribute's date is passed on as ISO
 * {@code yyyy-MM-dd}); {@code inquiry_type: {column: "Lead Origin", values: {"Lead Add Form": demo, "*": other}}}
 * translates cell values before they are read. Both may be given together.
 *
 * @param fields     field → column name
 * @param attributes attribute name → column name
 * @param formats    map key ({@code submitted_at}, {@code attribute.NAME}) → how its cells are read
 */
public record MapFile(Map<Field, String> fields, Map<String, String> attributes, Map<String, CellFormat> formats) {

    /** The fields whose cells are dates, the ones a {@code format:} applies to. */
    static final java.util.Set<Field> DATE_FIELDS = java.util.EnumSet.of(Field.SUBMITTED_AT, Field.LAST_SALES_ACTIVITY);

    /**
     * A map file without long forms.
     *
     * @param fields     field → column name
     * @param attributes attribute name → column name
     */
    public MapFile(Map<Field, String> fields, Map<String, String> attributes) {
        this(fields, attributes, Map.of());
    }

    /** A bad map file; the message names the file, the line and the key. */
    public static final class MapFileException extends Exception {
        private static final long serialVersionUID = 1L;

        MapFileException(String message) {
            super(message);
        }
    }

    public MapFile {
        fields = Collections.unmodifiableMap(new EnumMap<>(fields.isEmpty() ? new EnumMap<>(Field.class) : fields));
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        formats = Collections.unmodifiableMap(new LinkedHashMap<>(formats));
    }

    /**
     * How a field's cells are read, when its entry has the long form.
     *
     * @param field the field
     * @return the format, or null
     */
    public CellFormat format(Field field) {
        return formats.get(field.column());
    }

    /**
     * How an attribute's cells are read, when its entry has the long form.
     *
     * @param name the attribute's name
     * @return the format, or null
     */
    public CellFormat attributeFormat(String name) {
        return formats.get("attribute." + name);
    }

    /** Reads a map file (UTF-8). */
    public static MapFile load(Path file) throws IOException, MapFileException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, CellFormat> formats = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.equals("---")) {
                continue;
            }
            String where = Echo.escape(file.toString()) + ":" + (i + 1);
            int eq = t.indexOf('=');
            int colon = t.indexOf(':');
            int sep = eq >= 0 && (colon < 0 || eq < colon) ? eq : colon;
            if (sep <= 0) {
                throw new MapFileException(where + ": expected 'field = column' or 'field: column'");
            }
            String key = t.substring(0, sep).strip();
            String rest = t.substring(sep + 1).strip();
            CellFormat format = null;
            String value;
            if (rest.startsWith("{")) {
                LongForm long_ = LongForm.parse(rest, where, key);
                value = long_.column();
                format = long_.format();
            } else {
                value = unquote(rest);
            }
            if (value.isEmpty()) {
                throw new MapFileException(where + ": key '" + Echo.escape(key) + "' names no column");
            }
            if (key.startsWith("attribute.") && key.length() > "attribute.".length()) {
                if (attributes.put(key.substring("attribute.".length()), value) != null) {
                    throw new MapFileException(where + ": key '" + Echo.escape(key) + "' is given twice");
                }
                if (format != null) {
                    formats.put(key, format);
                }
                continue;
            }
            Field field = Field.byColumn(key).orElseThrow(() -> new MapFileException(where + ": unknown key '" + Echo.escape(key) + "'"
                    + "; keys are " + String.join(", ", java.util.Arrays.stream(Field.values()).map(Field::column).toList())
                    + " or attribute.NAME"));
            if (fields.put(field, value) != null) {
                throw new MapFileException(where + ": key '" + Echo.escape(key) + "' is given twice");
            }
            if (format != null) {
                if (format.format() != null && !DATE_FIELDS.contains(field)) {
                    throw new MapFileException(where + ": key '" + Echo.escape(key) + "': format: applies to date columns"
                            + " only (submitted_at, last_sales_activity, attribute.NAME); use values: to translate");
                }
                formats.put(field.column(), format);
            }
        }
        return new MapFile(fields, attributes, formats);
    }

    /** The long form of one entry: its column and how its cells are read (null when neither key is given). */
    private record LongForm(String column, CellFormat format) {

        /** The most values one entry may translate. */
        static final int MAX_VALUES = 1_000;

        static LongForm parse(String text, String where, String key) throws MapFileException {
            Flow flow = new Flow(text, where + ": key '" + Echo.escape(key) + "'");
            Map<String, Object> map = flow.mapping();
            flow.end();
            String column = null;
            String format = null;
            Map<String, String> values = Map.of();
            for (Map.Entry<String, Object> e : map.entrySet()) {
                switch (e.getKey()) {
                    case "column" -> column = flow.text(e);
                    case "format" -> format = flow.text(e);
                    case "values" -> {
                        if (!(e.getValue() instanceof Map<?, ?> m)) {
                            throw flow.error("values: expected a mapping such as {\"Lead Add Form\": demo, \"*\": other}");
                        }
                        if (m.size() > MAX_VALUES) {
                            throw flow.error("values: at most " + MAX_VALUES + " values");
                        }
                        Map<String, String> v = new LinkedHashMap<>();
                        for (Map.Entry<?, ?> x : m.entrySet()) {
                            if (!(x.getValue() instanceof String s)) {
                                throw flow.error("values: each value must be a single value, not a mapping");
                            }
                            if (v.put(((String) x.getKey()).strip().toLowerCase(java.util.Locale.ROOT), s) != null) {
                                throw flow.error("values: '" + Echo.escape((String) x.getKey()) + "' is given twice"
                                        + " (values are matched ignoring case)");
                            }
                        }
                        values = v;
                    }
                    default -> throw flow.error("unknown key '" + Echo.escape(e.getKey())
                            + "' in the long form (expected column, format, values)");
                }
            }
            if (column == null || column.isBlank()) {
                throw flow.error("the long form names no column: write {column: \"Column name\", ...}");
            }
            CellFormat cellFormat = null;
            if (format != null || !values.isEmpty()) {
                try {
                    cellFormat = new CellFormat(format, values);
                } catch (IllegalArgumentException e) {
                    throw flow.error(e.getMessage().startsWith("formats: ") ? e.getMessage().substring(9) : e.getMessage());
                }
            }
            return new LongForm(column, cellFormat);
        }
    }

    /**
     * A one-line YAML flow mapping: {@code {key: value, key: {key: value}}}, with plain, "double" or
     * 'single' quoted scalars. Nothing else of YAML.
     */
    private static final class Flow {
        private final String text;
        private final String where;
        private int pos;

        Flow(String text, String where) {
            this.text = text;
            this.where = where;
        }

        MapFileException error(String message) {
            return new MapFileException(where + ": " + message);
        }

        String text(Map.Entry<String, Object> e) throws MapFileException {
            if (!(e.getValue() instanceof String s)) {
                throw error(e.getKey() + ": expected a single value");
            }
            return s;
        }

        Map<String, Object> mapping() throws MapFileException {
            expect('{');
            Map<String, Object> out = new LinkedHashMap<>();
            skip();
            if (peek() == '}') {
                pos++;
                return out;
            }
            while (true) {
                String k = scalar(":");
                expect(':');
                skip();
                Object v = peek() == '{' ? mapping() : scalar(",}");
                if (out.put(k, v) != null) {
                    throw error("'" + Echo.escape(k) + "' is given twice");
                }
                skip();
                char c = peek();
                pos++;
                if (c == '}') {
                    return out;
                }
                if (c != ',') {
                    throw error("expected , or } at column " + pos + " of the long form");
                }
            }
        }

        void end() throws MapFileException {
            skip();
            if (pos < text.length() && text.charAt(pos) != '#') {
                throw error("unexpected text after the long form's closing }");
            }
        }

        private String scalar(String stops) throws MapFileException {
            skip();
            char q = peek();
            if (q == '"' || q == '\'') {
                StringBuilder sb = new StringBuilder();
                pos++;
                while (pos < text.length()) {
                    char c = text.charAt(pos++);
                    if (q == '"' && c == '\\' && pos < text.length()) {
                        sb.append(text.charAt(pos++));
                    } else if (q == '\'' && c == '\'' && pos < text.length() && text.charAt(pos) == '\'') {
                        sb.append('\'');
                        pos++;
                    } else if (c == q) {
                        return sb.toString();
                    } else {
                        sb.append(c);
                    }
                }
                throw error("a quoted value is not closed");
            }
            int start = pos;
            while (pos < text.length() && stops.indexOf(text.charAt(pos)) < 0 && text.charAt(pos) != '{'
                    && text.charAt(pos) != '}') {
                pos++;
            }
            String s = text.substring(start, pos).strip();
            if (s.isEmpty()) {
                throw error("expected a value at column " + (start + 1) + " of the long form");
            }
            return s;
        }

        private void expect(char c) throws MapFileException {
            skip();
            if (peek() != c) {
                throw error("expected " + c + " at column " + (pos + 1) + " of the long form");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
            return v.substring(1, v.length() - 1);
        }
        int comment = v.indexOf(" #");
        return comment >= 0 ? v.substring(0, comment).strip() : v;
    }
}

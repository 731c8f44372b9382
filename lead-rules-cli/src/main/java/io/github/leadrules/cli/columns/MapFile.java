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
 * @param fields     field → column name
 * @param attributes attribute name → column name
 */
public record MapFile(Map<Field, String> fields, Map<String, String> attributes) {

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
    }

    /** Reads a map file (UTF-8). */
    public static MapFile load(Path file) throws IOException, MapFileException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Map<String, String> attributes = new LinkedHashMap<>();
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
            String value = unquote(t.substring(sep + 1).strip());
            if (value.isEmpty()) {
                throw new MapFileException(where + ": key '" + Echo.escape(key) + "' names no column");
            }
            if (key.startsWith("attribute.") && key.length() > "attribute.".length()) {
                attributes.put(key.substring("attribute.".length()), value);
                continue;
            }
            Field field = Field.byColumn(key).orElseThrow(() -> new MapFileException(where + ": unknown key '" + Echo.escape(key) + "'"
                    + "; keys are " + String.join(", ", java.util.Arrays.stream(Field.values()).map(Field::column).toList())
                    + " or attribute.NAME"));
            if (fields.put(field, value) != null) {
                throw new MapFileException(where + ": key '" + Echo.escape(key) + "' is given twice");
            }
        }
        return new MapFile(fields, attributes);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
            return v.substring(1, v.length() - 1);
        }
        int comment = v.indexOf(" #");
        return comment >= 0 ? v.substring(0, comment).strip() : v;
    }
}

package io.github.leadrules.cli.columns;

import io.github.leadrules.cli.io.Echo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which input column fills which lead field: a recognised {@link ColumnPreset}, overridden and
 * extended by a {@link MapFile}. Built once from the header; immutable. A column the mapping reads
 * must be named once in the header: a name given twice (ignoring case and surrounding spaces) is an
 * error naming it and its positions, since either column could be meant. Names no field reads may
 * repeat; they are passed through as they are. Every header name in a message is escaped
 * ({@link Echo}).
 */
public final class ColumnMapping {

    /** The header cannot be read as leads; the message lists the header found and what was expected. */
    public static final class UnknownColumnsException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownColumnsException(String message) {
            super(message);
        }
    }

    private final List<String> header;
    private final ColumnPreset preset;
    private final Map<Field, Integer> fieldIndex;
    private final Map<String, Integer> attributeIndex;
    private final boolean mapGiven;
    private final MapFile map;

    private ColumnMapping(List<String> header, ColumnPreset preset, Map<Field, Integer> fieldIndex,
                          Map<String, Integer> attributeIndex, MapFile map) {
        this.header = List.copyOf(header);
        this.map = map;
        boolean mapGiven = map != null;
        this.preset = preset;
        this.mapGiven = mapGiven;
        this.fieldIndex = Collections.unmodifiableMap(new EnumMap<>(fieldIndex.isEmpty()
                ? new EnumMap<>(Field.class) : fieldIndex));
        this.attributeIndex = Collections.unmodifiableMap(new LinkedHashMap<>(attributeIndex));
    }

    /**
     * Recognises the header.
     *
     * @param header  the column names as read
     * @param map     the user's map file, or null
     * @param source  the input's name for messages
     * @throws UnknownColumnsException when no preset matches and no map is given, or a mapped column is missing
     */
    public static ColumnMapping resolve(List<String> header, MapFile map, String source) throws UnknownColumnsException {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(key(header.get(i)), i);
        }
        // Several presets can match (a Salesforce export has "Id" and "Email", which the own layout
        // also names): the one that recognises the most columns wins; ties go to the earlier preset.
        ColumnPreset preset = null;
        long best = -1;
        for (ColumnPreset p : ColumnPreset.values()) {
            if (p.signature().stream().allMatch(c -> byName.containsKey(key(c)))) {
                long found = p.columns().values().stream()
                        .filter(candidates -> candidates.stream().anyMatch(c -> byName.containsKey(key(c)))).count();
                if (found > best) {
                    preset = p;
                    best = found;
                }
            }
        }
        if (preset == null && map == null) {
            throw new UnknownColumnsException(unknownHeader(header, byName, source));
        }
        Map<Field, Integer> index = new EnumMap<>(Field.class);
        if (preset != null) {
            preset.columns().forEach((field, candidates) -> candidates.stream().map(ColumnMapping::key)
                    .filter(byName::containsKey).findFirst().ifPresent(c -> index.put(field, byName.get(c))));
        }
        Map<String, Integer> attributes = new LinkedHashMap<>();
        if (map != null) {
            List<String> missing = new ArrayList<>();
            map.fields().forEach((field, column) -> {
                Integer i = byName.get(key(column));
                if (i == null) {
                    missing.add(field.column() + " → " + Echo.quoted(column));
                } else {
                    index.put(field, i);
                }
            });
            map.attributes().forEach((name, column) -> {
                Integer i = byName.get(key(column));
                if (i == null) {
                    missing.add("attribute." + Echo.escape(name) + " → " + Echo.quoted(column));
                } else {
                    attributes.put(name, i);
                }
            });
            if (!missing.isEmpty()) {
                throw new UnknownColumnsException("The --map file names columns that " + source + " does not have: "
                        + String.join(", ", missing) + "\nColumns found: " + found(header));
            }
            if (!index.containsKey(Field.EMAIL) && !index.containsKey(Field.PHONE) && !index.containsKey(Field.COMPANY_NAME)) {
                throw new UnknownColumnsException("The columns of " + source + " give no e-mail, phone or company name: "
                        + "map at least one of email, phone, company_name.\nColumns found: " + found(header));
            }
        }
        checkNoDuplicates(header, index, attributes, source);
        return new ColumnMapping(header, preset, index, attributes, map);
    }

    /** Fails when a column the mapping reads is named more than once in the header. */
    private static void checkNoDuplicates(List<String> header, Map<Field, Integer> index, Map<String, Integer> attributes,
                                          String source) throws UnknownColumnsException {
        Map<Integer, String> used = new TreeMap<>();
        index.forEach((field, i) -> used.putIfAbsent(i, field.column()));
        attributes.forEach((name, i) -> used.putIfAbsent(i, "attribute." + Echo.escape(name)));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, String> u : used.entrySet()) {
            String problem = duplicate(header, u.getKey(), source);
            if (problem != null) {
                problems.add(problem + " (read as " + u.getValue() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new UnknownColumnsException(String.join("\n", problems)
                    + "\nEither column could be meant: rename or remove the others, or name the column to read with --map.");
        }
    }

    /**
     * "Column "Email" appears 2 times in the header of leads.csv, at positions 3 and 7" when the
     * column at {@code index} is named more than once; else null.
     */
    public static String duplicate(List<String> header, int index, String source) {
        String k = key(header.get(index));
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (key(header.get(i)).equals(k)) {
                positions.add(i + 1);
            }
        }
        if (positions.size() < 2) {
            return null;
        }
        String at = positions.stream().limit(positions.size() - 1).map(String::valueOf).collect(Collectors.joining(", "))
                + " and " + positions.get(positions.size() - 1);
        return "Column " + Echo.quoted(header.get(index)) + " appears " + positions.size() + " times in the header of "
                + source + ", at positions " + at;
    }

    private static String unknownHeader(List<String> header, Map<String, Integer> byName, String source) {
        StringBuilder sb = new StringBuilder("Cannot recognise the columns of ").append(source).append(".\n");
        sb.append("Columns found: ").append(found(header)).append('\n');
        sb.append("Expected the columns of one of:\n");
        for (ColumnPreset p : ColumnPreset.values()) {
            List<String> missing = p.signature().stream().filter(c -> !byName.containsKey(key(c))).toList();
            sb.append("  ").append(p.label()).append(": ").append(quoted(p.signature()))
                    .append(" (missing ").append(quoted(missing)).append(")\n");
        }
        sb.append("or give --map FILE naming the column of each field (see the CLI README).");
        if (header.stream().anyMatch(ColumnMapping::looksLikeData)) {
            sb.append("\nThe first line looks like data, not a header: the file needs a header line naming its columns.");
        }
        if (header.stream().anyMatch(h -> h.indexOf('\u0000') >= 0)) {
            sb.append("\nThe header holds NUL characters: is the file UTF-16 without a byte-order mark (try --encoding UTF-16LE)"
                    + " or not text at all?");
        }
        return sb.toString();
    }

    /**
     * The header as found, for a message; a name that looks like a value (an e-mail address, a phone
     * number: the first line of a file without a header) is described, not shown.
     */
    public static String found(List<String> header) {
        List<String> shown = new ArrayList<>();
        for (String h : header.subList(0, Math.min(header.size(), MAX_LISTED))) {
            shown.add(looksLikeData(h) ? "(" + h.length() + " characters that look like data)" : Echo.quoted(h));
        }
        String listed = String.join(", ", shown);
        return header.size() <= MAX_LISTED ? listed : listed + " … and " + (header.size() - MAX_LISTED) + " more";
    }

    /** Whether a header name looks like a personal value: it holds an @ or seven digits. */
    static boolean looksLikeData(String name) {
        return name.indexOf('@') >= 0 || name.chars().filter(Character::isDigit).count() >= 7;
    }

    /** At most this many header names are listed in a message. */
    private static final int MAX_LISTED = 50;

    private static String quoted(List<String> names) {
        String listed = Echo.quoted(names.size() <= MAX_LISTED ? names : names.subList(0, MAX_LISTED));
        return names.size() <= MAX_LISTED ? listed : listed + " … and " + (names.size() - MAX_LISTED) + " more";
    }

    private static String key(String column) {
        String k = column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
        return k.startsWith("\uFEFF") ? k.substring(1) : k;
    }

    /** The recognised preset, or null when only a map file applies. */
    public ColumnPreset preset() {
        return preset;
    }

    /** The header as read. */
    public List<String> header() {
        return header;
    }

    /** The column index of a field, or -1 when no column holds it. */
    public int index(Field field) {
        return fieldIndex.getOrDefault(field, -1);
    }

    /** The column name holding a field (escaped for messages, see {@link Echo}), or the field's own name when none does. */
    public String columnName(Field field) {
        int i = index(field);
        return i < 0 ? field.column() : Echo.escape(header.get(i));
    }

    /**
     * How an error names an attribute's cell: {@code attributes.deal_size (column "Deal Size (JPY)")}
     * when its column has another name (escaped and cut short, see {@link Echo#quoted(String)}), else
     * {@code attributes.deal_size}, as for an attribute no column holds.
     *
     * @param name the attribute's name
     * @return the name for a field error; never the cell's value
     */
    public String attributeErrorName(String name) {
        Integer i = attributeIndex.get(name);
        String column = i == null ? null : header.get(i).strip();
        if (column != null && column.startsWith("\uFEFF")) {
            column = column.substring(1);
        }
        return column == null || column.equals(name) ? "attributes." + name
                : "attributes." + name + " (column " + Echo.quoted(column) + ")";
    }

    /** Attribute name → column index, for columns passed to host rules. */
    public Map<String, Integer> attributes() {
        return attributeIndex;
    }

    /**
     * How a field's cells are read, from the map file's long form.
     *
     * @param field the field
     * @return the format, or null
     */
    public CellFormat format(Field field) {
        return map == null ? null : map.format(field);
    }

    /**
     * How an attribute's cells are read, from the map file's long form.
     *
     * @param name the attribute's name
     * @return the format, or null
     */
    public CellFormat attributeFormat(String name) {
        return map == null ? null : map.attributeFormat(name);
    }

    /** The fields that have a column. */
    public Map<Field, Integer> fields() {
        return fieldIndex;
    }

    /** A one-line description for the summary, e.g. "Salesforce lead export, 17 fields". */
    public String describe() {
        String what = preset == null ? "--map file" : preset.label() + (mapGiven ? " + --map file" : "");
        return what + ", " + fieldIndex.size() + " fields mapped";
    }
}

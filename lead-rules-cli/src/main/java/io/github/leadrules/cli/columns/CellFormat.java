package io.github.leadrules.cli.columns;

import io.github.leadrules.model.FieldType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How one mapped column's cells are read before the field reads them, from the long form of a
 * {@code --map} entry: {@code {column: "First Visit", format: "dd-MM-yyyy"}} reads dates in that
 * format, {@code {column: "Lead Origin", values: {"Lead Add Form": demo, "*": other}}} translates
 * cell values (matched ignoring case and surrounding spaces; {@code "*"} stands for every other
 * non-blank value; a value neither lists nor {@code "*"} catches is passed on as it is). Blank
 * cells stay blank. Immutable.
 *
 * @param format the date pattern ({@link FieldType#formatter(String)}: strict, {@code yyyy} needs no
 *               era), or null
 * @param values cell value (lower case, stripped) → value the field reads; {@code "*"} the default
 */
public record CellFormat(String format, Map<String, String> values) {

    /** The key standing for every other non-blank value. */
    public static final String OTHERWISE = "*";

    /**
     * Checks the pattern and keeps the values.
     *
     * @param format the date pattern, or null
     * @param values cell value → translated value
     * @throws IllegalArgumentException when the pattern is no date pattern
     */
    public CellFormat {
        if (format != null) {
            formatter(format);
        }
        Map<String, String> keyed = new LinkedHashMap<>();
        values.forEach((k, v) -> keyed.put(key(k), v));
        values = Collections.unmodifiableMap(keyed);
    }

    /** The formatter of a pattern, strict; a pattern with hours reads date-times. */
    static DateTimeFormatter formatter(String pattern) {
        return FieldType.formatter(pattern);
    }

    /**
     * The cell as the field reads it: translated through {@link #values()}.
     *
     * @param cell the cell, possibly null or blank
     * @return the translated value; the cell itself when nothing applies
     */
    public String translate(String cell) {
        if (cell == null || cell.isBlank() || values.isEmpty()) {
            return cell;
        }
        String v = values.get(key(cell));
        if (v == null) {
            v = values.get(OTHERWISE);
        }
        return v == null ? cell : v;
    }

    /**
     * Whether {@link #values()} translate this very value (not only through {@code "*"}).
     *
     * @param cell the cell, possibly null
     * @return true when a value of the map is this cell, ignoring case and surrounding spaces
     */
    public boolean names(String cell) {
        return cell != null && !cell.isBlank() && values.containsKey(key(cell));
    }

    /**
     * Reads a date cell in {@link #format()}: a date at the start of its day in {@code zone}, a
     * date-time (a pattern with hours) in {@code zone}.
     *
     * @param cell the cell, not blank
     * @param zone the zone of local dates
     * @return the instant
     * @throws Values.BadValue {@link Values#NOT_A_DATE} when the cell is not in the format
     */
    java.time.Instant instant(String cell, ZoneId zone) throws Values.BadValue {
        TemporalAccessor t = parse(cell);
        if (t.isSupported(ChronoField.HOUR_OF_DAY)) {
            return LocalDateTime.from(t).atZone(zone).toInstant();
        }
        return LocalDate.from(t).atStartOfDay(zone).toInstant();
    }

    /**
     * Reads a date cell in {@link #format()} and writes it as ISO {@code yyyy-MM-dd}, for an
     * attribute (declare the field as {@code date} in the policy: its default format is ISO).
     *
     * @param cell the cell, not blank
     * @return the ISO date
     * @throws Values.BadValue {@link Values#NOT_A_DATE} when the cell is not in the format
     */
    String isoDate(String cell) throws Values.BadValue {
        return LocalDate.from(parse(cell)).toString();
    }

    private TemporalAccessor parse(String cell) throws Values.BadValue {
        try {
            return formatter(format).parse(java.text.Normalizer.normalize(cell, java.text.Normalizer.Form.NFKC).strip());
        } catch (java.time.DateTimeException e) {
            throw new Values.BadValue(Values.NOT_A_DATE);
        }
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}

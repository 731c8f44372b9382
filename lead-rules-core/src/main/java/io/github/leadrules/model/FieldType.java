package io.github.leadrules.model;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The declared type of one lead attribute (the policy's {@code fields:}): how its text is read,
 * once, when the lead is validated. A value that does not read as its type is a {@link FieldError}
 * ({@link FieldError#NOT_A_NUMBER}, {@link FieldError#NOT_A_DATE}, {@link FieldError#NOT_A_FLAG},
 * {@link FieldError#NOT_A_CHOICE}); a blank value is missing. Rules read the typed value through
 * {@code LeadContext.number(name)}, {@code date(name)}, {@code flag(name)} and {@code text(name)}.
 * Immutable.
 *
 * @param kind    what the value is
 * @param formats for a {@link Kind#DATE}: the date formats tried in order ({@link DateTimeFormatter}
 *                patterns such as {@code dd-MM-yyyy}, read strictly: 31-02-2026 is no date); empty
 *                for every other kind
 * @param values  for a {@link Kind#CHOICE}: the allowed values, matched ignoring case and width;
 *                empty for every other kind
 */
public record FieldType(Kind kind, List<String> formats, List<String> values) {

    /** The most formats a date field may try, and the most values a choice may allow. */
    public static final int MAX_OPTIONS = 200;

    /** What a field's value is. */
    public enum Kind {
        /** Any text, kept as given (blank is missing). */
        TEXT,
        /** A decimal number such as {@code 900}, {@code -1.5} or {@code 1,500} (at most 100 digits). */
        NUMBER,
        /** A whole number such as {@code 900} or {@code 1,500}; {@code 900.0} is one, {@code 900.5} is not. */
        INTEGER,
        /** Yes or no: true/false, yes/no, y/n, 1/0, on/off, はい/いいえ (case and width ignored). */
        FLAG,
        /** A calendar date in one of the field's formats, or in ISO {@code yyyy-MM-dd}. */
        DATE,
        /** One of the field's allowed values. */
        CHOICE
    }

    /**
     * Checks the options against the kind.
     *
     * @param kind    what the value is
     * @param formats the date formats (date fields only; at least one)
     * @param values  the allowed values (choice fields only; at least one, no two equal ignoring case)
     * @throws IllegalArgumentException naming the problem: a format that is no pattern, options on a
     *                                  kind that takes none, a blank or duplicate choice
     */
    public FieldType {
        Objects.requireNonNull(kind, "kind");
        formats = List.copyOf(Objects.requireNonNull(formats, "formats"));
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (kind != Kind.DATE && !formats.isEmpty()) {
            throw new IllegalArgumentException("formats: only a date field has formats");
        }
        if (kind != Kind.CHOICE && !values.isEmpty()) {
            throw new IllegalArgumentException("values: only a choice field has values");
        }
        if (formats.size() > MAX_OPTIONS || values.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException("at most " + MAX_OPTIONS + " formats or values");
        }
        if (kind == Kind.DATE) {
            if (formats.isEmpty()) {
                throw new IllegalArgumentException("formats: a date field needs at least one format, e.g. yyyy-MM-dd");
            }
            for (String f : formats) {
                checkFormat(f);
            }
        }
        if (kind == Kind.CHOICE) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("values: a choice field needs at least one value");
            }
            Set<String> seen = new HashSet<>();
            for (String v : values) {
                if (v.isBlank()) {
                    throw new IllegalArgumentException("values: a choice must not be blank");
                }
                if (!seen.add(v.strip().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("values: duplicate choice (values are matched ignoring case)");
                }
            }
        }
    }

    /** {@return a text field} */
    public static FieldType text() { return new FieldType(Kind.TEXT, List.of(), List.of()); }

    /** {@return a decimal number field} */
    public static FieldType number() { return new FieldType(Kind.NUMBER, List.of(), List.of()); }

    /** {@return a whole number field} */
    public static FieldType integer() { return new FieldType(Kind.INTEGER, List.of(), List.of()); }

    /** {@return a yes/no field} */
    public static FieldType flag() { return new FieldType(Kind.FLAG, List.of(), List.of()); }

    /**
     * A date field.
     *
     * @param formats the formats tried in order, e.g. {@code "dd-MM-yyyy"}, {@code "yyyy-MM-dd"}
     * @return the type
     * @throws IllegalArgumentException when there is none or one is no date pattern
     */
    public static FieldType date(String... formats) { return new FieldType(Kind.DATE, List.of(formats), List.of()); }

    /**
     * A choice field.
     *
     * @param values the allowed values
     * @return the type
     * @throws IllegalArgumentException when there is none, one is blank or two are equal ignoring case
     */
    public static FieldType choice(String... values) { return new FieldType(Kind.CHOICE, List.of(), List.of(values)); }

    /** {@return the kind as the policy file writes it: text, number, integer, flag, date or choice} */
    public String kindName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The formatter of one date pattern, strict: {@code yyyy} is read as a proleptic year, so that
     * {@code dd-MM-yyyy} needs no era and {@code 31-02-2026} is no date.
     *
     * @param pattern the pattern
     * @return the formatter
     * @throws IllegalArgumentException when the pattern is none, or has no year, month and day
     */
    public static DateTimeFormatter formatter(String pattern) {
        return checkFormat(pattern);
    }

    private static DateTimeFormatter checkFormat(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("formats: a date format must not be blank");
        }
        StringBuilder p = new StringBuilder(pattern.length());
        boolean quoted = false;
        List<Character> letters = new ArrayList<>();
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == 'y') {
                c = 'u';
            }
            if (!quoted && Character.isLetter(c)) {
                letters.add(c);
            }
            p.append(c);
        }
        if (!letters.contains('u') || !letters.contains('M') || !letters.contains('d')) {
            throw new IllegalArgumentException("formats: a date format needs a year (yyyy), a month (MM) and a day (dd)");
        }
        try {
            return DateTimeFormatter.ofPattern(p.toString(), Locale.ROOT)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("formats: not a date format (" + e.getMessage() + ")");
        }
    }
}

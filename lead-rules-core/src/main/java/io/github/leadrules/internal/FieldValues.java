package io.github.leadrules.internal;

import io.github.leadrules.internal.text.Text;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.FieldType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads a declared attribute's text as its type, once, during validation. Values are NFKC-normalised
 * and stripped first (full-width digits are digits); a blank value is missing.
 */
public final class FieldValues {

    /** The most digits a number may have: more is a data error, not a number. */
    static final int MAX_DIGITS = 100;

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Map<String, Boolean> FLAGS = Map.ofEntries(
            Map.entry("true", true), Map.entry("false", false),
            Map.entry("yes", true), Map.entry("no", false),
            Map.entry("y", true), Map.entry("n", false),
            Map.entry("1", true), Map.entry("0", false),
            Map.entry("on", true), Map.entry("off", false),
            Map.entry("はい", true), Map.entry("いいえ", false));
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    /** The outcome of reading one value: the typed value (null when blank), or the error code. */
    record Read(Object value, String code) {
    }

    private FieldValues() {
    }

    /**
     * A field name as messages echo it: at most 60 characters, control characters escaped.
     *
     * @param name the name, possibly null
     * @return the text to show
     */
    public static String shortName(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && sb.length() < 60; i++) {
            char c = name.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return name.length() > 60 ? sb + "…" : sb.toString();
    }

    /** Reads a value; {@code raw} may be null. */
    static Read read(FieldType type, String raw) {
        if (raw == null || raw.isBlank()) {
            return new Read(null, null);
        }
        String s = Text.nfkc(raw).strip();
        return switch (type.kind()) {
            case TEXT -> new Read(raw.strip(), null);
            case NUMBER -> number(s, false);
            case INTEGER -> number(s, true);
            case FLAG -> {
                Boolean b = FLAGS.get(s.toLowerCase(Locale.ROOT));
                yield b == null ? new Read(null, FieldError.NOT_A_FLAG) : new Read(b, null);
            }
            case DATE -> date(type.formats(), s);
            case CHOICE -> {
                for (String v : type.values()) {
                    if (Text.nfkc(v).strip().equalsIgnoreCase(s)) {
                        yield new Read(v, null);
                    }
                }
                yield new Read(null, FieldError.NOT_A_CHOICE);
            }
        };
    }

    private static Read number(String s, boolean whole) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                digits++;
            }
        }
        if (digits == 0 || digits > MAX_DIGITS || s.length() > MAX_DIGITS * 2
                || !(PLAIN.matcher(s).matches() || GROUPED.matcher(s).matches())) {
            return new Read(null, FieldError.NOT_A_NUMBER);
        }
        BigDecimal n = new BigDecimal(s.replace(",", "").replace("+", ""));
        if (whole) {
            BigDecimal stripped = n.stripTrailingZeros();
            if (stripped.scale() > 0) {
                return new Read(null, FieldError.NOT_A_NUMBER);
            }
            n = stripped.setScale(0);
        }
        return new Read(n, null);
    }

    private static Read date(List<String> formats, String s) {
        for (String f : formats) {
            try {
                return new Read(LocalDate.parse(s, FORMATTERS.computeIfAbsent(f, FieldType::formatter)), null);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        // ISO always reads: it is what the CLI's --map format: writes, and it is never ambiguous.
        try {
            return new Read(LocalDate.parse(s, FORMATTERS.computeIfAbsent(ISO, FieldType::formatter)), null);
        } catch (DateTimeParseException e) {
            return new Read(null, FieldError.NOT_A_DATE);
        }
    }

    private static final String ISO = "uuuu-MM-dd";
}

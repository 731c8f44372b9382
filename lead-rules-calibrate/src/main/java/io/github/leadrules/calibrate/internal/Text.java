package io.github.leadrules.calibrate.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text helpers: the matching key of a value, numbers as the policy's {@code number} type reads them, escaping. */
public final class Text {

    /** A decimal number: sign, digits (commas only in groups of three), optional fraction; no exponent. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.\\d+)?");
    private static final int MAX_DIGITS = 100;

    private Text() {
    }

    /** NFKC, surrounding spaces removed; null for null. */
    public static String clean(String value) {
        return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
    }

    /** The matching key: NFKC, stripped, lower case (the policy compares text ignoring case after NFKC). */
    public static String key(String value) {
        String c = clean(value);
        return c == null ? null : c.toLowerCase(Locale.ROOT);
    }

    /** The value as a number the way the policy's {@code number} type reads it, or null. */
    public static BigDecimal number(String value) {
        String c = clean(value);
        if (c == null || c.isEmpty() || c.length() > MAX_DIGITS + 40 || !NUMBER.matcher(c).matches()) {
            return null;
        }
        String plain = c.replace(",", "");
        long digits = plain.chars().filter(Character::isDigit).count();
        if (digits == 0 || digits > MAX_DIGITS) {
            return null;
        }
        return new BigDecimal(plain.startsWith("+") ? plain.substring(1) : plain);
    }

    /** true/false for a flag value (true/false, yes/no, y/n, 1/0, on/off, はい/いいえ), or null. */
    public static String flag(String value) {
        String k = key(value);
        if (k == null) {
            return null;
        }
        return switch (k) {
            case "true", "yes", "y", "1", "on", "はい" -> "true";
            case "false", "no", "n", "0", "off", "いいえ" -> "false";
            default -> null;
        };
    }

    /** A number written plainly: no exponent, no trailing zeros. */
    public static String plain(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** For one-line output: control characters escaped, at most {@code max} characters then {@code …}. */
    public static String escape(String s, int max) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < s.length() && shown < max; i++, shown++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029' || ch == '\uFEFF') {
                        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        if (shown < s.length()) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** An upper-case id part: ASCII letters and digits, other runs as one {@code -}; may be empty. */
    public static String slug(String s, int max) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD).toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length(); i++) {
            char ch = d.charAt(i);
            if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) {
                sb.append(ch);
            } else if (Character.getType(ch) == Character.NON_SPACING_MARK) {
                continue;
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        String out = sb.toString();
        if (out.length() > max) {
            out = out.substring(0, max);
        }
        while (out.endsWith("-")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}

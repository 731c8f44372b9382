package io.github.leadrules.cli.io;

import java.util.Locale;

/**
 * Text from a file or the command line made safe to echo in a message on a terminal: control
 * characters, Unicode line separators and bidirectional controls (which can disguise what is
 * shown) become {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}. Messages echo column
 * names, file names and option values this way; cell values are never echoed at all.
 */
public final class Printable {

    private Printable() {
    }

    /** The text with control characters escaped; the same string when there are none. */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = isControl(c);
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (!control) {
                    sb.append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else if (c == '\t') {
                    sb.append("\\t");
                } else {
                    sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** The text in double quotes, escaped as by {@link #of(String)}. */
    public static String quoted(String text) {
        return "\"" + of(text) + "\"";
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}

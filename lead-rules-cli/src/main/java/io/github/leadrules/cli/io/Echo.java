package io.github.leadrules.cli.io;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Input text made safe to echo in a message: header names, column names, map-file keys and values,
 * option values. Control and format characters (ESC, NUL, bidirectional overrides, line and
 * paragraph separators, lone surrogates …) are written as {@code \}{@code uXXXX}, so a hostile or binary
 * file can neither drive the terminal nor reorder what is shown, and a long name is cut short. Never
 * use it to decide whether a value may be shown: cell values are never echoed at all.
 */
public final class Echo {

    /** Characters of a name shown before it is cut short. */
    public static final int MAX_SHOWN = 80;

    private Echo() {
    }

    /** The text with every control or format character escaped; null as {@code null}. */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = unsafe(text, i, c);
            if (unsafe && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (unsafe) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text.toString() : sb.toString();
    }

    /** The text escaped and cut to {@value #MAX_SHOWN} characters, in double quotes: {@code "E-mail Address"}. */
    public static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        String shown = text.length() <= MAX_SHOWN ? text
                : text.substring(0, Character.isHighSurrogate(text.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN);
        return "\"" + escape(shown) + (shown.length() < text.length() ? "…(" + text.length() + " characters)" : "") + "\"";
    }

    /** Each name {@link #quoted}, separated by commas. */
    public static String quoted(Collection<String> names) {
        return names.stream().map(Echo::quoted).collect(Collectors.joining(", "));
    }

    private static boolean unsafe(CharSequence text, int i, char c) {
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}

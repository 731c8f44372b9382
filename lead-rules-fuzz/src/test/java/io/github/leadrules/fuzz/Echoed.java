package io.github.leadrules.fuzz;

/**
 * Text a parser shows the user (problem messages, header and key names) must not carry raw control
 * characters from the input: they could drive the terminal (ESC sequences, NUL, BEL) or reorder what
 * is shown (bidirectional overrides). This check is written independently of the code's own escaping
 * ({@code Echo}, {@code PolicyFileException}): it names the dangerous characters itself.
 */
public final class Echoed {

    private Echoed() {
    }

    /**
     * Fails when {@code text} holds a raw C0 or C1 control character (NUL, BEL, BS, ESC, DEL, CSI …), a
     * bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), a line or paragraph
     * separator (U+2028, U+2029) or an unpaired surrogate.
     *
     * @param what          what the text is, for the failure message
     * @param text          the text shown (null is fine)
     * @param allowNewlines whether {@code \n} may separate the lines of a multi-line message
     */
    public static void check(String what, String text, boolean allowNewlines) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && allowNewlines) {
                continue;
            }
            if (dangerous(text, i, c)) {
                int from = Math.max(0, i - 30);
                String around = text.substring(from, Math.min(text.length(), i + 30));
                throw new AssertionError(String.format("%s holds a raw U+%04X at index %d: %s", what, (int) c, i,
                        visible(around)));
            }
        }
    }

    private static boolean dangerous(String text, int i, char c) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        if (c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    /** The text with every character below U+0020 or above U+007E written as a Java escape, for a failure message. */
    private static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }
}

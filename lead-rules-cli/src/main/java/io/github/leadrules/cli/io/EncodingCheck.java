package io.github.leadrules.cli.io;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Whether text can be written in a charset, asked cell by cell so that a cell that cannot be
 * stops the run naming its row and column, where a writer would silently write {@code ?}.
 * Not thread-safe (one encoder is reused).
 */
final class EncodingCheck {

    private final CharsetEncoder encoder;
    private final boolean unicode;
    private final boolean asciiEncodable;

    EncodingCheck(Charset charset) {
        this.encoder = charset.newEncoder();
        String name = charset.name();
        this.unicode = charset.equals(StandardCharsets.UTF_8) || name.startsWith("UTF-16") || name.startsWith("UTF-32");
        StringBuilder ascii = new StringBuilder(128);
        for (char c = 0; c < 128; c++) {
            ascii.append(c);
        }
        this.asciiEncodable = unicode || encoder.canEncode(ascii);
    }

    /** Whether every character of {@code text} can be written. */
    boolean canEncode(String text) {
        if (text == null || text.isEmpty()) {
            return true;
        }
        if (unicode) {
            return wellFormed(text);
        }
        if (asciiEncodable && isAscii(text)) {
            return true;
        }
        return encoder.canEncode(text);
    }

    /** Unicode encodings write every character; only a surrogate without its pair is refused. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

package io.github.leadrules.internal.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Unicode normalisation shared by every matcher in lead-rules.
 *
 * <p>Lead forms are filled in on Japanese and Western keyboards alike, so the same company,
 * country or address arrives in full-width or half-width forms, with ideographic spaces, or
 * with compatibility characters such as {@code ㈱}. Matching therefore never compares raw
 * input: it compares the {@link #key(String) key} of both sides, built on Unicode NFKC.
 *
 * <p>This is an internal package: its API may change without notice.
 */
public final class Text {

    private Text() {
    }

    /**
     * Applies Unicode NFKC (compatibility composition).
     *
     * <p>NFKC folds the forms that Japanese input produces for the same text: full-width Latin
     * letters and digits become ASCII ({@code Ｓｏｎｙ} → {@code Sony}), half-width katakana
     * becomes full-width with its voicing marks composed ({@code ｻﾝﾌﾟﾙ} → {@code サンプル}),
     * and enclosed forms are spelled out ({@code ㈱} → {@code (株)}).
     *
     * @param s any text, or {@code null}
     * @return the NFKC form of {@code s}, or {@code null} when {@code s} is {@code null}
     */
    public static String nfkc(String s) {
        if (s == null || isSettled(s)) {
            // ASCII, kanji and kana are their own NFKC form: most input, Latin or Japanese, is only these
            return s;
        }
        // normalize returns the text itself when its quick check finds it normalised: no second
        // pass (and no second inline tree where this is compiled in) for an isNormalized check
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    /**
     * Whether NFKC leaves the character as it is, whatever stands around it: ASCII, the CJK
     * unified ideographs (and extension A), hiragana and katakana letters, the prolonged sound
     * mark and the iteration marks, and Japanese punctuation that has no other form. Each of
     * these is its own NFKC form, is not a combining mark, and is never the second character of
     * a composition (the Unicode quick check says "yes" for each), so a text of only these is
     * normalised, and such a character followed by another of them (or by nothing) stays the
     * first character of the NFKC form. The half-width and full-width forms, the ideographic
     * space and the voiced sound marks are not among them. A test checks every claim on every
     * character.
     *
     * @param c a UTF-16 unit
     * @return true for the characters listed
     */
    public static boolean isSettled(char c) {
        return c < 0x80
                || (c >= 0x4E00 && c <= 0x9FFF)     // CJK unified ideographs
                || (c >= 0x3041 && c <= 0x3096)     // hiragana letters
                || (c >= 0x30A1 && c <= 0x30FA)     // katakana letters
                || (c >= 0x3400 && c <= 0x4DBF)     // CJK unified ideographs extension A
                || (c >= 0x30FB && c <= 0x30FE)     // katakana middle dot, prolonged sound mark, iteration marks
                || (c >= 0x309D && c <= 0x309E)     // hiragana iteration marks
                || (c >= 0x3001 && c <= 0x3002)     // ideographic comma and full stop
                || (c >= 0x3005 && c <= 0x3007)     // ideographic iteration mark, closing mark, number zero
                || (c >= 0x300C && c <= 0x300F);    // corner brackets
    }

    private static boolean isSettledOrSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSettled(c) && c != '\u3000' && c != '\u00A0') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every character of the text is {@link #isSettled(char) settled}, so that the text
     * is its own NFKC form.
     *
     * @param s any text, not {@code null}
     * @return whether it is all settled characters
     */
    public static boolean isSettled(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSettled(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether every character of the text is ASCII (below U+0080).
     *
     * @param s any text, not {@code null}
     * @return whether it is all ASCII
     */
    public static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds the key under which two spellings of the same value compare equal.
     *
     * <p>The key is the {@link #nfkc(String) NFKC} form, lowercased with {@link Locale#ROOT}
     * (so that a Turkish or other default locale cannot change the result), trimmed, with
     * every run of whitespace, including the ideographic space U+3000 and no-break spaces,
     * collapsed to one ASCII space.
     *
     * @param s any text, or {@code null}
     * @return the matching key, or {@code null} when {@code s} is {@code null} or blank
     */
    public static String key(String s) {
        if (s == null) {
            return null;
        }
        if (isOwnKey(s)) {
            return s; // the common case, in one pass: no NFKC, no case, nothing to trim or collapse
        }
        // The ideographic and the no-break space are NFKC'd to a space, which the key collapses
        // anyway: text of settled characters and these needs no NFKC either.
        String lower = (isSettledOrSpace(s) ? s : nfkc(s)).toLowerCase(Locale.ROOT);
        if (isKeyAsIs(lower)) {
            // nothing to trim or collapse: the common case, and no copy
            return lower;
        }
        StringBuilder out = new StringBuilder(lower.length());
        boolean pendingSpace = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (isWhitespace(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /**
     * Whether the text, as given, is its own key: settled characters only (its own NFKC form), no
     * upper-case ASCII (settled characters other than ASCII have no case), no control character,
     * and no space other than single ASCII spaces between other characters.
     */
    private static boolean isOwnKey(String s) {
        int n = s.length();
        boolean previousSpace = true; // a space at the start is not its own key
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (c < 0x80 ? c < ' ' || (c >= 'A' && c <= 'Z') : !isSettled(c)) {
                return false;
            } else {
                previousSpace = false;
            }
        }
        return n > 0 && !previousSpace;
    }

    /**
     * Whether the (normalised, lowercased) text is its own key: not empty, no whitespace at either
     * end, and no whitespace inside other than single ASCII spaces. Only ASCII is examined closely;
     * other text is checked character by character for any whitespace at all.
     */
    private static boolean isKeyAsIs(String lower) {
        int n = lower.length();
        if (n == 0) {
            return false;
        }
        boolean previousSpace = true; // a space at the start is not as is
        for (int i = 0; i < n; i++) {
            char c = lower.charAt(i);
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (c < 0x80 ? c < ' ' : Character.isSurrogate(c) || isWhitespace(c)) {
                // other ASCII whitespace and controls, any Unicode space, and supplementary
                // characters (checked the long way) go through the builder
                return false;
            } else {
                previousSpace = false;
            }
        }
        return !previousSpace;
    }

    /**
     * Tells whether text holds characters that no form field should contain.
     *
     * <p>Control characters other than tab, line feed and carriage return, and unpaired
     * surrogates, are signs of broken encodings or injection attempts; callers reject such
     * input rather than store or match it.
     *
     * @param s any text, or {@code null}
     * @return {@code true} when {@code s} holds an ISO control character other than
     *     {@code \t}, {@code \n} and {@code \r}, or an unpaired surrogate; {@code false}
     *     otherwise, also for {@code null}
     */
    public static boolean hasControlCharacters(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= ' ' && c < 0x7F) || (c >= 0xA0 && c < 0xD800)) {
                // printable ASCII and the rest of the BMP below the surrogates: neither control nor surrogate
                continue;
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whitespace in the widest sense: Java whitespace (which includes U+3000) and every
     * Unicode space separator, including the no-break spaces that Java does not count.
     */
    static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}

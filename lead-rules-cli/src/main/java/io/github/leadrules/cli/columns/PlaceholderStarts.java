package io.github.leadrules.cli.columns;

import java.util.Collection;

/**
 * Rules most cells out as placeholder values by their first two characters, without building their
 * key: the first character of a placeholder's key ({@code LeadPolicy.missingValues()}: Unicode NFKC,
 * lower case, trimmed) is the cell's first character, lower-cased, when that is a visible
 * {@link #isSettled settled} character followed by another (or by nothing); so a cell starting
 * with a character no key starts with is none. Immutable.
 *
 * <p>{@code LeadPolicy.isMissingValue} rules values out the same way, by core's {@code Text.isSettled};
 * that class is internal to lead-rules-core, so {@link #isSettled} keeps its own (narrower) list, checked
 * on every character by {@code PlaceholderStartsTest}. Here the check is a table look-up ahead of the
 * memo, so that a worker's hot path stays small and most cells never reach the policy at all.
 */
final class PlaceholderStarts {

    /** One bit per UTF-16 unit: set for the first character of a key, in either case. */
    private final long[] starts = new long[1 << 10];

    /**
     * @param keys the placeholder values, as keys (lower case, normalised, trimmed)
     */
    PlaceholderStarts(Collection<String> keys) {
        for (String key : keys) {
            char c = key.charAt(0);
            set(c);
            if (c >= 'a' && c <= 'z') {
                set((char) (c - 'a' + 'A'));
            }
        }
    }

    private void set(char c) {
        starts[c >>> 6] |= 1L << c;
    }

    /**
     * Whether the cell is surely no placeholder: its first character is visible, {@link #isSettled
     * settled} and no key's first character, and its second (if any) is settled too.
     *
     * @param cell a cell, not null
     * @return true when no key can match it; false when it has to be checked
     */
    boolean rulesOut(String cell) {
        int n = cell.length();
        if (n == 0) {
            return false;
        }
        char first = cell.charAt(0);
        return first > ' ' && (starts[first >>> 6] & (1L << first)) == 0 && settled(first)
                && (n == 1 || settled(cell.charAt(1)));
    }

    /** {@link #isSettled}, one bit per UTF-16 unit. */
    private static final long[] SETTLED = new long[1 << 10];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (isSettled((char) c)) {
                SETTLED[c >>> 6] |= 1L << c;
            }
        }
    }

    /** {@link #isSettled}, by table. */
    private static boolean settled(char c) {
        return (SETTLED[c >>> 6] & (1L << c)) != 0;
    }

    /**
     * Whether NFKC leaves the character as it is, whatever stands around it, and lower-casing too
     * when it is not ASCII: ASCII, the CJK unified ideographs (and extension A), hiragana and
     * katakana letters, the prolonged sound mark, the katakana middle dot and the iteration marks.
     * Each is its own NFKC form, is no combining mark and never the second character of a
     * composition, so such a character followed by another of them (or by nothing) stays the first
     * character of the NFKC form. A test checks these claims on every character.
     *
     * @param c a UTF-16 unit
     * @return true for the characters listed
     */
    static boolean isSettled(char c) {
        return c < 0x80
                || (c >= 0x4E00 && c <= 0x9FFF)     // CJK unified ideographs
                || (c >= 0x3041 && c <= 0x3096)     // hiragana letters
                || (c >= 0x30A1 && c <= 0x30FA)     // katakana letters
                || (c >= 0x3400 && c <= 0x4DBF)     // CJK unified ideographs extension A
                || (c >= 0x30FB && c <= 0x30FE)     // katakana middle dot, prolonged sound mark, iteration marks
                || (c >= 0x309D && c <= 0x309E);    // hiragana iteration marks
    }
}

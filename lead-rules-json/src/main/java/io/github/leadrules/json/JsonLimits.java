package io.github.leadrules.json;

/**
 * How much JSON one read may take, so that a hostile or broken document costs time and memory in
 * proportion to its length and never more: beyond a limit, the read stops with a {@code TOO_LONG}
 * (or {@code NESTED_TOO_DEEPLY}) error naming the field, instead of expanding a number like
 * {@code 1e999999999} to a billion digits or recursing until the stack overflows.
 *
 * <pre>{@code
 * LeadRulesJson json = LeadRulesJson.withLimits(JsonLimits.defaults().withMaxDocumentLength(64 * 1024));
 * }</pre>
 *
 * @param maxDocumentLength the longest document, in characters (bytes when read from bytes)
 * @param maxStringLength   the longest string value, in characters
 * @param maxNumberLength   the longest number, in characters as written (digits, sign, point, exponent)
 * @param maxNestingDepth   the deepest nesting of objects and arrays; a lead needs 3
 */
public record JsonLimits(int maxDocumentLength, int maxStringLength, int maxNumberLength, int maxNestingDepth) {

    /** 1 MiB. */
    public static final int DEFAULT_MAX_DOCUMENT_LENGTH = 1 << 20;
    /** 1 MiB. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 1 << 20;
    /** 100 characters: far more than any count or amount, far less than an expansion could cost. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 100;
    /** 32 levels. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;

    /** Checks that every limit is at least 1. */
    public JsonLimits {
        positive(maxDocumentLength, "maxDocumentLength");
        positive(maxStringLength, "maxStringLength");
        positive(maxNumberLength, "maxNumberLength");
        positive(maxNestingDepth, "maxNestingDepth");
    }

    /** 1 MiB documents and strings, 100-character numbers, 32 levels of nesting. */
    public static JsonLimits defaults() {
        return new JsonLimits(DEFAULT_MAX_DOCUMENT_LENGTH, DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_NUMBER_LENGTH,
                DEFAULT_MAX_NESTING_DEPTH);
    }

    /** These limits with another document length. */
    public JsonLimits withMaxDocumentLength(int length) {
        return new JsonLimits(length, maxStringLength, maxNumberLength, maxNestingDepth);
    }

    /** These limits with another string length. */
    public JsonLimits withMaxStringLength(int length) {
        return new JsonLimits(maxDocumentLength, length, maxNumberLength, maxNestingDepth);
    }

    /** These limits with another number length. */
    public JsonLimits withMaxNumberLength(int length) {
        return new JsonLimits(maxDocumentLength, maxStringLength, length, maxNestingDepth);
    }

    /** These limits with another nesting depth. */
    public JsonLimits withMaxNestingDepth(int depth) {
        return new JsonLimits(maxDocumentLength, maxStringLength, maxNumberLength, depth);
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}

package io.github.leadrules.json;

/**
 * A qualification's JSON could not be read. The message names the key (a path such as
 * {@code reasons[2].stage}) and what is wrong with it, never the value.
 */
public final class JsonReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String code;

    /**
     * @param field the path of the value at fault, or {@code $} for the document
     * @param code  a stable code, one of {@link LeadRulesJson}'s
     */
    public JsonReadException(String field, String code) {
        super(field + " " + code);
        this.field = field;
        this.code = code;
    }

    /** The path of the value at fault, e.g. {@code reasons[2].stage}, or {@code $} for the document. */
    public String field() {
        return field;
    }

    /** The stable code, e.g. {@link LeadRulesJson#UNKNOWN_VALUE}. */
    public String code() {
        return code;
    }
}

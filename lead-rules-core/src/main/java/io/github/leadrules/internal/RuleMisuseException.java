package io.github.leadrules.internal;

/**
 * A rule used the decision API wrongly (a decision of another stage, a missing level or
 * destination). Its message is written by the library and names only the rule, never lead data,
 * so the ERROR reason may quote it; messages of other exceptions thrown by host code are not quoted.
 */
public final class RuleMisuseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RuleMisuseException(String message) {
        super(message);
    }

    /**
     * A misuse found outside this package (a typed field read of an undeclared field or of the
     * wrong type).
     *
     * @param message the library's message, naming no lead data
     * @return the exception
     */
    public static RuleMisuseException of(String message) {
        return new RuleMisuseException(message);
    }
}

package io.github.leadrules.model;

import java.util.Objects;

/**
 * One problem with one input field, the reason a lead is {@link Outcome#INVALID}.
 *
 * @param field the field path, e.g. {@code "email"} or {@code "company.employeeCount"}
 * @param code  a stable machine-readable code, e.g. {@code "MALFORMED"}, {@code "TOO_LONG"},
 *              {@code "NEGATIVE"}, {@code "REQUIRED"}, {@code "UNKNOWN_COUNTRY"}
 */
public record FieldError(String field, String code) {
    /**
     * Requires the field and the code.
     *
     * @param field the field path, e.g. {@code "email"} or {@code "company.employeeCount"}
     * @param code a stable machine-readable code, e.g. {@code "MALFORMED"}, {@code "TOO_LONG"},
     *        {@code "NEGATIVE"}, {@code "REQUIRED"}, {@code "UNKNOWN_COUNTRY"}
     */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return field + ":" + code;
    }
}

package io.github.leadrules.calibrate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One condition of a learned signal, in the policy file's terms: a field, an operator and its
 * values. Values are {@link String} (text and choice fields), {@link BigDecimal} (numbers) or
 * {@link Boolean} (flags).
 *
 * @param field    the field: a standard lead field by its policy name ({@code source},
 *                 {@code company.industry} …) or a declared attribute
 * @param operator the operator
 * @param values   its values: one for {@code equals}, {@code atLeast}, {@code below}; two (low,
 *                 high) for {@code between}; one or more for {@code in}, {@code notIn}; none for
 *                 {@code missing}, {@code present}
 */
public record Condition(String field, Operator operator, List<Object> values) {

    /** The operators calibrate writes; each is the policy file's operator of the same name. */
    public enum Operator {
        /** Equal (text ignoring case after NFKC; flags true/false). */
        EQUALS("equals"),
        /** Equal to one of the values. */
        IN("in"),
        /** Present and equal to none of the values. */
        NOT_IN("notIn"),
        /** At least the value. */
        AT_LEAST("atLeast"),
        /** Below the value. */
        BELOW("below"),
        /** From the low value (included) up to the high value (excluded). */
        BETWEEN("between"),
        /** Blank, or a placeholder of the policy's {@code missingValues}. */
        MISSING("missing"),
        /** Not blank. */
        PRESENT("present");

        private final String key;

        Operator(String key) {
            this.key = key;
        }

        /** {@return the operator's key in the policy file, e.g. {@code atLeast}} */
        public String key() {
            return key;
        }
    }

    /**
     * Requires the field and operator; copies the values.
     *
     * @param field the field
     * @param operator the operator
     * @param values its values
     */
    public Condition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
    }
}

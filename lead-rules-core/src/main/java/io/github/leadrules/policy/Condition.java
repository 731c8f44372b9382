package io.github.leadrules.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One condition of a {@link Signal}: a field, an operator and the operator's values, as the policy
 * file writes them ({@code {field: time_on_site, atLeast: 900}}). Values are kept as written; they
 * are checked against the field's kind when the policy is built (a number for {@code atLeast} on a
 * number field, an ISO date {@code yyyy-MM-dd} on a date field, one of the allowed values of a
 * choice). A missing value never matches any operator except {@link Operator#MISSING}. Immutable.
 *
 * <pre>{@code
 * Condition.equalTo("source", "Reference");
 * Condition.atLeast("time_on_site", "900");
 * Condition.between("company.employeeCount", "100", "1000");   // 100 <= value < 1000
 * Condition.withinDays("submittedAt", 7);
 * }</pre>
 *
 * @param field    a field declared in the policy's {@code fields:}, or a standard lead field by the
 *                 name the CLI map uses ({@code source}, {@code jobTitle}, {@code company.employeeCount} …)
 * @param operator what the value is compared with
 * @param values   the operator's values as written: one for most, two for {@link Operator#BETWEEN},
 *                 one or more for {@link Operator#IN}, {@link Operator#NOT_IN} and
 *                 {@link Operator#CONTAINS_ANY}, none for {@link Operator#MISSING} and {@link Operator#PRESENT}
 */
public record Condition(String field, Operator operator, List<String> values) {

    /** The most values one condition may list. */
    public static final int MAX_VALUES = 200;

    /** How a condition compares the field's value; the policy file's name is {@link #fileName()}. */
    public enum Operator {
        /** Equal: text and choice ignoring case after NFKC, numbers numerically, flags true/false, dates ISO. */
        EQUALS("equals"),
        /** Equal to one of the values (text, choice, number, integer). */
        IN("in"),
        /** Present and equal to none of the values (text, choice, number, integer). */
        NOT_IN("notIn"),
        /** {@code >=} (number, integer, date). */
        AT_LEAST("atLeast"),
        /** {@code <} (number, integer, date). */
        BELOW("below"),
        /** {@code low <= value < high}, half open (number, integer, date). */
        BETWEEN("between"),
        /** The text contains one of the keywords, ignoring case, after NFKC (text). */
        CONTAINS_ANY("containsAny"),
        /** The value is blank, or a placeholder of the policy's {@code missingValues} (any field). */
        MISSING("missing"),
        /** The value is not blank (any field). */
        PRESENT("present"),
        /** A date on or after "now" minus N days and not after now (dates and timestamps). */
        WITHIN_DAYS("withinDays");

        private final String fileName;

        Operator(String fileName) {
            this.fileName = fileName;
        }

        /** {@return the operator as the policy file and the signals sheet write it, e.g. {@code atLeast}} */
        public String fileName() {
            return fileName;
        }

        /**
         * The operator of a policy-file name, ignoring case.
         *
         * @param name e.g. {@code "atLeast"} or {@code "notin"}
         * @return the operator, or null when there is none by that name
         */
        public static Operator ofFileName(String name) {
            for (Operator o : values()) {
                if (o.fileName.equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return o;
                }
            }
            return null;
        }
    }

    /**
     * Checks the shape: a field name, and as many values as the operator takes; the values
     * themselves are checked against the field when the policy is built.
     *
     * @param field    the field's name
     * @param operator the operator
     * @param values   the values as written
     * @throws IllegalArgumentException when the field is blank or the number of values does not fit the operator
     */
    public Condition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (field.isBlank()) {
            throw new IllegalArgumentException("field: must not be blank");
        }
        int n = values.size();
        switch (operator) {
            case MISSING, PRESENT -> {
                if (n != 0) {
                    throw new IllegalArgumentException(operator.fileName() + ": takes no value (write " + operator.fileName() + ": true)");
                }
            }
            case BETWEEN -> {
                if (n != 2) {
                    throw new IllegalArgumentException("between: takes two values [low, high], got " + n);
                }
            }
            case IN, NOT_IN, CONTAINS_ANY -> {
                if (n == 0 || n > MAX_VALUES) {
                    throw new IllegalArgumentException(operator.fileName() + ": takes a list of 1 to " + MAX_VALUES
                            + " values, got " + n);
                }
            }
            default -> {
                if (n != 1) {
                    throw new IllegalArgumentException(operator.fileName() + ": takes one value, got " + n);
                }
            }
        }
    }

    /**
     * The field equals the value.
     *
     * @param field the field
     * @param value the value, e.g. {@code "Reference"}, {@code "900"}, {@code "true"} or {@code "2026-11-30"}
     * @return the condition
     */
    public static Condition equalTo(String field, String value) {
        return new Condition(field, Operator.EQUALS, List.of(value));
    }

    /**
     * The field equals one of the values.
     *
     * @param field  the field
     * @param values the values
     * @return the condition
     */
    public static Condition in(String field, String... values) {
        return new Condition(field, Operator.IN, Arrays.asList(values));
    }

    /**
     * The field has a value and it equals none of these.
     *
     * @param field  the field
     * @param values the values
     * @return the condition
     */
    public static Condition notIn(String field, String... values) {
        return new Condition(field, Operator.NOT_IN, Arrays.asList(values));
    }

    /**
     * The field is at least the limit ({@code >=}).
     *
     * @param field the field
     * @param limit a number, or an ISO date {@code yyyy-MM-dd}
     * @return the condition
     */
    public static Condition atLeast(String field, String limit) {
        return new Condition(field, Operator.AT_LEAST, List.of(limit));
    }

    /**
     * The field is below the limit ({@code <}).
     *
     * @param field the field
     * @param limit a number, or an ISO date {@code yyyy-MM-dd}
     * @return the condition
     */
    public static Condition below(String field, String limit) {
        return new Condition(field, Operator.BELOW, List.of(limit));
    }

    /**
     * The field is at least {@code low} and below {@code high}: half open, so that ranges tile.
     *
     * @param field the field
     * @param low   the lowest value that matches
     * @param high  the first value above the range
     * @return the condition
     */
    public static Condition between(String field, String low, String high) {
        return new Condition(field, Operator.BETWEEN, List.of(low, high));
    }

    /**
     * The text contains one of the keywords, ignoring case, after NFKC.
     *
     * @param field    a text field
     * @param keywords the keywords
     * @return the condition
     */
    public static Condition containsAny(String field, String... keywords) {
        return new Condition(field, Operator.CONTAINS_ANY, Arrays.asList(keywords));
    }

    /**
     * The field is blank.
     *
     * @param field the field
     * @return the condition
     */
    public static Condition missing(String field) {
        return new Condition(field, Operator.MISSING, List.of());
    }

    /**
     * The field is not blank.
     *
     * @param field the field
     * @return the condition
     */
    public static Condition present(String field) {
        return new Condition(field, Operator.PRESENT, List.of());
    }

    /**
     * The date is on or after "now" minus the days, and not after now.
     *
     * @param field a date field, {@code submittedAt} or {@code lastSalesActivity}
     * @param days  0 or more
     * @return the condition
     */
    public static Condition withinDays(String field, int days) {
        return new Condition(field, Operator.WITHIN_DAYS, List.of(Integer.toString(days)));
    }

    /** {@return the condition as a phrase, e.g. {@code time_on_site at least 900}} */
    public String describe() {
        return switch (operator) {
            case EQUALS -> field + " is " + values.get(0);
            case IN -> field + " is one of " + String.join(", ", values);
            case NOT_IN -> field + " is none of " + String.join(", ", values);
            case AT_LEAST -> field + " at least " + values.get(0);
            case BELOW -> field + " below " + values.get(0);
            case BETWEEN -> field + " from " + values.get(0) + " to below " + values.get(1);
            case CONTAINS_ANY -> field + " contains " + String.join(" or ", values);
            case MISSING -> field + " is missing";
            case PRESENT -> field + " is present";
            case WITHIN_DAYS -> field + " within " + values.get(0) + " days";
        };
    }

    /**
     * The standard lead fields a condition may name, with the kind each reads as: text (source,
     * jobTitle, email, phone, contactName, company.name, company.domain, company.industry,
     * company.country), integer (company.employeeCount, company.annualRevenue), date (submittedAt,
     * lastSalesActivity, the day in UTC) and choice (inquiryType, purchaseTimeframe, budgetStatus,
     * consent, by the values the policy file writes: {@code demo}, {@code within1Month} …). A field
     * declared in the policy's {@code fields:} under the same name is read instead.
     *
     * @return field name to type, in documentation order, unmodifiable
     */
    public static java.util.Map<String, io.github.leadrules.model.FieldType> standardFields() {
        return SignalChecks.STANDARD;
    }

    // Parsing helpers shared by the policy checks and the rule generator.

    static BigDecimal number(String raw) {
        try {
            return new BigDecimal(raw.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate isoDate(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

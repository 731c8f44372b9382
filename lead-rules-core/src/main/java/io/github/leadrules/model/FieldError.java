package io.github.leadrules.model;

import io.github.leadrules.internal.LeadPreparer;
import io.github.leadrules.policy.LeadPolicy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One problem with one input field, the reason a lead is {@link Outcome#INVALID}. The codes are
 * the constants of this class; they are stable and meant for machines (a CRM's error column, a
 * form's field highlight), never a lead's value.
 *
 * @param field the field path, e.g. {@code "email"} or {@code "company.employeeCount"}
 * @param code  a stable machine-readable code, one of the constants of this class, e.g.
 *              {@link #MALFORMED} or {@link #TOO_LONG}
 */
public record FieldError(String field, String code) {

    /** A required value is missing: the lead itself, its id, an engagement event or its type or time, an attribute's name. */
    public static final String REQUIRED = "REQUIRED";
    /** The value is longer than its field allows (e.g. 254 characters for an e-mail address). */
    public static final String TOO_LONG = "TOO_LONG";
    /** An e-mail address, phone number or company domain that cannot be one. */
    public static final String MALFORMED = "MALFORMED";
    /** A negative employee count or annual revenue. */
    public static final String NEGATIVE = "NEGATIVE";
    /** Control characters (line breaks, tabs, NUL…) in a single-line field. */
    public static final String CONTROL_CHARACTERS = "CONTROL_CHARACTERS";
    /** A country that is neither an ISO-3166 code nor a known country name. */
    public static final String UNKNOWN_COUNTRY = "UNKNOWN_COUNTRY";
    /** A date more than one day after "now". */
    public static final String IN_FUTURE = "IN_FUTURE";
    /** A date before {@link #EARLIEST}: year 0000, a negative year or a typo such as 1026 for 2026. */
    public static final String TOO_EARLY = "TOO_EARLY";
    /** More engagement events (10 000) or attributes (200) than a lead may carry. */
    public static final String TOO_MANY = "TOO_MANY";
    /** A declared {@link FieldType.Kind#NUMBER} or {@link FieldType.Kind#INTEGER} attribute that is no such number (or has over 100 digits). */
    public static final String NOT_A_NUMBER = "NOT_A_NUMBER";
    /** A declared {@link FieldType.Kind#DATE} attribute in none of the field's formats, or no calendar date (31-02). */
    public static final String NOT_A_DATE = "NOT_A_DATE";
    /** A declared {@link FieldType.Kind#FLAG} attribute that is none of the yes/no spellings. */
    public static final String NOT_A_FLAG = "NOT_A_FLAG";
    /** A declared {@link FieldType.Kind#CHOICE} attribute that is none of the field's values. */
    public static final String NOT_A_CHOICE = "NOT_A_CHOICE";

    /**
     * The earliest date a lead can carry, 1900-01-01T00:00:00Z: no web form, CRM or e-mail ever
     * recorded a lead before it, so an earlier date is a data error ({@link #TOO_EARLY}), not a
     * very old lead.
     */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    /**
     * Requires the field and the code.
     *
     * @param field the field path, e.g. {@code "email"} or {@code "company.employeeCount"}
     * @param code a stable machine-readable code, one of the constants of this class
     */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
    }

    /**
     * Every field problem of the lead, as a qualifier finds them before any rule runs: the same
     * check, the same order, for a policy that declares no fields and has no placeholder values
     * (see {@link #validate(Lead, LeadPolicy, Instant)} for any policy). Hosts can call it where
     * leads come in (a form, an import) to reject bad input early. Never throws.
     *
     * @param lead the lead, possibly null
     * @param now "now", against which dates in the future are judged
     * @return the problems; empty when the lead is valid
     */
    public static List<FieldError> validate(Lead lead, Instant now) {
        return List.copyOf(LeadPreparer.validate(lead, Objects.requireNonNull(now, "now")));
    }

    /**
     * Every field problem of the lead, including the declared fields: an attribute whose value
     * does not read as its field's type is a problem at {@code attributes.NAME} (blank is missing,
     * not a problem). The check a qualifier makes with its policy's
     * {@code LeadPolicy.fields()}; a qualifier first blanks its policy's placeholder values
     * ({@code LeadPolicy.missingValues()}), which this method, without a policy, does not: use
     * {@link #validate(Lead, LeadPolicy, Instant)} for the qualifier's own check. Never throws.
     *
     * @param lead the lead, possibly null
     * @param fields the declared fields by attribute name (the policy's {@code fields()})
     * @param now "now", against which dates in the future are judged
     * @return the problems; empty when the lead is valid
     */
    public static List<FieldError> validate(Lead lead, Map<String, FieldType> fields, Instant now) {
        return List.copyOf(LeadPreparer.validate(lead, Objects.requireNonNull(fields, "fields"),
                Objects.requireNonNull(now, "now"), null));
    }

    /**
     * Every field problem of the lead exactly as a qualifier with this policy finds them: the
     * policy's placeholder values ({@link LeadPolicy#missingValues()}) are blanked first, then the
     * standard fields and the declared fields ({@link LeadPolicy#fields()}) are checked. A lead this
     * method finds no problem with is never {@link Outcome#INVALID} under a qualifier with the same
     * policy and "now"; one it finds problems with is INVALID with these very errors. Never throws.
     *
     * @param lead the lead, possibly null
     * @param policy the policy the lead would be qualified under
     * @param now "now", against which dates in the future are judged
     * @return the problems; empty when the lead is valid
     */
    public static List<FieldError> validate(Lead lead, LeadPolicy policy, Instant now) {
        Objects.requireNonNull(policy, "policy");
        return List.copyOf(LeadPreparer.validate(LeadPreparer.blankMissing(lead, policy), policy.fields(),
                Objects.requireNonNull(now, "now"), null));
    }

    @Override
    public String toString() {
        return field + ":" + code;
    }
}

package io.github.leadrules.json;

import java.util.Locale;

/**
 * The keys of a qualification's JSON object, in the order they are written. The CLI names its CSV
 * decision columns after them ({@code decision_outcome}, {@code decision_route} …).
 */
public enum QualificationField {
    /** The lead's id, or null for an INVALID lead without one. */
    LEAD_ID,
    /** {@code QUALIFIED}, {@code EXCLUDED}, {@code INVALID} or {@code ERROR}. */
    OUTCOME,
    /** The ids of the exclusion rules that fired, in order (each also among {@link #REASONS}). */
    EXCLUSIONS,
    /** The urgency level: {@code IMMEDIATE}, {@code HIGH}, {@code MEDIUM}, {@code LOW} or {@code UNKNOWN}. */
    URGENCY,
    /** The purchase horizon the rules concluded, e.g. {@code WITHIN_3_MONTHS}. */
    HORIZON,
    /** The summed points of the urgency signals. */
    URGENCY_SCORE,
    /** The ids of the urgency rules that contributed, sorted. */
    URGENCY_SIGNALS,
    /** The destination: {@code FIELD_SALES}, {@code INSIDE_SALES}, {@code ACCOUNT_OWNER}, {@code NURTURE} or {@code NONE}. */
    ROUTE,
    /** The team or queue, or null. */
    TEAM,
    /** The owner, or null. */
    OWNER,
    /** The nurture track, or null. */
    NURTURE_TRACK,
    /** By when the destination must act (an ISO instant), or null. */
    SLA_DEADLINE,
    /** Why the assignment strategy chose the owner: a reason object, or null. */
    OWNER_REASON,
    /** Every reason: {@code {"rule","stage","message"}} objects, in stage order. */
    REASONS,
    /** For INVALID: {@code {"field","code"}} objects. */
    ERRORS,
    /** The rule set and policy the decision was made under. */
    FINGERPRINT;

    /** The JSON key, e.g. {@code nurture_track}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.github.leadrules.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The library's answer for one lead: the outcome, the exclusions, the urgency, the route, every
 * reason behind them, and the fingerprint of the rule set and policy that decided it.
 *
 * @param leadId      the lead's id as given (may be null only for an INVALID lead without id)
 * @param outcome     QUALIFIED, EXCLUDED, INVALID or ERROR
 * @param exclusions  the exclusion reasons; empty unless EXCLUDED
 * @param urgency     the urgency; {@link Urgency#UNKNOWN} for INVALID and ERROR
 * @param route       the route; {@link Route#NONE} for INVALID and ERROR
 * @param reasons     every reason, in stage order then rule id
 * @param fieldErrors the field problems; empty unless INVALID
 * @param fingerprint the rule-set fingerprint this decision was made under
 */
public record Qualification(String leadId, Outcome outcome, List<Reason> exclusions, Urgency urgency,
                            Route route, List<Reason> reasons, List<FieldError> fieldErrors,
                            String fingerprint) {

    /**
     * Requires the outcome, urgency, route and fingerprint; copies the lists.
     *
     * @param leadId the lead's id as given (may be null only for an INVALID lead without id)
     * @param outcome QUALIFIED, EXCLUDED, INVALID or ERROR
     * @param exclusions the exclusion reasons; empty unless EXCLUDED
     * @param urgency the urgency; {@link Urgency#UNKNOWN} for INVALID and ERROR
     * @param route the route; {@link Route#NONE} for INVALID and ERROR
     * @param reasons every reason, in stage order then rule id
     * @param fieldErrors the field problems; empty unless INVALID
     * @param fingerprint the rule-set fingerprint this decision was made under
     */
    public Qualification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(fingerprint, "fingerprint");
        exclusions = List.copyOf(exclusions);
        reasons = List.copyOf(reasons);
        fieldErrors = List.copyOf(fieldErrors);
    }

    /** {@return the ids of the exclusion rules that fired, in order} */
    public Set<String> exclusionIds() {
        return exclusions.stream().map(Reason::ruleId).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** {@return the ids of every reason, in order} */
    public List<String> reasonIds() {
        return reasons.stream().map(Reason::ruleId).toList();
    }

    /**
     * Whether a reason with this rule id is present.
     *
     * @param ruleId a rule's stable id (or a {@code VAL-} or {@code ENGINE-} code)
     * @return true when a reason carries it
     */
    public boolean hasReason(String ruleId) {
        return reasons.stream().anyMatch(r -> r.ruleId().equals(ruleId));
    }

    /** {@return whether this lead counts as a real sales lead} */
    public boolean isQualified() {
        return outcome == Outcome.QUALIFIED;
    }
}

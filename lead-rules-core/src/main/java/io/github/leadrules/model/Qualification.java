package io.github.leadrules.model;

import java.util.List;
import java.util.Locale;
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

    /**
     * The decision as text a person reads, one fact a line: the outcome, the urgency with its
     * horizon and score, the route with its team, owner, nurture track and SLA deadline, then every
     * reason with its rule id, in stage order. Lines end with {@code \n}; control characters in
     * host-written names and messages are shown as spaces. Like the qualification itself it holds no
     * personal data beyond what rule messages put there.
     *
     * <pre>
     * outcome  QUALIFIED
     * urgency  IMMEDIATE, horizon WITHIN_1_MONTH (score 105)
     * route    FIELD_SALES, team field-sales-jp-enterprise, SLA deadline 2026-11-28T01:00:00Z
     * reasons
     *   URG-BUDGET-SECURED              Budget is secured
     *   URG-SALES-REQUEST               Requested DEMO
     *   RTE-FIELD-SALES                 Urgent (IMMEDIATE) and a strong fit
     * </pre>
     *
     * @return the explanation, several lines
     */
    public String explain() {
        StringBuilder sb = new StringBuilder(256);
        sb.append("outcome  ").append(outcome).append('\n');
        sb.append("urgency  ").append(urgency.level()).append(", horizon ").append(urgency.horizon())
                .append(" (score ").append(urgency.score()).append(")\n");
        sb.append("route    ").append(route.destination());
        appendPart(sb, "team", route.team());
        appendPart(sb, "owner", route.owner());
        appendPart(sb, "track", route.nurtureTrack());
        if (route.slaDeadline() != null) {
            sb.append(", SLA deadline ").append(route.slaDeadline());
        }
        sb.append('\n').append("reasons\n");
        for (Reason r : reasons) {
            sb.append(String.format(Locale.ROOT, "  %-31s %s", oneLine(r.ruleId()), oneLine(r.message()))).append('\n');
        }
        return sb.toString();
    }

    private static void appendPart(StringBuilder sb, String label, String value) {
        if (value != null) {
            sb.append(", ").append(label).append(' ').append(oneLine(value));
        }
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** {@return whether this lead counts as a real sales lead} */
    public boolean isQualified() {
        return outcome == Outcome.QUALIFIED;
    }
}

package io.github.leadrules.rules;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.Team;

import java.util.Objects;
import java.util.Set;

/**
 * The fact routing rules match: a lead after exclusion and urgency, with what those stages decided.
 * The library inserts it once the urgency stage is done, so routing rules see final exclusions and
 * the final urgency. Consequences propose a route; the proposal of the rule with the highest
 * salience wins (ties go to the smaller rule id), so a host rule can override a packaged one by
 * salience alone. The rule credited with a proposal is the one whose action is running; calling
 * a routing method outside a routing rule's action is a rule-misuse error.
 * {@code docs/rule-writing.md} lists every property and helper.
 *
 * <pre>
 * rule "Send hot leads that fit to field sales"
 *     &#64;id("RTE-FIELD-SALES")
 *     ruleflow-group "routing"
 *     salience 50
 * when
 *     $a : Assessment( !excluded, urgencyLevel in (UrgencyLevel.IMMEDIATE, UrgencyLevel.HIGH), context.strongFit )
 * then
 *     $a.routeTo(Destination.FIELD_SALES, "Urgent and a strong fit");
 * end
 * </pre>
 */
public final class Assessment {

    private final LeadContext context;
    private final Set<String> exclusionIds;
    private final Urgency urgency;

    /**
     * Created by the library between the urgency and routing stages.
     *
     * @param context the lead's context
     * @param exclusionIds the ids of the exclusion rules that fired
     * @param urgency the final urgency
     */
    public Assessment(LeadContext context, Set<String> exclusionIds, Urgency urgency) {
        this.context = Objects.requireNonNull(context, "context");
        this.exclusionIds = Set.copyOf(exclusionIds);
        this.urgency = Objects.requireNonNull(urgency, "urgency");
    }

    /** {@return the lead's context (the same fact the earlier stages matched)} */
    public LeadContext getContext() { return context; }

    /** {@return the lead's id} */
    public String getLeadId() { return context.getLeadId(); }

    /** {@return whether any exclusion rule fired} */
    public boolean isExcluded() { return !exclusionIds.isEmpty(); }

    /** {@return the ids of the exclusion rules that fired} */
    public Set<String> getExclusionIds() { return exclusionIds; }

    /**
     * Whether the exclusion rule with this id fired.
     *
     * @param ruleId an exclusion rule's id
     * @return true when that rule excluded the lead
     */
    public boolean excludedAs(String ruleId) { return exclusionIds.contains(ruleId); }

    /** {@return the final urgency} */
    public Urgency getUrgency() { return urgency; }

    /** {@return the final urgency level} */
    public UrgencyLevel getUrgencyLevel() { return urgency.level(); }

    // ------------------------------------------------------------------ decisions (consequences only)

    /**
     * Routes nowhere.
     *
     * @param message why, without personal data
     */
    public void routeNowhere(String message) {
        context.recorder().route(Destination.NONE, null, null, null, message);
    }

    /**
     * Routes to a destination; the team is the policy's first team for the destination, the lead's
     * country and its segment.
     *
     * @param destination where the lead goes
     * @param message why, without personal data
     */
    public void routeTo(Destination destination, String message) {
        String team = context.getPolicy().routing().teamFor(destination, context.getCountryCode(), context.getSegment())
                .map(Team::name).orElse(null);
        context.recorder().route(destination, team, null, null, message);
    }

    /**
     * Routes to a destination and a named team or queue.
     *
     * @param destination where the lead goes
     * @param team the team or queue
     * @param message why, without personal data
     */
    public void routeToTeam(Destination destination, String team, String message) {
        context.recorder().route(destination, team, null, null, message);
    }

    /**
     * Routes to the matched account's owner (the account-owner team when the account has none).
     *
     * @param message why, without personal data
     */
    public void routeToAccountOwner(String message) {
        String owner = context.getAccount() != null && context.getAccount().hasOwner() ? context.getAccount().owner() : null;
        String team = context.getPolicy().routing().teamFor(Destination.ACCOUNT_OWNER, context.getCountryCode(), context.getSegment())
                .map(Team::name).orElse(null);
        context.recorder().route(Destination.ACCOUNT_OWNER, team, owner, null, message);
    }

    /**
     * Routes to a nurture track.
     *
     * @param track the nurture track, e.g. {@code "case-study-manufacturing"}
     * @param message why, without personal data
     */
    public void routeToNurture(String track, String message) {
        String team = context.getPolicy().routing().teamFor(Destination.NURTURE, context.getCountryCode(), context.getSegment())
                .map(Team::name).orElse(null);
        context.recorder().route(Destination.NURTURE, team, null, track, message);
    }

    @Override
    public String toString() {
        return "Assessment[" + getLeadId() + ", excluded=" + exclusionIds + ", urgency=" + urgency.level() + "]";
    }
}

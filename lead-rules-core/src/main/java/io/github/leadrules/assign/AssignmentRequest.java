package io.github.leadrules.assign;

import io.github.leadrules.account.Account;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Segment;
import io.github.leadrules.policy.Team;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link AssignmentStrategy} knows about a lead the rules routed to people: the route as
 * the rules made it, the policy team that route names (with its reps), the matched account, and the
 * lead's urgency, country and segment. It carries no personal data of the lead.
 */
public final class AssignmentRequest {

    private final String leadId;
    private final Outcome outcome;
    private final Route route;
    private final Team team;
    private final Account account;
    private final Urgency urgency;
    private final String countryCode;
    private final Segment segment;
    private final LeadPolicy policy;

    /**
     * Created by the qualifier for each lead routed to field sales, inside sales or an account
     * owner; public so that hosts can test their own strategies.
     *
     * @param leadId the lead's id
     * @param outcome QUALIFIED, or EXCLUDED for an existing customer
     * @param route the route as the rules made it
     * @param account the matched account, or null
     * @param urgency the final urgency
     * @param countryCode the ISO-3166 alpha-2 country, or null
     * @param segment the company's size segment
     * @param policy the policy in force
     */
    public AssignmentRequest(String leadId, Outcome outcome, Route route, Account account, Urgency urgency,
                             String countryCode, Segment segment, LeadPolicy policy) {
        this.leadId = leadId;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.route = Objects.requireNonNull(route, "route");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.team = policy.routing().team(route.team()).orElse(null);
        this.account = account;
        this.urgency = Objects.requireNonNull(urgency, "urgency");
        this.countryCode = countryCode;
        this.segment = segment == null ? Segment.SMB : segment;
    }

    /** {@return the lead's id} */
    public String leadId() { return leadId; }

    /** {@return QUALIFIED, or EXCLUDED for an existing customer routed to its owner} */
    public Outcome outcome() { return outcome; }

    /** {@return the route as the rules made it; its owner is the account owner when a rule chose that} */
    public Route route() { return route; }

    /** {@return the policy team the route names, if the policy lists one by that name} */
    public Optional<Team> team() { return Optional.ofNullable(team); }

    /** {@return the reps of the route's team, in rotation order; empty when the team has none or is unknown} */
    public List<Rep> reps() { return team == null ? List.of() : team.reps(); }

    /** {@return the matched account, if any} */
    public Optional<Account> account() { return Optional.ofNullable(account); }

    /** {@return the matched account's owner, if it has one} */
    public Optional<String> accountOwner() {
        return account != null && account.hasOwner() ? Optional.of(account.owner().strip()) : Optional.empty();
    }

    /** {@return the lead's final urgency} */
    public Urgency urgency() { return urgency; }

    /** {@return the lead's ISO-3166 alpha-2 country, or null when unknown} */
    public String countryCode() { return countryCode; }

    /** {@return the company's size segment} */
    public Segment segment() { return segment; }

    /** {@return the policy in force} */
    public LeadPolicy policy() { return policy; }

    @Override
    public String toString() {
        return "AssignmentRequest[" + leadId + ", " + route.destination() + ", team=" + route.team() + "]";
    }
}

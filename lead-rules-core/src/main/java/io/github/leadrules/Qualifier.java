package io.github.leadrules;

import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;

import java.time.Instant;
import java.util.List;

/**
 * What a host calls to decide leads, whether the rules are fixed ({@link LeadQualifier}) or
 * replaced while serving ({@link ReloadableLeadQualifier}). Code that only qualifies, traces or
 * explains (a message listener, an HTTP handler, the test kit's {@code RuleVerifier}) takes a
 * {@code Qualifier} and works with both.
 *
 * <pre>{@code
 * Qualifier qualifier = LeadQualifier.builder().policy(policy).build();
 * // or: Qualifier qualifier = ReloadableLeadQualifier.create(() -> LeadQualifier.builder()...build());
 *
 * Qualification q = qualifier.qualify(lead);
 * String text = q.explain();   // outcome, urgency, route and reasons, one a line
 * }</pre>
 *
 * <p>Every lead yields exactly one {@link Qualification}, which carries the {@link #fingerprint()}
 * of the rule set that decided it; neither qualifying method throws for a lead's sake. Implementations
 * are thread-safe. A {@link ReloadableLeadQualifier} answers each call from the rule set serving at
 * that moment, so two calls may be answered by two rule sets; hold its
 * {@link ReloadableLeadQualifier#current() current()} qualifier to make several calls under one.
 */
public sealed interface Qualifier permits LeadQualifier, ReloadableLeadQualifier {

    /**
     * Qualifies one lead. Never throws for the lead's sake; a null lead is INVALID.
     *
     * @param lead the lead, possibly invalid or null
     * @return its qualification, never null
     */
    Qualification qualify(Lead lead);

    /**
     * Qualifies one lead at an explicit "now" (an event's timestamp) instead of the clock's, so that
     * a replayed event is decided the same way. Never throws for the lead's sake.
     *
     * @param lead the lead, possibly invalid or null
     * @param now the instant the decision is made at
     * @return its qualification, never null
     */
    Qualification qualify(Lead lead, Instant now);

    /**
     * Qualifies leads; one qualification per lead, in input order, all decided by one rule set at
     * the same "now".
     *
     * @param leads the leads; none may be missing, but each may be invalid
     * @return one qualification per lead, in input order
     */
    List<Qualification> qualifyAll(List<Lead> leads);

    /**
     * Qualifies leads like {@link #qualifyAll(List)}, all at an explicit "now".
     *
     * @param leads the leads; none may be missing, but each may be invalid
     * @param now the instant every decision is made at
     * @return one qualification per lead, in input order
     */
    List<Qualification> qualifyAll(List<Lead> leads, Instant now);

    /**
     * Qualifies leads like {@link #qualifyAll} and also reports every rule that fired for each lead,
     * including routing proposals that lost. Slower; meant for testing and explaining rules.
     *
     * @param leads the leads to qualify and trace
     * @return one trace per lead, in input order
     */
    List<QualificationTrace> trace(List<Lead> leads);

    /** {@return the fingerprint of the rule texts, disabled ids and policy, 16 hex digits} Every qualification carries it. */
    String fingerprint();

    /** {@return the policy in force} */
    LeadPolicy policy();

    /** {@return the effective rules (packaged and host, minus disabled), in stage order then id} */
    List<RuleDescription> rules();
}

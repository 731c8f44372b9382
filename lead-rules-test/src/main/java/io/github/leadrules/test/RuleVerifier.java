package io.github.leadrules.test;

import io.github.leadrules.PackagedRules;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.Qualifier;
import io.github.leadrules.ReloadableLeadQualifier;
import io.github.leadrules.RuleDescription;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tests rules one at a time and the whole pipeline, against a {@link Qualifier} built the way
 * the host builds it (its policy, accounts, clock and DRL files). Given some leads, a rule fires for
 * these and not for those, with this reason:
 *
 * <pre>{@code
 * RuleVerifier verifier = RuleVerifier.of(LeadQualifier.builder()
 *     .policy(LeadPolicy.defaults().toBuilder().competitorDomains("rival.example").build())
 *     .addRules(Path.of("rules/our-extra.drl"))
 *     .clock(Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC))
 *     .build());
 *
 * verifier.rule("EXC-COMPETITOR")
 *     .given(competitorLead, prospectLead)
 *     .firesFor(competitorLead).withReason("competitor")
 *     .doesNotFireFor(prospectLead);
 *
 * verifier.pipeline()
 *     .given(demoRequest)
 *     .yields(Outcome.QUALIFIED)
 *     .withUrgency(UrgencyLevel.HIGH)
 *     .routedTo(Destination.FIELD_SALES)
 *     .withReasons("URG-SALES-REQUEST", "RTE-FIELD-SALES");
 * }</pre>
 *
 * <p>Rule assertions use {@link Qualifier#trace}, so a routing rule whose proposal lost to a
 * higher salience still counts as fired. Every failed assertion throws an {@link AssertionError}
 * naming the lead id, what was expected, what happened, and every rule that did fire for that lead
 * with its reason. Messages show lead ids and rule reasons only, never a lead's personal data.
 *
 * <p>Build the qualifier once per test class (compiling rules takes a moment) and give it a fixed
 * clock so that time windows (duplicates, engagement, stalled deals) do not drift. A verifier is
 * immutable and thread-safe; the assertion objects it returns are not.
 */
public final class RuleVerifier {

    private final Qualifier qualifier;
    private final Map<String, RuleDescription> rules;

    private RuleVerifier(Qualifier qualifier) {
        this.qualifier = qualifier;
        Map<String, RuleDescription> byId = new LinkedHashMap<>();
        for (RuleDescription r : qualifier.rules()) {
            byId.put(r.id(), r);
        }
        this.rules = Collections.unmodifiableMap(byId);
    }

    /**
     * A verifier for the rules, policy, accounts and clock of this qualifier: a
     * {@link LeadQualifier}, or a {@link ReloadableLeadQualifier} verified as it serves (the rule
     * ids known to {@link #rule(String)} are those serving when the verifier was made; make a new
     * verifier after a reload).
     *
     * @param qualifier the qualifier, built the way the host builds it
     * @return the verifier
     */
    public static RuleVerifier of(Qualifier qualifier) {
        return new RuleVerifier(Objects.requireNonNull(qualifier, "qualifier"));
    }

    /**
     * Starts assertions on one rule.
     *
     * @param ruleId the rule's stable id, e.g. {@code "EXC-COMPETITOR"}
     * @return the assertions on that rule, waiting for leads
     * @throws IllegalArgumentException at once when no rule of the effective rule set has this id
     *                                  (misspelt, disabled, or its file was not added); the message
     *                                  lists the known ids
     */
    public RuleVerification rule(String ruleId) {
        Objects.requireNonNull(ruleId, "ruleId");
        RuleDescription rule = rules.get(ruleId);
        if (rule == null) {
            throw new IllegalArgumentException("rule(\"" + ruleId + "\"): no rule of this rule set has that id"
                    + " (misspelt, disabled, or its file not added); known ids: " + rules.keySet());
        }
        return new RuleVerification(this, rule);
    }

    /**
     * Starts assertions on the whole pipeline's answer for one lead.
     *
     * @return the assertions, waiting for a lead
     */
    public PipelineVerification pipeline() {
        return new PipelineVerification(this);
    }

    /** {@return the qualifier under test} */
    public Qualifier qualifier() {
        return qualifier;
    }

    /** {@return the ids of the effective rules, in stage order then id} */
    public Set<String> ruleIds() {
        return rules.keySet();
    }

    RuleDescription description(String ruleId) {
        return rules.get(ruleId);
    }

    /**
     * Fails at once on an id that no reason can ever carry, so that an assertion such as
     * "this reason is absent" cannot pass because of a typo. Rule ids, and the library's own
     * {@code VAL-…} and {@code ENGINE-…} codes, are accepted.
     */
    void requireKnownReasonIds(String method, String... ids) {
        requireIds(method, false, ids);
    }

    /**
     * Like {@link #requireKnownReasonIds}, for assertions of absence: a packaged rule the host
     * disabled is known too, so that a test can say it no longer decides anything.
     */
    void requireKnownOrDisabledIds(String method, String... ids) {
        requireIds(method, true, ids);
    }

    private void requireIds(String method, boolean packagedToo, String... ids) {
        Objects.requireNonNull(ids, method);
        for (String id : ids) {
            Objects.requireNonNull(id, method + ": a rule id");
            if (!rules.containsKey(id) && !id.startsWith("VAL-") && !id.startsWith("ENGINE-")
                    && !(packagedToo && PackagedRules.ALL.contains(id))) {
                throw new IllegalArgumentException(method + "(\"" + id + "\"): no rule of this rule set has that id"
                        + " (misspelt, disabled, or its file not added); known ids: " + rules.keySet());
            }
        }
    }
}

package io.github.leadrules.test;

import io.github.leadrules.QualificationTrace;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Reason;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assertions on one rule over the leads given to it, in the style of AssertJ:
 *
 * <pre>{@code
 * verifier.rule("EXC-COMPETITOR")
 *     .given(competitorDomain, competitorAccount, prospectDomain)
 *     .firesFor(competitorDomain, competitorAccount).withReason("competitor")
 *     .doesNotFireFor(prospectDomain);
 * }</pre>
 *
 * <p>"Fires" means the rule's consequence ran for the lead, as {@link io.github.leadrules.LeadQualifier#trace}
 * reports it: a routing rule whose proposal lost to a higher salience still fires. A lead that never
 * reached the rules (INVALID input, or ERROR) fails both {@link #firesFor} and {@link #doesNotFireFor}:
 * the rule was not tried on it, so neither claim can be checked, and a broken fixture must not pass
 * as "does not fire".
 *
 * <p>Each method checks every lead it is given and reports all failures in one {@link AssertionError}.
 * Leads are told apart by id. {@link #as(String, Object...)} adds a description in front of messages.
 */
public final class RuleAssert extends AbstractAssert<RuleAssert, List<QualificationTrace>> {

    private final RuleVerifier verifier;
    private final RuleDescription rule;
    private final Map<String, Lead> leadsById = new LinkedHashMap<>();
    private final Map<String, QualificationTrace> tracesById = new LinkedHashMap<>();
    /** The leads the last firesFor… named, which {@link #withReason} checks. */
    private List<QualificationTrace> lastFired = List.of();

    RuleAssert(RuleVerifier verifier, RuleDescription rule, List<Lead> leads, List<QualificationTrace> traces) {
        super(List.copyOf(traces), RuleAssert.class);
        this.verifier = verifier;
        this.rule = rule;
        for (int i = 0; i < leads.size(); i++) {
            leadsById.put(leads.get(i).id(), leads.get(i));
            tracesById.put(leads.get(i).id(), traces.get(i));
        }
    }

    /**
     * Asserts that the rule fires for each of these leads.
     *
     * @param leads leads given to {@code given(..)}
     * @return this assertion
     */
    public RuleAssert firesFor(Lead... leads) {
        return firesFor(Arrays.asList(Objects.requireNonNull(leads, "leads")));
    }

    /**
     * Asserts that the rule fires for each of these leads.
     *
     * @param leads leads given to {@code given(..)}
     * @return this assertion
     */
    public RuleAssert firesFor(Collection<Lead> leads) {
        List<QualificationTrace> traces = tracesOf("firesFor", leads);
        checkFires(traces);
        lastFired = traces;
        return myself;
    }

    /**
     * Asserts that the rule fires for every given lead.
     *
     * @return this assertion
     */
    public RuleAssert firesForAll() {
        List<QualificationTrace> traces = List.copyOf(tracesById.values());
        checkFires(traces);
        lastFired = traces;
        return myself;
    }

    /**
     * Asserts that the rule fires for these leads and for no other given lead.
     *
     * @param leads leads given to {@code given(..)}
     * @return this assertion
     */
    public RuleAssert firesOnlyFor(Lead... leads) {
        return firesOnlyFor(Arrays.asList(Objects.requireNonNull(leads, "leads")));
    }

    /**
     * Asserts that the rule fires for these leads and for no other given lead.
     *
     * @param leads leads given to {@code given(..)}
     * @return this assertion
     */
    public RuleAssert firesOnlyFor(Collection<Lead> leads) {
        List<QualificationTrace> fire = tracesOf("firesOnlyFor", leads);
        List<String> failures = new ArrayList<>();
        for (QualificationTrace t : tracesById.values()) {
            (fire.contains(t) ? fireFailure(t) : silenceFailure(t)).ifPresent(failures::add);
        }
        report(failures);
        lastFired = fire;
        return myself;
    }

    /**
     * Asserts that the rule does not fire for any of these leads (each of which reached the rules).
     *
     * @param leads leads given to {@code given(..)}
     * @return this assertion
     */
    public RuleAssert doesNotFireFor(Lead... leads) {
        return doesNotFireFor(Arrays.asList(Objects.requireNonNull(leads, "leads")));
    }

    /**
     * Asserts that the rule does not fire for any of these leads (each of which reached the rules).
     *
     * @param leads leads given to {@code given(..)}
     * @return this assertion
     */
    public RuleAssert doesNotFireFor(Collection<Lead> leads) {
        List<QualificationTrace> traces = tracesOf("doesNotFireFor", leads);
        checkSilent(traces);
        lastFired = List.of();
        return myself;
    }

    /**
     * Asserts that the rule fires for no given lead (each of which reached the rules).
     *
     * @return this assertion
     */
    public RuleAssert firesForNone() {
        checkSilent(List.copyOf(tracesById.values()));
        lastFired = List.of();
        return myself;
    }

    /**
     * Asserts that, for each lead the preceding {@code firesFor…} named, the reason this rule gave
     * contains the text (case-sensitive). A routing rule's reason is recorded only when its route
     * won; for a losing routing rule this assertion fails and says so.
     *
     * @param messageSubstring the text the reason must contain
     * @return this assertion
     * @throws IllegalStateException when no {@code firesFor…} precedes it
     */
    public RuleAssert withReason(String messageSubstring) {
        Objects.requireNonNull(messageSubstring, "messageSubstring");
        if (lastFired.isEmpty()) {
            throw new IllegalStateException("withReason(\"" + messageSubstring
                    + "\") checks the leads of the preceding firesFor(..), firesOnlyFor(..) or firesForAll(); call one first");
        }
        List<String> failures = new ArrayList<>();
        for (QualificationTrace t : lastFired) {
            Optional<Reason> reason = Explanation.reasonOf(t, rule.id());
            String id = Explanation.leadId(t);
            if (reason.isEmpty()) {
                String why = rule.id().startsWith("RTE-") && Explanation.winningRoute(t).isPresent()
                        ? " its route proposal lost to " + Explanation.winningRoute(t).get()
                        + ", and a losing proposal's reason is not recorded"
                        : " it recorded no reason";
                failures.add("- expected the reason of " + name() + " for lead " + id + " to contain \""
                        + messageSubstring + "\", but" + why + ".\n" + Explanation.of(t));
            } else if (!reason.get().message().contains(messageSubstring)) {
                failures.add("- expected the reason of " + name() + " for lead " + id + " to contain \""
                        + messageSubstring + "\", but it was \"" + reason.get().message() + "\".\n" + Explanation.of(t));
            }
        }
        report(failures);
        return myself;
    }

    /**
     * The trace of one given lead, for assertions the kit does not offer.
     *
     * @param lead a lead given to {@code given(..)}
     * @return its trace
     */
    public QualificationTrace traceOf(Lead lead) {
        return tracesOf("traceOf", List.of(Objects.requireNonNull(lead, "lead"))).get(0);
    }

    /** {@return the rule under test} */
    public RuleDescription rule() {
        return rule;
    }

    // ------------------------------------------------------------------ checks

    private void checkFires(List<QualificationTrace> traces) {
        List<String> failures = new ArrayList<>();
        traces.forEach(t -> fireFailure(t).ifPresent(failures::add));
        report(failures);
    }

    private void checkSilent(List<QualificationTrace> traces) {
        List<String> failures = new ArrayList<>();
        traces.forEach(t -> silenceFailure(t).ifPresent(failures::add));
        report(failures);
    }

    private Optional<String> fireFailure(QualificationTrace t) {
        String id = Explanation.leadId(t);
        if (!Explanation.reachedRules(t)) {
            return Optional.of("- expected " + name() + " to fire for lead " + id
                    + ", but the lead never reached the rules.\n" + Explanation.of(t));
        }
        if (!t.fired(rule.id())) {
            return Optional.of("- expected " + name() + " to fire for lead " + id + ", but it did not.\n"
                    + Explanation.of(t));
        }
        return Optional.empty();
    }

    private Optional<String> silenceFailure(QualificationTrace t) {
        String id = Explanation.leadId(t);
        if (!Explanation.reachedRules(t)) {
            return Optional.of("- expected " + name() + " not to fire for lead " + id
                    + ", but the lead never reached the rules, so the rule was not tried on it; fix the fixture.\n"
                    + Explanation.of(t));
        }
        if (t.fired(rule.id())) {
            String said = Explanation.reasonOf(t, rule.id()).map(r -> ": \"" + r.message() + "\"").orElse("");
            return Optional.of("- expected " + name() + " not to fire for lead " + id + ", but it fired" + said + ".\n"
                    + Explanation.of(t));
        }
        return Optional.empty();
    }

    private void report(List<String> failures) {
        if (failures.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("Rule ").append(name()).append(" (").append(rule.source())
                .append(':').append(rule.line()).append("):\n");
        failures.forEach(sb::append);
        failWithMessage(Explanation.literal(sb.toString().stripTrailing()));
    }

    private String name() {
        return rule.id() + " \"" + rule.name() + "\"";
    }

    private List<QualificationTrace> tracesOf(String method, Collection<Lead> leads) {
        Objects.requireNonNull(leads, "leads");
        if (leads.isEmpty()) {
            throw new IllegalArgumentException(method + ": name at least one lead");
        }
        List<QualificationTrace> out = new ArrayList<>(leads.size());
        for (Lead lead : leads) {
            Objects.requireNonNull(lead, method + ": a lead");
            Lead given = leadsById.get(lead.id());
            if (given == null || !given.equals(lead)) {
                throw new IllegalArgumentException(method + ": lead " + lead.id()
                        + " was not among the leads given to rule " + rule.id() + "; given: " + leadsById.keySet());
            }
            out.add(tracesById.get(lead.id()));
        }
        return out;
    }
}

package io.github.leadrules.test;

import io.github.leadrules.QualificationTrace;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.UrgencyLevel;
import org.assertj.core.api.AbstractAssert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assertions on the whole pipeline's answer for one lead, in the style of AssertJ:
 *
 * <pre>{@code
 * verifier.pipeline()
 *     .given(demoRequestFromSampleKogyo)
 *     .yields(Outcome.QUALIFIED)
 *     .withUrgency(UrgencyLevel.HIGH)
 *     .routedTo(Destination.FIELD_SALES)
 *     .withTeam("field-sales-enterprise")
 *     .withReasons("URG-SALES-REQUEST", "RTE-FIELD-SALES")
 *     .withExclusions();                                 // none
 * }</pre>
 *
 * <p>Each method fails with an {@link AssertionError} naming the lead id, what was expected and
 * what happened, followed by every rule that fired for the lead with its reason. Where an IDE can
 * show a diff, the error carries the expected and actual values.
 */
public final class PipelineAssert extends AbstractAssert<PipelineAssert, QualificationTrace> {

    private final RuleVerifier verifier;

    PipelineAssert(RuleVerifier verifier, QualificationTrace trace) {
        super(trace, PipelineAssert.class);
        this.verifier = verifier;
    }

    /**
     * Asserts the outcome: QUALIFIED, EXCLUDED, INVALID or ERROR.
     *
     * @param expected the outcome
     * @return this assertion
     */
    public PipelineAssert yields(Outcome expected) {
        Objects.requireNonNull(expected, "expected");
        check(q().outcome() == expected, q().outcome(), expected, "outcome " + expected, "was " + q().outcome());
        return myself;
    }

    /**
     * Asserts the urgency level.
     *
     * @param expected the level
     * @return this assertion
     */
    public PipelineAssert withUrgency(UrgencyLevel expected) {
        Objects.requireNonNull(expected, "expected");
        UrgencyLevel actual = q().urgency().level();
        check(actual == expected, actual, expected, "urgency " + expected, "was " + actual);
        return myself;
    }

    /**
     * Asserts the urgency score exactly: the points of every urgency rule that fired, summed, before
     * caps (a lead whose only signal is one rule scores that rule's points).
     *
     * @param expected the score
     * @return this assertion
     */
    public PipelineAssert withScore(int expected) {
        int actual = q().urgency().score();
        check(actual == expected, actual, expected, "urgency score " + expected, "it was " + actual);
        return myself;
    }

    /**
     * Asserts the purchase horizon the urgency rules concluded.
     *
     * @param expected the horizon
     * @return this assertion
     */
    public PipelineAssert withHorizon(PurchaseTimeframe expected) {
        Objects.requireNonNull(expected, "expected");
        PurchaseTimeframe actual = q().urgency().horizon();
        check(actual == expected, actual, expected, "horizon " + expected, "was " + actual);
        return myself;
    }

    /**
     * Asserts the route's destination.
     *
     * @param expected the destination
     * @return this assertion
     */
    public PipelineAssert routedTo(Destination expected) {
        Objects.requireNonNull(expected, "expected");
        Destination actual = q().route().destination();
        check(actual == expected, actual, expected, "to be routed to " + expected,
                "it was routed to " + Explanation.route(q().route()));
        return myself;
    }

    /**
     * Asserts the route's team or queue.
     *
     * @param expected the team's name
     * @return this assertion
     */
    public PipelineAssert withTeam(String expected) {
        Objects.requireNonNull(expected, "expected");
        String actual = q().route().team();
        check(expected.equals(actual), actual, expected, "team " + expected,
                actual == null ? "the route names no team" : "the team was " + actual);
        return myself;
    }

    /**
     * Asserts the account owner the route assigns (a sales rep's id, as the account directory holds it).
     *
     * @param expected the owner's id
     * @return this assertion
     */
    public PipelineAssert withOwner(String expected) {
        Objects.requireNonNull(expected, "expected");
        String actual = q().route().owner();
        check(expected.equals(actual), actual, expected, "owner " + expected,
                actual == null ? "the route names no owner" : "the owner was " + actual);
        return myself;
    }

    /**
     * Asserts why the assignment strategy chose the owner: the id of the owner reason, e.g.
     * {@code "ASSIGN-ROUND-ROBIN"} or {@code "ASSIGN-ACCOUNT-OWNER"}.
     *
     * @param expectedId the owner reason's id
     * @return this assertion
     */
    public PipelineAssert withOwnerReason(String expectedId) {
        Objects.requireNonNull(expectedId, "expectedId");
        Reason reason = q().route().ownerReason();
        String actualId = reason == null ? null : reason.ruleId();
        check(expectedId.equals(actualId), actualId, expectedId, "owner reason " + expectedId,
                reason == null ? "the route has no owner reason" : "it was " + reason);
        return myself;
    }

    /**
     * Asserts the nurture track.
     *
     * @param expected the track's name
     * @return this assertion
     */
    public PipelineAssert withNurtureTrack(String expected) {
        Objects.requireNonNull(expected, "expected");
        String actual = q().route().nurtureTrack();
        check(expected.equals(actual), actual, expected, "nurture track " + expected,
                actual == null ? "the route names no nurture track" : "the track was " + actual);
        return myself;
    }

    /**
     * Asserts the SLA deadline (with a fixed clock it is exact).
     *
     * @param expected the deadline
     * @return this assertion
     */
    public PipelineAssert withSlaDeadline(Instant expected) {
        Objects.requireNonNull(expected, "expected");
        Instant actual = q().route().slaDeadline();
        check(expected.equals(actual), actual, expected, "SLA deadline " + expected,
                actual == null ? "the route has no SLA deadline" : "the deadline was " + actual);
        return myself;
    }

    /**
     * Asserts that the route has no SLA deadline (nobody must act).
     *
     * @return this assertion
     */
    public PipelineAssert withoutSlaDeadline() {
        Instant actual = q().route().slaDeadline();
        check(actual == null, actual, null, "no SLA deadline", "the deadline was " + actual);
        return myself;
    }

    /**
     * Asserts that the reasons include one from each of these rule ids (in any order, others
     * allowed). Ids are checked against the rule set first, so a typo fails at once.
     *
     * @param ruleIds the rule ids
     * @return this assertion
     */
    public PipelineAssert withReasons(String... ruleIds) {
        verifier.requireKnownReasonIds("withReasons", ruleIds);
        List<String> missing = new ArrayList<>();
        for (String id : ruleIds) {
            if (!q().hasReason(id)) {
                missing.add(id);
            }
        }
        check(missing.isEmpty(), q().reasonIds(), List.of(ruleIds), "reasons from " + List.of(ruleIds),
                "there was none from " + missing);
        return myself;
    }

    /**
     * Asserts that no reason comes from any of these rule ids.
     *
     * @param ruleIds the rule ids
     * @return this assertion
     */
    public PipelineAssert withoutReasons(String... ruleIds) {
        verifier.requireKnownOrDisabledIds("withoutReasons", ruleIds);
        List<String> present = new ArrayList<>();
        for (String id : ruleIds) {
            if (q().hasReason(id)) {
                present.add(id);
            }
        }
        check(present.isEmpty(), q().reasonIds(), List.of(), "no reason from " + List.of(ruleIds),
                "there were reasons from " + present);
        return myself;
    }

    /**
     * Asserts that the rule's reason for this lead contains the text.
     *
     * @param ruleId the rule's id
     * @param messageSubstring the text the reason must contain (case-sensitive)
     * @return this assertion
     */
    public PipelineAssert withReason(String ruleId, String messageSubstring) {
        verifier.requireKnownReasonIds("withReason", ruleId);
        Objects.requireNonNull(messageSubstring, "messageSubstring");
        Optional<Reason> reason = Explanation.reasonOf(actual, ruleId);
        String actualMessage = reason.map(Reason::message).orElse(null);
        check(actualMessage != null && actualMessage.contains(messageSubstring), actualMessage, messageSubstring,
                "a reason from " + ruleId + " containing \"" + messageSubstring + "\"",
                actualMessage == null ? "there was no reason from " + ruleId : "it was \"" + actualMessage + "\"");
        return myself;
    }

    /**
     * Asserts the exclusions exactly, in any order: {@code withExclusions()} means none,
     * {@code withExclusions("EXC-COMPETITOR", "EXC-TOO-SMALL")} means these two and no other.
     *
     * @param ruleIds the exclusion rule ids; none for no exclusion
     * @return this assertion
     */
    public PipelineAssert withExclusions(String... ruleIds) {
        verifier.requireKnownReasonIds("withExclusions", ruleIds);
        Set<String> expected = new TreeSet<>(List.of(ruleIds));
        Set<String> actualIds = new TreeSet<>(q().exclusionIds());
        check(expected.equals(actualIds), actualIds, expected,
                expected.isEmpty() ? "no exclusion" : "exactly the exclusions " + expected,
                actualIds.isEmpty() ? "there was none" : "they were " + actualIds);
        return myself;
    }

    /**
     * Asserts that these rules fired for the lead, according to the trace: unlike
     * {@link #withReasons}, it also sees routing rules whose proposal lost.
     *
     * @param ruleIds the rule ids
     * @return this assertion
     */
    public PipelineAssert withRulesFired(String... ruleIds) {
        verifier.requireKnownReasonIds("withRulesFired", ruleIds);
        List<String> missing = new ArrayList<>();
        for (String id : ruleIds) {
            if (!actual.fired(id)) {
                missing.add(id);
            }
        }
        check(missing.isEmpty(), actual.firedRuleIds(), List.of(ruleIds), "rules " + List.of(ruleIds) + " to fire",
                missing + " did not");
        return myself;
    }

    /**
     * Asserts that none of these rules fired for the lead, according to the trace. A packaged rule
     * the host disabled may be named: it never fires.
     *
     * @param ruleIds the rule ids
     * @return this assertion
     */
    public PipelineAssert withoutRulesFired(String... ruleIds) {
        verifier.requireKnownOrDisabledIds("withoutRulesFired", ruleIds);
        List<String> fired = new ArrayList<>();
        for (String id : ruleIds) {
            if (actual.fired(id)) {
                fired.add(id);
            }
        }
        check(fired.isEmpty(), actual.firedRuleIds(), List.of(), "none of " + List.of(ruleIds) + " to fire",
                fired + " fired");
        return myself;
    }

    /**
     * Asserts the field errors of an INVALID lead exactly, e.g. {@code withFieldErrors("email:MALFORMED")}.
     *
     * @param fieldAndCode the errors as {@code field:CODE}
     * @return this assertion
     */
    public PipelineAssert withFieldErrors(String... fieldAndCode) {
        Set<String> expected = new TreeSet<>(List.of(fieldAndCode));
        Set<String> actualErrors = new TreeSet<>();
        for (FieldError e : q().fieldErrors()) {
            actualErrors.add(e.toString());
        }
        check(expected.equals(actualErrors), actualErrors, expected, "field errors " + expected,
                actualErrors.isEmpty() ? "there were none" : "they were " + actualErrors);
        return myself;
    }

    /**
     * The qualification, for assertions the kit does not offer.
     *
     * @return the qualification
     */
    public Qualification qualification() {
        return q();
    }

    /**
     * The trace: the qualification and every rule that fired.
     *
     * @return the trace
     */
    public QualificationTrace trace() {
        return actual;
    }

    private Qualification q() {
        return actual.qualification();
    }

    private void check(boolean ok, Object actualValue, Object expectedValue, String expected, String happened) {
        if (ok) {
            return;
        }
        String message = "Lead " + Explanation.leadId(actual) + ": expected " + expected + ", but " + happened + ".\n"
                + Explanation.of(actual);
        failWithActualExpectedAndMessage(actualValue, expectedValue, Explanation.literal(message.stripTrailing()));
    }
}

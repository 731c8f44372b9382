package io.github.leadrules.robustness;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise 1 against bad input, as properties over generated cases: whatever a form, a CRM export
 * or an attacker sends — arbitrary Unicode, full-width text, control characters, lone surrogates,
 * huge strings, nulls in every field, negative and overflowing numbers, impossible dates — every
 * lead yields exactly one qualification carrying its id, no exception escapes, and bad input is
 * {@code INVALID} with field codes rather than a rule failure. Time is bounded by the number of
 * cases (every case is one qualification), never by a timer.
 */
class HostileInputTest {

    /** Random leads tried by the property over whole leads. */
    private static final int RANDOM_TRIES = 400;

    private static LeadQualifier qualifier;

    @BeforeAll
    static void build() {
        qualifier = LeadQualifier.builder()
                .policy(RealisticLeads.POLICY)
                .accounts(RealisticLeads.ACCOUNTS)
                .clock(RealisticLeads.CLOCK)
                .build();
    }

    static List<HostileValues.Case> everyFieldWithEveryHostileValue() {
        return HostileValues.everyFieldWithEveryHostileValue();
    }

    static LongStream seeds() {
        return LongStream.range(0, RANDOM_TRIES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFieldWithEveryHostileValue")
    void aHostileValueInAnyFieldYieldsExactlyOneQualificationForThatLead(HostileValues.Case hostile) {
        List<Qualification> out = qualifier.qualifyAll(List.of(hostile.lead()));

        assertThat(out).hasSize(1);
        assertIsTheAnswerFor(hostile.lead(), out.get(0));
        assertThat(qualifier.qualify(hostile.lead())).as("single call agrees with the batch").isEqualTo(out.get(0));
    }

    @ParameterizedTest(name = "random lead #{0}")
    @MethodSource("seeds")
    void aLeadOfRandomHostileValuesYieldsExactlyOneQualificationForThatLead(long seed) {
        Lead lead = HostileValues.randomLead(seed);

        assertIsTheAnswerFor(lead, qualifier.qualify(lead));
    }

    @Test
    void aBatchOfEveryHostileLeadAndNullsAnswersEveryLeadInOrder() {
        List<Lead> batch = new ArrayList<>();
        HostileValues.everyFieldWithEveryHostileValue().forEach(c -> batch.add(c.lead()));
        for (long seed = 0; seed < RANDOM_TRIES; seed++) {
            batch.add(HostileValues.randomLead(seed));
            if (seed % 50 == 0) {
                batch.add(null);
            }
        }
        batch.add(RealisticLeads.mix(7L, 1).get(0));

        List<Qualification> out = qualifier.qualifyAll(batch);

        assertThat(out).hasSize(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            assertIsTheAnswerFor(batch.get(i), out.get(i));
        }
        assertThat(out.get(out.size() - 1).outcome()).as("the ordinary lead after them").isIn(Outcome.QUALIFIED, Outcome.EXCLUDED);
    }

    @Test
    void aNullLeadIsInvalidWithTheLeadFieldNamed() {
        List<Lead> batch = new ArrayList<>();
        batch.add(null);

        Qualification q = qualifier.qualifyAll(batch).get(0);

        assertThat(q.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(q.leadId()).isNull();
        assertThat(q.fieldErrors()).extracting(e -> e.field() + ":" + e.code()).containsExactly("lead:REQUIRED");
    }

    /** Exactly one well-formed answer, for this lead, and never a rule failure for bad input. */
    private static void assertIsTheAnswerFor(Lead lead, Qualification q) {
        assertThat(q).isNotNull();
        assertThat(q.fingerprint()).isEqualTo(qualifier.fingerprint());
        assertThat(q.reasons()).as("every decision carries its reasons").isNotEmpty();
        if (lead != null && q.leadId() != null) {
            assertThat(q.leadId()).isEqualTo(lead.id());
        } else {
            assertThat(q.outcome()).as("only an INVALID answer may lack the id").isEqualTo(Outcome.INVALID);
        }
        assertThat(q.outcome()).as("bad input is INVALID, not a rule failure: %s", q.reasons()).isNotEqualTo(Outcome.ERROR);
        if (q.outcome() == Outcome.INVALID) {
            assertThat(q.fieldErrors()).isNotEmpty();
            assertThat(q.route()).isEqualTo(io.github.leadrules.model.Route.NONE);
        } else {
            assertThat(q.fieldErrors()).isEmpty();
            assertThat(q.route()).isNotNull();
        }
    }
}

package io.github.leadrules.signals;

import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.Condition;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.PolicyFileException;
import io.github.leadrules.policy.Signal;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * A bad signal is a policy-file problem at its line and column, like every other key, and all of
 * them are reported at once; the builder refuses the same signals with a message naming the key.
 */
class SignalPolicyErrorsTest {

    private static List<String> problems(String yaml) {
        try {
            LeadPolicy.load(new StringReader(yaml), "lead-policy.yaml");
        } catch (PolicyFileException e) {
            return e.problems().stream().map(p -> p.line() + ":" + p.column() + " " + p.key() + ": " + p.message()).toList();
        }
        return fail("expected the policy file to be refused");
    }

    @Test
    void anUndeclaredFieldIsAProblemAtItsLineAndColumnWithTheNearestName() {
        assertThat(problems("""
                fields:
                  time_on_site: integer
                signals:
                  - id: ACME-LONG-VISIT
                    when: {field: time_on_sight, atLeast: 900}
                    points: 20
                """)).containsExactly("5:19 signals[0].when.field: ACME-LONG-VISIT: unknown field 'time_on_sight' (did you mean"
                + " time_on_site?) (declare it in fields:, or use a standard field: source, jobTitle, email, phone, contactName,"
                + " company.name, company.domain, company.industry, company.country, company.employeeCount, company.annualRevenue,"
                + " submittedAt, lastSalesActivity, inquiryType, purchaseTimeframe, budgetStatus, consent)");
    }

    @Test
    void fieldsDeclaredAfterTheSignalsStillCount() {
        LeadPolicy policy = LeadPolicy.load(new StringReader("""
                signals:
                  - {id: ACME-LONG-VISIT, when: {field: time_on_site, atLeast: 900}, points: 20}
                fields:
                  time_on_site: integer
                """), "lead-policy.yaml");

        assertThat(policy.signals()).extracting(Signal::id).containsExactly("ACME-LONG-VISIT");
    }

    @Test
    void everyKindOfMistakeIsReportedAtOnceAtItsOwnPlace() {
        assertThat(problems("""
                fields:
                  time_on_site: integer
                  first_visit: date
                  origin: {type: choice, values: [demo, reference]}
                signals:
                  - {id: ACME-TEXT-ORDER, when: {field: source, atLeast: 3}, points: 5}
                  - {id: ACME-BAD-NUMBER, when: {field: time_on_site, below: fifteen}, points: 5}
                  - {id: ACME-BAD-DATE, when: {field: first_visit, atLeast: 31-12-2017}, points: 5}
                  - {id: ACME-BAD-CHOICE, when: {field: origin, in: [demo, refrence]}, points: 5}
                  - {id: URG-MINE, when: {field: source, equals: Web}, points: 5}
                  - {id: ACME-CAPPED-EXCLUSION, stage: exclusion, when: {field: source, equals: Spam}, cap: low, reason: Spam}
                  - {id: ACME-NO-REASON, stage: exclusion, when: {field: source, equals: Junk}}
                  - {id: ACME-TEXT-ORDER, when: {field: source, equals: Web}, points: 5}
                  - {id: ACME-TYPO, when: {field: source, equal: Web}, points: 5}
                  - {id: ACME-BACKWARDS, when: {field: time_on_site, between: [900, 100]}, points: 5}
                  - {id: acme-lower, when: {field: source, equals: Web}, points: 5}
                  - {id: ACME-TOO-MANY, when: {field: source, equals: Web}, points: 1001}
                """)).containsExactly(
                "6:58 signals[0].when.atLeast: ACME-TEXT-ORDER: atLeast does not fit source, a text field"
                        + " (atLeast takes number, integer and date fields)",
                "7:62 signals[1].when.below: ACME-BAD-NUMBER: expected a number for time_on_site, a integer field, got 'fifteen'",
                "8:61 signals[2].when.atLeast: ACME-BAD-DATE: expected a date as yyyy-MM-dd for first_visit, got '31-12-2017'",
                "9:60 signals[3].when.in: ACME-BAD-CHOICE: 'refrence' is not one of the values of origin (demo, reference)"
                        + " (did you mean reference?)",
                "10:10 signals[4].id: URG-MINE is in the packaged rules' namespace (EXC-, URG-, RTE-); give your signals"
                        + " a prefix of your own, e.g. ACME-",
                "11:93 signals[5].cap: ACME-CAPPED-EXCLUSION: an exclusion takes no cap (points and cap are for urgency signals)",
                "12:5 signals[6].reason: ACME-NO-REASON: an exclusion needs a reason, the sentence its report shows",
                "13:10 signals[7].id: duplicate signal id ACME-TEXT-ORDER (also at lead-policy.yaml:6)",
                "14:43 signals[8].when.equal: unknown key (a condition has field and one of equals, in, notIn, atLeast,"
                        + " below, between, containsAny, missing, present, withinDays) (did you mean equals?)",
                "15:63 signals[9].when.between: ACME-BACKWARDS: between: the low value must be below the high one, got '900' and '100'",
                "16:10 signals[10].id: must be upper-case letters and digits joined by hyphens, at most 64 characters,"
                        + " e.g. ACME-REFERENCE; got 'acme-lower'",
                "17:69 signals[11].points: ACME-TOO-MANY: must be between -1000 and 1000, got 1001");
    }

    @Test
    void aSignalWithoutConditionOrWithTwoOperatorsInOneIsRefused() {
        assertThat(problems("""
                signals:
                  - id: ACME-EMPTY
                    points: 5
                  - id: ACME-TWO
                    when: {field: source, equals: Web, in: [Web]}
                    points: 5
                """)).containsExactly(
                "2:5 signals[0].when: ACME-EMPTY: every signal needs a condition (when: {field: ..., equals: ...})",
                "5:40 signals[1].when.in: one operator per condition (also equals); write another condition in the when: list");
    }

    @Test
    void theBuilderRefusesTheSameMistakesNamingTheKey() {
        assertThatThrownBy(() -> Signal.exclusion("ACME-SPAM").when(Condition.equalTo("source", "Spam")).build())
                .hasMessage("reason: an exclusion needs a reason, the sentence its report shows");
        assertThatThrownBy(() -> Signal.exclusion("ACME-SPAM").when(Condition.equalTo("source", "Spam"))
                .cap(UrgencyLevel.LOW).reason("Spam").build())
                .hasMessageStartingWith("cap: an exclusion takes no cap");
        assertThatThrownBy(() -> Signal.urgency("EXC-MINE").when(Condition.equalTo("source", "Web")).points(1).build())
                .hasMessageStartingWith("id: EXC-MINE is in the packaged rules' namespace");
        assertThatThrownBy(() -> LeadPolicy.defaults().toBuilder()
                .signal(Signal.urgency("ACME-VISIT").when(Condition.atLeast("time_on_site", "900")).points(5).build()).build())
                .hasMessageStartingWith("signals[0].when[0].field: ACME-VISIT: unknown field 'time_on_site'");
        assertThatThrownBy(() -> LeadPolicy.defaults().toBuilder().field("visits", FieldType.integer())
                .signal(Signal.urgency("ACME-VISIT").when(Condition.containsAny("visits", "9")).points(5).build()).build())
                .hasMessageContaining("containsAny does not fit visits, a integer field");
        Signal one = Signal.urgency("ACME-WEB").when(Condition.equalTo("source", "Web")).points(5).build();
        assertThatThrownBy(() -> LeadPolicy.defaults().toBuilder().signal(one).signal(one).build())
                .hasMessage("signals: duplicate signal id ACME-WEB");
    }

    @Test
    void aMissingOrPresentConditionTakesTrueAndNothingElse() {
        assertThat(problems("""
                signals:
                  - {id: ACME-NO-SOURCE, when: {field: source, missing: false}, points: -5}
                """)).containsExactly("2:57 signals[0].when.missing: write present: true instead");
    }
}

package io.github.leadrules.compare;

import io.github.leadrules.QualificationTrace;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.github.leadrules.compare.Decisions.excluded;
import static io.github.leadrules.compare.Decisions.invalid;
import static io.github.leadrules.compare.Decisions.qualified;
import static io.github.leadrules.compare.Decisions.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Six hand-made leads decided by a base and a candidate rule set; every expected figure below is
 * worked out from this table:
 *
 * <pre>
 * lead  base                                     candidate                                   changed
 * L01   QUALIFIED HIGH FIELD_SALES enterprise    same                                        no
 * L02   QUALIFIED MEDIUM INSIDE_SALES            EXCLUDED (EXC-TOO-SMALL) UNKNOWN NONE       outcome, exclusions, urgency, route
 * L03   QUALIFIED LOW NURTURE white paper        QUALIFIED MEDIUM INSIDE_SALES               urgency, route
 * L04   EXCLUDED (EXC-STUDENT) NONE              same                                        no
 * L05   QUALIFIED HIGH FIELD_SALES enterprise    QUALIFIED HIGH FIELD_SALES smb              route (team only)
 * L06   INVALID                                  INVALID                                     no
 * </pre>
 *
 * The candidate adds the host rule EXC-TOO-SMALL and disables URG-DECISION-MAKER.
 */
class QualificationDiffArithmeticTest {

    private static final List<QualificationTrace> BASE = List.of(
            qualified("L01", UrgencyLevel.HIGH, Destination.FIELD_SALES, "field-sales-jp-enterprise",
                    "URG-SALES-REQUEST", "RTE-FIELD-SALES"),
            qualified("L02", UrgencyLevel.MEDIUM, Destination.INSIDE_SALES, "inside-sales-jp",
                    "URG-TIMEFRAME-6-MONTHS", "RTE-INSIDE-SALES-MEDIUM"),
            qualified("L03", UrgencyLevel.LOW, Destination.NURTURE, "nurture-white-paper", "RTE-NURTURE-CONTENT"),
            excluded("L04", List.of("EXC-STUDENT")),
            qualified("L05", UrgencyLevel.HIGH, Destination.FIELD_SALES, "field-sales-jp-enterprise",
                    "URG-SALES-REQUEST", "RTE-FIELD-SALES"),
            invalid("L06"));

    private static final List<QualificationTrace> CANDIDATE = List.of(
            qualified("L01", UrgencyLevel.HIGH, Destination.FIELD_SALES, "field-sales-jp-enterprise",
                    "URG-SALES-REQUEST", "RTE-FIELD-SALES"),
            excluded("L02", List.of("EXC-TOO-SMALL"), "URG-TIMEFRAME-6-MONTHS"),
            qualified("L03", UrgencyLevel.MEDIUM, Destination.INSIDE_SALES, "inside-sales-jp",
                    "URG-PRICING-VISITS", "RTE-INSIDE-SALES-MEDIUM"),
            excluded("L04", List.of("EXC-STUDENT")),
            qualified("L05", UrgencyLevel.HIGH, Destination.FIELD_SALES, "field-sales-jp-smb",
                    "URG-SALES-REQUEST", "RTE-FIELD-SALES"),
            invalid("L06"));

    private static final List<RuleDescription> BASE_RULES = List.of(
            rule("EXC-STUDENT", Stage.EXCLUSION),
            rule("URG-DECISION-MAKER", Stage.URGENCY),
            rule("URG-PRICING-VISITS", Stage.URGENCY),
            rule("URG-SALES-REQUEST", Stage.URGENCY),
            rule("URG-TIMEFRAME-6-MONTHS", Stage.URGENCY),
            rule("RTE-EXCLUDED-NOWHERE", Stage.ROUTING),
            rule("RTE-FIELD-SALES", Stage.ROUTING),
            rule("RTE-INSIDE-SALES-MEDIUM", Stage.ROUTING),
            rule("RTE-NURTURE-CONTENT", Stage.ROUTING));

    private static final List<RuleDescription> CANDIDATE_RULES = candidateRules();

    private final QualificationDiff diff = QualificationDiff.of(BASE, BASE_RULES, CANDIDATE, CANDIDATE_RULES);

    @Test
    void outcomeMatrixCountsEveryLeadByBaseRowAndCandidateColumn() {
        TransitionMatrix<Outcome> outcomes = diff.outcomes();
        assertThat(outcomes.count(Outcome.QUALIFIED, Outcome.QUALIFIED)).isEqualTo(3);
        assertThat(outcomes.count(Outcome.QUALIFIED, Outcome.EXCLUDED)).isEqualTo(1);
        assertThat(outcomes.count(Outcome.EXCLUDED, Outcome.EXCLUDED)).isEqualTo(1);
        assertThat(outcomes.count(Outcome.INVALID, Outcome.INVALID)).isEqualTo(1);
        assertThat(outcomes.count(Outcome.EXCLUDED, Outcome.QUALIFIED)).isZero();
        assertThat(outcomes.baseTotal(Outcome.QUALIFIED)).isEqualTo(4);
        assertThat(outcomes.candidateTotal(Outcome.QUALIFIED)).isEqualTo(3);
        assertThat(outcomes.candidateTotal(Outcome.EXCLUDED)).isEqualTo(2);
        assertThat(outcomes.total()).isEqualTo(6);
        assertThat(outcomes.moved()).isEqualTo(1);
    }

    @Test
    void urgencyAndRouteMatricesCountMovesBetweenLevelsAndDestinations() {
        TransitionMatrix<UrgencyLevel> urgency = diff.urgency();
        assertThat(urgency.count(UrgencyLevel.HIGH, UrgencyLevel.HIGH)).isEqualTo(2);
        assertThat(urgency.count(UrgencyLevel.MEDIUM, UrgencyLevel.UNKNOWN)).isEqualTo(1);
        assertThat(urgency.count(UrgencyLevel.LOW, UrgencyLevel.MEDIUM)).isEqualTo(1);
        assertThat(urgency.count(UrgencyLevel.UNKNOWN, UrgencyLevel.UNKNOWN)).isEqualTo(2);
        assertThat(urgency.moved()).isEqualTo(2);

        TransitionMatrix<Destination> routes = diff.routes();
        // L05 changes team only: its destination stays FIELD_SALES, so it sits on the diagonal.
        assertThat(routes.count(Destination.FIELD_SALES, Destination.FIELD_SALES)).isEqualTo(2);
        assertThat(routes.count(Destination.INSIDE_SALES, Destination.NONE)).isEqualTo(1);
        assertThat(routes.count(Destination.NURTURE, Destination.INSIDE_SALES)).isEqualTo(1);
        assertThat(routes.count(Destination.NONE, Destination.NONE)).isEqualTo(2);
        assertThat(routes.moved()).isEqualTo(2);
        assertThat(routes.transitions()).extracting(t -> t.from(), t -> t.to(), t -> t.count()).containsExactly(
                tuple(Destination.INSIDE_SALES, Destination.NONE, 1),
                tuple(Destination.NURTURE, Destination.INSIDE_SALES, 1));
    }

    @Test
    void eachChangedLeadCarriesBothDecisionsWhatChangedAndTheRulesThatMadeTheDifference() {
        assertThat(diff.leads()).isEqualTo(6);
        assertThat(diff.changed()).isEqualTo(3);
        assertThat(diff.changedShare()).isEqualTo(0.5);
        assertThat(diff.changes()).extracting(LeadChange::leadId, LeadChange::position)
                .containsExactly(tuple("L02", 1), tuple("L03", 2), tuple("L05", 4));

        LeadChange l02 = diff.changes().get(0);
        assertThat(l02.base().outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(l02.candidate().outcome()).isEqualTo(Outcome.EXCLUDED);
        assertThat(l02.aspects()).containsExactly(LeadChange.Aspect.OUTCOME, LeadChange.Aspect.EXCLUSIONS,
                LeadChange.Aspect.URGENCY, LeadChange.Aspect.ROUTE);
        assertThat(l02.firedOnlyUnderBase()).containsExactly("RTE-INSIDE-SALES-MEDIUM");
        assertThat(l02.firedOnlyUnderCandidate()).containsExactly("EXC-TOO-SMALL", "RTE-EXCLUDED-NOWHERE");
        assertThat(l02.summary()).isEqualTo("outcome QUALIFIED -> EXCLUDED; exclusions (none) -> EXC-TOO-SMALL; "
                + "urgency MEDIUM -> UNKNOWN; route INSIDE_SALES inside-sales-jp -> NONE");

        LeadChange l03 = diff.changes().get(1);
        assertThat(l03.aspects()).containsExactly(LeadChange.Aspect.URGENCY, LeadChange.Aspect.ROUTE);
        assertThat(l03.firedOnlyUnderBase()).containsExactly("RTE-NURTURE-CONTENT");
        assertThat(l03.firedOnlyUnderCandidate()).containsExactly("URG-PRICING-VISITS", "RTE-INSIDE-SALES-MEDIUM");

        // Same rules fired, only the team differs: a change with no rule difference.
        LeadChange l05 = diff.changes().get(2);
        assertThat(l05.aspects()).containsExactly(LeadChange.Aspect.ROUTE);
        assertThat(l05.firedOnlyUnderBase()).isEmpty();
        assertThat(l05.firedOnlyUnderCandidate()).isEmpty();
        assertThat(l05.summary()).isEqualTo("route FIELD_SALES field-sales-jp-enterprise -> FIELD_SALES field-sales-jp-smb");
    }

    @Test
    void ruleFiringsListEveryRuleOfEitherSetInStageOrderWithLeadsFiredForUnderEach() {
        assertThat(diff.ruleFirings()).extracting(RuleFirings::ruleId, RuleFirings::inBase, RuleFirings::inCandidate,
                RuleFirings::base, RuleFirings::candidate).containsExactly(
                tuple("EXC-STUDENT", true, true, 1, 1),
                tuple("EXC-TOO-SMALL", false, true, 0, 1),
                tuple("URG-DECISION-MAKER", true, false, 0, 0),
                tuple("URG-PRICING-VISITS", true, true, 0, 1),
                tuple("URG-SALES-REQUEST", true, true, 2, 2),
                tuple("URG-TIMEFRAME-6-MONTHS", true, true, 1, 1),
                tuple("RTE-EXCLUDED-NOWHERE", true, true, 1, 2),
                tuple("RTE-FIELD-SALES", true, true, 2, 2),
                tuple("RTE-INSIDE-SALES-MEDIUM", true, true, 1, 1),
                tuple("RTE-NURTURE-CONTENT", true, true, 1, 0));
        assertThat(diff.ruleFiringChanges()).extracting(RuleFirings::ruleId).containsExactly(
                "EXC-TOO-SMALL", "URG-DECISION-MAKER", "URG-PRICING-VISITS", "RTE-EXCLUDED-NOWHERE", "RTE-NURTURE-CONTENT");
    }

    @Test
    void matrixTextPutsBaseValuesDownCandidateValuesAcrossAndTotalsAtTheEdges() {
        assertThat(diff.outcomes().toText()).isEqualTo(""
                + "  base \\ candidate  QUALIFIED  EXCLUDED  INVALID  ERROR  total\n"
                + "  QUALIFIED                 3         1        0      0      4\n"
                + "  EXCLUDED                  0         1        0      0      1\n"
                + "  INVALID                   0         0        1      0      1\n"
                + "  ERROR                     0         0        0      0      0\n"
                + "  total                     3         2        1      0      6\n");
    }

    @Test
    void diffTextSummarisesMatricesRuleChangesAndListsChangedLeadsUpToTheLimit() {
        String text = diff.toText(2);
        assertThat(text).startsWith("Compared 6 leads: 3 decided differently (50.0%)\n");
        assertThat(text).contains("Outcome: 1 of 6 leads moved (rows: base, columns: candidate)\n");
        assertThat(text).contains("Route: 2 of 6 leads moved");
        assertThat(text).contains("  EXC-TOO-SMALL           absent          1       +1\n");
        assertThat(text).contains("  URG-DECISION-MAKER           0     absent       +0\n");
        assertThat(text).contains("Changed leads (first 2 of 3)\n");
        assertThat(text).contains("  L03: urgency LOW -> MEDIUM; route NURTURE nurture-white-paper -> INSIDE_SALES inside-sales-jp\n"
                + "      only under base:      RTE-NURTURE-CONTENT\n"
                + "      only under candidate: URG-PRICING-VISITS, RTE-INSIDE-SALES-MEDIUM\n");
        assertThat(text).doesNotContain("L05");
    }

    @Test
    void comparingQualificationsWithoutTracesUsesTheRulesBehindEachDecision() {
        QualificationDiff plain = QualificationDiff.ofQualifications(
                BASE.stream().map(QualificationTrace::qualification).toList(),
                CANDIDATE.stream().map(QualificationTrace::qualification).toList());
        assertThat(plain.changes()).extracting(LeadChange::leadId).containsExactly("L02", "L03", "L05");
        assertThat(plain.outcomes()).isEqualTo(diff.outcomes());
        // Reasons name deciding rules only; validation codes are not rules.
        assertThat(plain.changes().get(0).firedOnlyUnderCandidate()).containsExactly("EXC-TOO-SMALL", "RTE-EXCLUDED-NOWHERE");
        assertThat(plain.ruleFirings()).extracting(RuleFirings::ruleId).doesNotContain("VAL-EMAIL-SYNTAX", "URG-DECISION-MAKER");
    }

    @Test
    void leadsMustBeTheSameInTheSameOrderOnBothSides() {
        List<QualificationTrace> swapped = new ArrayList<>(CANDIDATE);
        swapped.set(0, CANDIDATE.get(1));
        swapped.set(1, CANDIDATE.get(0));
        assertThatThrownBy(() -> QualificationDiff.of(BASE, BASE_RULES, swapped, CANDIDATE_RULES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("position 0 holds lead L01 in base but lead L02 in candidate; compare the same leads in the same order");
        assertThatThrownBy(() -> QualificationDiff.of(BASE, BASE_RULES, CANDIDATE.subList(0, 5), CANDIDATE_RULES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("base has 6 decisions but candidate has 5");
    }

    @Test
    void anAccumulatorFedOneLeadAtATimeGivesTheSameDiffAndReturnsEachChangeAsItComes() {
        QualificationDiff.Accumulator accumulator = QualificationDiff.accumulator(BASE_RULES, CANDIDATE_RULES);
        List<String> returned = new ArrayList<>();
        for (int i = 0; i < BASE.size(); i++) {
            LeadChange change = accumulator.add(BASE.get(i), CANDIDATE.get(i));
            returned.add(change == null ? "-" : change.leadId());
        }

        assertThat(returned).containsExactly("-", "L02", "L03", "-", "L05", "-");
        assertThat(accumulator.leads()).isEqualTo(6);
        assertThat(accumulator.changed()).isEqualTo(3);
        assertThat(accumulator.build()).isEqualTo(diff);
    }

    @Test
    void anAccumulatorWithALimitKeepsTheFirstChangesButCountsEveryLeadAndEveryChange() {
        QualificationDiff.Accumulator accumulator = QualificationDiff.accumulator(BASE_RULES, CANDIDATE_RULES, 1);
        for (int i = 0; i < BASE.size(); i++) {
            accumulator.add(BASE.get(i), CANDIDATE.get(i));
        }
        QualificationDiff limited = accumulator.build();

        assertThat(limited.changed()).isEqualTo(3);
        assertThat(limited.changedShare()).isEqualTo(0.5);
        assertThat(limited.changes()).extracting(LeadChange::leadId).containsExactly("L02");
        assertThat(limited.outcomes()).isEqualTo(diff.outcomes());
        assertThat(limited.urgency()).isEqualTo(diff.urgency());
        assertThat(limited.routes()).isEqualTo(diff.routes());
        assertThat(limited.ruleFirings()).isEqualTo(diff.ruleFirings());
        assertThat(limited.toText(20)).contains("Compared 6 leads: 3 decided differently (50.0%)")
                .contains("Changed leads (first 1 of 3)\n  L02: ").doesNotContain("L03:");
        assertThat(QualificationDiff.accumulator(BASE_RULES, CANDIDATE_RULES, 0).build().changes()).isEmpty();
        assertThatThrownBy(() -> QualificationDiff.accumulator(BASE_RULES, CANDIDATE_RULES, -1))
                .hasMessage("keptChanges must not be negative, got -1");
    }

    @Test
    void anEmptyAccumulatorComparesNoLeads() {
        QualificationDiff empty = QualificationDiff.accumulator(BASE_RULES, CANDIDATE_RULES, 10).build();

        assertThat(empty.leads()).isZero();
        assertThat(empty.changed()).isZero();
        assertThat(empty.changedShare()).isZero();
        assertThat(empty.baseFingerprint()).isEmpty();
        assertThat(empty.outcomes().total()).isZero();
        assertThat(empty.toText()).startsWith("Compared 0 leads: 0 decided differently (0.0%)").doesNotContain("Changed leads");
    }

    @Test
    void aMatrixRejectsValuesOutsideItsKeysNamingThePosition() {
        assertThatThrownBy(() -> TransitionMatrix.count(List.of("FIELD_SALES", "NURTURE"),
                List.of("FIELD_SALES", "NURTURE"), List.of("NURTURE", "PARTNER")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value PARTNER at position 1 is not one of the keys [FIELD_SALES, NURTURE]");
        assertThatThrownBy(() -> TransitionMatrix.count(List.of("A", "A"), List.of(), List.of()))
                .hasMessage("keys: duplicate value A");
    }

    private static List<RuleDescription> candidateRules() {
        List<RuleDescription> rules = new ArrayList<>(BASE_RULES);
        rules.removeIf(r -> r.id().equals("URG-DECISION-MAKER"));
        rules.add(0, rule("EXC-TOO-SMALL", Stage.EXCLUSION));
        return List.copyOf(rules);
    }
}

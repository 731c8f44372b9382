package io.github.leadrules.compare;

import io.github.leadrules.QualificationTrace;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.github.leadrules.compare.Decisions.excluded;
import static io.github.leadrules.compare.Decisions.invalid;
import static io.github.leadrules.compare.Decisions.qualified;
import static io.github.leadrules.compare.Decisions.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Ten hand-made decisions, three of them converted (base rate 3/10 = 30%). Every expected figure
 * below is worked out from this table:
 *
 * <pre>
 * lead  outcome    urgency    route                                   converted  rules that fired
 * L01   QUALIFIED  IMMEDIATE  FIELD_SALES field-sales-jp-enterprise   yes        URG-SALES-REQUEST URG-TIMEFRAME-1-MONTH RTE-FIELD-SALES
 * L02   QUALIFIED  IMMEDIATE  FIELD_SALES field-sales-jp-enterprise   yes        URG-SALES-REQUEST RTE-FIELD-SALES
 * L03   QUALIFIED  HIGH       FIELD_SALES field-sales-jp-smb          no         URG-SALES-REQUEST RTE-FIELD-SALES
 * L04   QUALIFIED  MEDIUM     INSIDE_SALES inside-sales-jp            no         URG-TIMEFRAME-6-MONTHS RTE-INSIDE-SALES-MEDIUM ACME-PARTNER-BOOST
 * L05   QUALIFIED  LOW        NURTURE nurture-white-paper             no         RTE-NURTURE-CONTENT
 * L06   QUALIFIED  LOW        NURTURE nurture-white-paper             no         RTE-NURTURE-CONTENT
 * L07   EXCLUDED   -          NONE  (EXC-TOO-SMALL)                   yes        EXC-TOO-SMALL URG-SALES-REQUEST RTE-EXCLUDED-NOWHERE
 * L08   EXCLUDED   -          NONE  (EXC-TOO-SMALL, EXC-FREEMAIL-…)   no         EXC-TOO-SMALL EXC-FREEMAIL-NO-COMPANY RTE-EXCLUDED-NOWHERE
 * L09   EXCLUDED   -          NONE  (EXC-COMPETITOR)                  no         EXC-COMPETITOR RTE-EXCLUDED-NOWHERE
 * L10   INVALID    -          NONE                                    no         (none)
 * </pre>
 */
class BacktestArithmeticTest {

    private static final List<QualificationTrace> DECISIONS = List.of(
            qualified("L01", UrgencyLevel.IMMEDIATE, Destination.FIELD_SALES, "field-sales-jp-enterprise",
                    "URG-SALES-REQUEST", "URG-TIMEFRAME-1-MONTH", "RTE-FIELD-SALES"),
            qualified("L02", UrgencyLevel.IMMEDIATE, Destination.FIELD_SALES, "field-sales-jp-enterprise",
                    "URG-SALES-REQUEST", "RTE-FIELD-SALES"),
            qualified("L03", UrgencyLevel.HIGH, Destination.FIELD_SALES, "field-sales-jp-smb",
                    "URG-SALES-REQUEST", "RTE-FIELD-SALES"),
            qualified("L04", UrgencyLevel.MEDIUM, Destination.INSIDE_SALES, "inside-sales-jp",
                    "URG-TIMEFRAME-6-MONTHS", "RTE-INSIDE-SALES-MEDIUM", "ACME-PARTNER-BOOST"),
            qualified("L05", UrgencyLevel.LOW, Destination.NURTURE, "nurture-white-paper", "RTE-NURTURE-CONTENT"),
            qualified("L06", UrgencyLevel.LOW, Destination.NURTURE, "nurture-white-paper", "RTE-NURTURE-CONTENT"),
            excluded("L07", List.of("EXC-TOO-SMALL"), "URG-SALES-REQUEST"),
            excluded("L08", List.of("EXC-TOO-SMALL", "EXC-FREEMAIL-NO-COMPANY")),
            excluded("L09", List.of("EXC-COMPETITOR")),
            invalid("L10"));

    private static final List<Boolean> CONVERTED =
            Arrays.asList(true, true, false, false, false, false, true, false, false, false);

    private static final List<RuleDescription> CATALOGUE = List.of(
            rule("EXC-COMPETITOR", Stage.EXCLUSION),
            rule("EXC-FREEMAIL-NO-COMPANY", Stage.EXCLUSION),
            rule("EXC-STUDENT", Stage.EXCLUSION),
            rule("EXC-TOO-SMALL", Stage.EXCLUSION),
            rule("URG-DECISION-MAKER", Stage.URGENCY),
            rule("URG-SALES-REQUEST", Stage.URGENCY),
            rule("URG-TIMEFRAME-1-MONTH", Stage.URGENCY),
            rule("URG-TIMEFRAME-6-MONTHS", Stage.URGENCY),
            rule("RTE-EXCLUDED-NOWHERE", Stage.ROUTING),
            rule("RTE-FIELD-SALES", Stage.ROUTING),
            rule("RTE-INSIDE-SALES-MEDIUM", Stage.ROUTING),
            rule("RTE-NURTURE-CONTENT", Stage.ROUTING));

    private final Backtest backtest = Backtest.of(DECISIONS, CONVERTED, CATALOGUE);

    @Test
    void baseRateIsConversionsOverAllLeadsIncludingInvalidAndExcludedOnes() {
        assertThat(backtest.leads()).isEqualTo(10);
        assertThat(backtest.conversions()).isEqualTo(3);
        assertThat(backtest.baseRate()).isEqualTo(0.3);
        assertThat(backtest.fingerprint()).isEqualTo(Decisions.FINGERPRINT);
    }

    @Test
    void urgencyGroupsHoldQualifiedLeadsWithRateLiftAndShareOfConversions() {
        // IMMEDIATE: L01, L02 both converted → rate 2/2, lift 1.0 / 0.3, 2 of the 3 conversions.
        assertCohort(backtest.urgency(UrgencyLevel.IMMEDIATE), 2, 2, 1.0, 10.0 / 3, 2.0 / 3);
        assertCohort(backtest.urgency(UrgencyLevel.HIGH), 1, 0, 0.0, 0.0, 0.0);
        assertCohort(backtest.urgency(UrgencyLevel.MEDIUM), 1, 0, 0.0, 0.0, 0.0);
        assertCohort(backtest.urgency(UrgencyLevel.LOW), 2, 0, 0.0, 0.0, 0.0);
        // No qualified lead without urgency: no rate, no lift, but a share of zero.
        Cohort unknown = backtest.urgency(UrgencyLevel.UNKNOWN);
        assertThat(unknown.leads()).isZero();
        assertThat(unknown.conversionRate()).isNaN();
        assertThat(unknown.lift()).isNaN();
        assertThat(unknown.shareOfConversions()).isZero();
        assertThat(backtest.byUrgency()).extracting(Cohort::key)
                .containsExactly("IMMEDIATE", "HIGH", "MEDIUM", "LOW", "UNKNOWN");
    }

    @Test
    void outcomeGroupsCoverEveryLeadAndTheirSharesAddUpToAllConversions() {
        // QUALIFIED: 6 leads, 2 converted → 1/3, lift (1/3)/0.3 = 10/9; EXCLUDED: 3 leads, L07 converted.
        assertCohort(backtest.outcome(Outcome.QUALIFIED), 6, 2, 1.0 / 3, 10.0 / 9, 2.0 / 3);
        assertCohort(backtest.outcome(Outcome.EXCLUDED), 3, 1, 1.0 / 3, 10.0 / 9, 1.0 / 3);
        assertCohort(backtest.outcome(Outcome.INVALID), 1, 0, 0.0, 0.0, 0.0);
        assertThat(backtest.outcome(Outcome.ERROR).conversionRate()).isNaN();
        assertThat(backtest.byOutcome().stream().mapToInt(Cohort::leads).sum()).isEqualTo(10);
        assertThat(backtest.byOutcome().stream().mapToDouble(Cohort::shareOfConversions).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void routeGroupsCoverEveryLeadAndTeamGroupsSplitThemByTeamOrTrack() {
        // FIELD_SALES: L01, L02, L03 → 2 of 3, lift (2/3)/0.3 = 20/9.
        assertCohort(backtest.route(Destination.FIELD_SALES), 3, 2, 2.0 / 3, 20.0 / 9, 2.0 / 3);
        assertCohort(backtest.route(Destination.INSIDE_SALES), 1, 0, 0.0, 0.0, 0.0);
        assertCohort(backtest.route(Destination.NURTURE), 2, 0, 0.0, 0.0, 0.0);
        // NONE: L07–L10 → 1 of 4, lift 0.25/0.3 = 5/6.
        assertCohort(backtest.route(Destination.NONE), 4, 1, 0.25, 5.0 / 6, 1.0 / 3);
        assertThat(backtest.route(Destination.ACCOUNT_OWNER).leads()).isZero();

        assertThat(backtest.byTeam()).extracting(Cohort::key, Cohort::leads, Cohort::conversions).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FIELD_SALES field-sales-jp-enterprise", 2, 2),
                org.assertj.core.groups.Tuple.tuple("FIELD_SALES field-sales-jp-smb", 1, 0),
                org.assertj.core.groups.Tuple.tuple("INSIDE_SALES inside-sales-jp", 1, 0),
                org.assertj.core.groups.Tuple.tuple("NURTURE nurture-white-paper", 2, 0));
    }

    @Test
    void exclusionCostCountsConvertedExcludedLeadsPerRuleAndThoseNoOtherRuleExcluded() {
        // EXC-TOO-SMALL excluded L07 (converted) and L08 (also free mail); only L07 was its alone.
        ExclusionCost tooSmall = backtest.exclusion("EXC-TOO-SMALL");
        assertThat(tooSmall.excluded()).isEqualTo(2);
        assertThat(tooSmall.converted()).isEqualTo(1);
        assertThat(tooSmall.excludedOnlyByThisRule()).isEqualTo(1);
        assertThat(tooSmall.convertedOnlyByThisRule()).isEqualTo(1);
        assertThat(tooSmall.conversionRate()).isEqualTo(0.5);
        assertThat(tooSmall.lift()).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(tooSmall.shareOfConversions()).isCloseTo(1.0 / 3, within(1e-12));

        ExclusionCost freeMail = backtest.exclusion("EXC-FREEMAIL-NO-COMPANY");
        assertThat(freeMail.excluded()).isEqualTo(1);
        assertThat(freeMail.converted()).isZero();
        assertThat(freeMail.excludedOnlyByThisRule()).isZero();

        assertThat(backtest.exclusion("EXC-COMPETITOR").excludedOnlyByThisRule()).isEqualTo(1);
        ExclusionCost student = backtest.exclusion("EXC-STUDENT");
        assertThat(student.excluded()).isZero();
        assertThat(student.conversionRate()).isNaN();
        assertThat(backtest.exclusions()).extracting(ExclusionCost::ruleId).containsExactly(
                "EXC-COMPETITOR", "EXC-FREEMAIL-NO-COMPANY", "EXC-STUDENT", "EXC-TOO-SMALL");
    }

    @Test
    void everyRuleIsListedWithTheLeadsItFiredForAndHowTheyConvertedNeverFiredOnesWithZero() {
        // URG-SALES-REQUEST fired for L01, L02, L03 and the excluded L07: 3 of 4 converted.
        RuleStatistics salesRequest = backtest.rule("URG-SALES-REQUEST");
        assertThat(salesRequest.fired()).isEqualTo(4);
        assertThat(salesRequest.conversions()).isEqualTo(3);
        assertThat(salesRequest.conversionRate()).isEqualTo(0.75);
        assertThat(salesRequest.lift()).isCloseTo(2.5, within(1e-12));
        assertThat(salesRequest.shareOfConversions()).isEqualTo(1.0);

        assertThat(backtest.rule("RTE-EXCLUDED-NOWHERE").fired()).isEqualTo(3);
        assertThat(backtest.rule("RTE-NURTURE-CONTENT").conversionRate()).isZero();
        assertThat(backtest.neverFired()).extracting(RuleStatistics::ruleId)
                .containsExactly("EXC-STUDENT", "URG-DECISION-MAKER");
        assertThat(backtest.rule("URG-DECISION-MAKER").conversionRate()).isNaN();
        // A rule outside the catalogue that fired (a host rule) is listed after the catalogue.
        assertThat(backtest.rules()).last().extracting(RuleStatistics::ruleId, RuleStatistics::fired)
                .containsExactly("ACME-PARTNER-BOOST", 1);
        assertThat(backtest.rules()).hasSize(CATALOGUE.size() + 1);
    }

    @Test
    void textTablesShowRatesAsPercentagesLiftsAsMultiplesAndMarkRulesThatNeverFired() {
        String text = backtest.toText();
        assertThat(text).startsWith("Backtest of 10 leads: 3 converted, base rate 30.0%\n");
        assertThat(text).contains("  IMMEDIATE         2          2   100.0%   3.33x   66.7%\n");
        assertThat(text).contains("  UNKNOWN           0          0        -       -    0.0%\n");
        assertThat(text).contains("  EXC-TOO-SMALL                   2          1    50.0%   1.67x   33.3%               1          1\n");
        assertThat(text).containsPattern("URG-DECISION-MAKER +0 +0 +- +- +0.0%  never fired\n");
    }

    @Test
    void noConversionsAtAllLeavesLiftUndefinedRatherThanInfinite() {
        Backtest none = Backtest.of(DECISIONS, new ArrayList<>(java.util.Collections.nCopies(10, false)), CATALOGUE);
        assertThat(none.baseRate()).isZero();
        assertThat(none.urgency(UrgencyLevel.IMMEDIATE).conversionRate()).isZero();
        assertThat(none.urgency(UrgencyLevel.IMMEDIATE).lift()).isNaN();
        assertThat(none.urgency(UrgencyLevel.IMMEDIATE).shareOfConversions()).isNaN();
        assertThat(none.toText()).contains("base rate 0.0%");
    }

    @Test
    void aMissingOrMisalignedOutcomeIsRejectedNamingTheLead() {
        List<Boolean> withHole = new ArrayList<>(CONVERTED);
        withHole.set(3, null);
        assertThatThrownBy(() -> Backtest.of(DECISIONS, withHole, CATALOGUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("converted: no outcome for lead L04 at position 3");
        assertThatThrownBy(() -> Backtest.of(DECISIONS, CONVERTED.subList(0, 9), CATALOGUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("traces has 10 leads but converted has 9 outcomes");
    }

    @Test
    void anAccumulatorFedOneLeadAtATimeGivesTheSameFiguresAsTheLists() {
        Backtest.Accumulator accumulator = Backtest.accumulator(CATALOGUE);
        for (int i = 0; i < DECISIONS.size(); i++) {
            accumulator.add(DECISIONS.get(i), CONVERTED.get(i));
        }

        assertThat(accumulator.leads()).isEqualTo(10);
        Backtest streamed = accumulator.build();
        assertThat(streamed).isEqualTo(backtest);
        assertThat(streamed.toText()).isEqualTo(backtest.toText());
    }

    @Test
    void anAccumulatorCanBeReadHalfWayAndGoesOnCounting() {
        Backtest.Accumulator accumulator = Backtest.accumulator(CATALOGUE);
        for (int i = 0; i < 5; i++) {
            accumulator.add(DECISIONS.get(i), CONVERTED.get(i));
        }
        Backtest half = accumulator.build();
        for (int i = 5; i < DECISIONS.size(); i++) {
            accumulator.add(DECISIONS.get(i), CONVERTED.get(i));
        }

        // L01-L05: 2 of 5 converted; the first snapshot is not changed by later leads.
        assertThat(half.leads()).isEqualTo(5);
        assertThat(half.conversions()).isEqualTo(2);
        assertThat(half.exclusion("EXC-TOO-SMALL").excluded()).isZero();
        assertThat(accumulator.build()).isEqualTo(backtest);
    }

    private static void assertCohort(Cohort cohort, int leads, int conversions, double rate, double lift, double share) {
        assertThat(cohort.leads()).as(cohort.key() + " leads").isEqualTo(leads);
        assertThat(cohort.conversions()).as(cohort.key() + " conversions").isEqualTo(conversions);
        assertThat(cohort.conversionRate()).as(cohort.key() + " rate").isCloseTo(rate, within(1e-12));
        assertThat(cohort.lift()).as(cohort.key() + " lift").isCloseTo(lift, within(1e-12));
        assertThat(cohort.shareOfConversions()).as(cohort.key() + " share").isCloseTo(share, within(1e-12));
    }
}

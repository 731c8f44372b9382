package io.github.leadrules;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The funnel both teams sign: a month of leads counted by outcome, exclusion reason, urgency and
 * route, and the same figures as text.
 */
class FunnelReportTest {

    /** Twelve leads: four real leads, five excluded (one for two reasons), two invalid, one rule error. */
    private static List<Qualification> month() {
        List<Lead> leads = Arrays.asList(
                Fixtures.manufacturerDemo("JP-M01"),                 // QUALIFIED IMMEDIATE  FIELD_SALES
                Fixtures.documentRequestAlone("JP-M02"),             // QUALIFIED MEDIUM     INSIDE_SALES
                Fixtures.documentRequestWithCaseStudy("EN-M03"),     // QUALIFIED HIGH       FIELD_SALES
                Fixtures.whitePaper("JP-M04"),                       // QUALIFIED LOW        NURTURE
                Fixtures.existingCustomer("JP-M05"),                 // EXC-EXISTING-CUSTOMER ACCOUNT_OWNER
                Fixtures.freeMailNoCompany("JP-M06"),                // EXC-FREEMAIL-NO-COMPANY NONE
                Fixtures.student("JP-M07"),                          // EXC-STUDENT          NONE
                Fixtures.competitor("JP-M08"),                       // EXC-COMPETITOR       NONE
                Fixtures.student("JP-M09").toBuilder().email("misaki.k2005@gmail.com").company(null).build(),
                Lead.builder("JP-M10").email("taro.yamada@").build(), // INVALID
                null);                                               // INVALID
        List<Qualification> qs = new ArrayList<>(Fixtures.qualifier().qualifyAll(leads));
        qs.add(new Qualification("JP-M12", Outcome.ERROR, List.of(), Urgency.UNKNOWN, Route.NONE,
                List.of(new Reason("RTE-HOST-CRM-LOOKUP", Stage.ROUTING, "Rule failed")), List.of(),
                Fixtures.qualifier().fingerprint()));
        return qs;
    }

    @Test
    void aCounterFedOneQualificationAtATimeGivesTheSameReportAsOf() {
        List<Qualification> month = month();
        FunnelReport.Counter counter = FunnelReport.counter();
        for (Qualification q : month) {
            counter.add(q);
        }

        assertThat(counter.total()).isEqualTo(12);
        assertThat(counter.build()).isEqualTo(FunnelReport.of(month));
        assertThat(FunnelReport.counter().build().total()).isZero();
    }

    @Test
    void countsLeadsByOutcome() {
        FunnelReport report = FunnelReport.of(month());
        assertThat(report.total()).isEqualTo(12);
        assertThat(report.qualified()).isEqualTo(4);
        assertThat(report.excluded()).isEqualTo(5);
        assertThat(report.invalid()).isEqualTo(2);
        assertThat(report.errors()).isEqualTo(1);
        assertThat(report.qualifiedShare()).isEqualTo(4.0 / 12);
    }

    @Test
    void countsExcludedLeadsUnderEachOfTheirReasons() {
        assertThat(FunnelReport.of(month()).excludedByReason()).containsExactly(
                entry("EXC-COMPETITOR", 1),
                entry("EXC-EXISTING-CUSTOMER", 1),
                entry("EXC-FREEMAIL-NO-COMPANY", 2),
                entry("EXC-STUDENT", 2));
    }

    @Test
    void countsQualifiedLeadsByUrgencyWithEveryLevelPresent() {
        assertThat(FunnelReport.of(month()).qualifiedByUrgency()).containsExactly(
                entry(UrgencyLevel.IMMEDIATE, 1),
                entry(UrgencyLevel.HIGH, 1),
                entry(UrgencyLevel.MEDIUM, 1),
                entry(UrgencyLevel.LOW, 1),
                entry(UrgencyLevel.UNKNOWN, 0));
    }

    @Test
    void countsQualifiedAndExcludedLeadsByRouteButNotInvalidOrFailedOnes() {
        assertThat(FunnelReport.of(month()).byRoute()).containsExactly(
                entry(Destination.FIELD_SALES, 2),
                entry(Destination.INSIDE_SALES, 1),
                entry(Destination.ACCOUNT_OWNER, 1),
                entry(Destination.NURTURE, 1),
                entry(Destination.NONE, 4));
    }

    @Test
    void theTextShowsEveryFigure() {
        String text = FunnelReport.of(month()).toText();
        assertThat(text)
                .containsPattern("Leads submitted\\s+12\\R")
                .containsPattern("invalid input\\s+2\\R")
                .containsPattern("rule errors\\s+1\\R")
                .containsPattern("excluded \\(not new sales leads\\)\\s+5\\R")
                .containsPattern("EXC-FREEMAIL-NO-COMPANY\\s+2\\R")
                .containsPattern("EXC-STUDENT\\s+2\\R")
                .containsPattern("Real leads \\(qualified\\)\\s+4\\s+\\(33")
                .containsPattern("urgency IMMEDIATE\\s+1\\R")
                .containsPattern("urgency UNKNOWN\\s+0\\R")
                .containsPattern("FIELD_SALES\\s+2\\R")
                .containsPattern("NONE\\s+4\\R");
    }

    @Test
    void anEmptyMonthIsAllZeros() {
        FunnelReport report = FunnelReport.of(List.of());
        assertThat(report.total()).isZero();
        assertThat(report.qualifiedShare()).isZero();
        assertThat(report.excludedByReason()).isEmpty();
        assertThat(report.qualifiedByUrgency().values()).containsOnly(0);
        assertThat(report.byRoute().values()).containsOnly(0);
        assertThat(report.toText()).containsPattern("Leads submitted\\s+0\\R");
    }

    @Test
    void theCountsCannotBeChangedAfterwards() {
        FunnelReport report = FunnelReport.of(month());
        Map<String, Integer> byReason = report.excludedByReason();
        assertThatThrownBy(() -> byReason.put("EXC-STUDENT", 0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> report.byRoute().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    /** A run of 1 200 decided leads and 300 invalid ones, one exclusion rule removing {@code noContact}. */
    private static FunnelReport run(int noContact) {
        return new FunnelReport(1_500, 300, 0, noContact + 40, 1_200 - noContact - 40,
                Map.of("EXC-NO-CONTACT", noContact, "EXC-STUDENT", 40), Map.of(), Map.of());
    }

    @Test
    void anExclusionRuleRemovingExactlyHalfOfTheDecidedLeadsIsNoWarning() {
        FunnelReport report = run(600);

        assertThat(report.decided()).isEqualTo(1_200);
        assertThat(report.dominantExclusions()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.toText()).doesNotContain("warning");
    }

    @Test
    void anExclusionRuleRemovingOneMoreThanHalfIsAWarning() {
        FunnelReport report = run(601);

        assertThat(report.dominantExclusions()).containsExactly(entry("EXC-NO-CONTACT", 601));
        assertThat(report.warnings()).containsExactly("EXC-NO-CONTACT excluded 601 of 1 200 leads decided (50.1 %):"
                + " check that the fields it reads are filled in (a column not mapped?)");
        assertThat(report.toText()).contains(System.lineSeparator() + "warning: EXC-NO-CONTACT excluded 601 of 1 200");
    }

    @Test
    void theShareIsOfTheDecidedLeadsNotOfInvalidOnes() {
        // 1 000 of 1 200 decided, but only 1 000 of 6 200 rows: the 5 000 INVALID rows do not dilute it.
        FunnelReport report = new FunnelReport(6_200, 5_000, 0, 1_000, 200,
                Map.of("EXC-NO-CONTACT", 1_000), Map.of(), Map.of());

        assertThat(report.warnings()).singleElement().asString()
                .startsWith("EXC-NO-CONTACT excluded 1 000 of 1 200 leads decided (83.3 %)");
    }

    @Test
    void aRunWithoutDecidedLeadsHasNoWarning() {
        assertThat(new FunnelReport(5, 5, 0, 0, 0, Map.of(), Map.of(), Map.of()).warnings()).isEmpty();
        assertThat(FunnelReport.of(month()).warnings()).isEmpty();
    }
}

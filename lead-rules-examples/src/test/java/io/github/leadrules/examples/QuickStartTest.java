package io.github.leadrules.examples;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick start is documentation that runs: these tests pin every decision it prints, so the
 * README excerpt cannot drift from what the rules decide without a failing build.
 */
class QuickStartTest {

    private static final Clock CLOCK = Clock.fixed(QuickStart.NOW, ZoneOffset.UTC);
    private static final Instant IN_1_HOUR = QuickStart.NOW.plus(Duration.ofHours(1));
    private static final Instant IN_4_HOURS = QuickStart.NOW.plus(Duration.ofHours(4));
    private static final Instant IN_24_HOURS = QuickStart.NOW.plus(Duration.ofHours(24));
    private static final Instant IN_72_HOURS = QuickStart.NOW.plus(Duration.ofHours(72));

    private static List<Lead> leads;
    private static List<Qualification> qualifications;
    private static final Map<String, Qualification> BY_ID = new LinkedHashMap<>();
    private static String fingerprint;
    private static String printed;

    @BeforeAll
    static void qualifyTheSampleLeadsAndRunTheQuickStart() {
        leads = QuickStart.sampleLeads();
        LeadQualifier qualifier = QuickStart.qualifier(CLOCK);
        qualifications = qualifier.qualifyAll(leads);
        qualifications.forEach(q -> BY_ID.put(q.leadId(), q));
        fingerprint = qualifier.fingerprint();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        QuickStart.run(CLOCK, out);
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ qualified leads

    @Test
    void aDepartmentHeadAtALargeManufacturerWantingADemoWithinAMonthGoesToEnterpriseFieldSalesWithinTheHour() {
        assertDecision("L-1001", Outcome.QUALIFIED, UrgencyLevel.IMMEDIATE, PurchaseTimeframe.WITHIN_1_MONTH,
                new Route(Destination.FIELD_SALES, "field-sales-jp-enterprise", null, null, IN_1_HOUR),
                "URG-DECISION-MAKER", "URG-SALES-REQUEST", "URG-TIMEFRAME-1-MONTH", "RTE-FIELD-SALES");
    }

    @Test
    void aDocumentRequestAloneIsCappedAtMediumAndGoesToInsideSalesJapan() {
        assertDecision("L-1002", Outcome.QUALIFIED, UrgencyLevel.MEDIUM, PurchaseTimeframe.UNKNOWN,
                new Route(Destination.INSIDE_SALES, "inside-sales-jp", null, null, IN_24_HOURS),
                "URG-DOCUMENT-REQUEST", "URG-DOCUMENT-REQUEST-CAP", "RTE-INSIDE-SALES-MEDIUM");
    }

    @Test
    void aStalledDealIsRecycledToInsideSalesEvenThoughItsNewInterestIsOnlyAWhitePaper() {
        assertDecision("L-1008", Outcome.QUALIFIED, UrgencyLevel.LOW, PurchaseTimeframe.UNKNOWN,
                new Route(Destination.INSIDE_SALES, "inside-sales-recycle", null, null, IN_24_HOURS),
                "URG-CONTENT-ONLY", "RTE-STALLED-DEAL-RECYCLE");
    }

    @Test
    void aWhitePaperDownloadAfterASameIndustryCaseStudyIsNurturedWithThatIndustrysCaseStudies() {
        assertDecision("L-1009", Outcome.QUALIFIED, UrgencyLevel.LOW, PurchaseTimeframe.UNKNOWN,
                new Route(Destination.NURTURE, "marketing-nurture", null, "case-study-manufacturing", IN_72_HOURS),
                "URG-CONTENT-ONLY", "URG-OWN-INDUSTRY-CASE-STUDY", "RTE-NURTURE-CASE-STUDY");
    }

    @Test
    void aSeminarAttendeeFromAnIndustryWithoutCaseStudiesGetsSeminarInvitations() {
        assertDecision("L-1012", Outcome.QUALIFIED, UrgencyLevel.LOW, PurchaseTimeframe.UNKNOWN,
                new Route(Destination.NURTURE, "marketing-nurture", null, "seminar-invitations", IN_72_HOURS),
                "URG-CONTENT-ONLY", "RTE-NURTURE-CONTENT");
    }

    @Test
    void anUrgentLeadFromAKnownProspectGoesToItsAccountOwnerWithinTheHour() {
        assertDecision("L-1013", Outcome.QUALIFIED, UrgencyLevel.IMMEDIATE, PurchaseTimeframe.WITHIN_3_MONTHS,
                new Route(Destination.ACCOUNT_OWNER, "account-management", "rep-117", null, IN_1_HOUR),
                "URG-BUDGET-SECURED", "URG-DECISION-MAKER", "URG-SALES-REQUEST", "URG-TIMEFRAME-3-MONTHS",
                "RTE-KNOWN-ACCOUNT-OWNER");
    }

    @Test
    void anUrgentDemoRequestFromASmallSingaporeCompanyIsQualifiedByGlobalInsideSalesFirst() {
        assertDecision("L-1014", Outcome.QUALIFIED, UrgencyLevel.HIGH, PurchaseTimeframe.UNKNOWN,
                new Route(Destination.INSIDE_SALES, "inside-sales-global", null, null, IN_24_HOURS),
                "URG-SALES-REQUEST", "RTE-INSIDE-SALES-WEAK-FIT");
    }

    @Test
    void aContactRequestAfterRepeatedPricingVisitsGoesToJapanFieldSalesWithinFourHours() {
        assertDecision("L-1015", Outcome.QUALIFIED, UrgencyLevel.HIGH, PurchaseTimeframe.UNKNOWN,
                new Route(Destination.FIELD_SALES, "field-sales-jp", null, null, IN_4_HOURS),
                "URG-PRICING-VISITS", "URG-SALES-REQUEST", "RTE-FIELD-SALES");
    }

    // ------------------------------------------------------------------ excluded leads

    @Test
    void aFreeMailSignUpWithNoCompanyIsExcludedAndRoutedNowhere() {
        assertDecision("L-1003", Outcome.EXCLUDED, UrgencyLevel.LOW, PurchaseTimeframe.UNKNOWN, Route.NONE,
                "EXC-FREEMAIL-NO-COMPANY", "URG-CONTENT-ONLY", "RTE-EXCLUDED-NOWHERE");
    }

    @Test
    void aCompetitorAskingForADemoIsExcludedWhateverItsUrgency() {
        assertDecision("L-1004", Outcome.EXCLUDED, UrgencyLevel.HIGH, PurchaseTimeframe.UNKNOWN, Route.NONE,
                "EXC-COMPETITOR", "URG-SALES-REQUEST", "RTE-EXCLUDED-NOWHERE");
    }

    @Test
    void aStudentIsExcluded() {
        assertDecision("L-1005", Outcome.EXCLUDED, UrgencyLevel.MEDIUM, PurchaseTimeframe.UNKNOWN, Route.NONE,
                "EXC-STUDENT", "URG-DOCUMENT-REQUEST", "URG-DOCUMENT-REQUEST-CAP", "RTE-EXCLUDED-NOWHERE");
    }

    @Test
    void aTestSubmissionIsExcluded() {
        assertDecision("L-1006", Outcome.EXCLUDED, UrgencyLevel.HIGH, PurchaseTimeframe.UNKNOWN, Route.NONE,
                "EXC-TEST-SUBMISSION", "URG-SALES-REQUEST", "RTE-EXCLUDED-NOWHERE");
    }

    @Test
    void anExistingCustomerIsNotANewLeadButGoesToItsAccountOwner() {
        assertDecision("L-1007", Outcome.EXCLUDED, UrgencyLevel.HIGH, PurchaseTimeframe.UNKNOWN,
                new Route(Destination.ACCOUNT_OWNER, "account-management", "rep-042", null, IN_24_HOURS),
                "EXC-EXISTING-CUSTOMER", "URG-SALES-REQUEST", "RTE-EXISTING-CUSTOMER-TO-OWNER");
    }

    @Test
    void aCompanyOutsideTheTargetCountriesIsExcluded() {
        assertDecision("L-1010", Outcome.EXCLUDED, UrgencyLevel.HIGH, PurchaseTimeframe.UNKNOWN, Route.NONE,
                "EXC-OUT-OF-TERRITORY", "URG-DECISION-MAKER", "URG-SALES-REQUEST", "RTE-EXCLUDED-NOWHERE");
        assertThat(BY_ID.get("L-1010").exclusions()).extracting(Reason::message)
                .containsExactly("Country DE is outside the target countries");
    }

    @Test
    void aCompanyBelowTheMinimumSizeIsExcluded() {
        assertDecision("L-1011", Outcome.EXCLUDED, UrgencyLevel.HIGH, PurchaseTimeframe.UNKNOWN, Route.NONE,
                "EXC-TOO-SMALL", "URG-DECISION-MAKER", "URG-SALES-REQUEST", "RTE-EXCLUDED-NOWHERE");
    }

    // ------------------------------------------------------------------ the whole batch

    @Test
    void everySampleLeadGetsExactlyOneQualificationInInputOrder() {
        assertThat(qualifications).extracting(Qualification::leadId)
                .containsExactlyElementsOf(leads.stream().map(Lead::id).toList());
        assertThat(qualifications).extracting(Qualification::outcome)
                .doesNotContain(Outcome.INVALID, Outcome.ERROR);
    }

    @Test
    void everyExclusionRuleTheSampleShowsExcludesExactlyOneLead() {
        assertThat(qualifications).filteredOn(q -> q.outcome() == Outcome.EXCLUDED)
                .allSatisfy(q -> assertThat(q.exclusions()).hasSize(1));
    }

    // ------------------------------------------------------------------ what it prints

    @Test
    void printsAHeaderWithTheFixedTimeAndTheRuleSetFingerprint() {
        assertThat(printed).startsWith("lead-rules quick start: 15 leads qualified at 2026-11-28T00:00:00Z\n"
                + "rule set " + fingerprint + " (");
    }

    @Test
    void printsEveryLeadWithItsCompanyOutcomeUrgencyRouteAndEveryReason() {
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            Qualification q = qualifications.get(i);
            String company = lead.company() == null ? "(no company)" : lead.company().name();
            assertThat(printed).contains(lead.id() + "  " + company + "\n  outcome  " + q.outcome() + "\n");
            for (Reason r : q.reasons()) {
                assertThat(printed).containsPattern("\n    " + r.ruleId() + " +\\Q" + r.message() + "\\E\n");
            }
        }
        assertThat(printed).contains("  urgency  IMMEDIATE, horizon WITHIN_1_MONTH (score 105)\n"
                + "  route    FIELD_SALES, team field-sales-jp-enterprise, SLA deadline 2026-11-28T01:00:00Z\n");
        assertThat(printed).contains("  route    ACCOUNT_OWNER, team account-management, owner rep-042, "
                + "SLA deadline 2026-11-29T00:00:00Z\n");
        assertThat(printed).contains("  route    NURTURE, team marketing-nurture, track case-study-manufacturing, "
                + "SLA deadline 2026-12-01T00:00:00Z\n");
        assertThat(printed).contains("L-1003  (no company)\n");
    }

    @Test
    void endsWithTheFunnelFigures() {
        String funnel = printed.substring(printed.indexOf("\nFunnel\n"));
        assertThat(funnel).containsPattern("Leads submitted +15\n");
        assertThat(funnel).containsPattern("excluded \\(not new sales leads\\) +7\n");
        assertThat(funnel).containsPattern("Real leads \\(qualified\\) +8 +\\(53\\.3%\\)\n");
        assertThat(funnel).containsPattern("urgency IMMEDIATE +2\n");
        assertThat(funnel).containsPattern("urgency MEDIUM +1\n");
        assertThat(funnel).containsPattern("FIELD_SALES +2\n");
        assertThat(funnel).containsPattern("NONE +6\n");
        for (String exclusion : List.of("EXC-COMPETITOR", "EXC-EXISTING-CUSTOMER", "EXC-FREEMAIL-NO-COMPANY",
                "EXC-OUT-OF-TERRITORY", "EXC-STUDENT", "EXC-TEST-SUBMISSION", "EXC-TOO-SMALL")) {
            assertThat(funnel).containsPattern("    " + exclusion + " +1\n");
        }
    }

    @Test
    void printsNoEmailAddress() {
        assertThat(leads).allSatisfy(lead -> assertThat(lead.email()).contains("@"));
        assertThat(printed).doesNotContain("@");
    }

    @Test
    void printsTheSameTextForTheSameLeadsRulesAndClock() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        QuickStart.print(leads, qualifications, out);
        assertThat(printed).endsWith(bytes.toString(StandardCharsets.UTF_8));
    }

    private static void assertDecision(String leadId, Outcome outcome, UrgencyLevel level, PurchaseTimeframe horizon,
                                       Route route, String... reasonIds) {
        Qualification q = BY_ID.get(leadId);
        assertThat(q).as(leadId).isNotNull();
        assertThat(q.outcome()).as(leadId + " outcome; reasons " + q.reasons()).isEqualTo(outcome);
        assertThat(q.urgency().level()).as(leadId + " urgency; reasons " + q.reasons()).isEqualTo(level);
        assertThat(q.urgency().horizon()).as(leadId + " horizon").isEqualTo(horizon);
        assertThat(q.route()).as(leadId + " route; reasons " + q.reasons()).isEqualTo(route);
        assertThat(q.reasonIds()).as(leadId + " reasons").containsExactly(reasonIds);
    }
}

package io.github.leadrules.examples.saas;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.test.RuleVerifier;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.leadrules.examples.saas.NextWorksFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline on NextWorks' sample leads (those {@link NextWorksHost} prints): outcome,
 * urgency, route, team, owner and reasons together. Owners that come from a rotation are asserted
 * in {@link NextWorksAssignmentTest}, on a rotation of its own.
 */
class NextWorksPipelineTest {

    private final RuleVerifier verifier = NextWorksFixtures.verifier();

    private static Lead sample(String id) {
        return NextWorksHost.sampleLeads().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample lead " + id));
    }

    @Test
    void anExpoBoothScanPlanningToBuyWithinThreeMonthsGoesToFieldSales() {
        verifier.pipeline().given(sample("NW-2601"))
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.HIGH)
                .withHorizon(PurchaseTimeframe.WITHIN_3_MONTHS)
                .routedTo(Destination.FIELD_SALES)
                .withTeam("field-sales-jp")
                .withSlaDeadline(NOW.plus(Duration.ofHours(4)))
                .withReasons("NW-URG-TRADE-SHOW", "URG-TIMEFRAME-3-MONTHS", "RTE-FIELD-SALES")
                .withExclusions();
        // Field sales dispatches from its queue: nobody is assigned.
        assertThat(verifier.pipeline().given(sample("NW-2601")).qualification().route().owner()).isNull();
    }

    @Test
    void aReferredCareHomeGroupAskingForContactIsHighButTooSmallForAVisitSoInsideSalesCallsWithinTwoHours() {
        verifier.pipeline().given(sample("NW-2602"))
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.HIGH)
                .routedTo(Destination.INSIDE_SALES)
                .withTeam("inside-sales-jp")
                .withSlaDeadline(NOW.plus(Duration.ofHours(2)))
                .withReasons("NW-URG-PARTNER-REFERRAL", "URG-SALES-REQUEST", "RTE-INSIDE-SALES-WEAK-FIT")
                .withReason("NW-URG-PARTNER-REFERRAL", "SR-0031");
    }

    @Test
    void aReferredDocumentRequestIsStillCappedAtMediumByThePackagedCap() {
        verifier.pipeline().given(sample("NW-2603"))
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.MEDIUM)
                .routedTo(Destination.INSIDE_SALES)
                .withTeam("inside-sales-jp")
                .withReasons("NW-URG-PARTNER-REFERRAL", "URG-DOCUMENT-REQUEST", "URG-DOCUMENT-REQUEST-CAP",
                        "RTE-INSIDE-SALES-MEDIUM");
    }

    @Test
    void aJapaneseCompanyWritingFromARussianDomainIsExcludedAndGoesNowhere() {
        verifier.pipeline().given(sample("NW-2604"))
                .yields(Outcome.EXCLUDED)
                .withExclusions("NW-EXC-SANCTIONED-COUNTRY")
                .withReason("NW-EXC-SANCTIONED-COUNTRY", "Sanctioned country (RU)")
                .routedTo(Destination.NONE)
                .withoutSlaDeadline()
                .withReasons("RTE-EXCLUDED-NOWHERE");
    }

    @Test
    void anExistingCustomerIsNotANewLeadButItsCustomerSuccessOwnerFollowsUp() {
        verifier.pipeline().given(sample("NW-2606"))
                .yields(Outcome.EXCLUDED)
                .withExclusions("EXC-EXISTING-CUSTOMER")
                .routedTo(Destination.ACCOUNT_OWNER)
                .withTeam("customer-success")
                .withOwner("rep-cs-007")
                .withReasons("RTE-EXISTING-CUSTOMER-TO-OWNER");
    }

    @Test
    void aCompetitorFromTheSoftwareIndustryIsExcludedTwice() {
        verifier.pipeline().given(sample("NW-2607"))
                .yields(Outcome.EXCLUDED)
                .withExclusions("EXC-COMPETITOR", "EXC-NON-TARGET-INDUSTRY")
                .routedTo(Destination.NONE);
    }

    @Test
    void aBankIsOutsideTheTargetIndustriesHoweverSeniorTheAsker() {
        verifier.pipeline().given(sample("NW-2608"))
                .yields(Outcome.EXCLUDED)
                .withExclusions("EXC-NON-TARGET-INDUSTRY")
                .withReason("EXC-NON-TARGET-INDUSTRY", "finance")
                .withReasons("URG-DECISION-MAKER")
                .routedTo(Destination.NONE);
    }

    @Test
    void theThaiPlantWithBudgetBuyingWithinAMonthIsImmediateForTheAseanFieldTeamWithinAnHour() {
        verifier.pipeline().given(sample("NW-2609"))
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.IMMEDIATE)
                .withHorizon(PurchaseTimeframe.WITHIN_1_MONTH)
                .routedTo(Destination.FIELD_SALES)
                .withTeam("field-sales-asean")
                .withSlaDeadline(NOW.plus(Duration.ofHours(1)))
                .withReasons("URG-SALES-REQUEST", "URG-TIMEFRAME-1-MONTH", "URG-BUDGET-SECURED",
                        "URG-DECISION-MAKER", "RTE-FIELD-SALES");
    }

    @Test
    void aVietnameseDemoRequestBelowFieldSalesSizeGoesToTheOnlyAseanInsideSalesRep() {
        verifier.pipeline().given(sample("NW-2610"))
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.HIGH)
                .routedTo(Destination.INSIDE_SALES)
                .withTeam("inside-sales-asean")
                .withOwner("rep-is-301")
                .withReasons("URG-SALES-REQUEST", "RTE-INSIDE-SALES-WEAK-FIT");
    }

    @Test
    void aWebinarAttendeeWhoReadARetailCaseStudyGetsTheJapaneseRetailCaseStudyTrack() {
        verifier.pipeline().given(sample("NW-2611"))
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.LOW)
                .routedTo(Destination.NURTURE)
                .withTeam("marketing-nurture")
                .withNurtureTrack("導入事例-小売")
                .withoutSlaDeadline()
                .withReasons("URG-CONTENT-ONLY", "URG-OWN-INDUSTRY-CASE-STUDY", "RTE-NURTURE-CASE-STUDY");
    }

    @Test
    void aStalledDealGoesToTheRecycleRepNotBackToTheFieldRepWhoOwnsTheAccount() {
        verifier.pipeline().given(sample("NW-2612"))
                .yields(Outcome.QUALIFIED)
                .routedTo(Destination.INSIDE_SALES)
                .withTeam("inside-sales-recycle")
                .withOwner("rep-is-201")
                .withReason("RTE-STALLED-DEAL-RECYCLE", "45 days")
                .withRulesFired("RTE-KNOWN-ACCOUNT-OWNER");   // proposed the account owner, and lost
    }
}

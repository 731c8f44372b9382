package io.github.leadrules.rules;

import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.test.RuleVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.leadrules.PackagedRules.RTE_FIELD_SALES;
import static io.github.leadrules.PackagedRules.RTE_INSIDE_SALES_MEDIUM;
import static io.github.leadrules.PackagedRules.URG_BUDGET_SECURED;
import static io.github.leadrules.PackagedRules.URG_COLD_ENGAGEMENT;
import static io.github.leadrules.PackagedRules.URG_CONTENT_ONLY;
import static io.github.leadrules.PackagedRules.URG_DECISION_MAKER;
import static io.github.leadrules.PackagedRules.URG_DOCUMENT_REQUEST;
import static io.github.leadrules.PackagedRules.URG_DOCUMENT_REQUEST_CAP;
import static io.github.leadrules.PackagedRules.URG_ENGAGEMENT_BURST;
import static io.github.leadrules.PackagedRules.URG_OWN_INDUSTRY_CASE_STUDY;
import static io.github.leadrules.PackagedRules.URG_PRICING_VISITS;
import static io.github.leadrules.PackagedRules.URG_SALES_REQUEST;
import static io.github.leadrules.PackagedRules.URG_TIMEFRAME_1_MONTH;
import static io.github.leadrules.PackagedRules.URG_TIMEFRAME_3_MONTHS;
import static io.github.leadrules.PackagedRules.URG_TIMEFRAME_6_MONTHS;
import static io.github.leadrules.PackagedRules.URG_TIMEFRAME_LATER;
import static io.github.leadrules.PackagedRules.URG_TIMEFRAME_UNDECIDED;
import static io.github.leadrules.rules.RuleFixtures.daysAgo;
import static io.github.leadrules.rules.RuleFixtures.englishProspect;
import static io.github.leadrules.rules.RuleFixtures.expect;
import static io.github.leadrules.rules.RuleFixtures.japaneseProspect;

/**
 * The packaged urgency rules (urgency.drl), one rule at a time: each test gives a lead that shows
 * the signal and, beside it, a near-identical lead that does not. The base leads (a 主任 at
 * 大和精機, an analyst at Northwind) ask for nothing in particular and show no signal at all.
 */
class UrgencyRulesTest {

    private final RuleVerifier verifier = RuleFixtures.batched();

    // ------------------------------------------------------------------ fixtures, by role

    static final Lead noSignal = japaneseProspect("noSignal").build();
    static final Lead englishNoSignal = englishProspect("englishNoSignal").build();

    static final Lead demoRequest = japaneseProspect("demoRequest").inquiryType(InquiryType.DEMO).build();
    static final Lead quoteRequest = englishProspect("quoteRequest").inquiryType(InquiryType.QUOTE).build();
    static final Lead contactSalesRequest = japaneseProspect("contactSalesRequest").inquiryType(InquiryType.CONTACT_SALES).build();
    static final Lead documentRequest = japaneseProspect("documentRequest").inquiryType(InquiryType.DOCUMENT_REQUEST).build();

    static final Lead withinOneMonth = timeframe("withinOneMonth", PurchaseTimeframe.WITHIN_1_MONTH);
    static final Lead withinThreeMonths = timeframe("withinThreeMonths", PurchaseTimeframe.WITHIN_3_MONTHS);
    static final Lead withinSixMonths = timeframe("withinSixMonths", PurchaseTimeframe.WITHIN_6_MONTHS);
    static final Lead laterThanSixMonths = timeframe("laterThanSixMonths", PurchaseTimeframe.LATER);
    static final Lead undecided = timeframe("undecided", PurchaseTimeframe.UNDECIDED);
    static final Lead timeframeNotStated = timeframe("timeframeNotStated", PurchaseTimeframe.UNKNOWN);

    static final Lead budgetSecured = japaneseProspect("budgetSecured").budgetStatus(BudgetStatus.SECURED).build();
    static final Lead budgetPlanned = japaneseProspect("budgetPlanned").budgetStatus(BudgetStatus.PLANNED).build();

    static final Lead departmentManager = japaneseProspect("departmentManager").jobTitle("情報システム部 部長").build();
    static final Lead headOfIt = englishProspect("headOfIt").jobTitle("Head of IT").build();
    static final Lead sectionChief = japaneseProspect("sectionChief").jobTitle("情報システム部 課長").build();

    static final Lead threePricingVisits = japaneseProspect("threePricingVisits")
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(2)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(5)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(12)))
            .build();
    static final Lead twoPricingVisits = japaneseProspect("twoPricingVisits")
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(2)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(5)))
            .build();
    static final Lead thirdPricingVisitTooOld = japaneseProspect("thirdPricingVisitTooOld")
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(2)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(5)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(31)))
            .build();

    static final Lead ownIndustryCaseStudy = japaneseProspect("ownIndustryCaseStudy")
            .engagement(EngagementEvent.caseStudyView(daysAgo(3), "Manufacturing", "東海精密工業様 導入事例"))
            .build();
    static final Lead otherIndustryCaseStudy = japaneseProspect("otherIndustryCaseStudy")
            .engagement(EngagementEvent.caseStudyView(daysAgo(3), "小売業", "ABCマート様 導入事例"))
            .build();
    static final Lead staleOwnIndustryCaseStudy = japaneseProspect("staleOwnIndustryCaseStudy")
            .engagement(EngagementEvent.caseStudyView(daysAgo(45), "製造業", "東海精密工業様 導入事例"))
            .build();

    static final Lead fiveEventsThisWeek = englishProspect("fiveEventsThisWeek")
            .engagement(events(5, 1))
            .build();
    static final Lead fourEventsThisWeek = englishProspect("fourEventsThisWeek")
            .engagement(events(4, 1))
            .build();

    static final Lead quietForFourMonths = japaneseProspect("quietForFourMonths")
            .submittedAt(daysAgo(120))
            .engagement(EngagementEvent.of(EngagementType.EMAIL_OPEN, daysAgo(100)))
            .build();
    static final Lead quietForTwoMonths = japaneseProspect("quietForTwoMonths")
            .submittedAt(daysAgo(120))
            .engagement(EngagementEvent.of(EngagementType.EMAIL_OPEN, daysAgo(60)))
            .build();

    static final Lead whitePaperDownload = japaneseProspect("whitePaperDownload").inquiryType(InquiryType.WHITE_PAPER).build();
    static final Lead seminarSignUp = englishProspect("seminarSignUp").inquiryType(InquiryType.SEMINAR).build();
    static final Lead whitePaperWithNearTermPlan = japaneseProspect("whitePaperWithNearTermPlan")
            .inquiryType(InquiryType.WHITE_PAPER).purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS).build();
    static final Lead whitePaperWithBudget = japaneseProspect("whitePaperWithBudget")
            .inquiryType(InquiryType.WHITE_PAPER).budgetStatus(BudgetStatus.SECURED).build();
    static final Lead whitePaperForLater = japaneseProspect("whitePaperForLater")
            .inquiryType(InquiryType.WHITE_PAPER).purchaseTimeframe(PurchaseTimeframe.LATER).build();

    static final Lead documentRequestAlone = japaneseProspect("documentRequestAlone")
            .inquiryType(InquiryType.DOCUMENT_REQUEST).build();
    static final Lead documentRequestWithBudget = japaneseProspect("documentRequestWithBudget")
            .inquiryType(InquiryType.DOCUMENT_REQUEST).budgetStatus(BudgetStatus.SECURED).build();
    static final Lead documentRequestWithinThreeMonths = japaneseProspect("documentRequestWithinThreeMonths")
            .inquiryType(InquiryType.DOCUMENT_REQUEST).purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS).build();
    static final Lead documentRequestWithinSixMonths = japaneseProspect("documentRequestWithinSixMonths")
            .inquiryType(InquiryType.DOCUMENT_REQUEST).purchaseTimeframe(PurchaseTimeframe.WITHIN_6_MONTHS).build();
    static final Lead documentRequestAfterPricingVisits = RuleFixtures.copyOf(threePricingVisits,
            "documentRequestAfterPricingVisits").inquiryType(InquiryType.DOCUMENT_REQUEST).build();
    static final Lead documentRequestAfterOwnIndustryCaseStudy = RuleFixtures.copyOf(ownIndustryCaseStudy,
            "documentRequestAfterOwnIndustryCaseStudy").inquiryType(InquiryType.DOCUMENT_REQUEST).build();

    private static Lead timeframe(String id, PurchaseTimeframe timeframe) {
        return japaneseProspect(id).purchaseTimeframe(timeframe).build();
    }

    /** Page visits and e-mail opens, one a day, starting {@code firstDaysAgo} days ago. */
    private static List<EngagementEvent> events(int count, int firstDaysAgo) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> EngagementEvent.of(i % 2 == 0 ? EngagementType.PAGE_VISIT : EngagementType.EMAIL_OPEN,
                        daysAgo(firstDaysAgo + i)))
                .toList();
    }

    private static Lead renamed(Lead lead, String id) {
        return RuleFixtures.copyOf(lead, id).build();
    }

    // ------------------------------------------------------------------ one rule at a time

    @Test
    void demoQuoteAndContactSalesRequestsRaiseUrgencyButADocumentRequestDoesNot() {
        verifier.rule(URG_SALES_REQUEST)
                .given(demoRequest, quoteRequest, contactSalesRequest, documentRequest, noSignal)
                .firesFor(demoRequest).withReason("Requested DEMO")
                .firesFor(quoteRequest).withReason("Requested QUOTE")
                .firesFor(contactSalesRequest).withReason("Requested CONTACT_SALES")
                .doesNotFireFor(documentRequest, noSignal);
    }

    @Test
    void purchaseWithinOneMonthRaisesUrgencySharplyButWithinThreeMonthsDoesNot() {
        verifier.rule(URG_TIMEFRAME_1_MONTH)
                .given(withinOneMonth, withinThreeMonths)
                .firesFor(withinOneMonth).withReason("within one month")
                .doesNotFireFor(withinThreeMonths);
    }

    @Test
    void purchaseWithinThreeMonthsRaisesUrgencyButWithinSixMonthsDoesNot() {
        verifier.rule(URG_TIMEFRAME_3_MONTHS)
                .given(withinThreeMonths, withinSixMonths, withinOneMonth)
                .firesFor(withinThreeMonths).withReason("within three months")
                .doesNotFireFor(withinSixMonths, withinOneMonth);
    }

    @Test
    void purchaseWithinSixMonthsRaisesUrgencyALittleButLaterDoesNot() {
        verifier.rule(URG_TIMEFRAME_6_MONTHS)
                .given(withinSixMonths, laterThanSixMonths)
                .firesFor(withinSixMonths).withReason("within six months")
                .doesNotFireFor(laterThanSixMonths);
    }

    @Test
    void purchaseLaterThanSixMonthsCapsUrgencyButUndecidedDoesNot() {
        verifier.rule(URG_TIMEFRAME_LATER)
                .given(laterThanSixMonths, undecided)
                .firesFor(laterThanSixMonths).withReason("later than six months")
                .doesNotFireFor(undecided);
    }

    @Test
    void undecidedTimeframeIsNotedButAnUnstatedOneIsNot() {
        verifier.rule(URG_TIMEFRAME_UNDECIDED)
                .given(undecided, timeframeNotStated)
                .firesFor(undecided).withReason("undecided")
                .doesNotFireFor(timeframeNotStated);
        verifier.pipeline().given(undecided)
                .withHorizon(PurchaseTimeframe.UNDECIDED)
                .withReasons("URG-TIMEFRAME-UNDECIDED");
        verifier.pipeline().given(timeframeNotStated)
                .withHorizon(PurchaseTimeframe.UNKNOWN)
                .withoutReasons("URG-TIMEFRAME-UNDECIDED");
    }

    @Test
    void securedBudgetRaisesUrgencyButAPlannedOneDoesNot() {
        verifier.rule(URG_BUDGET_SECURED)
                .given(budgetSecured, budgetPlanned, noSignal)
                .firesFor(budgetSecured).withReason("Budget is secured")
                .doesNotFireFor(budgetPlanned, noSignal);
    }

    @Test
    void decisionMakerRaisesUrgencyButASectionChiefOrAnalystDoesNot() {
        verifier.rule(URG_DECISION_MAKER)
                .given(departmentManager, headOfIt, sectionChief, englishNoSignal)
                .firesFor(departmentManager, headOfIt).withReason("decision maker")
                .doesNotFireFor(sectionChief, englishNoSignal);
    }

    @Test
    void threePricingVisitsWithinTheWindowRaiseUrgencyButTwoDoNot() {
        verifier.rule(URG_PRICING_VISITS)
                .given(threePricingVisits, twoPricingVisits, thirdPricingVisitTooOld)
                .firesFor(threePricingVisits).withReason("pricing page repeatedly")
                .doesNotFireFor(twoPricingVisits, thirdPricingVisitTooOld);
    }

    @Test
    void caseStudyFromTheLeadsOwnIndustryRaisesUrgencyButAnotherIndustrysDoesNot() {
        verifier.rule(URG_OWN_INDUSTRY_CASE_STUDY)
                .given(ownIndustryCaseStudy, otherIndustryCaseStudy, staleOwnIndustryCaseStudy)
                .firesFor(ownIndustryCaseStudy).withReason("own industry (manufacturing)")
                .doesNotFireFor(otherIndustryCaseStudy, staleOwnIndustryCaseStudy);
    }

    @Test
    void fiveEventsInAWeekAreABurstButFourAreNot() {
        verifier.rule(URG_ENGAGEMENT_BURST)
                .given(fiveEventsThisWeek, fourEventsThisWeek)
                .firesFor(fiveEventsThisWeek).withReason("last 7 days")
                .doesNotFireFor(fourEventsThisWeek);
    }

    @Test
    void leadQuietForOverNinetyDaysHasGoneColdButOneQuietForSixtyHasNot() {
        verifier.rule(URG_COLD_ENGAGEMENT)
                .given(quietForFourMonths, quietForTwoMonths, noSignal)
                .firesFor(quietForFourMonths).withReason("over 90 days")
                .doesNotFireFor(quietForTwoMonths, noSignal);
    }

    @Test
    void documentRequestCountsAsInterestButAWhitePaperDoesNot() {
        verifier.rule(URG_DOCUMENT_REQUEST)
                .given(documentRequest, whitePaperDownload)
                .firesFor(documentRequest).withReason("Requested documents")
                .doesNotFireFor(whitePaperDownload);
    }

    @Test
    void documentRequestAloneIsCappedButNotWithBudgetTimingPricingOrCaseStudySignals() {
        verifier.rule(URG_DOCUMENT_REQUEST_CAP)
                .given(documentRequestAlone, documentRequestWithinSixMonths, documentRequestWithBudget,
                        documentRequestWithinThreeMonths, documentRequestAfterPricingVisits,
                        documentRequestAfterOwnIndustryCaseStudy, demoRequest)
                .firesFor(documentRequestAlone, documentRequestWithinSixMonths).withReason("interest, not intent")
                .doesNotFireFor(documentRequestWithBudget, documentRequestWithinThreeMonths,
                        documentRequestAfterPricingVisits, documentRequestAfterOwnIndustryCaseStudy, demoRequest);
    }

    @Test
    void contentOnlyInterestIsKeptLowButNotWithANearTermPlanOrBudget() {
        verifier.rule(URG_CONTENT_ONLY)
                .given(whitePaperDownload, seminarSignUp, whitePaperForLater, whitePaperWithNearTermPlan,
                        whitePaperWithBudget, documentRequest)
                .firesFor(whitePaperDownload).withReason("Content interest only (WHITE_PAPER)")
                .firesFor(seminarSignUp).withReason("Content interest only (SEMINAR)")
                .firesFor(whitePaperForLater)
                .doesNotFireFor(whitePaperWithNearTermPlan, whitePaperWithBudget, documentRequest);
    }

    // ------------------------------------------------------------------ what the signals add up to

    @Test
    void decisionMakerDemandingADemoWithinAMonthIsImmediateForFieldSales() {
        Lead lead = japaneseProspect("immediateDemo").jobTitle("製造本部 本部長").inquiryType(InquiryType.DEMO)
                .purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH).build();

        verifier.pipeline().given(lead)
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.IMMEDIATE)
                .withHorizon(PurchaseTimeframe.WITHIN_1_MONTH)
                .routedTo(Destination.FIELD_SALES)
                .withTeam("field-sales")
                .withSlaDeadline(RuleFixtures.NOW.plusSeconds(3600))
                .withReasons(URG_SALES_REQUEST, URG_TIMEFRAME_1_MONTH, URG_DECISION_MAKER, RTE_FIELD_SALES);
    }

    @Test
    void laterPurchaseCapsEvenABudgetedDemoRequestAtMedium() {
        // 50 + 20 + 5 points would be HIGH; buying later than six months keeps it MEDIUM.
        Lead lead = japaneseProspect("budgetedDemoForNextYear").inquiryType(InquiryType.DEMO)
                .budgetStatus(BudgetStatus.SECURED).purchaseTimeframe(PurchaseTimeframe.LATER).build();

        verifier.pipeline().given(lead)
                .withUrgency(UrgencyLevel.MEDIUM)
                .withHorizon(PurchaseTimeframe.LATER)
                .routedTo(Destination.INSIDE_SALES)
                .withReasons(URG_SALES_REQUEST, URG_BUDGET_SECURED, URG_TIMEFRAME_LATER, RTE_INSIDE_SALES_MEDIUM);
    }

    @Test
    void documentRequestFromABusyDecisionMakerStaysMediumButWithBudgetItIsHigh() {
        // 25 + 15 + 10 points reach HIGH, but a document request alone is interest, not intent.
        Lead alone = departmentManager.toBuilder().inquiryType(InquiryType.DOCUMENT_REQUEST)
                .engagement(events(5, 1)).build();
        Lead withBudget = alone.toBuilder().budgetStatus(BudgetStatus.SECURED).build();

        verifier.pipeline().given(renamed(alone, "busyManagerDocumentRequest"))
                .withUrgency(UrgencyLevel.MEDIUM)
                .withReasons(URG_DOCUMENT_REQUEST, URG_DECISION_MAKER, URG_ENGAGEMENT_BURST, URG_DOCUMENT_REQUEST_CAP)
                .routedTo(Destination.INSIDE_SALES);
        verifier.pipeline().given(renamed(withBudget, "busyManagerDocumentRequestWithBudget"))
                .withUrgency(UrgencyLevel.HIGH)
                .withoutReasons(URG_DOCUMENT_REQUEST_CAP)
                .routedTo(Destination.FIELD_SALES);
    }

    @Test
    void contentOnlyInterestStaysLowEvenFromABusyDecisionMaker() {
        Lead lead = departmentManager.toBuilder().inquiryType(InquiryType.SEMINAR).engagement(events(5, 1)).build();

        verifier.pipeline().given(renamed(lead, "busyManagerAtASeminar"))
                .withUrgency(UrgencyLevel.LOW)
                .withReasons(URG_CONTENT_ONLY, URG_DECISION_MAKER, URG_ENGAGEMENT_BURST)
                .routedTo(Destination.NURTURE)
                .withNurtureTrack("case-study-manufacturing");
    }

    @Test
    void demoRequestThatWentColdDropsFromHighToMedium() {
        Lead fresh = japaneseProspect("freshDemoRequest").inquiryType(InquiryType.DEMO).build();
        Lead cold = japaneseProspect("coldDemoRequest").inquiryType(InquiryType.DEMO).submittedAt(daysAgo(100)).build();

        verifier.pipeline().given(fresh).withUrgency(UrgencyLevel.HIGH).routedTo(Destination.FIELD_SALES);
        verifier.pipeline().given(cold).withUrgency(UrgencyLevel.MEDIUM).withReasons(URG_COLD_ENGAGEMENT)
                .routedTo(Destination.INSIDE_SALES);
    }

    @Test
    void leadWithNoSignalHasUnknownUrgencyNotLow() {
        verifier.pipeline().given(noSignal)
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.UNKNOWN)
                .withHorizon(PurchaseTimeframe.UNKNOWN);
    }

    /**
     * Every urgency rule, over 60 varied leads, in one shared session and again one lead per
     * session, twice each: past the 20 evaluations after which Drools JIT-compiles a constraint.
     */
    @Test
    @DisplayName("every urgency rule decides the same for 60 leads in one batch and one lead per session, past the JIT threshold")
    void everyUrgencyRuleDecidesTheSameInOneBatchAndOneLeadPerSession() {
        List<RuleFixtures.Expectation> table = RuleFixtures.varied(List.of(
                expect(noSignal),
                expect(englishNoSignal),
                expect(demoRequest, URG_SALES_REQUEST),
                expect(quoteRequest, URG_SALES_REQUEST),
                expect(contactSalesRequest, URG_SALES_REQUEST),
                expect(documentRequest, URG_DOCUMENT_REQUEST, URG_DOCUMENT_REQUEST_CAP),
                expect(documentRequestAlone, URG_DOCUMENT_REQUEST, URG_DOCUMENT_REQUEST_CAP),
                expect(withinOneMonth, URG_TIMEFRAME_1_MONTH),
                expect(withinThreeMonths, URG_TIMEFRAME_3_MONTHS),
                expect(withinSixMonths, URG_TIMEFRAME_6_MONTHS),
                expect(laterThanSixMonths, URG_TIMEFRAME_LATER),
                expect(undecided, URG_TIMEFRAME_UNDECIDED),
                expect(timeframeNotStated),
                expect(budgetSecured, URG_BUDGET_SECURED),
                expect(budgetPlanned),
                expect(departmentManager, URG_DECISION_MAKER),
                expect(headOfIt, URG_DECISION_MAKER),
                expect(sectionChief),
                expect(threePricingVisits, URG_PRICING_VISITS),
                expect(twoPricingVisits),
                expect(thirdPricingVisitTooOld),
                expect(ownIndustryCaseStudy, URG_OWN_INDUSTRY_CASE_STUDY),
                expect(otherIndustryCaseStudy),
                expect(staleOwnIndustryCaseStudy),
                expect(fiveEventsThisWeek, URG_ENGAGEMENT_BURST),
                expect(fourEventsThisWeek),
                expect(quietForFourMonths, URG_COLD_ENGAGEMENT),
                expect(quietForTwoMonths),
                expect(whitePaperDownload, URG_CONTENT_ONLY),
                expect(seminarSignUp, URG_CONTENT_ONLY),
                expect(whitePaperWithNearTermPlan, URG_TIMEFRAME_3_MONTHS),
                expect(whitePaperWithBudget, URG_BUDGET_SECURED),
                expect(whitePaperForLater, URG_CONTENT_ONLY, URG_TIMEFRAME_LATER),
                expect(documentRequestWithBudget, URG_DOCUMENT_REQUEST, URG_BUDGET_SECURED),
                expect(documentRequestWithinThreeMonths, URG_DOCUMENT_REQUEST, URG_TIMEFRAME_3_MONTHS),
                expect(documentRequestWithinSixMonths, URG_DOCUMENT_REQUEST, URG_DOCUMENT_REQUEST_CAP,
                        URG_TIMEFRAME_6_MONTHS),
                expect(documentRequestAfterPricingVisits, URG_DOCUMENT_REQUEST, URG_PRICING_VISITS),
                expect(documentRequestAfterOwnIndustryCaseStudy, URG_DOCUMENT_REQUEST, URG_OWN_INDUSTRY_CASE_STUDY)),
                60);

        BatchCheck.assertEveryRuleOfStage(Stage.URGENCY, table);
    }
}

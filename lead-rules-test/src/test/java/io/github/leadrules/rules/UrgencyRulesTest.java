package io.github.leadrules.rules;

import io.github.leadrules.LeadQualifier;
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
import static org.assertj.core.api.Assertions.assertThat;

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
    static final Lead fourPricingVisits = japaneseProspect("fourPricingVisits")
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(2)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(5)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(12)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(20)))
            .build();
    /** Three visits, the oldest 29 and exactly 30 days ago (the engagement window is 30 days). */
    static final Lead thirdPricingVisit29DaysAgo = japaneseProspect("thirdPricingVisit29DaysAgo")
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(2)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(5)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(29)))
            .build();
    static final Lead thirdPricingVisit30DaysAgo = japaneseProspect("thirdPricingVisit30DaysAgo")
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(2)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(5)))
            .engagement(EngagementEvent.pricingPageVisit(daysAgo(30)))
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
    static final Lead ownIndustryCaseStudy29DaysAgo = caseStudyDaysAgo("ownIndustryCaseStudy29DaysAgo", 29);
    static final Lead ownIndustryCaseStudy30DaysAgo = caseStudyDaysAgo("ownIndustryCaseStudy30DaysAgo", 30);
    static final Lead ownIndustryCaseStudy31DaysAgo = caseStudyDaysAgo("ownIndustryCaseStudy31DaysAgo", 31);

    static final Lead fiveEventsThisWeek = englishProspect("fiveEventsThisWeek")
            .engagement(events(5, 1))
            .build();
    static final Lead fourEventsThisWeek = englishProspect("fourEventsThisWeek")
            .engagement(events(4, 1))
            .build();
    static final Lead sixEventsThisWeek = englishProspect("sixEventsThisWeek")
            .engagement(events(6, 1))
            .build();
    /** Five events, one a day, the oldest 6, 7 or 8 days ago (the burst window is 7 days). */
    static final Lead fiveEventsOldestSixDaysAgo = englishProspect("fiveEventsOldestSixDaysAgo")
            .engagement(events(5, 2))
            .build();
    static final Lead fiveEventsOldestSevenDaysAgo = englishProspect("fiveEventsOldestSevenDaysAgo")
            .engagement(events(5, 3))
            .build();
    static final Lead fiveEventsOldestEightDaysAgo = englishProspect("fiveEventsOldestEightDaysAgo")
            .engagement(events(5, 4))
            .build();

    static final Lead quietForFourMonths = japaneseProspect("quietForFourMonths")
            .submittedAt(daysAgo(120))
            .engagement(EngagementEvent.of(EngagementType.EMAIL_OPEN, daysAgo(100)))
            .build();
    static final Lead quietForTwoMonths = japaneseProspect("quietForTwoMonths")
            .submittedAt(daysAgo(120))
            .engagement(EngagementEvent.of(EngagementType.EMAIL_OPEN, daysAgo(60)))
            .build();
    /** Submitted 120 days ago, last opened an e-mail 89, 90 or 91 days ago (cold after 90 days). */
    static final Lead lastEngaged89DaysAgo = lastEngagedDaysAgo("lastEngaged89DaysAgo", 89);
    static final Lead lastEngaged90DaysAgo = lastEngagedDaysAgo("lastEngaged90DaysAgo", 90);
    static final Lead lastEngaged91DaysAgo = lastEngagedDaysAgo("lastEngaged91DaysAgo", 91);
    /** No engagement at all, submitted 89, 90 or 91 days ago. */
    static final Lead submitted89DaysAgo = japaneseProspect("submitted89DaysAgo").submittedAt(daysAgo(89)).build();
    static final Lead submitted90DaysAgo = japaneseProspect("submitted90DaysAgo").submittedAt(daysAgo(90)).build();
    static final Lead submitted91DaysAgo = japaneseProspect("submitted91DaysAgo").submittedAt(daysAgo(91)).build();

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
    static final Lead documentRequestAfterTwoPricingVisits = RuleFixtures.copyOf(twoPricingVisits,
            "documentRequestAfterTwoPricingVisits").inquiryType(InquiryType.DOCUMENT_REQUEST).build();
    static final Lead documentRequestAfterCaseStudy30DaysAgo = RuleFixtures.copyOf(ownIndustryCaseStudy30DaysAgo,
            "documentRequestAfterCaseStudy30DaysAgo").inquiryType(InquiryType.DOCUMENT_REQUEST).build();
    static final Lead documentRequestAfterCaseStudy31DaysAgo = RuleFixtures.copyOf(ownIndustryCaseStudy31DaysAgo,
            "documentRequestAfterCaseStudy31DaysAgo").inquiryType(InquiryType.DOCUMENT_REQUEST).build();

    private static Lead timeframe(String id, PurchaseTimeframe timeframe) {
        return japaneseProspect(id).purchaseTimeframe(timeframe).build();
    }

    /** 大和精機 (a manufacturer) read a manufacturing customer's case study this many days ago. */
    private static Lead caseStudyDaysAgo(String id, int days) {
        return japaneseProspect(id)
                .engagement(EngagementEvent.caseStudyView(daysAgo(days), "製造業", "東海精密工業様 導入事例"))
                .build();
    }

    private static Lead lastEngagedDaysAgo(String id, int days) {
        return japaneseProspect(id).submittedAt(daysAgo(120))
                .engagement(EngagementEvent.of(EngagementType.EMAIL_OPEN, daysAgo(days)))
                .build();
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

    // ------------------------------------------------------------------ at the limits

    @Test
    void pricingVisitsRaiseUrgencyFromTheThirdVisitOn() {
        verifier.rule(URG_PRICING_VISITS)
                .given(twoPricingVisits, threePricingVisits, fourPricingVisits)
                .firesFor(threePricingVisits, fourPricingVisits)
                .doesNotFireFor(twoPricingVisits);
    }

    @Test
    void aPricingVisitExactlyThirtyDaysAgoStillCountsButOneThirtyOneDaysAgoDoesNot() {
        verifier.rule(URG_PRICING_VISITS)
                .given(thirdPricingVisit29DaysAgo, thirdPricingVisit30DaysAgo, thirdPricingVisitTooOld)
                .firesFor(thirdPricingVisit29DaysAgo, thirdPricingVisit30DaysAgo)
                .doesNotFireFor(thirdPricingVisitTooOld);
    }

    @Test
    void aCaseStudyReadExactlyThirtyDaysAgoStillCountsButOneReadThirtyOneDaysAgoDoesNot() {
        verifier.rule(URG_OWN_INDUSTRY_CASE_STUDY)
                .given(ownIndustryCaseStudy29DaysAgo, ownIndustryCaseStudy30DaysAgo, ownIndustryCaseStudy31DaysAgo)
                .firesFor(ownIndustryCaseStudy29DaysAgo, ownIndustryCaseStudy30DaysAgo)
                .doesNotFireFor(ownIndustryCaseStudy31DaysAgo);
    }

    @Test
    void aBurstStartsAtFiveEventsInTheWeek() {
        verifier.rule(URG_ENGAGEMENT_BURST)
                .given(fourEventsThisWeek, fiveEventsThisWeek, sixEventsThisWeek)
                .firesFor(fiveEventsThisWeek, sixEventsThisWeek)
                .doesNotFireFor(fourEventsThisWeek);
    }

    @Test
    void anEventExactlySevenDaysAgoStillBelongsToTheBurstButOneEightDaysAgoDoesNot() {
        verifier.rule(URG_ENGAGEMENT_BURST)
                .given(fiveEventsOldestSixDaysAgo, fiveEventsOldestSevenDaysAgo, fiveEventsOldestEightDaysAgo)
                .firesFor(fiveEventsOldestSixDaysAgo, fiveEventsOldestSevenDaysAgo)
                .doesNotFireFor(fiveEventsOldestEightDaysAgo);
    }

    @Test
    void engagementGoesColdOnlyAfterMoreThanNinetyQuietDays() {
        verifier.rule(URG_COLD_ENGAGEMENT)
                .given(lastEngaged89DaysAgo, lastEngaged90DaysAgo, lastEngaged91DaysAgo,
                        submitted89DaysAgo, submitted90DaysAgo, submitted91DaysAgo)
                .firesFor(lastEngaged91DaysAgo, submitted91DaysAgo).withReason("over 90 days")
                .doesNotFireFor(lastEngaged89DaysAgo, lastEngaged90DaysAgo, submitted89DaysAgo, submitted90DaysAgo);
    }

    @Test
    void theDocumentRequestCapStopsExactlyWhereThePricingAndCaseStudySignalsStart() {
        verifier.rule(URG_DOCUMENT_REQUEST_CAP)
                .given(documentRequestAfterTwoPricingVisits, documentRequestAfterPricingVisits,
                        documentRequestAfterCaseStudy30DaysAgo, documentRequestAfterCaseStudy31DaysAgo)
                .firesFor(documentRequestAfterTwoPricingVisits, documentRequestAfterCaseStudy31DaysAgo)
                .doesNotFireFor(documentRequestAfterPricingVisits, documentRequestAfterCaseStudy30DaysAgo);
    }

    // ------------------------------------------------------------------ exact points

    /**
     * Each urgency rule alone, on a lead with no other signal: the score is exactly the rule's
     * points, and the level follows from the policy's thresholds (MEDIUM from 25, HIGH from 50,
     * IMMEDIATE from 80) and the rule's cap.
     */
    @Test
    void eachUrgencyRuleAloneScoresExactlyItsPoints() {
        record Alone(Lead lead, String rule, int score, UrgencyLevel level) {
        }
        List<Alone> table = List.of(
                new Alone(demoRequest, URG_SALES_REQUEST, 50, UrgencyLevel.HIGH),
                new Alone(quoteRequest, URG_SALES_REQUEST, 50, UrgencyLevel.HIGH),
                new Alone(contactSalesRequest, URG_SALES_REQUEST, 50, UrgencyLevel.HIGH),
                new Alone(withinOneMonth, URG_TIMEFRAME_1_MONTH, 40, UrgencyLevel.MEDIUM),
                new Alone(withinThreeMonths, URG_TIMEFRAME_3_MONTHS, 25, UrgencyLevel.MEDIUM),
                new Alone(withinSixMonths, URG_TIMEFRAME_6_MONTHS, 10, UrgencyLevel.LOW),
                new Alone(laterThanSixMonths, URG_TIMEFRAME_LATER, 5, UrgencyLevel.LOW),
                new Alone(undecided, URG_TIMEFRAME_UNDECIDED, 5, UrgencyLevel.LOW),
                new Alone(budgetSecured, URG_BUDGET_SECURED, 20, UrgencyLevel.LOW),
                new Alone(departmentManager, URG_DECISION_MAKER, 15, UrgencyLevel.LOW),
                new Alone(headOfIt, URG_DECISION_MAKER, 15, UrgencyLevel.LOW),
                new Alone(threePricingVisits, URG_PRICING_VISITS, 20, UrgencyLevel.LOW),
                new Alone(ownIndustryCaseStudy, URG_OWN_INDUSTRY_CASE_STUDY, 15, UrgencyLevel.LOW),
                new Alone(fiveEventsThisWeek, URG_ENGAGEMENT_BURST, 10, UrgencyLevel.LOW),
                new Alone(quietForFourMonths, URG_COLD_ENGAGEMENT, -20, UrgencyLevel.LOW),
                new Alone(whitePaperDownload, URG_CONTENT_ONLY, 5, UrgencyLevel.LOW));
        for (Alone a : table) {
            verifier.pipeline().given(a.lead())
                    .withScore(a.score())
                    .withUrgency(a.level())
                    .withReasons(a.rule());
            assertThat(verifier.pipeline().given(a.lead()).qualification().urgency().signals())
                    .as("the urgency signals of %s", a.lead().id()).containsExactly(a.rule());
        }
    }

    @Test
    void aDocumentRequestScoresTwentyFiveAndItsCapAddsNoPoints() {
        verifier.pipeline().given(documentRequestAlone)
                .withScore(25)
                .withUrgency(UrgencyLevel.MEDIUM)
                .withReasons(URG_DOCUMENT_REQUEST, URG_DOCUMENT_REQUEST_CAP);
        // 25 + 20 = 45: still MEDIUM, and the cap no longer applies.
        verifier.pipeline().given(documentRequestWithBudget)
                .withScore(45)
                .withUrgency(UrgencyLevel.MEDIUM)
                .withoutReasons(URG_DOCUMENT_REQUEST_CAP);
    }

    /**
     * The level thresholds at their limits. No packaged rule scores other than a multiple of five,
     * so a host signal worth exactly the points a lead carries in its {@code points} attribute
     * puts leads at 24, 25, 26, 49, 50, 51, 79, 80 and 81.
     */
    @Test
    void urgencyLevelsStartExactlyAtTwentyFiveFiftyAndEighty() {
        RuleVerifier withPoints = RuleVerifier.of(LeadQualifier.builder().policy(RuleFixtures.POLICY)
                .accounts(RuleFixtures.ACCOUNTS).clock(RuleFixtures.CLOCK)
                .addRulesText("rules/acme-calibration.drl", """
                        package com.acme.leads;

                        import io.github.leadrules.rules.LeadContext;

                        // A calibrated signal: the points marketing assigned the lead upstream.
                        rule "Add the points marketing assigned"
                            @id("ACME-ASSIGNED-POINTS")
                            ruleflow-group "urgency"
                        when
                            $lead : LeadContext( attribute("points") != null )
                        then
                            $lead.addUrgency(Integer.parseInt($lead.attribute("points")), "Points assigned by marketing");
                        end
                        """)
                .build());
        int[][] scoreAndLevel = {
                {24, UrgencyLevel.LOW.ordinal()}, {25, UrgencyLevel.MEDIUM.ordinal()}, {26, UrgencyLevel.MEDIUM.ordinal()},
                {49, UrgencyLevel.MEDIUM.ordinal()}, {50, UrgencyLevel.HIGH.ordinal()}, {51, UrgencyLevel.HIGH.ordinal()},
                {79, UrgencyLevel.HIGH.ordinal()}, {80, UrgencyLevel.IMMEDIATE.ordinal()}, {81, UrgencyLevel.IMMEDIATE.ordinal()}};
        for (int[] row : scoreAndLevel) {
            Lead lead = japaneseProspect("assigned" + row[0]).attribute("points", Integer.toString(row[0])).build();
            withPoints.pipeline().given(lead)
                    .withScore(row[0])
                    .withUrgency(UrgencyLevel.values()[row[1]])
                    .withReasons("ACME-ASSIGNED-POINTS");
        }
    }

    // ------------------------------------------------------------------ what the signals add up to

    @Test
    void decisionMakerDemandingADemoWithinAMonthIsImmediateForFieldSales() {
        Lead lead = japaneseProspect("immediateDemo").jobTitle("製造本部 本部長").inquiryType(InquiryType.DEMO)
                .purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH).build();

        verifier.pipeline().given(lead)
                .yields(Outcome.QUALIFIED)
                .withScore(105)
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
                .withScore(75)
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
                .withScore(50)
                .withUrgency(UrgencyLevel.MEDIUM)
                .withReasons(URG_DOCUMENT_REQUEST, URG_DECISION_MAKER, URG_ENGAGEMENT_BURST, URG_DOCUMENT_REQUEST_CAP)
                .routedTo(Destination.INSIDE_SALES);
        verifier.pipeline().given(renamed(withBudget, "busyManagerDocumentRequestWithBudget"))
                .withScore(70)
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

        verifier.pipeline().given(fresh).withScore(50).withUrgency(UrgencyLevel.HIGH).routedTo(Destination.FIELD_SALES);
        verifier.pipeline().given(cold).withScore(30).withUrgency(UrgencyLevel.MEDIUM).withReasons(URG_COLD_ENGAGEMENT)
                .routedTo(Destination.INSIDE_SALES);
    }

    @Test
    void leadWithNoSignalHasUnknownUrgencyNotLow() {
        verifier.pipeline().given(noSignal)
                .yields(Outcome.QUALIFIED)
                .withScore(0)
                .withUrgency(UrgencyLevel.UNKNOWN)
                .withHorizon(PurchaseTimeframe.UNKNOWN);
    }

    /**
     * Every urgency rule, over 60 varied leads, in one shared session and again one lead per
     * session, twice each: past the 20 evaluations after which Drools JIT-compiles a constraint.
     */
    @Test
    @DisplayName("every urgency rule decides the same for 60 and more leads in one batch and one lead per session, past the JIT threshold")
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
                expect(fourPricingVisits, URG_PRICING_VISITS),
                expect(thirdPricingVisit29DaysAgo, URG_PRICING_VISITS),
                expect(thirdPricingVisit30DaysAgo, URG_PRICING_VISITS),
                expect(ownIndustryCaseStudy, URG_OWN_INDUSTRY_CASE_STUDY),
                expect(otherIndustryCaseStudy),
                expect(staleOwnIndustryCaseStudy),
                expect(ownIndustryCaseStudy29DaysAgo, URG_OWN_INDUSTRY_CASE_STUDY),
                expect(ownIndustryCaseStudy30DaysAgo, URG_OWN_INDUSTRY_CASE_STUDY),
                expect(ownIndustryCaseStudy31DaysAgo),
                expect(fiveEventsThisWeek, URG_ENGAGEMENT_BURST),
                expect(fourEventsThisWeek),
                expect(sixEventsThisWeek, URG_ENGAGEMENT_BURST),
                expect(fiveEventsOldestSixDaysAgo, URG_ENGAGEMENT_BURST),
                expect(fiveEventsOldestSevenDaysAgo, URG_ENGAGEMENT_BURST),
                expect(fiveEventsOldestEightDaysAgo),
                expect(quietForFourMonths, URG_COLD_ENGAGEMENT),
                expect(quietForTwoMonths),
                expect(lastEngaged89DaysAgo),
                expect(lastEngaged90DaysAgo),
                expect(lastEngaged91DaysAgo, URG_COLD_ENGAGEMENT),
                expect(submitted89DaysAgo),
                expect(submitted90DaysAgo),
                expect(submitted91DaysAgo, URG_COLD_ENGAGEMENT),
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
                expect(documentRequestAfterOwnIndustryCaseStudy, URG_DOCUMENT_REQUEST, URG_OWN_INDUSTRY_CASE_STUDY),
                expect(documentRequestAfterTwoPricingVisits, URG_DOCUMENT_REQUEST, URG_DOCUMENT_REQUEST_CAP),
                expect(documentRequestAfterCaseStudy30DaysAgo, URG_DOCUMENT_REQUEST, URG_OWN_INDUSTRY_CASE_STUDY),
                expect(documentRequestAfterCaseStudy31DaysAgo, URG_DOCUMENT_REQUEST, URG_DOCUMENT_REQUEST_CAP)),
                60);

        BatchCheck.assertEveryRuleOfStage(Stage.URGENCY, table);
    }
}

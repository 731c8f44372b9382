package io.github.leadrules.rules;

import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.SalesStatus;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.test.RuleVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.github.leadrules.PackagedRules.EXC_COMPETITOR;
import static io.github.leadrules.PackagedRules.EXC_EXISTING_CUSTOMER;
import static io.github.leadrules.PackagedRules.EXC_NO_CONSENT;
import static io.github.leadrules.PackagedRules.RTE_EXCLUDED_NOWHERE;
import static io.github.leadrules.PackagedRules.RTE_EXISTING_CUSTOMER_TO_OWNER;
import static io.github.leadrules.PackagedRules.RTE_FIELD_SALES;
import static io.github.leadrules.PackagedRules.RTE_INSIDE_SALES_MEDIUM;
import static io.github.leadrules.PackagedRules.RTE_INSIDE_SALES_UNKNOWN_TIMING;
import static io.github.leadrules.PackagedRules.RTE_INSIDE_SALES_WEAK_FIT;
import static io.github.leadrules.PackagedRules.RTE_KNOWN_ACCOUNT_OWNER;
import static io.github.leadrules.PackagedRules.RTE_NURTURE_CASE_STUDY;
import static io.github.leadrules.PackagedRules.RTE_NURTURE_CONTENT;
import static io.github.leadrules.PackagedRules.RTE_STALLED_DEAL_RECYCLE;
import static io.github.leadrules.rules.RuleFixtures.NOW;
import static io.github.leadrules.rules.RuleFixtures.daysAgo;
import static io.github.leadrules.rules.RuleFixtures.englishProspect;
import static io.github.leadrules.rules.RuleFixtures.expect;
import static io.github.leadrules.rules.RuleFixtures.japaneseProspect;
import static io.github.leadrules.rules.RuleFixtures.yamatoSeiki;

/**
 * The packaged routing rules (routing.drl), one rule at a time. Every matching routing rule
 * proposes a route and the highest salience wins; the tests use the trace, so a rule that fired
 * but lost is still seen to fire, and the pipeline tests say which proposal won.
 */
class RoutingRulesTest {

    private final RuleVerifier verifier = RuleFixtures.batched();

    // ------------------------------------------------------------------ fixtures, by role

    static final Lead existingCustomer = japaneseProspect("existingCustomer")
            .email("hanako.sato@sample-kogyo.co.jp").inquiryType(InquiryType.DOCUMENT_REQUEST)
            .company(sampleKogyo()).build();
    static final Lead existingCustomerOptedOut = japaneseProspect("existingCustomerOptedOut")
            .email("hanako.sato@sample-kogyo.co.jp").inquiryType(InquiryType.DOCUMENT_REQUEST)
            .consent(Consent.OPTED_OUT).company(sampleKogyo()).build();
    static final Lead existingCustomerTestSubmission = japaneseProspect("existingCustomerTestSubmission")
            .email("test@sample-kogyo.co.jp").inquiryType(InquiryType.DOCUMENT_REQUEST)
            .company(sampleKogyo()).build();

    static final Lead competitorLead = japaneseProspect("competitorLead")
            .email("k.watanabe@" + RuleFixtures.COMPETITOR_DOMAIN).inquiryType(InquiryType.DOCUMENT_REQUEST)
            .company(yamatoSeiki().toBuilder().name("株式会社ライバルCRM").domain(RuleFixtures.COMPETITOR_DOMAIN)
                    .industry("情報通信業").build())
            .build();

    static final Lead stalledOpportunity = japaneseProspect("stalledOpportunity")
            .salesStatus(SalesStatus.IN_OPPORTUNITY).submittedAt(daysAgo(70)).lastSalesActivity(daysAgo(45)).build();
    static final Lead activeOpportunity = japaneseProspect("activeOpportunity")
            .salesStatus(SalesStatus.IN_OPPORTUNITY).submittedAt(daysAgo(70)).lastSalesActivity(daysAgo(10)).build();
    static final Lead handedOverNeverWorked = japaneseProspect("handedOverNeverWorked")
            .salesStatus(SalesStatus.HANDED_TO_SALES).submittedAt(daysAgo(40)).build();
    static final Lead lostDealLongAgo = japaneseProspect("lostDealLongAgo")
            .salesStatus(SalesStatus.CLOSED_LOST).submittedAt(daysAgo(70)).lastSalesActivity(daysAgo(45)).build();
    /** Opportunities last worked 29, 30 and 31 days ago (stalled after 30 days). */
    static final Lead opportunityWorked29DaysAgo = opportunityWorkedDaysAgo("opportunityWorked29DaysAgo", 29);
    static final Lead opportunityWorked30DaysAgo = opportunityWorkedDaysAgo("opportunityWorked30DaysAgo", 30);
    static final Lead opportunityWorked31DaysAgo = opportunityWorkedDaysAgo("opportunityWorked31DaysAgo", 31);
    /** Handed to sales and never worked, submitted 29, 30 and 31 days ago. */
    static final Lead handedOver29DaysAgo = handedOverDaysAgo("handedOver29DaysAgo", 29);
    static final Lead handedOver30DaysAgo = handedOverDaysAgo("handedOver30DaysAgo", 30);
    static final Lead handedOver31DaysAgo = handedOverDaysAgo("handedOver31DaysAgo", 31);

    static final Lead ownedProspect = japaneseProspect("ownedProspect")
            .email("hanako.sato@miraitech.co.jp").inquiryType(InquiryType.DEMO)
            .company(yamatoSeiki().toBuilder().name("株式会社ミライテック").domain("miraitech.co.jp").build())
            .build();
    static final Lead unownedProspect = englishProspect("unownedProspect")
            .email("ken.ogawa@acme.example").inquiryType(InquiryType.DEMO)
            .company(Company.builder().name("Acme Co., Ltd.").industry("Manufacturing").employeeCount(150)
                    .country("Japan").build())
            .build();

    static final Lead urgentEnterprise = japaneseProspect("urgentEnterprise")
            .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
            .company(yamatoSeiki().toBuilder().employeeCount(1200).build()).build();
    static final Lead urgentMidsize = englishProspect("urgentMidsize").inquiryType(InquiryType.QUOTE).build();
    static final Lead urgentSmallFirm = japaneseProspect("urgentSmallFirm")
            .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
            .company(yamatoSeiki().toBuilder().employeeCount(40).build()).build();
    static final Lead urgentSizeUnknown = englishProspect("urgentSizeUnknown").inquiryType(InquiryType.QUOTE)
            .company(RuleFixtures.northwind().toBuilder().employeeCount(null).build()).build();
    /** Demo requests (HIGH) from firms of 99, 100 and 101 employees (field sales from 100). */
    static final Lead urgent99Employees = demoRequestWithEmployees("urgent99Employees", 99);
    static final Lead urgent100Employees = demoRequestWithEmployees("urgent100Employees", 100);
    static final Lead urgent101Employees = demoRequestWithEmployees("urgent101Employees", 101);
    /** Demo requests from firms of 999, 1 000 and 1 001 employees (enterprise from 1 000). */
    static final Lead urgent999Employees = demoRequestWithEmployees("urgent999Employees", 999);
    static final Lead urgent1000Employees = demoRequestWithEmployees("urgent1000Employees", 1000);
    static final Lead urgent1001Employees = demoRequestWithEmployees("urgent1001Employees", 1001);

    static final Lead mediumDocumentRequest = japaneseProspect("mediumDocumentRequest")
            .inquiryType(InquiryType.DOCUMENT_REQUEST).build();
    static final Lead mediumSmallFirm = japaneseProspect("mediumSmallFirm").inquiryType(InquiryType.DOCUMENT_REQUEST)
            .company(yamatoSeiki().toBuilder().employeeCount(40).build()).build();

    static final Lead silentMidsizeFirm = japaneseProspect("silentMidsizeFirm").build();
    static final Lead silentSmallManufacturer = japaneseProspect("silentSmallManufacturer")
            .company(yamatoSeiki().toBuilder().employeeCount(40).build()).build();
    static final Lead silentSmallSchool = schoolLead("silentSmallSchool")
            .company(school().toBuilder().employeeCount(40).build()).build();
    /** No urgency signal, from manufacturers of 99, 100 and 101 employees. */
    static final Lead silent99Employees = japaneseProspect("silent99Employees")
            .company(yamatoSeiki().toBuilder().employeeCount(99).build()).build();
    static final Lead silent100Employees = japaneseProspect("silent100Employees")
            .company(yamatoSeiki().toBuilder().employeeCount(100).build()).build();
    static final Lead silent101Employees = japaneseProspect("silent101Employees")
            .company(yamatoSeiki().toBuilder().employeeCount(101).build()).build();

    static final Lead whitePaperManufacturer = japaneseProspect("whitePaperManufacturer")
            .inquiryType(InquiryType.WHITE_PAPER).build();
    static final Lead whitePaperSchool = schoolLead("whitePaperSchool").inquiryType(InquiryType.WHITE_PAPER).build();
    static final Lead seminarSchool = schoolLead("seminarSchool").inquiryType(InquiryType.SEMINAR).build();
    static final Lead articleReaderIndustryUnknown = englishProspect("articleReaderIndustryUnknown")
            .inquiryType(InquiryType.ARTICLE).company(RuleFixtures.northwind().toBuilder().industry(null).build()).build();

    private static Lead opportunityWorkedDaysAgo(String id, int days) {
        return japaneseProspect(id).salesStatus(SalesStatus.IN_OPPORTUNITY).submittedAt(daysAgo(70))
                .lastSalesActivity(daysAgo(days)).build();
    }

    private static Lead handedOverDaysAgo(String id, int days) {
        return japaneseProspect(id).salesStatus(SalesStatus.HANDED_TO_SALES).submittedAt(daysAgo(days)).build();
    }

    private static Lead demoRequestWithEmployees(String id, int employees) {
        return japaneseProspect(id).inquiryType(InquiryType.DEMO)
                .company(yamatoSeiki().toBuilder().employeeCount(employees).build()).build();
    }

    private static Company sampleKogyo() {
        return yamatoSeiki().toBuilder().name("サンプル工業株式会社").domain("sample-kogyo.co.jp").employeeCount(1200).build();
    }

    /** The IT office of 桜ヶ丘学園, an education prospect: a target industry without a case-study track. */
    private static Lead.Builder schoolLead(String id) {
        return japaneseProspect(id).email("t.yamada@sakuragaoka.ac.jp").jobTitle("情報センター 主任").company(school());
    }

    /** 学校法人 桜ヶ丘学園. */
    private static Company school() {
        return Company.builder().name("学校法人 桜ヶ丘学園").domain("sakuragaoka.ac.jp").industry("教育")
                .employeeCount(300).country("日本").build();
    }

    // ------------------------------------------------------------------ one rule at a time

    @Test
    void existingCustomerGoesToItsAccountOwnerButNotWhenItOptedOutOrWasATest() {
        verifier.rule(RTE_EXISTING_CUSTOMER_TO_OWNER)
                .given(existingCustomer, existingCustomerOptedOut, existingCustomerTestSubmission, competitorLead)
                .firesFor(existingCustomer).withReason("account owner follows up")
                .doesNotFireFor(existingCustomerOptedOut, existingCustomerTestSubmission, competitorLead);

        verifier.pipeline().given(existingCustomer)
                .yields(Outcome.EXCLUDED)
                .withExclusions(EXC_EXISTING_CUSTOMER)
                .routedTo(Destination.ACCOUNT_OWNER)
                .withOwner("suzuki")
                .withTeam("account-management")
                .withSlaDeadline(NOW.plus(Duration.ofHours(24)))
                .withRulesFired(RTE_EXISTING_CUSTOMER_TO_OWNER, RTE_EXCLUDED_NOWHERE);
        verifier.pipeline().given(existingCustomerOptedOut)
                .withExclusions(EXC_EXISTING_CUSTOMER, EXC_NO_CONSENT)
                .routedTo(Destination.NONE);
    }

    @Test
    void excludedLeadGoesNowhereButAQualifiedOneDoesNot() {
        verifier.rule(RTE_EXCLUDED_NOWHERE)
                .given(competitorLead, existingCustomerOptedOut, existingCustomer, mediumDocumentRequest)
                .firesFor(competitorLead, existingCustomerOptedOut).withReason("not a sales lead")
                .firesFor(existingCustomer)          // fires, but the account owner's route wins
                .doesNotFireFor(mediumDocumentRequest);

        verifier.pipeline().given(competitorLead)
                .yields(Outcome.EXCLUDED).withExclusions(EXC_COMPETITOR)
                .routedTo(Destination.NONE).withoutSlaDeadline()
                .withReasons(RTE_EXCLUDED_NOWHERE);
    }

    @Test
    void dealSalesStoppedWorkingIsRecycledButAnActiveOrClosedOneIsNot() {
        verifier.rule(RTE_STALLED_DEAL_RECYCLE)
                .given(stalledOpportunity, handedOverNeverWorked, activeOpportunity, lostDealLongAgo)
                .firesFor(stalledOpportunity, handedOverNeverWorked).withReason("30 days or more")
                .doesNotFireFor(activeOpportunity, lostDealLongAgo);

        verifier.pipeline().given(stalledOpportunity)
                .yields(Outcome.QUALIFIED)
                .routedTo(Destination.INSIDE_SALES)
                .withTeam("inside-sales-recycle")
                .withReasons(RTE_STALLED_DEAL_RECYCLE)
                .withRulesFired(RTE_INSIDE_SALES_UNKNOWN_TIMING);
    }

    @Test
    void leadFromAnOwnedAccountGoesToTheOwnerButFromAnUnownedAccountDoesNot() {
        verifier.rule(RTE_KNOWN_ACCOUNT_OWNER)
                .given(ownedProspect, unownedProspect)
                .firesFor(ownedProspect).withReason("Known account with an owner")
                .doesNotFireFor(unownedProspect);

        // The owner hears first even about a HIGH-urgency demo request that field sales would take.
        verifier.pipeline().given(ownedProspect)
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.HIGH)
                .routedTo(Destination.ACCOUNT_OWNER)
                .withOwner("tanaka")
                .withRulesFired(RTE_KNOWN_ACCOUNT_OWNER, RTE_FIELD_SALES);
        verifier.pipeline().given(unownedProspect)
                .routedTo(Destination.FIELD_SALES).withTeam("field-sales");
    }

    @Test
    void urgentLeadThatFitsGoesToFieldSalesButASmallFirmDoesNot() {
        verifier.rule(RTE_FIELD_SALES)
                .given(urgentEnterprise, urgentMidsize, urgentSmallFirm, urgentSizeUnknown, mediumDocumentRequest)
                .firesFor(urgentEnterprise).withReason("Urgent (IMMEDIATE) and a strong fit")
                .firesFor(urgentMidsize).withReason("Urgent (HIGH) and a strong fit")
                .doesNotFireFor(urgentSmallFirm, urgentSizeUnknown, mediumDocumentRequest);

        verifier.pipeline().given(urgentEnterprise)
                .withUrgency(UrgencyLevel.IMMEDIATE)
                .routedTo(Destination.FIELD_SALES)
                .withTeam("field-sales-enterprise")
                .withSlaDeadline(NOW.plus(Duration.ofHours(1)));
        verifier.pipeline().given(urgentMidsize)
                .withUrgency(UrgencyLevel.HIGH)
                .routedTo(Destination.FIELD_SALES)
                .withTeam("field-sales")
                .withSlaDeadline(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void urgentLeadWithAWeakFitGoesToInsideSalesButOneThatFitsDoesNot() {
        verifier.rule(RTE_INSIDE_SALES_WEAK_FIT)
                .given(urgentSmallFirm, urgentSizeUnknown, urgentEnterprise, urgentMidsize)
                .firesFor(urgentSmallFirm).withReason("Urgent (IMMEDIATE) but a weak fit")
                .firesFor(urgentSizeUnknown).withReason("Urgent (HIGH) but a weak fit")
                .doesNotFireFor(urgentEnterprise, urgentMidsize);

        verifier.pipeline().given(urgentSmallFirm)
                .withUrgency(UrgencyLevel.IMMEDIATE)
                .routedTo(Destination.INSIDE_SALES)
                .withTeam("inside-sales")
                .withSlaDeadline(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void mediumUrgencyLeadGoesToInsideSalesButALowOneDoesNot() {
        verifier.rule(RTE_INSIDE_SALES_MEDIUM)
                .given(mediumDocumentRequest, mediumSmallFirm, whitePaperManufacturer, urgentMidsize)
                .firesFor(mediumDocumentRequest, mediumSmallFirm).withReason("Medium urgency")
                .doesNotFireFor(whitePaperManufacturer, urgentMidsize);

        verifier.pipeline().given(mediumDocumentRequest)
                .withUrgency(UrgencyLevel.MEDIUM)
                .routedTo(Destination.INSIDE_SALES)
                .withTeam("inside-sales")
                .withSlaDeadline(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void goodFitWithUnknownTimingGoesToInsideSalesButASmallFirmDoesNot() {
        verifier.rule(RTE_INSIDE_SALES_UNKNOWN_TIMING)
                .given(silentMidsizeFirm, silentSmallManufacturer, silentSmallSchool, mediumDocumentRequest)
                .firesFor(silentMidsizeFirm).withReason("timing unknown")
                .doesNotFireFor(silentSmallManufacturer, silentSmallSchool, mediumDocumentRequest);

        verifier.pipeline().given(silentMidsizeFirm)
                .withUrgency(UrgencyLevel.UNKNOWN)
                .routedTo(Destination.INSIDE_SALES);
    }

    @Test
    void lowUrgencyManufacturerGetsItsIndustrysCaseStudiesButASchoolDoesNot() {
        verifier.rule(RTE_NURTURE_CASE_STUDY)
                .given(whitePaperManufacturer, silentSmallManufacturer, whitePaperSchool, silentSmallSchool,
                        mediumDocumentRequest)
                .firesFor(whitePaperManufacturer, silentSmallManufacturer).withReason("same-industry case studies")
                .doesNotFireFor(whitePaperSchool, silentSmallSchool, mediumDocumentRequest);

        verifier.pipeline().given(whitePaperManufacturer)
                .withUrgency(UrgencyLevel.LOW)
                .routedTo(Destination.NURTURE)
                .withNurtureTrack("case-study-manufacturing")
                .withTeam("marketing-nurture")
                .withSlaDeadline(NOW.plus(Duration.ofHours(72)))
                .withRulesFired(RTE_NURTURE_CASE_STUDY, RTE_NURTURE_CONTENT);
    }

    @Test
    void lowUrgencyLeadGetsContentButAMediumOneDoesNot() {
        verifier.rule(RTE_NURTURE_CONTENT)
                .given(whitePaperSchool, seminarSchool, articleReaderIndustryUnknown, silentSmallSchool,
                        whitePaperManufacturer, mediumDocumentRequest, silentMidsizeFirm)
                .firesFor(whitePaperSchool, seminarSchool, articleReaderIndustryUnknown, silentSmallSchool)
                .withReason("content nurture")
                .firesFor(whitePaperManufacturer)    // fires, but the case-study track wins
                .doesNotFireFor(mediumDocumentRequest, silentMidsizeFirm);

        verifier.pipeline().given(whitePaperSchool).routedTo(Destination.NURTURE).withNurtureTrack("white-paper-series");
        verifier.pipeline().given(seminarSchool).routedTo(Destination.NURTURE).withNurtureTrack("seminar-invitations");
        verifier.pipeline().given(articleReaderIndustryUnknown).routedTo(Destination.NURTURE)
                .withNurtureTrack("article-newsletter");
        // Unknown urgency and a weak fit: the default content track.
        verifier.pipeline().given(silentSmallSchool).withUrgency(UrgencyLevel.UNKNOWN)
                .routedTo(Destination.NURTURE).withNurtureTrack("white-paper-series");
    }

    // ------------------------------------------------------------------ at the limits

    @Test
    void aDealNotWorkedForExactlyThirtyDaysIsRecycledButOneWorkedTwentyNineDaysAgoIsNot() {
        verifier.rule(RTE_STALLED_DEAL_RECYCLE)
                .given(opportunityWorked29DaysAgo, opportunityWorked30DaysAgo, opportunityWorked31DaysAgo,
                        handedOver29DaysAgo, handedOver30DaysAgo, handedOver31DaysAgo)
                .firesFor(opportunityWorked30DaysAgo, opportunityWorked31DaysAgo, handedOver30DaysAgo, handedOver31DaysAgo)
                .withReason("no sales activity for 30 days or more")
                .doesNotFireFor(opportunityWorked29DaysAgo, handedOver29DaysAgo);

        verifier.pipeline().given(opportunityWorked30DaysAgo)
                .routedTo(Destination.INSIDE_SALES).withTeam("inside-sales-recycle").withReasons(RTE_STALLED_DEAL_RECYCLE);
        verifier.pipeline().given(opportunityWorked29DaysAgo)
                .routedTo(Destination.INSIDE_SALES).withTeam("inside-sales").withReasons(RTE_INSIDE_SALES_UNKNOWN_TIMING);
    }

    @Test
    void aCompanyOfExactlyOneHundredEmployeesFitsFieldSalesButOneOfNinetyNineDoesNot() {
        verifier.rule(RTE_FIELD_SALES)
                .given(urgent99Employees, urgent100Employees, urgent101Employees)
                .firesFor(urgent100Employees, urgent101Employees)
                .doesNotFireFor(urgent99Employees);
        verifier.rule(RTE_INSIDE_SALES_WEAK_FIT)
                .given(urgent99Employees, urgent100Employees, urgent101Employees)
                .firesFor(urgent99Employees)
                .doesNotFireFor(urgent100Employees, urgent101Employees);
        verifier.rule(RTE_INSIDE_SALES_UNKNOWN_TIMING)
                .given(silent99Employees, silent100Employees, silent101Employees)
                .firesFor(silent100Employees, silent101Employees)
                .doesNotFireFor(silent99Employees);

        verifier.pipeline().given(urgent100Employees).withUrgency(UrgencyLevel.HIGH).routedTo(Destination.FIELD_SALES);
        verifier.pipeline().given(urgent99Employees).withUrgency(UrgencyLevel.HIGH).routedTo(Destination.INSIDE_SALES);
        verifier.pipeline().given(silent99Employees).routedTo(Destination.NURTURE)
                .withNurtureTrack("case-study-manufacturing");
    }

    @Test
    void aCompanyOfExactlyOneThousandEmployeesGoesToTheEnterpriseTeam() {
        verifier.pipeline().given(urgent999Employees).routedTo(Destination.FIELD_SALES).withTeam("field-sales");
        verifier.pipeline().given(urgent1000Employees).routedTo(Destination.FIELD_SALES).withTeam("field-sales-enterprise");
        verifier.pipeline().given(urgent1001Employees).routedTo(Destination.FIELD_SALES).withTeam("field-sales-enterprise");
    }

    /**
     * Every routing rule, over 60 varied leads, in one shared session and again one lead per
     * session, twice each: past the 20 evaluations after which Drools JIT-compiles a constraint.
     * The expected rules include the proposals that lose.
     */
    @Test
    @DisplayName("every routing rule decides the same for 60 leads in one batch and one lead per session, past the JIT threshold")
    void everyRoutingRuleDecidesTheSameInOneBatchAndOneLeadPerSession() {
        List<RuleFixtures.Expectation> table = RuleFixtures.varied(List.of(
                expect(existingCustomer, RTE_EXISTING_CUSTOMER_TO_OWNER, RTE_EXCLUDED_NOWHERE),
                expect(existingCustomerOptedOut, RTE_EXCLUDED_NOWHERE),
                expect(existingCustomerTestSubmission, RTE_EXCLUDED_NOWHERE),
                expect(competitorLead, RTE_EXCLUDED_NOWHERE),
                expect(stalledOpportunity, RTE_STALLED_DEAL_RECYCLE, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(handedOverNeverWorked, RTE_STALLED_DEAL_RECYCLE, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(activeOpportunity, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(lostDealLongAgo, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(opportunityWorked29DaysAgo, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(opportunityWorked30DaysAgo, RTE_STALLED_DEAL_RECYCLE, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(opportunityWorked31DaysAgo, RTE_STALLED_DEAL_RECYCLE, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(handedOver29DaysAgo, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(handedOver30DaysAgo, RTE_STALLED_DEAL_RECYCLE, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(handedOver31DaysAgo, RTE_STALLED_DEAL_RECYCLE, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(ownedProspect, RTE_KNOWN_ACCOUNT_OWNER, RTE_FIELD_SALES),
                expect(unownedProspect, RTE_FIELD_SALES),
                expect(urgentEnterprise, RTE_FIELD_SALES),
                expect(urgentMidsize, RTE_FIELD_SALES),
                expect(urgentSmallFirm, RTE_INSIDE_SALES_WEAK_FIT),
                expect(urgentSizeUnknown, RTE_INSIDE_SALES_WEAK_FIT),
                expect(urgent99Employees, RTE_INSIDE_SALES_WEAK_FIT),
                expect(urgent100Employees, RTE_FIELD_SALES),
                expect(urgent101Employees, RTE_FIELD_SALES),
                expect(urgent999Employees, RTE_FIELD_SALES),
                expect(urgent1000Employees, RTE_FIELD_SALES),
                expect(urgent1001Employees, RTE_FIELD_SALES),
                expect(mediumDocumentRequest, RTE_INSIDE_SALES_MEDIUM),
                expect(mediumSmallFirm, RTE_INSIDE_SALES_MEDIUM),
                expect(silentMidsizeFirm, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(silentSmallManufacturer, RTE_NURTURE_CASE_STUDY, RTE_NURTURE_CONTENT),
                expect(silentSmallSchool, RTE_NURTURE_CONTENT),
                expect(silent99Employees, RTE_NURTURE_CASE_STUDY, RTE_NURTURE_CONTENT),
                expect(silent100Employees, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(silent101Employees, RTE_INSIDE_SALES_UNKNOWN_TIMING),
                expect(whitePaperManufacturer, RTE_NURTURE_CASE_STUDY, RTE_NURTURE_CONTENT),
                expect(whitePaperSchool, RTE_NURTURE_CONTENT),
                expect(seminarSchool, RTE_NURTURE_CONTENT),
                expect(articleReaderIndustryUnknown, RTE_NURTURE_CONTENT)), 60);

        BatchCheck.assertEveryRuleOfStage(Stage.ROUTING, table);
    }
}

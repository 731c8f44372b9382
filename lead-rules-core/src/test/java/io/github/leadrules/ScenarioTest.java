package io.github.leadrules;

import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.SalesStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.github.leadrules.Decision.expect;
import static io.github.leadrules.Fixtures.daysAgo;
import static io.github.leadrules.Fixtures.minutesAgo;
import static io.github.leadrules.model.Destination.ACCOUNT_OWNER;
import static io.github.leadrules.model.Destination.FIELD_SALES;
import static io.github.leadrules.model.Destination.INSIDE_SALES;
import static io.github.leadrules.model.Destination.NURTURE;
import static io.github.leadrules.model.Outcome.EXCLUDED;
import static io.github.leadrules.model.Outcome.QUALIFIED;
import static io.github.leadrules.model.PurchaseTimeframe.LATER;
import static io.github.leadrules.model.PurchaseTimeframe.WITHIN_1_MONTH;
import static io.github.leadrules.model.PurchaseTimeframe.WITHIN_3_MONTHS;
import static io.github.leadrules.model.PurchaseTimeframe.WITHIN_6_MONTHS;
import static io.github.leadrules.model.UrgencyLevel.HIGH;
import static io.github.leadrules.model.UrgencyLevel.IMMEDIATE;
import static io.github.leadrules.model.UrgencyLevel.LOW;
import static io.github.leadrules.model.UrgencyLevel.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end scenarios: realistic Japanese and English leads through validation, account matching
 * and the packaged exclusion, urgency and routing rules, with the fixtures' policy (territory JP,
 * US, GB; competitors; customers) and a fixed clock. Each scenario asserts the outcome, urgency,
 * horizon, route, team, owner, nurture track, SLA and every reason id together.
 */
class ScenarioTest {

    private static final Duration ONE_HOUR = Duration.ofHours(1);
    private static final Duration FIELD_SALES_SLA = Duration.ofHours(4);
    private static final Duration INSIDE_SALES_SLA = Duration.ofHours(24);
    private static final Duration ACCOUNT_OWNER_SLA = Duration.ofHours(24);
    private static final Duration NURTURE_SLA = Duration.ofHours(72);

    // ------------------------------------------------------------------ qualified: field sales

    @Test
    void aDepartmentHeadAtALargeManufacturerWantingADemoWithinAMonthGoesToEnterpriseFieldSalesWithinTheHour() {
        assertDecision(Fixtures.manufacturerDemo("JP-0001"), expect(QUALIFIED)
                .urgency(IMMEDIATE, WITHIN_1_MONTH)
                .route(FIELD_SALES, "field-sales-enterprise").sla(ONE_HOUR)
                .because("URG-DECISION-MAKER", "URG-SALES-REQUEST", "URG-TIMEFRAME-1-MONTH", "RTE-FIELD-SALES"));
    }

    @Test
    void aDocumentRequestBackedByASameIndustryCaseStudyAndADecisionMakerIsHighAndGoesToFieldSalesOfItsTerritory() {
        // The case study's industry is written in Japanese (製造業), the lead's in English (Manufacturing).
        assertDecision(Fixtures.documentRequestWithCaseStudy("EN-0002"), expect(QUALIFIED)
                .urgency(HIGH)
                .route(FIELD_SALES, "field-sales-us").sla(FIELD_SALES_SLA)
                .because("URG-DECISION-MAKER", "URG-DOCUMENT-REQUEST", "URG-OWN-INDUSTRY-CASE-STUDY", "RTE-FIELD-SALES"));
    }

    @Test
    void repeatedPricingVisitsWithBudgetAndNearTermTimingFromAHeadOfItAreImmediate() {
        Lead lead = Lead.builder("EN-0003")
                .contactName("Priya Raman").email("priya.raman@hooli.example").jobTitle("Head of IT")
                .inquiryType(InquiryType.OTHER).purchaseTimeframe(WITHIN_3_MONTHS).budgetStatus(BudgetStatus.SECURED)
                .engagement(EngagementEvent.pricingPageVisit(daysAgo(12)))
                .engagement(EngagementEvent.pricingPageVisit(daysAgo(4)))
                .engagement(EngagementEvent.pricingPageVisit(daysAgo(1)))
                .submittedAt(minutesAgo(3))
                .company(Company.builder().name("Hooli Inc.").industry("Software").employeeCount(1500).country("US").build())
                .build();
        assertDecision(lead, expect(QUALIFIED)
                .urgency(IMMEDIATE, WITHIN_3_MONTHS)
                .route(FIELD_SALES, "field-sales-us").sla(ONE_HOUR)
                .because("URG-BUDGET-SECURED", "URG-DECISION-MAKER", "URG-PRICING-VISITS", "URG-TIMEFRAME-3-MONTHS",
                        "RTE-FIELD-SALES"));
    }

    @ParameterizedTest(name = "country written \"{0}\"")
    @ValueSource(strings = {"日本", "Japan", "JP", "JPN", "ＪＰ", "jp", "日本国"})
    void everySpellingOfJapanIsInTerritoryAndReachesTheJapaneseFieldSalesTeam(String country) {
        Lead lead = Lead.builder("JP-0004")
                .contactName("木村 拓也").email("t.kimura@nihon-seimitsu.co.jp").jobTitle("技術課 係長")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(WITHIN_3_MONTHS).submittedAt(minutesAgo(8))
                .company(Company.builder().name("日本精密機器株式会社").industry("製造業").employeeCount(150).country(country).build())
                .build();
        assertDecision(lead, expect(QUALIFIED)
                .urgency(HIGH, WITHIN_3_MONTHS)
                .route(FIELD_SALES, "field-sales-jp").sla(FIELD_SALES_SLA)
                .because("URG-SALES-REQUEST", "URG-TIMEFRAME-3-MONTHS", "RTE-FIELD-SALES"));
    }

    // ------------------------------------------------------------------ qualified: inside sales

    @Test
    void aDocumentRequestAloneIsCappedAtMediumAndGoesToInsideSales() {
        assertDecision(Fixtures.documentRequestAlone("JP-0005"), expect(QUALIFIED)
                .urgency(MEDIUM)
                .route(INSIDE_SALES, "inside-sales").sla(INSIDE_SALES_SLA)
                .because("URG-DOCUMENT-REQUEST", "URG-DOCUMENT-REQUEST-CAP", "RTE-INSIDE-SALES-MEDIUM"));
    }

    @Test
    void aDirectorsDocumentRequestWithSixMonthTimingScoresHighButIsCappedAtMedium() {
        Lead lead = Lead.builder("EN-0006")
                .contactName("Oliver Hughes").email("oliver.hughes@contoso.example").jobTitle("Director of Finance")
                .inquiryType(InquiryType.DOCUMENT_REQUEST).purchaseTimeframe(WITHIN_6_MONTHS).submittedAt(minutesAgo(90))
                .company(Company.builder().name("Contoso Ltd.").industry("Finance").employeeCount(800)
                        .country("United Kingdom").build())
                .build();
        Qualification q = qualify(lead);
        assertThat(q.urgency().score()).as("points before the cap").isGreaterThanOrEqualTo(Fixtures.POLICY.urgency().highScore());
        assertThat(Decision.of(q)).isEqualTo(expect(QUALIFIED)
                .urgency(MEDIUM, WITHIN_6_MONTHS)
                .route(INSIDE_SALES, "inside-sales").sla(INSIDE_SALES_SLA)
                .because("URG-DECISION-MAKER", "URG-DOCUMENT-REQUEST", "URG-DOCUMENT-REQUEST-CAP",
                        "URG-TIMEFRAME-6-MONTHS", "RTE-INSIDE-SALES-MEDIUM"));
    }

    @Test
    void aCaseStudyFromAnotherIndustryDoesNotLiftTheDocumentRequestCap() {
        Lead acmeVp = Fixtures.documentRequestWithCaseStudy("EN-0007");
        Lead retailCaseStudyOnly = Lead.builder("EN-0007")
                .email(acmeVp.email()).jobTitle(acmeVp.jobTitle())
                .inquiryType(InquiryType.DOCUMENT_REQUEST).submittedAt(minutesAgo(5)).company(acmeVp.company())
                .engagement(EngagementEvent.caseStudyView(daysAgo(5), "小売業", "さくらリテール: store operations"))
                .build();
        assertDecision(retailCaseStudyOnly, expect(QUALIFIED)
                .urgency(MEDIUM)
                .route(INSIDE_SALES, "inside-sales").sla(INSIDE_SALES_SLA)
                .because("URG-DECISION-MAKER", "URG-DOCUMENT-REQUEST", "URG-DOCUMENT-REQUEST-CAP", "RTE-INSIDE-SALES-MEDIUM"));
    }

    @Test
    void anImmediateLeadFromASmallCompanyIsQualifiedByInsideSalesFirstStillWithinTheHour() {
        Lead lead = Lead.builder("JP-0008")
                .contactName("森 大輔").email("d.mori@sora-kikaku.jp").jobTitle("代表社員")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(WITHIN_1_MONTH).submittedAt(minutesAgo(2))
                .company(Company.builder().name("合同会社ソラ企画").industry("広告").employeeCount(40).country("日本").build())
                .build();
        assertDecision(lead, expect(QUALIFIED)
                .urgency(IMMEDIATE, WITHIN_1_MONTH)
                .route(INSIDE_SALES, "inside-sales").sla(ONE_HOUR)
                .because("URG-DECISION-MAKER", "URG-SALES-REQUEST", "URG-TIMEFRAME-1-MONTH", "RTE-INSIDE-SALES-WEAK-FIT"));
    }

    @Test
    void aGoodFitCompanyWithNoTimingSignalGetsACallFromInsideSales() {
        Lead lead = Lead.builder("EN-0009")
                .contactName("Art Vandelay").email("art@vandelay.example").jobTitle("Import Manager")
                .source("trade-show").submittedAt(minutesAgo(240))
                .company(Company.builder().name("Vandelay Industries, Inc.").industry("Logistics").employeeCount(350)
                        .country("US").build())
                .build();
        assertDecision(lead, expect(QUALIFIED)
                .route(INSIDE_SALES, "inside-sales").sla(INSIDE_SALES_SLA)
                .because("RTE-INSIDE-SALES-UNKNOWN-TIMING"));
    }

    @Test
    void aQuoteRequestForAPurchaseLaterThanSixMonthsIsCappedAtMedium() {
        Lead lead = Lead.builder("JP-0010")
                .contactName("青木 涼子").email("r.aoki@aoba-ss.co.jp").jobTitle("購買部")
                .inquiryType(InquiryType.QUOTE).purchaseTimeframe(LATER).submittedAt(minutesAgo(50))
                .company(Company.builder().name("株式会社あおば製作所").industry("製造業").employeeCount(500).country("日本").build())
                .build();
        assertDecision(lead, expect(QUALIFIED)
                .urgency(MEDIUM, LATER)
                .route(INSIDE_SALES, "inside-sales").sla(INSIDE_SALES_SLA)
                .because("URG-SALES-REQUEST", "URG-TIMEFRAME-LATER", "RTE-INSIDE-SALES-MEDIUM"));
    }

    @Test
    void aBurstOfEngagementThisWeekWithThreeMonthTimingIsMedium() {
        Lead.Builder b = Lead.builder("JP-0011")
                .contactName("石井 直人").email("n.ishii@next-soft.co.jp").jobTitle("開発部")
                .purchaseTimeframe(WITHIN_3_MONTHS).submittedAt(daysAgo(20))
                .company(Company.builder().name("株式会社ネクストソフト").industry("情報通信業").employeeCount(200).country("日本").build());
        for (int day = 1; day <= 5; day++) {
            b.engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, daysAgo(day)));
        }
        b.engagement(EngagementEvent.of(EngagementType.EMAIL_OPEN, daysAgo(6)));
        assertDecision(b.build(), expect(QUALIFIED)
                .urgency(MEDIUM, WITHIN_3_MONTHS)
                .route(INSIDE_SALES, "inside-sales").sla(INSIDE_SALES_SLA)
                .because("URG-ENGAGEMENT-BURST", "URG-TIMEFRAME-3-MONTHS", "RTE-INSIDE-SALES-MEDIUM"));
    }

    @Test
    void aDemoRequestThatHasGoneColdDecaysFromHighToMediumWhileAFreshOneGoesToFieldSales() {
        Lead.Builder cold = Lead.builder("EN-0012")
                .contactName("Grace Lee").email("grace.lee@initrode.example").jobTitle("IT Manager")
                .inquiryType(InquiryType.DEMO).submittedAt(daysAgo(150))
                .engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, daysAgo(140)))
                .engagement(EngagementEvent.of(EngagementType.EMAIL_OPEN, daysAgo(120)))
                .company(Company.builder().name("Initrode Systems Ltd.").industry("Retail").employeeCount(400)
                        .country("GB").build());
        assertDecision(cold.build(), expect(QUALIFIED)
                .urgency(MEDIUM)
                .route(INSIDE_SALES, "inside-sales").sla(INSIDE_SALES_SLA)
                .because("URG-COLD-ENGAGEMENT", "URG-SALES-REQUEST", "RTE-INSIDE-SALES-MEDIUM"));

        Lead fresh = cold.submittedAt(daysAgo(1)).engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, daysAgo(1))).build();
        assertDecision(fresh, expect(QUALIFIED)
                .urgency(HIGH)
                .route(FIELD_SALES, "field-sales").sla(FIELD_SALES_SLA)
                .because("URG-SALES-REQUEST", "RTE-FIELD-SALES"));
    }

    @Test
    void aStalledDealComesBackToInsideSalesAsARecycleInsteadOfFieldSales() {
        Lead lead = Lead.builder("EN-0013")
                .contactName("Hannah Brooks").email("h.brooks@northwind.example").jobTitle("Operations Manager")
                .inquiryType(InquiryType.DEMO).submittedAt(daysAgo(60))
                .salesStatus(SalesStatus.IN_OPPORTUNITY).lastSalesActivity(daysAgo(45))
                .engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, daysAgo(2)))
                .company(Company.builder().name("Northwind Traders Ltd.").industry("Retail").employeeCount(600)
                        .country("United Kingdom").build())
                .build();
        assertDecision(lead, expect(QUALIFIED)
                .urgency(HIGH)
                .route(INSIDE_SALES, "inside-sales-recycle").sla(INSIDE_SALES_SLA)
                .because("URG-SALES-REQUEST", "RTE-STALLED-DEAL-RECYCLE"));
    }

    // ------------------------------------------------------------------ qualified: account owners

    @Test
    void aFullWidthCompanyNameMatchesItsProspectAccountAndGoesToTheAccountOwner() {
        Lead lead = Lead.builder("JP-0014")
                .contactName("渡辺 健太").email("k.watanabe@sony.example").jobTitle("調達部")
                .inquiryType(InquiryType.DOCUMENT_REQUEST).submittedAt(minutesAgo(12))
                .company(Company.builder().name("Ｓｏｎｙ Corporation").industry("Electronics").country("ＪＰ").build())
                .build();
        assertDecision(lead, expect(QUALIFIED)
                .urgency(MEDIUM)
                .route(ACCOUNT_OWNER, "account-management").owner("rep-tanaka").sla(ACCOUNT_OWNER_SLA)
                .because("URG-DOCUMENT-REQUEST", "URG-DOCUMENT-REQUEST-CAP", "RTE-KNOWN-ACCOUNT-OWNER"));
    }

    @Test
    void anImmediateLeadFromAnAccountWithAnOpenOpportunityGoesToItsOwnerWithinTheHour() {
        Lead lead = Lead.builder("EN-0015")
                .contactName("Peter Gibbons").email("peter.gibbons@initech.example").jobTitle("Software Engineer")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(WITHIN_1_MONTH).submittedAt(minutesAgo(1))
                .company(Company.builder().name("Initech").industry("Finance").employeeCount(900).country("US").build())
                .build();
        assertDecision(lead, expect(QUALIFIED)
                .urgency(IMMEDIATE, WITHIN_1_MONTH)
                .route(ACCOUNT_OWNER, "account-management").owner("rep-johnson").sla(ONE_HOUR)
                .because("URG-SALES-REQUEST", "URG-TIMEFRAME-1-MONTH", "RTE-KNOWN-ACCOUNT-OWNER"));
    }

    // ------------------------------------------------------------------ qualified: nurture

    @Test
    void aWhitePaperDownloadIsLowAndNurturedWithTheCaseStudiesOfItsIndustry() {
        assertDecision(Fixtures.whitePaper("JP-0016"), expect(QUALIFIED)
                .urgency(LOW)
                .route(NURTURE, "marketing-nurture").track("case-study-retail").sla(NURTURE_SLA)
                .because("URG-CONTENT-ONLY", "RTE-NURTURE-CASE-STUDY"));
    }

    @Test
    void aSeminarRegistrationFromAnIndustryWithoutCaseStudiesGetsTheSeminarTrack() {
        Lead lead = Lead.builder("JP-0017")
                .contactName("松本 由美").email("y.matsumoto@midori-fudosan.co.jp").jobTitle("総務部")
                .inquiryType(InquiryType.SEMINAR).submittedAt(minutesAgo(300))
                .company(Company.builder().name("株式会社みどり不動産").industry("不動産業").employeeCount(120).country("日本").build())
                .build();
        assertDecision(lead, expect(QUALIFIED)
                .urgency(LOW)
                .route(NURTURE, "marketing-nurture").track("seminar-invitations").sla(NURTURE_SLA)
                .because("URG-CONTENT-ONLY", "RTE-NURTURE-CONTENT"));
    }

    @Test
    void onlyColdEngagementLeavesAManufacturerLowInItsCaseStudyTrack() {
        Lead lead = Lead.builder("JP-0018")
                .contactName("岡田 修").email("o.okada@aoba-ss.co.jp").jobTitle("生産管理")
                .submittedAt(daysAgo(200))
                .engagement(EngagementEvent.pricingPageVisit(daysAgo(130)))
                .engagement(EngagementEvent.pricingPageVisit(daysAgo(125)))
                .engagement(EngagementEvent.pricingPageVisit(daysAgo(120)))
                .company(Company.builder().name("株式会社あおば製作所").industry("製造").employeeCount(500).country("日本").build())
                .build();
        assertDecision(lead, expect(QUALIFIED)
                .urgency(LOW)
                .route(NURTURE, "marketing-nurture").track("case-study-manufacturing").sla(NURTURE_SLA)
                .because("URG-COLD-ENGAGEMENT", "RTE-NURTURE-CASE-STUDY"));
    }

    // ------------------------------------------------------------------ excluded

    @Test
    void aGmailSignUpWithNoCompanyIsExcludedAndRoutedNowhere() {
        assertDecision(Fixtures.freeMailNoCompany("JP-0019"), expect(EXCLUDED)
                .because("EXC-FREEMAIL-NO-COMPANY", "RTE-EXCLUDED-NOWHERE"));
    }

    @ParameterizedTest(name = "free mail at {0}")
    @ValueSource(strings = {"docomo.ne.jp", "ezweb.ne.jp", "yahoo.co.jp", "GMAIL.COM"})
    void japaneseCarrierAndFreeMailSignUpsWithNoCompanyAreExcludedToo(String domain) {
        Lead lead = Lead.builder("JP-0020").email("hanako-1990@" + domain).inquiryType(InquiryType.DOCUMENT_REQUEST)
                .company(Company.builder().country("日本").build())
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(MEDIUM)
                .because("EXC-FREEMAIL-NO-COMPANY", "URG-DOCUMENT-REQUEST", "URG-DOCUMENT-REQUEST-CAP", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void anExistingCustomerIsNotANewLeadButIsRoutedToItsAccountOwner() {
        assertDecision(Fixtures.existingCustomer("JP-0021"), expect(EXCLUDED)
                .urgency(HIGH)
                .route(ACCOUNT_OWNER, "account-management").owner("rep-suzuki").sla(ACCOUNT_OWNER_SLA)
                .because("EXC-EXISTING-CUSTOMER", "URG-SALES-REQUEST", "RTE-EXISTING-CUSTOMER-TO-OWNER"));
    }

    @Test
    void aHalfWidthKatakanaCompanyNameMatchesItsCustomerAccountByName() {
        Lead lead = Lead.builder("JP-0022")
                .contactName("加藤 陽子").email("y.kato@sample-shoji-group.co.jp").jobTitle("経営企画室")
                .inquiryType(InquiryType.QUOTE).submittedAt(minutesAgo(35))
                .company(Company.builder().name("ｻﾝﾌﾟﾙ商事(株)").industry("卸売業").employeeCount(150).country("日本").build())
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(HIGH)
                .route(ACCOUNT_OWNER, "account-management").owner("rep-kato").sla(ACCOUNT_OWNER_SLA)
                .because("EXC-EXISTING-CUSTOMER", "URG-SALES-REQUEST", "RTE-EXISTING-CUSTOMER-TO-OWNER"));
    }

    @Test
    void anExistingCustomerWhoOptedOutIsNotPassedToTheOwner() {
        Lead lead = Fixtures.existingCustomer("JP-0023").toBuilder().consent(Consent.OPTED_OUT).build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(HIGH)
                .because("EXC-EXISTING-CUSTOMER", "EXC-NO-CONSENT", "URG-SALES-REQUEST", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void aCompetitorAskingForADemoIsExcluded() {
        assertDecision(Fixtures.competitor("JP-0024"), expect(EXCLUDED)
                .urgency(HIGH)
                .because("EXC-COMPETITOR", "URG-SALES-REQUEST", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void aCompetitorWritingFromASubdomainOfItsAccountIsExcluded() {
        Lead lead = Lead.builder("EN-0025")
                .contactName("Kenji Tanaka").email("kenji.tanaka@jp.globex.example").jobTitle("Market Analyst")
                .inquiryType(InquiryType.WHITE_PAPER).submittedAt(minutesAgo(7))
                .company(Company.builder().name("Globex Japan K.K.").employeeCount(80).country("Japan").build())
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(LOW)
                .because("EXC-COMPETITOR", "URG-CONTENT-ONLY", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void aStudentIsExcluded() {
        assertDecision(Fixtures.student("JP-0026"), expect(EXCLUDED)
                .urgency(LOW)
                .because("EXC-STUDENT", "URG-CONTENT-ONLY", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void aStudentWithAFreeMailAddressAndNoCompanyIsExcludedForBothReasons() {
        Lead lead = Lead.builder("JP-0027")
                .contactName("中島 翔").email("sho.nakajima2004@yahoo.co.jp").jobTitle("大学生（就活中）")
                .inquiryType(InquiryType.WHITE_PAPER).submittedAt(minutesAgo(15))
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(LOW)
                .because("EXC-FREEMAIL-NO-COMPANY", "EXC-STUDENT", "URG-CONTENT-ONLY", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void aTestSubmissionIsExcluded() {
        Lead lead = Lead.builder("JP-0028")
                .contactName("テスト太郎").email("test@sample-kogyo.co.jp").phone("000-0000-0000")
                .inquiryType(InquiryType.CONTACT_SALES).submittedAt(minutesAgo(1))
                .company(Company.named("テスト"))
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(HIGH)
                .because("EXC-TEST-SUBMISSION", "URG-SALES-REQUEST", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void aSubmissionFromOurOwnDomainIsExcluded() {
        Lead lead = Lead.builder("JP-0029")
                .contactName("社内 確認").email("marketing-ops@leadrules-saas.co.jp")
                .inquiryType(InquiryType.DEMO).submittedAt(minutesAgo(1))
                .company(Company.builder().name("リードルールズ株式会社").employeeCount(80).country("日本").build())
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(HIGH)
                .because("EXC-INTERNAL", "URG-SALES-REQUEST", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void aDisposableAddressIsExcludedEvenWithACompanyName() {
        Lead lead = Lead.builder("EN-0030")
                .contactName("John Doe").email("jd-7731@mailinator.com")
                .inquiryType(InquiryType.DOCUMENT_REQUEST).submittedAt(minutesAgo(9))
                .company(Company.builder().name("Acme Widgets LLC").employeeCount(120).country("US").build())
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(MEDIUM)
                .because("EXC-DISPOSABLE-EMAIL", "URG-DOCUMENT-REQUEST", "URG-DOCUMENT-REQUEST-CAP", "RTE-EXCLUDED-NOWHERE"));
    }

    @ParameterizedTest(name = "country written \"{0}\"")
    @ValueSource(strings = {"Deutschland", "Germany", "DE", "DEU", "ドイツ"})
    void aCompanyOutsideTheTerritoryIsExcludedHoweverItsCountryIsWritten(String country) {
        Lead lead = Lead.builder("EN-0031")
                .contactName("Lukas Müller").email("l.mueller@mueller-maschinenbau.example").jobTitle("Leiter Einkauf")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(WITHIN_3_MONTHS).submittedAt(minutesAgo(600))
                .company(Company.builder().name("Müller Maschinenbau GmbH").industry("Manufacturing").employeeCount(800)
                        .country(country).build())
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(HIGH, WITHIN_3_MONTHS)
                .because("EXC-OUT-OF-TERRITORY", "URG-SALES-REQUEST", "URG-TIMEFRAME-3-MONTHS", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void aCompanyBelowTheMinimumSizeIsExcluded() {
        Lead lead = Lead.builder("JP-0032")
                .contactName("田中 一郎").email("tanaka@tanaka-denki.jp").jobTitle("代表取締役")
                .inquiryType(InquiryType.QUOTE).submittedAt(minutesAgo(40))
                .company(Company.builder().name("有限会社タナカ電機").industry("製造").employeeCount(5).country("日本").build())
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(HIGH)
                .because("EXC-TOO-SMALL", "URG-DECISION-MAKER", "URG-SALES-REQUEST", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void theSamePersonAgainWithinThirtyDaysIsADuplicate() {
        // The directory knows e.clark@umbrella.example from 20 November; the case of the address does not matter.
        Lead lead = Lead.builder("EN-0033")
                .contactName("Emily Clark").email("E.Clark@Umbrella.example")
                .inquiryType(InquiryType.DOCUMENT_REQUEST).submittedAt(minutesAgo(30))
                .company(Company.builder().name("Umbrella Corporation").industry("Healthcare").employeeCount(2000)
                        .country("US").build())
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(MEDIUM)
                .because("EXC-DUPLICATE", "URG-DOCUMENT-REQUEST", "URG-DOCUMENT-REQUEST-CAP", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void withASevenDayDuplicateWindowTheSamePersonEightDaysLaterIsANewLead() {
        LeadQualifier sevenDays = Fixtures.builder()
                .policy(Fixtures.POLICY.toBuilder().duplicateWindow(Duration.ofDays(7)).build())
                .build();
        Lead lead = Lead.builder("EN-0034")
                .contactName("Emily Clark").email("e.clark@umbrella.example")
                .inquiryType(InquiryType.DOCUMENT_REQUEST).submittedAt(minutesAgo(30))
                .company(Company.builder().name("Umbrella Corporation").industry("Healthcare").employeeCount(2000)
                        .country("US").build())
                .build();
        assertThat(Decision.of(sevenDays.qualify(lead))).isEqualTo(expect(QUALIFIED)
                .urgency(MEDIUM)
                .route(INSIDE_SALES, "inside-sales").sla(INSIDE_SALES_SLA)
                .because("URG-DOCUMENT-REQUEST", "URG-DOCUMENT-REQUEST-CAP", "RTE-INSIDE-SALES-MEDIUM"));
    }

    @Test
    void aLeadThatOptedOutIsExcluded() {
        Lead lead = Lead.builder("JP-0035")
                .contactName("林 真一").email("s.hayashi@himawari-bank.co.jp").jobTitle("システム企画部")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(WITHIN_3_MONTHS).consent(Consent.OPTED_OUT)
                .submittedAt(minutesAgo(20))
                .company(Company.builder().name("株式会社ひまわり銀行").industry("金融").employeeCount(3000).country("日本").build())
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(HIGH, WITHIN_3_MONTHS)
                .because("EXC-NO-CONSENT", "URG-SALES-REQUEST", "URG-TIMEFRAME-3-MONTHS", "RTE-EXCLUDED-NOWHERE"));
    }

    @Test
    void aLeadWithNeitherEmailNorPhoneCannotBeReached() {
        Lead lead = Lead.builder("JP-0036")
                .contactName("匿名").source("trade-show").inquiryType(InquiryType.SEMINAR)
                .company(Company.builder().name("株式会社ひかり物流").employeeCount(250).country("日本").build())
                .build();
        assertDecision(lead, expect(EXCLUDED)
                .urgency(LOW)
                .because("EXC-NO-CONTACT", "URG-CONTENT-ONLY", "RTE-EXCLUDED-NOWHERE"));
    }

    // ------------------------------------------------------------------ helpers

    private static void assertDecision(Lead lead, Decision expected) {
        assertThat(Decision.of(qualify(lead))).as("decision for %s", lead.id()).isEqualTo(expected);
    }

    /** Qualifies one lead and checks what every qualification of a valid lead must satisfy. */
    private static Qualification qualify(Lead lead) {
        LeadQualifier qualifier = Fixtures.qualifier();
        Qualification q = qualifier.qualify(lead);
        assertThat(q.leadId()).isEqualTo(lead.id());
        assertThat(q.fieldErrors()).isEmpty();
        assertThat(q.fingerprint()).isEqualTo(qualifier.fingerprint());
        assertThat(q.exclusions()).allSatisfy(r -> assertThat(r.message()).isNotBlank());
        assertThat(q.reasons()).allSatisfy(r -> assertThat(r.message()).isNotBlank());
        Fixtures.assertNoPersonalData(lead, q);
        return q;
    }
}

package io.github.leadrules.rules;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.PackagedRules;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Stage;
import io.github.leadrules.test.RuleVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.leadrules.PackagedRules.EXC_COMPETITOR;
import static io.github.leadrules.PackagedRules.EXC_DISPOSABLE_EMAIL;
import static io.github.leadrules.PackagedRules.EXC_DUPLICATE;
import static io.github.leadrules.PackagedRules.EXC_EXISTING_CUSTOMER;
import static io.github.leadrules.PackagedRules.EXC_FREEMAIL_NO_COMPANY;
import static io.github.leadrules.PackagedRules.EXC_INTERNAL;
import static io.github.leadrules.PackagedRules.EXC_NON_TARGET_INDUSTRY;
import static io.github.leadrules.PackagedRules.EXC_NO_CONSENT;
import static io.github.leadrules.PackagedRules.EXC_NO_CONTACT;
import static io.github.leadrules.PackagedRules.EXC_OUT_OF_TERRITORY;
import static io.github.leadrules.PackagedRules.EXC_STUDENT;
import static io.github.leadrules.PackagedRules.EXC_TEST_SUBMISSION;
import static io.github.leadrules.PackagedRules.EXC_TOO_SMALL;
import static io.github.leadrules.rules.RuleFixtures.CLOCK;
import static io.github.leadrules.rules.RuleFixtures.COMPETITOR_DOMAIN;
import static io.github.leadrules.rules.RuleFixtures.NOW;
import static io.github.leadrules.rules.RuleFixtures.POLICY;
import static io.github.leadrules.rules.RuleFixtures.englishProspect;
import static io.github.leadrules.rules.RuleFixtures.expect;
import static io.github.leadrules.rules.RuleFixtures.japaneseProspect;
import static io.github.leadrules.rules.RuleFixtures.yamatoSeiki;

/**
 * The packaged exclusion rules (exclusion.drl), one rule at a time: each test gives a lead the
 * rule must exclude and, beside it, a near-identical lead it must not. Fixtures are named by role.
 */
class ExclusionRulesTest {

    private final RuleVerifier verifier = RuleFixtures.batched();

    // ------------------------------------------------------------------ fixtures, by role

    static final Lead prospectDomain = japaneseProspect("prospectDomain").build();
    static final Lead englishProspectDomain = englishProspect("englishProspectDomain").build();

    static final Lead freeMailWithoutCompany = japaneseProspect("freeMailWithoutCompany")
            .email("taro.yamada1985@gmail.com").company(null).build();
    static final Lead freeMailWithCompany = japaneseProspect("freeMailWithCompany")
            .email("taro.yamada1985@gmail.com").build();
    static final Lead carrierMailWithoutCompany = japaneseProspect("carrierMailWithoutCompany")
            .email("yamada-t@docomo.ne.jp").company(null).build();

    static final Lead disposableAddress = englishProspect("disposableAddress")
            .email("jane.miller@mailinator.com").build();

    static final Lead competitorDomain = japaneseProspect("competitorDomain")
            .email("k.watanabe@" + COMPETITOR_DOMAIN)
            .company(yamatoSeiki().toBuilder().name("株式会社ライバルCRM").domain(COMPETITOR_DOMAIN).industry("情報通信業").build())
            .build();
    static final Lead competitorSubdomain = japaneseProspect("competitorSubdomain")
            .email("k.watanabe@sales." + COMPETITOR_DOMAIN)
            .company(yamatoSeiki().toBuilder().name("株式会社ライバルCRM").domain(null).industry("情報通信業").build())
            .build();
    static final Lead competitorAccount = englishProspect("competitorAccount")
            .email("peter.gibbons@initech.example")
            .company(Company.builder().name("Initech Corporation").industry("Software").employeeCount(800)
                    .country("USA").build())
            .build();

    static final Lead existingCustomer = japaneseProspect("existingCustomer")
            .email("hanako.sato@sample-kogyo.co.jp")
            .company(yamatoSeiki().toBuilder().name("サンプル工業株式会社").domain("sample-kogyo.co.jp").build())
            .build();
    static final Lead ownedProspect = japaneseProspect("ownedProspect")
            .email("hanako.sato@miraitech.co.jp")
            .company(yamatoSeiki().toBuilder().name("株式会社ミライテック").domain("miraitech.co.jp").build())
            .build();

    static final Lead ownDomain = japaneseProspect("ownDomain")
            .email("ichiro.kato@" + RuleFixtures.OWN_DOMAIN)
            .company(yamatoSeiki().toBuilder().name("クラウドリード株式会社").domain(RuleFixtures.OWN_DOMAIN)
                    .industry("情報通信業").build())
            .build();

    static final Lead studentTitle = japaneseProspect("studentTitle").jobTitle("大学生（就職活動中）").build();
    static final Lead englishStudentTitle = englishProspect("englishStudentTitle").jobTitle("Graduate Student").build();
    static final Lead staffTitle = japaneseProspect("staffTitle").jobTitle("情報システム部 課長").build();

    static final Lead testCompanyName = japaneseProspect("testCompanyName")
            .company(yamatoSeiki().toBuilder().name("テスト株式会社").build()).build();
    static final Lead testLocalPart = englishProspect("testLocalPart").email("test@northwind.example").build();
    static final Lead reservedTestDomain = englishProspect("reservedTestDomain").email("jane.miller@example.com").build();
    static final Lead testerLocalPart = englishProspect("testerLocalPart").email("tester.jones@northwind.example").build();

    static final Lead overseasCompany = englishProspect("overseasCompany")
            .company(northwindIn("Germany")).build();
    static final Lead domesticCompany = englishProspect("domesticCompany")
            .company(northwindIn("日本")).build();
    static final Lead countryUnknown = englishProspect("countryUnknown")
            .company(northwindIn(null)).build();

    static final Lead nonTargetIndustry = japaneseProspect("nonTargetIndustry")
            .company(yamatoSeiki().toBuilder().name("株式会社東都不動産").industry("不動産業").build()).build();
    static final Lead targetIndustryAlias = japaneseProspect("targetIndustryAlias")
            .company(yamatoSeiki().toBuilder().industry("メーカー").build()).build();

    static final Lead belowMinimumSize = japaneseProspect("belowMinimumSize")
            .company(yamatoSeiki().toBuilder().employeeCount(9).build()).build();
    static final Lead atMinimumSize = japaneseProspect("atMinimumSize")
            .company(yamatoSeiki().toBuilder().employeeCount(10).build()).build();
    static final Lead justAboveMinimumSize = japaneseProspect("justAboveMinimumSize")
            .company(yamatoSeiki().toBuilder().employeeCount(11).build()).build();

    static final Lead recentDuplicate = englishProspect("recentDuplicate")
            .email("k.sato@globex.example").company(globex()).build();
    static final Lead staleDuplicate = englishProspect("staleDuplicate")
            .email("m.ito@globex.example").company(globex()).build();
    /** Submitted now; the same address came in 29, 30 and 31 days ago (the window is 30 days). */
    static final Lead duplicateOf29DaysAgo = englishProspect("duplicateOf29DaysAgo")
            .email("a.kimura@globex.example").company(globex()).submittedAt(NOW).build();
    static final Lead duplicateOf30DaysAgo = englishProspect("duplicateOf30DaysAgo")
            .email("y.hayashi@globex.example").company(globex()).submittedAt(NOW).build();
    static final Lead duplicateOf31DaysAgo = englishProspect("duplicateOf31DaysAgo")
            .email("s.mori@globex.example").company(globex()).submittedAt(NOW).build();

    static final Lead optedOut = japaneseProspect("optedOut").consent(Consent.OPTED_OUT).build();
    static final Lead consentUnknown = japaneseProspect("consentUnknown").consent(Consent.UNKNOWN).build();

    static final Lead noWayToContact = japaneseProspect("noWayToContact").email(null).phone(null).build();
    static final Lead phoneOnly = japaneseProspect("phoneOnly").email(null).build();

    private static Company northwindIn(String country) {
        return RuleFixtures.northwind().toBuilder().country(country).build();
    }

    private static Company globex() {
        return Company.builder().name("Globex Corporation").domain("globex.example").industry("Logistics")
                .employeeCount(2400).country("US").build();
    }

    // ------------------------------------------------------------------ one rule at a time

    @Test
    void freeMailSignUpWithoutCompanyIsExcludedButOneNamingItsCompanyIsNot() {
        verifier.rule(EXC_FREEMAIL_NO_COMPANY)
                .given(freeMailWithoutCompany, carrierMailWithoutCompany, freeMailWithCompany, prospectDomain)
                .firesFor(freeMailWithoutCompany).withReason("gmail.com")
                .firesFor(carrierMailWithoutCompany).withReason("docomo.ne.jp")
                .doesNotFireFor(freeMailWithCompany, prospectDomain);
    }

    @Test
    void disposableAddressIsExcludedButCorporateAddressIsNot() {
        verifier.rule(EXC_DISPOSABLE_EMAIL)
                .given(disposableAddress, englishProspectDomain)
                .firesFor(disposableAddress).withReason("mailinator.com")
                .doesNotFireFor(englishProspectDomain);
    }

    @Test
    void competitorDomainIsExcludedButProspectDomainIsNot() {
        verifier.rule(EXC_COMPETITOR)
                .given(competitorDomain, competitorSubdomain, competitorAccount, prospectDomain, englishProspectDomain)
                .firesFor(competitorDomain, competitorSubdomain, competitorAccount).withReason("competitor")
                .doesNotFireFor(prospectDomain, englishProspectDomain);
    }

    @Test
    void existingCustomerIsExcludedButOwnedProspectIsNot() {
        verifier.rule(EXC_EXISTING_CUSTOMER)
                .given(existingCustomer, ownedProspect, prospectDomain)
                .firesFor(existingCustomer).withReason("account A-100")
                .doesNotFireFor(ownedProspect, prospectDomain);
    }

    @Test
    void ownDomainIsExcludedButProspectDomainIsNot() {
        verifier.rule(EXC_INTERNAL)
                .given(ownDomain, prospectDomain)
                .firesFor(ownDomain).withReason("own domain")
                .doesNotFireFor(prospectDomain);
    }

    @Test
    void studentTitleIsExcludedButStaffTitleIsNot() {
        verifier.rule(EXC_STUDENT)
                .given(studentTitle, englishStudentTitle, staffTitle, englishProspectDomain)
                .firesFor(studentTitle, englishStudentTitle).withReason("student")
                .doesNotFireFor(staffTitle, englishProspectDomain);
    }

    @Test
    void testSubmissionIsExcludedButRealSubmissionIsNot() {
        verifier.rule(EXC_TEST_SUBMISSION)
                .given(testCompanyName, testLocalPart, reservedTestDomain, testerLocalPart, prospectDomain)
                .firesFor(testCompanyName, testLocalPart, reservedTestDomain).withReason("test")
                .doesNotFireFor(testerLocalPart, prospectDomain);
    }

    @Test
    void overseasCompanyIsExcludedButDomesticOrUnknownCountryIsNot() {
        verifier.rule(EXC_OUT_OF_TERRITORY)
                .given(overseasCompany, domesticCompany, countryUnknown, englishProspectDomain)
                .firesFor(overseasCompany).withReason("Country DE")
                .doesNotFireFor(domesticCompany, countryUnknown, englishProspectDomain);
    }

    @Test
    void nonTargetIndustryIsExcludedButTargetIndustryUnderAnyAliasIsNot() {
        verifier.rule(EXC_NON_TARGET_INDUSTRY)
                .given(nonTargetIndustry, targetIndustryAlias, prospectDomain)
                .firesFor(nonTargetIndustry).withReason("'real estate'")
                .doesNotFireFor(targetIndustryAlias, prospectDomain);
    }

    @Test
    void companyBelowMinimumSizeIsExcludedButOneAtOrJustAboveTheMinimumIsNot() {
        verifier.rule(EXC_TOO_SMALL)
                .given(belowMinimumSize, atMinimumSize, justAboveMinimumSize)
                .firesFor(belowMinimumSize).withReason("9 employees; the minimum is 10")
                .doesNotFireFor(atMinimumSize, justAboveMinimumSize);
    }

    @Test
    void duplicateWithinTheWindowIsExcludedButOneOlderThanTheWindowIsNot() {
        verifier.rule(EXC_DUPLICATE)
                .given(recentDuplicate, staleDuplicate, englishProspectDomain)
                .firesFor(recentDuplicate).withReason("within the last 30 days")
                .doesNotFireFor(staleDuplicate, englishProspectDomain);
    }

    @Test
    void duplicateOfALeadExactlyThirtyDaysOldIsStillExcludedButOneOfThirtyOneIsNot() {
        verifier.rule(EXC_DUPLICATE)
                .given(duplicateOf29DaysAgo, duplicateOf30DaysAgo, duplicateOf31DaysAgo)
                .firesFor(duplicateOf29DaysAgo, duplicateOf30DaysAgo).withReason("within the last 30 days")
                .doesNotFireFor(duplicateOf31DaysAgo);

        verifier.pipeline().given(duplicateOf30DaysAgo).yields(Outcome.EXCLUDED).withExclusions(EXC_DUPLICATE);
        verifier.pipeline().given(duplicateOf31DaysAgo).yields(Outcome.QUALIFIED).withExclusions();
    }

    @Test
    void optedOutLeadIsExcludedButUnknownConsentIsNotUnderTheDefaultPolicy() {
        verifier.rule(EXC_NO_CONSENT)
                .given(optedOut, consentUnknown, prospectDomain)
                .firesFor(optedOut).withReason("OPTED_OUT")
                .doesNotFireFor(consentUnknown, prospectDomain);
    }

    @Test
    void unknownConsentIsExcludedWhenThePolicyRequiresExplicitConsent() {
        RuleVerifier strict = RuleVerifier.of(LeadQualifier.builder()
                .policy(POLICY.toBuilder().requireExplicitConsent(true).build())
                .accounts(RuleFixtures.ACCOUNTS).clock(CLOCK).build());

        strict.rule(EXC_NO_CONSENT)
                .given(consentUnknown, optedOut, prospectDomain)
                .firesFor(consentUnknown).withReason("UNKNOWN")
                .firesFor(optedOut).withReason("OPTED_OUT")
                .doesNotFireFor(prospectDomain);
    }

    @Test
    void leadWithNeitherEmailNorPhoneIsExcludedButPhoneOnlyIsNot() {
        verifier.rule(EXC_NO_CONTACT)
                .given(noWayToContact, phoneOnly, prospectDomain)
                .firesFor(noWayToContact).withReason("Neither an e-mail address nor a phone number")
                .doesNotFireFor(phoneOnly, prospectDomain);
    }

    // ------------------------------------------------------------------ the stage as a whole

    @Test
    void excludedLeadIsCountedOutAndRoutedNowhereWithEveryExclusionReason() {
        Lead smallOverseasCompetitor = englishProspect("smallOverseasCompetitor")
                .email("hans.mueller@salesrival.example")
                .company(Company.builder().name("SalesRival GmbH").industry("Software").employeeCount(8)
                        .country("Deutschland").build())
                .build();

        verifier.pipeline().given(smallOverseasCompetitor)
                .yields(Outcome.EXCLUDED)
                .withExclusions(EXC_COMPETITOR, EXC_OUT_OF_TERRITORY, EXC_TOO_SMALL)
                .routedTo(Destination.NONE)
                .withoutSlaDeadline()
                .withReasons(EXC_COMPETITOR, EXC_OUT_OF_TERRITORY, EXC_TOO_SMALL, PackagedRules.RTE_EXCLUDED_NOWHERE);
    }

    @Test
    void cleanProspectsPassEveryExclusionRule() {
        verifier.pipeline().given(prospectDomain).yields(Outcome.QUALIFIED).withExclusions();
        verifier.pipeline().given(englishProspectDomain).yields(Outcome.QUALIFIED).withExclusions();
    }

    /**
     * Every exclusion rule, over 60 varied leads, in one shared session and again one lead per
     * session, twice each: more than 20 evaluations of every condition, so that Drools' JIT
     * compilation of constraints (after 20 evaluations, in the background) is exercised and checked.
     */
    @Test
    @DisplayName("every exclusion rule decides the same for 60 leads in one batch and one lead per session, past the JIT threshold")
    void everyExclusionRuleDecidesTheSameInOneBatchAndOneLeadPerSession() {
        List<RuleFixtures.Expectation> table = RuleFixtures.varied(List.of(
                expect(prospectDomain),
                expect(englishProspectDomain),
                expect(freeMailWithoutCompany, EXC_FREEMAIL_NO_COMPANY),
                expect(carrierMailWithoutCompany, EXC_FREEMAIL_NO_COMPANY),
                expect(freeMailWithCompany),
                expect(disposableAddress, EXC_DISPOSABLE_EMAIL),
                expect(competitorDomain, EXC_COMPETITOR),
                expect(competitorSubdomain, EXC_COMPETITOR),
                expect(competitorAccount, EXC_COMPETITOR),
                expect(existingCustomer, EXC_EXISTING_CUSTOMER),
                expect(ownedProspect),
                expect(ownDomain, EXC_INTERNAL),
                expect(studentTitle, EXC_STUDENT),
                expect(englishStudentTitle, EXC_STUDENT),
                expect(staffTitle),
                expect(testCompanyName, EXC_TEST_SUBMISSION),
                expect(testLocalPart, EXC_TEST_SUBMISSION),
                expect(reservedTestDomain, EXC_TEST_SUBMISSION),
                expect(testerLocalPart),
                expect(overseasCompany, EXC_OUT_OF_TERRITORY),
                expect(domesticCompany),
                expect(countryUnknown),
                expect(nonTargetIndustry, EXC_NON_TARGET_INDUSTRY),
                expect(targetIndustryAlias),
                expect(belowMinimumSize, EXC_TOO_SMALL),
                expect(atMinimumSize),
                expect(justAboveMinimumSize),
                expect(recentDuplicate, EXC_DUPLICATE),
                expect(staleDuplicate),
                expect(duplicateOf29DaysAgo, EXC_DUPLICATE),
                expect(duplicateOf30DaysAgo, EXC_DUPLICATE),
                expect(duplicateOf31DaysAgo),
                expect(optedOut, EXC_NO_CONSENT),
                expect(consentUnknown),
                expect(noWayToContact, EXC_NO_CONTACT),
                expect(phoneOnly)), 60);

        BatchCheck.assertEveryRuleOfStage(Stage.EXCLUSION, table);
    }
}

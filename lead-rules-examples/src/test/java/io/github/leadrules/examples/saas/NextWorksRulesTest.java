package io.github.leadrules.examples.saas;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.QualificationTrace;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Company;
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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.github.leadrules.examples.saas.NextWorksFixtures.CLOCK;
import static io.github.leadrules.examples.saas.NextWorksFixtures.boothScanAtExpo;
import static io.github.leadrules.examples.saas.NextWorksFixtures.daysAgo;
import static io.github.leadrules.examples.saas.NextWorksFixtures.hidamariCare;
import static io.github.leadrules.examples.saas.NextWorksFixtures.kanameLead;
import static io.github.leadrules.examples.saas.NextWorksFixtures.partnerReferral;
import static io.github.leadrules.examples.saas.NextWorksFixtures.vostokLogistics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * NextWorks' own rules, one at a time, each beside a near-identical lead it must not fire for; the
 * packaged rule NextWorks disables; and every rule of its own over a table of leads, long enough for
 * Drools 10.2 to JIT-compile the constraints (after 20 evaluations) and check them again compiled.
 */
class NextWorksRulesTest {

    static final String TRADE_SHOW = "NW-URG-TRADE-SHOW";
    static final String PARTNER_REFERRAL = "NW-URG-PARTNER-REFERRAL";
    static final String SANCTIONED = "NW-EXC-SANCTIONED-COUNTRY";

    private final RuleVerifier verifier = NextWorksFixtures.verifier();

    // ------------------------------------------------------------------ fixtures, by role

    static final Lead boothScan = boothScanAtExpo("boothScan").build();
    static final Lead boothScanAtAnotherShow = boothScanAtExpo("boothScanAtAnotherShow")
            .attribute("event", "kaigo-dx-fair-2026").build();
    static final Lead expoNamedOnWebForm = boothScanAtExpo("expoNamedOnWebForm").source("web-form").build();

    static final Lead referral = partnerReferral("referral").build();
    static final Lead partnerNewsletterClick = hidamariCare("partnerNewsletterClick")
            .attribute("partner", "SR-0031").build();
    static final Lead referralCodeWithoutPartner = hidamariCare("referralCodeWithoutPartner")
            .attribute("referral_code", "NWREF-2611-0031").build();

    static final Lead russianDomain = vostokLogistics("russianDomain", "vostok-logistics.ru").build();
    static final Lead japaneseDomain = vostokLogistics("japaneseDomain", "vostok-logistics.co.jp").build();
    static final Lead belarusianDomain = vostokLogistics("belarusianDomain", "vostok-logistics.by").build();
    static final Lead ruInsideTheName = vostokLogistics("ruInsideTheName", "ru-vostok.co.jp").build();
    static final Lead companyInIran = vostokLogistics("companyInIran", "parsfreight.com")
            .company(Company.builder().name("Pars Freight Co.").industry("Logistics").employeeCount(200)
                    .country("Iran").build())
            .build();

    // ------------------------------------------------------------------ NW-URG-TRADE-SHOW

    @Test
    void aBoothScanAtTheExpoRaisesUrgencyButAScanAtAnotherShowOrTheExpoTypedIntoAWebFormDoesNot() {
        verifier.rule(TRADE_SHOW)
                .given(boothScan, boothScanAtAnotherShow, expoNamedOnWebForm)
                .firesFor(boothScan).withReason("人事労務DX EXPO 2026 秋")
                .doesNotFireFor(boothScanAtAnotherShow, expoNamedOnWebForm);
    }

    @Test
    void aBoothScanAloneIsMediumAndGoesToInsideSales() {
        verifier.pipeline().given(boothScan)
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.MEDIUM)
                .routedTo(Destination.INSIDE_SALES)
                .withTeam("inside-sales-jp")
                .withReasons(TRADE_SHOW, "RTE-INSIDE-SALES-MEDIUM");
        verifier.pipeline().given(boothScanAtAnotherShow)
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.UNKNOWN)
                .withReasons("RTE-INSIDE-SALES-UNKNOWN-TIMING");
    }

    // ------------------------------------------------------------------ NW-URG-PARTNER-REFERRAL

    @Test
    void aPartnerReferralWithItsCodeRaisesUrgencyButAPartnerOrACodeAloneDoesNot() {
        verifier.rule(PARTNER_REFERRAL)
                .given(referral, partnerNewsletterClick, referralCodeWithoutPartner)
                .firesFor(referral).withReason("Referred by partner SR-0031")
                .doesNotFireFor(partnerNewsletterClick, referralCodeWithoutPartner);
    }

    @Test
    void aReferralAddsTwentyFivePointsToTheSameContactRequest() {
        verifier.pipeline().given(referral)
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.HIGH)
                .withReasons(PARTNER_REFERRAL, "URG-SALES-REQUEST", "RTE-INSIDE-SALES-WEAK-FIT");
        assertThat(verifier.qualifier().qualify(referral).urgency().score()).isEqualTo(75);
        assertThat(verifier.qualifier().qualify(partnerNewsletterClick).urgency().score()).isEqualTo(50);
    }

    // ------------------------------------------------------------------ NW-EXC-SANCTIONED-COUNTRY

    @Test
    void aSanctionedCountryIsExcludedByItsEmailDomainOrItsCountryButNotForTheLettersRuInADomainName() {
        verifier.rule(SANCTIONED)
                .given(russianDomain, belarusianDomain, companyInIran, japaneseDomain, ruInsideTheName)
                .firesFor(russianDomain).withReason("Sanctioned country (RU)")
                .firesFor(belarusianDomain).withReason("Sanctioned country (BY)")
                .firesFor(companyInIran).withReason("Sanctioned country (IR)")
                .doesNotFireFor(japaneseDomain, ruInsideTheName);
    }

    @Test
    void aSanctionedCountryIsExcludedEvenWhenThePolicyMadeItATargetCountry() {
        // The legal exclusion must not depend on marketing's territory list.
        LeadQualifier everyCountry = NextWorksHost.builder(CLOCK)
                .policy(NextWorksHost.policy().toBuilder().targetCountries(List.of()).build())
                .build();
        Lead russia = vostokLogistics("russia", "volga-freight.ru")
                .company(Company.builder().name("Volga Freight LLC").industry("Logistics").employeeCount(400)
                        .country("Russia").build())
                .build();
        RuleVerifier.of(everyCountry).pipeline().given(russia)
                .yields(Outcome.EXCLUDED)
                .withExclusions(SANCTIONED)
                .routedTo(Destination.NONE);
        verifier.pipeline().given(russia)
                .yields(Outcome.EXCLUDED)
                .withExclusions(SANCTIONED, "EXC-OUT-OF-TERRITORY");
    }

    // ------------------------------------------------------------------ the disabled packaged rule

    /** A contact request with a three-month horizon and six page views in five days. */
    static Lead burstOfPageViews(String id) {
        Lead.Builder b = kanameLead(id).inquiryType(InquiryType.CONTACT_SALES)
                .purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS);
        for (int day : new int[] {5, 5, 3, 3, 1, 1}) {
            b.engagement(EngagementEvent.of(EngagementType.PAGE_VISIT, daysAgo(day)));
        }
        return b.build();
    }

    @Test
    void theEngagementBurstRuleIsNotInNextWorksRuleSet() {
        assertThat(verifier.ruleIds()).doesNotContain(NextWorksHost.DISABLED_RULE).hasSize(40);
        assertThatThrownBy(() -> verifier.rule(NextWorksHost.DISABLED_RULE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("disabled");
    }

    @Test
    void aBurstOfDoubleCountedPageViewsDoesNotRaiseUrgencyAsItWouldWithThePackagedRules() {
        Lead burst = burstOfPageViews("burst");
        QualificationTrace trace = verifier.pipeline().given(burst)
                .yields(Outcome.QUALIFIED)
                .withUrgency(UrgencyLevel.HIGH)
                .routedTo(Destination.FIELD_SALES)
                .withReasons("URG-SALES-REQUEST", "URG-TIMEFRAME-3-MONTHS", "RTE-FIELD-SALES")
                .trace();
        // The kit rejects a disabled id in withoutReasons(..), so the absence is checked on the trace.
        assertThat(trace.firedRuleIds()).doesNotContain(NextWorksHost.DISABLED_RULE);
        assertThat(trace.qualification().urgency().score()).isEqualTo(75);

        // The same lead, the same setup with the rule left on: IMMEDIATE. So the lead above did test it.
        LeadQualifier withBurstRule = LeadQualifier.builder()
                .policy(NextWorksHost.policy())
                .accounts(NextWorksHost.accounts())
                .clock(CLOCK)
                .addRules(NextWorksHost.RULE_RESOURCES.get(0))
                .addRules(NextWorksHost.RULE_RESOURCES.get(1))
                .addRules(NextWorksHost.RULE_RESOURCES.get(2))
                .build();
        RuleVerifier.of(withBurstRule).pipeline().given(burst)
                .withUrgency(UrgencyLevel.IMMEDIATE)
                .withReasons(NextWorksHost.DISABLED_RULE);
    }

    // ------------------------------------------------------------------ the catalogue

    @Test
    void eachNextWorksRuleIsInItsStageWithItsFileAndBusinessComment() {
        Map<String, Stage> stages = Map.of(SANCTIONED, Stage.EXCLUSION, TRADE_SHOW, Stage.URGENCY,
                PARTNER_REFERRAL, Stage.URGENCY);
        Map<String, String> files = Map.of(SANCTIONED, "saas/rules/sanctioned-countries.drl",
                TRADE_SHOW, "saas/rules/trade-show.drl", PARTNER_REFERRAL, "saas/rules/partner-referral.drl");
        List<RuleDescription> own = verifier.qualifier().rules().stream().filter(r -> r.id().startsWith("NW-")).toList();
        assertThat(own).extracting(RuleDescription::id).containsExactlyInAnyOrderElementsOf(stages.keySet());
        assertThat(own).allSatisfy(r -> {
            assertThat(r.stage()).as(r.id()).isEqualTo(stages.get(r.id()));
            assertThat(r.source()).as(r.id()).isEqualTo(files.get(r.id()));
            assertThat(r.description()).as(r.id()).isNotBlank();
            assertThat(r.name()).as(r.id()).isNotBlank();
        });
    }

    // ------------------------------------------------------------------ past the JIT threshold

    /** One kind of lead in the table, and which of NextWorks' rules must fire for it. */
    private record Kind(Function<String, Lead> lead, Set<String> fires) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(id -> boothScanAtExpo(id).build(), Set.of(TRADE_SHOW)),
            new Kind(id -> boothScanAtExpo(id).attribute("event", "kaigo-dx-fair-2026").build(), Set.of()),
            new Kind(id -> boothScanAtExpo(id).source("web-form").build(), Set.of()),
            new Kind(id -> boothScanAtExpo(id).source(null).build(), Set.of()),
            new Kind(id -> partnerReferral(id).build(), Set.of(PARTNER_REFERRAL)),
            new Kind(id -> hidamariCare(id).attribute("partner", "SR-0031").build(), Set.of()),
            new Kind(id -> hidamariCare(id).attribute("referral_code", "NWREF-2611-0031").build(), Set.of()),
            new Kind(id -> partnerReferral(id).source("trade-show").attribute("event", NextWorksHost.EXPO_EVENT).build(),
                    Set.of(TRADE_SHOW, PARTNER_REFERRAL)),
            new Kind(id -> vostokLogistics(id, "vostok-logistics.ru").build(), Set.of(SANCTIONED)),
            new Kind(id -> vostokLogistics(id, "vostok-logistics.co.jp").build(), Set.of()),
            new Kind(id -> vostokLogistics(id, "ru-vostok.co.jp").build(), Set.of()),
            new Kind(id -> vostokLogistics(id, "minsk-cargo.by").build(), Set.of(SANCTIONED)),
            new Kind(id -> vostokLogistics(id, "vostok-logistics.co.jp").company(Company.builder()
                    .name("Pars Freight Co.").employeeCount(200).country("Iran").build()).build(), Set.of(SANCTIONED)),
            new Kind(id -> boothScanAtExpo(id).email("jinji@kaname-ss.ru").build(), Set.of(SANCTIONED, TRADE_SHOW)),
            new Kind(id -> kanameLead(id).email(null).phone("03-0000-0000").build(), Set.of()));

    private static final int COPIES = 6;

    @Test
    void everyNextWorksRuleFiresForExactlyItsLeadsOverAndOverAfterJitCompilation() {
        List<Lead> leads = new ArrayList<>();
        List<Set<String>> fires = new ArrayList<>();
        for (int copy = 1; copy <= COPIES; copy++) {
            for (int k = 0; k < KINDS.size(); k++) {
                leads.add(KINDS.get(k).lead().apply(String.format("JIT-%d-%02d", copy, k)));
                fires.add(KINDS.get(k).fires());
            }
        }
        assertThat(leads).hasSizeGreaterThan(80);
        // Each given(..) qualifies all the leads on the shared rule base, evaluating every constraint
        // once per lead: nine calls of 90 leads are far past Drools' JIT threshold of 20 evaluations,
        // so the later calls check the rules on their compiled constraints.
        for (int round = 1; round <= 3; round++) {
            for (String rule : List.of(TRADE_SHOW, PARTNER_REFERRAL, SANCTIONED)) {
                List<Lead> expected = new ArrayList<>();
                for (int i = 0; i < leads.size(); i++) {
                    if (fires.get(i).contains(rule)) {
                        expected.add(leads.get(i));
                    }
                }
                assertThat(expected).as(rule).hasSizeBetween(COPIES * 2, leads.size() - COPIES * 2);
                verifier.rule(rule).given(leads).as("round %d", round).firesOnlyFor(expected);
            }
        }
    }
}

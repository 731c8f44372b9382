package io.github.leadrules;

import io.github.leadrules.compare.Backtest;
import io.github.leadrules.compare.QualificationDiff;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Policy signals take part like packaged rules: exact points and reasons next to the outcome and
 * route, the catalogue, traces, the funnel, backtest statistics, diff and the fingerprint; their
 * ids cannot clash with host rules; they do not move the rules onto watched worker threads.
 */
class SignalsInTheQualifierTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String POLICY = """
            fields:
              time_on_site: integer
              lead_origin: {type: choice, values: [API, Landing Page Submission, Lead Add Form, Lead Import]}
            signals:
              - id: ACME-REFERENCE
                name: Raise urgency for leads that came by reference and stayed
                when:
                  - {field: source, equals: Reference}
                  - {field: time_on_site, atLeast: 900}
                points: 30
                reason: Came by reference and stayed 15 minutes
              - id: ACME-LONG-VISIT
                when: {field: time_on_site, atLeast: 900}
                points: 20
              - id: ACME-FREE-TRIAL
                when: {field: source, equals: Free Trial}
                points: -10
                cap: low
                reason: Free-trial sign-ups are not buying yet
              - id: ACME-IMPORTED
                stage: exclusion
                when: {field: lead_origin, in: [Lead Import]}
                reason: Imported lists are not leads
            """;

    static LeadPolicy policy() {
        return LeadPolicy.load(new StringReader(POLICY), "config/lead-policy.yaml");
    }

    static LeadQualifier qualifier(LeadPolicy policy) {
        return LeadQualifier.builder().policy(policy).clock(CLOCK).build();
    }

    /** An engineer at a 50-person company: no packaged urgency signal, not a strong fit. */
    static Lead.Builder harbor(String id) {
        return Lead.builder(id).email("j.smith@harbor-robotics.com").jobTitle("Engineer")
                .company(Company.builder().name("Harbor Robotics Inc.").employeeCount(50).country("US").build());
    }

    static Lead.Builder sample(String id) {
        return Lead.builder(id).email("tanaka@sample-kogyo.co.jp").jobTitle("情報システム部 担当")
                .company(Company.builder().name("サンプル工業株式会社").employeeCount(300).country("日本").build());
    }

    @Test
    void twoUrgencySignalsAddTheirPointsAndReasonsAndTheLeadGoesToInsideSalesAsHigh() {
        Qualification q = qualifier(policy()).qualify(harbor("L-1").source("Reference").attribute("time_on_site", "1500").build());

        assertThat(q.outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(q.urgency().score()).isEqualTo(50);
        assertThat(q.urgency().level()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(q.route().destination()).isEqualTo(Destination.INSIDE_SALES);
        assertThat(q.reasons()).contains(
                new Reason("ACME-REFERENCE", Stage.URGENCY, "Came by reference and stayed 15 minutes"),
                new Reason("ACME-LONG-VISIT", Stage.URGENCY, "Raise urgency when time_on_site at least 900"));
        assertThat(q.reasonIds()).containsExactly("ACME-LONG-VISIT", "ACME-REFERENCE", "RTE-INSIDE-SALES-WEAK-FIT");
    }

    @Test
    void oneSecondShortOfTheVisitNeitherSignalFiresAndTheLeadHasNoUrgency() {
        Qualification q = qualifier(policy()).qualify(harbor("L-2").source("Reference").attribute("time_on_site", "899").build());

        assertThat(q.outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(q.urgency().score()).isZero();
        assertThat(q.urgency().level()).isEqualTo(UrgencyLevel.UNKNOWN);
        assertThat(q.reasonIds()).noneMatch(id -> id.startsWith("ACME-"));
    }

    @Test
    void anExclusionSignalExcludesWithItsReasonAndRoutesNowhere() {
        Qualification q = qualifier(policy()).qualify(sample("L-3").attribute("lead_origin", "lead import")
                .inquiryType(InquiryType.DEMO).build());

        assertThat(q.outcome()).isEqualTo(Outcome.EXCLUDED);
        assertThat(q.exclusions()).containsExactly(new Reason("ACME-IMPORTED", Stage.EXCLUSION, "Imported lists are not leads"));
        assertThat(q.route().destination()).isEqualTo(Destination.NONE);
    }

    @Test
    void aNegativeSignalWithACapHoldsAnImmediateLeadAtLow() {
        Qualification q = qualifier(policy()).qualify(sample("L-4").source("free trial").inquiryType(InquiryType.DEMO)
                .purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH).build());

        assertThat(q.outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(q.urgency().score()).isEqualTo(50 + 40 - 10);
        assertThat(q.urgency().level()).isEqualTo(UrgencyLevel.LOW);
        assertThat(q.reasons()).filteredOn(r -> r.ruleId().equals("ACME-FREE-TRIAL")).extracting(Reason::message)
                .containsOnly("Free-trial sign-ups are not buying yet");
    }

    @Test
    void theCatalogueListsEachSignalWithItsStageNameReasonAndSource() {
        List<RuleDescription> rules = qualifier(policy()).rules();

        assertThat(rules).filteredOn(r -> r.id().equals("ACME-REFERENCE")).singleElement().satisfies(r -> {
            assertThat(r.stage()).isEqualTo(Stage.URGENCY);
            assertThat(r.name()).isEqualTo("Raise urgency for leads that came by reference and stayed");
            assertThat(r.description()).isEqualTo("Came by reference and stayed 15 minutes");
            assertThat(r.source()).isEqualTo("policy signals");
        });
        assertThat(rules).filteredOn(r -> r.id().equals("ACME-IMPORTED")).singleElement()
                .extracting(RuleDescription::stage).isEqualTo(Stage.EXCLUSION);
    }

    @Test
    void signalsTakePartInTracesTheFunnelBacktestAndDiff() {
        LeadQualifier with = qualifier(policy());
        LeadQualifier without = qualifier(LeadPolicy.defaults().toBuilder().fields(policy().fields()).build());
        List<Lead> leads = List.of(
                harbor("L-1").source("Reference").attribute("time_on_site", "1500").build(),
                harbor("L-2").attribute("time_on_site", "950").build(),
                sample("L-3").attribute("lead_origin", "Lead Import").build(),
                sample("L-4").attribute("lead_origin", "API").build());

        assertThat(with.trace(leads).get(0).firedRuleIds()).contains("ACME-REFERENCE", "ACME-LONG-VISIT");
        assertThat(FunnelReport.of(with.qualifyAll(leads)).excludedByReason()).containsEntry("ACME-IMPORTED", 1);
        Backtest backtest = Backtest.run(with, leads, Map.of("L-1", true, "L-2", false, "L-3", false, "L-4", true));
        assertThat(backtest.rule("ACME-LONG-VISIT").fired()).isEqualTo(2);
        assertThat(backtest.rule("ACME-LONG-VISIT").conversions()).isEqualTo(1);
        assertThat(backtest.rule("ACME-FREE-TRIAL").neverFired()).isTrue();
        QualificationDiff diff = QualificationDiff.between(without, with, leads);
        assertThat(diff.changed()).isEqualTo(3);
        assertThat(diff.toText()).contains("ACME-IMPORTED").contains("ACME-LONG-VISIT");
    }

    @Test
    void signalsArePartOfTheFingerprintOnlyWhenThereAreAny() {
        LeadPolicy withSignals = policy();
        LeadPolicy sameFieldsNoSignals = withSignals.toBuilder().signals(List.of()).build();
        LeadPolicy neverHadSignals = LeadPolicy.defaults().toBuilder().fields(withSignals.fields()).build();
        LeadPolicy morePoints = LeadPolicy.load(new StringReader(POLICY.replace("points: 20", "points: 21")), "p.yaml");

        assertThat(qualifier(sameFieldsNoSignals).fingerprint()).isEqualTo(qualifier(neverHadSignals).fingerprint());
        assertThat(sameFieldsNoSignals.canonicalText()).doesNotContain("signals=");
        assertThat(qualifier(withSignals).fingerprint()).isNotEqualTo(qualifier(neverHadSignals).fingerprint())
                .isNotEqualTo(qualifier(morePoints).fingerprint());
        assertThat(qualifier(withSignals).fingerprint()).isEqualTo(qualifier(policy()).fingerprint());
    }

    @Test
    void aHostRuleWithTheIdOfASignalFailsTheBuildNamingBothPlaces() {
        String drl = """
                package com.example.leads;
                import io.github.leadrules.rules.LeadContext;

                rule "Reference leads"
                    @id("ACME-REFERENCE")
                    ruleflow-group "urgency"
                when
                    $lead : LeadContext( attribute("origin") == "reference" )
                then
                    $lead.addUrgency(10, "Came by reference");
                end
                """;
        LeadQualifier.Builder builder = LeadQualifier.builder().policy(policy()).clock(CLOCK).addRulesText("rules/acme.drl", drl);

        assertThatThrownBy(builder::build).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("duplicate rule id ACME-REFERENCE")
                .hasMessageContaining("rules/acme.drl")
                .hasMessageContaining("policy signals");
    }

    @Test
    void signalsAreTheLibrarysOwnCodeAndDoNotMoveRulesOntoWatchedThreads() {
        assertThat(qualifier(policy()).watchesRuleTime()).isFalse();
    }

    @Test
    void aSignalCanBeDisabledByItsIdLikeAPackagedRule() {
        LeadQualifier q = LeadQualifier.builder().policy(policy()).clock(CLOCK).disableRule("ACME-IMPORTED").build();

        assertThat(q.qualify(sample("L-3").attribute("lead_origin", "Lead Import").build()).outcome())
                .isEqualTo(Outcome.QUALIFIED);
        assertThat(q.rules()).extracting(RuleDescription::id).doesNotContain("ACME-IMPORTED").contains("ACME-REFERENCE");
    }
}

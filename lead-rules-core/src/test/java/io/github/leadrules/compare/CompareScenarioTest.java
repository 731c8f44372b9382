package io.github.leadrules.compare;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.QualificationTrace;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The packaged rules on realistic Japanese and English leads: a what-if that raises the minimum
 * company size from 10 to 50 employees, and a backtest against a known outcome.
 */
class CompareScenarioTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    /** Companies by size; the ones from 10 to 49 employees are what the what-if is about. */
    private static final List<Company> COMPANIES = List.of(
            company("サンプル工業株式会社", "sample-kogyo.co.jp", "製造業", 1200, "日本"),
            company("株式会社ミライテック", "miraitech.co.jp", "情報通信業", 30, "JP"),
            company("Acme Co., Ltd.", "acme.example", "Manufacturing", 250, "US"),
            company("Globex Corporation", "globex.example", "Retail", 5000, "US"),
            company("有限会社たなか商店", "tanaka-shoten.jp", "小売業", 12, "日本"),
            company("合同会社ヒカリデザイン", "hikari-design.jp", "Design", 8, "Japan"),
            company("Initech Inc.", "initech.example", "Software", 45, "US"),
            company("株式会社ブルーオーシャン物流", "blueocean-logi.co.jp", "運輸業", 300, "JP"));

    private static final List<InquiryType> INQUIRIES =
            List.of(InquiryType.DEMO, InquiryType.QUOTE, InquiryType.DOCUMENT_REQUEST, InquiryType.WHITE_PAPER);
    /** Stated timeframes, two per inquiry type in the order above: sales requests are near term. */
    private static final List<PurchaseTimeframe> TIMEFRAMES = List.of(
            PurchaseTimeframe.WITHIN_1_MONTH, PurchaseTimeframe.WITHIN_3_MONTHS,
            PurchaseTimeframe.WITHIN_1_MONTH, PurchaseTimeframe.WITHIN_6_MONTHS,
            PurchaseTimeframe.WITHIN_6_MONTHS, PurchaseTimeframe.UNDECIDED,
            PurchaseTimeframe.LATER, PurchaseTimeframe.UNKNOWN);

    private static LeadQualifier base;
    private static LeadQualifier candidate;
    private static List<Lead> leads;

    @BeforeAll
    static void qualifiers() {
        base = LeadQualifier.builder().clock(CLOCK).build();
        candidate = LeadQualifier.builder().clock(CLOCK).policy(LeadPolicy.defaults().toBuilder().minimumEmployees(50).build()).build();
        leads = leads();
    }

    @Test
    void raisingTheMinimumSizeExcludesExactlyTheLeadsFromTenToFortyNineEmployees() {
        QualificationDiff diff = QualificationDiff.between(base, candidate, leads);

        Set<String> midSized = leads.stream()
                .filter(l -> l.company() != null && l.company().employeeCount() != null
                        && l.company().employeeCount() >= 10 && l.company().employeeCount() < 50)
                .map(Lead::id).collect(Collectors.toSet());
        assertThat(midSized).hasSize(24);
        assertThat(diff.leads()).isEqualTo(leads.size());
        assertThat(diff.changes()).extracting(LeadChange::leadId).containsExactlyInAnyOrderElementsOf(midSized);
        assertThat(diff.baseFingerprint()).isEqualTo(base.fingerprint()).isNotEqualTo(diff.candidateFingerprint());

        // Every mid-sized lead that base qualified is now excluded and sent nowhere.
        int wasQualified = (int) diff.changes().stream().filter(c -> c.base().isQualified()).count();
        assertThat(wasQualified).isEqualTo(diff.outcomes().count(Outcome.QUALIFIED, Outcome.EXCLUDED)).isPositive();
        assertThat(diff.outcomes().moved()).isEqualTo(wasQualified);
        assertThat(diff.outcomes().count(Outcome.EXCLUDED, Outcome.QUALIFIED)).isZero();
        assertThat(diff.routes().candidateTotal(Destination.NONE) - diff.routes().baseTotal(Destination.NONE))
                .isEqualTo(wasQualified);
        for (LeadChange change : diff.changes()) {
            assertThat(change.candidate().outcome()).as(change.leadId()).isEqualTo(Outcome.EXCLUDED);
            assertThat(change.candidate().exclusionIds()).as(change.leadId()).contains("EXC-TOO-SMALL");
            assertThat(change.candidate().route().destination()).as(change.leadId()).isEqualTo(Destination.NONE);
            assertThat(change.firedOnlyUnderCandidate()).as(change.leadId()).contains("EXC-TOO-SMALL");
            assertThat(change.firedOnlyUnderBase()).as(change.leadId()).doesNotContain("EXC-TOO-SMALL");
        }
        assertThat(diff.ruleFiringChanges()).extracting(RuleFirings::ruleId).contains("EXC-TOO-SMALL", "RTE-EXCLUDED-NOWHERE");
        RuleFirings tooSmall = diff.ruleFirings().stream().filter(r -> r.ruleId().equals("EXC-TOO-SMALL")).findFirst().orElseThrow();
        assertThat(tooSmall.base()).isEqualTo(8);        // the 8 leads of ヒカリデザイン (8 employees), under both
        assertThat(tooSmall.candidate()).isEqualTo(32);   // plus the 24 of ミライテック, たなか商店 and Initech
    }

    @Test
    void aMiraitechDemoRequestMovesFromFieldOrInsideSalesToNowhereBecauseOfTheSizeRule() {
        QualificationDiff diff = QualificationDiff.between(base, candidate, leads);
        LeadChange demo = diff.changes().stream().filter(c -> c.leadId().equals("L-MIRAITECH-DEMO-1")).findFirst().orElseThrow();

        assertThat(demo.base().outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(demo.base().urgency().level()).isIn(UrgencyLevel.IMMEDIATE, UrgencyLevel.HIGH);
        assertThat(demo.base().route().destination()).isIn(Destination.FIELD_SALES, Destination.INSIDE_SALES);
        assertThat(demo.candidate().outcome()).isEqualTo(Outcome.EXCLUDED);
        assertThat(demo.candidate().hasReason("EXC-TOO-SMALL")).isTrue();
        assertThat(demo.aspects()).contains(LeadChange.Aspect.OUTCOME, LeadChange.Aspect.EXCLUSIONS, LeadChange.Aspect.ROUTE);
        assertThat(demo.firedOnlyUnderCandidate()).containsExactly("EXC-TOO-SMALL", "RTE-EXCLUDED-NOWHERE");
        assertThat(demo.summary()).startsWith("outcome QUALIFIED -> EXCLUDED; exclusions (none) -> EXC-TOO-SMALL");
        assertThat(diff.toText()).contains("L-MIRAITECH-DEMO-1: outcome QUALIFIED -> EXCLUDED");
    }

    @Test
    void comparingARuleSetWithItselfChangesNothing() {
        QualificationDiff same = QualificationDiff.between(base, base, leads);
        assertThat(same.changes()).isEmpty();
        assertThat(same.outcomes().moved()).isZero();
        assertThat(same.ruleFiringChanges()).isEmpty();
        assertThat(same.toText()).contains("decided differently (0.0%)").contains("(none)");
    }

    @Test
    void backtestOnKnownOutcomesShowsSalesRequestsFromRealCompaniesConvertAndCountsTheCostOfTheSizeRule() {
        // Buyers: demo or quote requests from companies of 30 or more, and one small shop that bought anyway.
        Predicate<Lead> converted = lead -> {
            int size = lead.company() == null || lead.company().employeeCount() == null ? 0 : lead.company().employeeCount();
            return (lead.inquiryType().isSalesRequest() && size >= 30) || lead.id().equals("L-HIKARI-DEMO-1");
        };
        Backtest backtest = Backtest.run(base, leads, converted);
        int expectedConversions = (int) leads.stream().filter(converted).count();

        assertThat(backtest.leads()).isEqualTo(leads.size());
        assertThat(backtest.conversions()).isEqualTo(expectedConversions);
        assertThat(backtest.baseRate()).isCloseTo((double) expectedConversions / leads.size(), within(1e-12));
        assertThat(backtest.fingerprint()).isEqualTo(base.fingerprint());
        assertThat(backtest.byRoute().stream().mapToInt(Cohort::leads).sum()).isEqualTo(leads.size());
        assertThat(backtest.byRoute().stream().mapToInt(Cohort::conversions).sum()).isEqualTo(expectedConversions);
        int qualified = backtest.outcome(Outcome.QUALIFIED).leads();
        assertThat(backtest.byUrgency().stream().mapToInt(Cohort::leads).sum()).isEqualTo(qualified);

        // The rules separate buyers from browsers: urgent leads convert above the base rate, nurture never.
        assertThat(backtest.urgency(UrgencyLevel.IMMEDIATE).lift()).isGreaterThan(1.5);
        assertThat(backtest.route(Destination.NURTURE).conversions()).isZero();

        // The size rule excluded the 8-employee studio; its one buyer is the rule's cost.
        ExclusionCost tooSmall = backtest.exclusion("EXC-TOO-SMALL");
        assertThat(tooSmall.excluded()).isEqualTo(8);
        assertThat(tooSmall.converted()).isEqualTo(1);
        assertThat(tooSmall.convertedOnlyByThisRule()).isEqualTo(1);

        // Per-rule figures agree with the trace, and rules nobody triggered are listed with 0.
        List<QualificationTrace> traces = base.trace(leads);
        backtest.rules().forEach(r -> assertThat(r.fired()).as(r.ruleId())
                .isEqualTo((int) traces.stream().filter(t -> t.fired(r.ruleId())).count()));
        assertThat(backtest.rules()).extracting(RuleStatistics::ruleId)
                .containsAll(base.rules().stream().map(d -> d.id()).toList());
        assertThat(backtest.neverFired()).extracting(RuleStatistics::ruleId).contains("EXC-INTERNAL", "EXC-COMPETITOR");
        assertThat(backtest.toText()).contains("EXC-INTERNAL").contains("never fired");
    }

    @Test
    void backtestByLeadIdNeedsAnOutcomeForEveryLead() {
        Map<String, Boolean> outcomes = new HashMap<>();
        leads.forEach(l -> outcomes.put(l.id(), l.inquiryType() == InquiryType.DEMO));
        Backtest byId = Backtest.run(base, leads, outcomes);
        assertThat(byId.conversions()).isEqualTo(16);   // two demo requests per company

        outcomes.remove("L-ACME-QUOTE-2");
        assertThatThrownBy(() -> Backtest.run(base, leads, outcomes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no known outcome for lead L-ACME-QUOTE-2; every backtested lead needs one");
    }

    /** Eight leads per company: each inquiry type twice, with varied titles and timeframes. */
    private static List<Lead> leads() {
        List<Lead> out = new ArrayList<>();
        Instant now = CLOCK.instant();
        for (Company company : COMPANIES) {
            for (int i = 0; i < INQUIRIES.size(); i++) {
                for (int t = 1; t <= 2; t++) {
                    int n = out.size();
                    InquiryType inquiry = INQUIRIES.get(i);
                    out.add(Lead.builder("L-" + key(company.domain()) + "-" + label(inquiry) + "-" + t)
                            .email("contact" + n + "@" + company.domain())
                            .jobTitle(n % 3 == 0 ? "情報システム部 部長" : n % 3 == 1 ? "Head of IT" : "担当")
                            .source("web-form")
                            .inquiryType(inquiry)
                            .purchaseTimeframe(TIMEFRAMES.get(2 * i + t - 1))
                            .consent(Consent.GIVEN)
                            .submittedAt(now.minus(Duration.ofHours(n + 1)))
                            .company(company)
                            .build());
                }
            }
        }
        return List.copyOf(out);
    }

    private static String label(InquiryType inquiry) {
        return switch (inquiry) {
            case DOCUMENT_REQUEST -> "DOCS";
            case WHITE_PAPER -> "WP";
            default -> inquiry.name();
        };
    }

    private static String key(String domain) {
        String head = domain.substring(0, domain.indexOf('.'));
        return head.replaceAll("-.*", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static Company company(String name, String domain, String industry, int employees, String country) {
        return Company.builder().name(name).domain(domain).industry(industry).employeeCount(employees).country(country).build();
    }
}

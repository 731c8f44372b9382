package io.github.leadrules.reload;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.ReloadableLeadQualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionListenerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    private static final Lead SAMPLE_KOGYO = Lead.builder("L-SAMPLE").email("taro@sample-kogyo.co.jp")
            .jobTitle("製造部 部長").inquiryType(InquiryType.DEMO)
            .company(Company.builder().name("サンプル工業株式会社").employeeCount(1200).country("日本").build()).build();
    private static final Lead ACME = Lead.builder("L-ACME").email("jane@acme.example").inquiryType(InquiryType.WHITE_PAPER)
            .company(Company.builder().name("Acme Co., Ltd.").employeeCount(250).country("US").build()).build();

    @Test
    void everyQualifyAndQualifyAllCallReachesTheListenerWithItsDecisions() {
        try (ReloadableLeadQualifier qualifier = ReloadableLeadQualifier.create(
                () -> LeadQualifier.builder().clock(CLOCK).build())) {
            List<List<Qualification>> seen = new ArrayList<>();
            List<Long> nanos = new ArrayList<>();
            qualifier.onDecisions((decisions, took) -> {
                seen.add(decisions);
                nanos.add(took);
            });

            Qualification one = qualifier.qualify(SAMPLE_KOGYO);
            List<Qualification> both = qualifier.qualifyAll(List.of(SAMPLE_KOGYO, ACME));
            qualifier.trace(List.of(ACME));

            assertThat(seen).containsExactly(List.of(one), both);
            assertThat(nanos).allSatisfy(n -> assertThat(n).isPositive());
        }
    }

    @Test
    void callsAtAnExplicitInstantReachTheListenerToo() {
        try (ReloadableLeadQualifier qualifier = ReloadableLeadQualifier.create(
                () -> LeadQualifier.builder().clock(CLOCK).build())) {
            List<List<Qualification>> seen = new ArrayList<>();
            qualifier.onDecisions((decisions, took) -> seen.add(decisions));
            Instant eventTime = Instant.parse("2026-11-27T09:30:00Z");

            Qualification one = qualifier.qualify(SAMPLE_KOGYO, eventTime);
            List<Qualification> both = qualifier.qualifyAll(List.of(SAMPLE_KOGYO, ACME), eventTime);

            assertThat(seen).containsExactly(List.of(one), both);
        }
    }

    @Test
    void aFailingListenerChangesNoDecision() {
        try (ReloadableLeadQualifier qualifier = ReloadableLeadQualifier.create(
                () -> LeadQualifier.builder().clock(CLOCK).build())) {
            Qualification without = qualifier.qualify(ACME);
            qualifier.onDecisions((decisions, took) -> {
                throw new IllegalStateException("metrics backend down");
            });
            List<Qualification> after = new ArrayList<>();
            qualifier.onDecisions((decisions, took) -> after.addAll(decisions));

            assertThat(qualifier.qualify(ACME)).isEqualTo(without);
            assertThat(after).containsExactly(without);
        }
    }
}

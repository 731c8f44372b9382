package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * {@link StartupProbe} with the packaged rules compiled from their DRL text at run time (every stage
 * replaced by its own packaged text), as every start did before the rules shipped precompiled. Run
 * by {@link PrecompiledStartup} beside the probe, for the comparison; prints the same lines.
 */
public final class DrlStartupProbe {

    private DrlStartupProbe() {
    }

    /** Builds from DRL, qualifies one lead, prints {@value StartupProbe#READY}, then the breakdown. */
    public static void main(String[] args) {
        long mainAt = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Lead lead = Lead.builder("L-0001")
                .email("taro.yamada@sample-kogyo.co.jp")
                .jobTitle("情報システム部 部長")
                .inquiryType(InquiryType.DEMO)
                .purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS)
                .company(Company.builder().name("サンプル工業株式会社").employeeCount(1200).country("日本")
                        .industry("製造業").build())
                .build();
        LeadQualifier qualifier = PackagedDrl.allStagesFromDrl(LeadQualifier.builder()
                .clock(Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC)), "").build();
        long built = System.nanoTime();
        Qualification q = qualifier.qualify(lead);
        long qualified = System.nanoTime();
        System.out.println(StartupProbe.READY + " " + q.outcome() + " " + q.urgency().level() + " " + q.route().destination());
        System.out.flush();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("BREAKDOWN jvmToMainMs=" + (mainAt - jvmStart)
                + " buildMs=" + (built - t0) / 1_000_000
                + " firstQualifyMs=" + (qualified - built) / 1_000_000);
    }
}

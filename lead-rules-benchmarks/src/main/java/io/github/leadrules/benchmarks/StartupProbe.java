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
 * What a host does after its JVM starts: build a qualifier with the packaged rules and the default
 * policy, and qualify one lead. Run in a fresh process by {@link StartupHarness}, which times it
 * from outside; the line {@value #READY} marks the first qualification. After that line (outside
 * the measurement) it prints where the time went.
 */
public final class StartupProbe {

    /** The line that marks the first qualification. */
    public static final String READY = "FIRST-QUALIFICATION";

    private StartupProbe() {
    }

    /** Builds, qualifies one lead, prints {@value #READY}, then the breakdown. */
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
        LeadQualifier qualifier = LeadQualifier.builder()
                .clock(Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC))
                .build();
        long built = System.nanoTime();
        Qualification q = qualifier.qualify(lead);
        long qualified = System.nanoTime();
        System.out.println(READY + " " + q.outcome() + " " + q.urgency().level() + " " + q.route().destination());
        System.out.flush();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("BREAKDOWN jvmToMainMs=" + (mainAt - jvmStart)
                + " buildMs=" + (built - t0) / 1_000_000
                + " firstQualifyMs=" + (qualified - built) / 1_000_000);
    }
}

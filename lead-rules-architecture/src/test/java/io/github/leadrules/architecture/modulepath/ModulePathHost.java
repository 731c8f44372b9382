package io.github.leadrules.architecture.modulepath;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A host on the class path using lead-rules from the module path, run in a child JVM by
 * {@code ModulePathTest}: packaged rules, a host rule and the shipped domain lists must all work.
 */
public final class ModulePathHost {

    private static final String HOST_RULE = """
            package com.example.host.rules;

            import io.github.leadrules.rules.LeadContext;

            rule "Exclude leads registered by a reseller partner"
                @id("EXC-PARTNER-REGISTERED")
                ruleflow-group "exclusion"
            when
                $lead : LeadContext( "reseller" == attribute("registeredBy") )
            then
                $lead.exclude("Registered by a reseller partner");
            end
            """;

    private ModulePathHost() {
    }

    /**
     * Prints the module's facts and two decisions.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Module core = LeadQualifier.class.getModule();
        System.out.println("module " + core.getName() + " automatic=" + core.getDescriptor().isAutomatic()
                + " exports internal=" + core.isExported("io.github.leadrules.internal")
                + " exports rules=" + core.isExported("io.github.leadrules.rules"));
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        LeadQualifier qualifier = LeadQualifier.builder()
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .addRulesText("our-extra.drl", HOST_RULE)
                .build();
        Lead demo = Lead.builder("L-7001").email("t.yamada@sample-kogyo.co.jp").jobTitle("製造本部 部長")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                .company(Company.builder().name("サンプル工業株式会社").industry("製造業").employeeCount(1200)
                        .country("日本").build())
                .build();
        Lead reseller = Lead.builder("L-7002").email("someone@gmail.com").attribute("registeredBy", "reseller").build();
        for (Qualification q : qualifier.qualifyAll(List.of(demo, reseller))) {
            System.out.println("lead " + q.leadId() + " " + q.outcome() + " " + q.reasonIds());
        }
    }
}

package io.github.leadrules.robustness;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise 4 says a runaway rule yields ERROR "with a reason naming the rule". When a host rule
 * loops by updating its lead, every other rule of the stage that matches the lead is re-activated
 * by each update too, and the firing that crosses the bound may belong to an innocent packaged
 * rule. The reason must still name the host rule that loops.
 */
class RunawayBlameTest {

    private static final String LOOPING_URGENCY_RULE = """
            package com.example.host;
            import io.github.leadrules.rules.LeadContext;

            // Re-checks the lead after every change (a host bug: it changes nothing, so it loops).
            rule "Re-check the lead after every change"
                @id("URG-HOST-RECHECK")
                ruleflow-group "urgency"
            when
                $lead : LeadContext( attribute("recheck") == "yes" )
            then
                update($lead);
            end
            """;

    @Test
    void aLoopingRuleThatReFiresOtherRulesStillYieldsErrorForItsLead() {
        LeadQualifier qualifier = LeadQualifier.builder().clock(RealisticLeads.CLOCK).maxRuleFiringsPerLead(50)
                .addRulesText("recheck.drl", LOOPING_URGENCY_RULE).build();
        Lead quoteFromADecisionMaker = Lead.builder("JP-R01").email("taro.yamada@sample-kogyo.co.jp")
                .jobTitle("購買部 部長").inquiryType(InquiryType.QUOTE).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                .company(Company.builder().name("サンプル工業株式会社").employeeCount(800).country("日本").build())
                .attribute("recheck", "yes").build();

        Qualification q = qualifier.qualify(quoteFromADecisionMaker);

        assertThat(q.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(q.reasons()).singleElement().satisfies(r -> assertThat(r.message()).contains("exceeded the bound"));
        assertThat(q.reasons().get(0).message()).doesNotContain("taro.yamada");
    }

    @Test
    void aLoopingRuleIsNamedNotTheInnocentRuleItReFired() {
        LeadQualifier qualifier = LeadQualifier.builder().clock(RealisticLeads.CLOCK).maxRuleFiringsPerLead(50)
                .addRulesText("recheck.drl", LOOPING_URGENCY_RULE).build();
        Lead lead = Lead.builder("JP-R02").email("hanako.sato@sample-kogyo.co.jp").jobTitle("代表取締役社長")
                .inquiryType(InquiryType.DEMO).attribute("recheck", "yes").build();

        assertThat(qualifier.qualify(lead).reasonIds()).containsExactly("URG-HOST-RECHECK");
    }
}

package io.github.leadrules;

import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A builder given no policy loads the shipped defaults on a second thread while it compiles the
 * rules; what comes out is the qualifier an explicit {@code policy(LeadPolicy.defaults())} builds:
 * the same policy object, fingerprint and decisions.
 */
class DefaultPolicyAlongsideTest {

    private static final List<Lead> LEADS = List.of(
            Fixtures.manufacturerDemo("L-8001"),
            Fixtures.documentRequestAlone("L-8002"),
            Fixtures.documentRequestWithCaseStudy("L-8003"),
            Fixtures.existingCustomer("L-8004"));

    @Test
    void aBuilderWithoutAPolicyDecidesAsOneGivenTheDefaults() {
        LeadQualifier implicit = LeadQualifier.builder().accounts(Fixtures.ACCOUNTS).clock(Fixtures.CLOCK).build();
        LeadQualifier explicit = LeadQualifier.builder().policy(LeadPolicy.defaults()).accounts(Fixtures.ACCOUNTS)
                .clock(Fixtures.CLOCK).build();

        assertThat(implicit.policy()).isSameAs(LeadPolicy.defaults());
        assertThat(implicit.fingerprint()).isEqualTo(explicit.fingerprint());
        List<Qualification> implicitDecisions = implicit.qualifyAll(LEADS);
        assertThat(implicitDecisions).isEqualTo(explicit.qualifyAll(LEADS));
        assertThat(implicitDecisions).extracting(Qualification::fingerprint).containsOnly(explicit.fingerprint());
    }

    @Test
    void aBuilderWithoutAPolicyAndWithHostRulesStillFingerprintsTheDefaults() {
        String drl = """
                package com.example.leads;

                import io.github.leadrules.rules.LeadContext;

                // A 株式会社 with a partner deal is the reseller's.
                rule "Exclude registered partner deals"
                    @id("EXC-HOST-PARTNER")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( attribute("partnerDeal") == "registered" )
                then
                    $lead.exclude("Registered by a reseller");
                end
                """;

        LeadQualifier implicit = LeadQualifier.builder().addRulesText("partner.drl", drl).build();
        LeadQualifier explicit = LeadQualifier.builder().policy(LeadPolicy.defaults()).addRulesText("partner.drl", drl).build();

        assertThat(implicit.fingerprint()).isEqualTo(explicit.fingerprint());
        assertThat(implicit.fingerprint()).isNotEqualTo(LeadQualifier.builder()
                .policy(LeadPolicy.defaults().toBuilder().minimumEmployees(11).build())
                .addRulesText("partner.drl", drl).build().fingerprint());
    }
}

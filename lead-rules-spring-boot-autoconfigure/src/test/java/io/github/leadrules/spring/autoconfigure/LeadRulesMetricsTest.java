package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.Qualifier;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.leadrules.spring.autoconfigure.LeadRulesAutoConfigurationTest.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

class LeadRulesMetricsTest {

    private static final org.springframework.boot.test.context.runner.ApplicationContextRunner WITH_REGISTRY =
            RUNNER.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    // rival-saas.example is a competitor under this policy
                    .withPropertyValues("leadrules.policy=classpath:leadrules-test/lead-policy.yaml");

    @Test
    void decisionsAreCountedByOutcomeUrgencyAndRoute() {
        WITH_REGISTRY.run(context -> {
            Qualifier qualifier = context.getBean(Qualifier.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Qualification sample = qualifier.qualify(Leads.sampleKogyoAtTradeShow());
            List<Qualification> both = qualifier.qualifyAll(List.of(Leads.sampleKogyoAtTradeShow(), Leads.rivalAnalyst()));
            Qualification rival = both.get(1);

            assertThat(registry.get("leadrules.decisions").tag("outcome", "QUALIFIED")
                    .tag("urgency", sample.urgency().level().name())
                    .tag("route", sample.route().destination().name()).counter().count()).isEqualTo(2.0);
            assertThat(registry.get("leadrules.decisions").tag("outcome", "EXCLUDED")
                    .tag("route", rival.route().destination().name()).counter().count()).isEqualTo(1.0);
            assertThat(registry.get("leadrules.qualify").timer().count()).as("one sample per call").isEqualTo(2);
        });
    }

    @Test
    void everyRuleThatGaveAReasonIsCountedOncePerLead() {
        WITH_REGISTRY.run(context -> {
            Qualifier qualifier = context.getBean(Qualifier.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Qualification rival = qualifier.qualify(Leads.rivalAnalyst());
            qualifier.qualify(Leads.rivalAnalyst());

            assertThat(rival.reasonIds()).contains("EXC-COMPETITOR");
            assertThat(registry.get("leadrules.rule.firings").tag("rule", "EXC-COMPETITOR").tag("stage", "EXCLUSION")
                    .counter().count()).isEqualTo(2.0);
            Set<String> counted = registry.find("leadrules.rule.firings").counters().stream()
                    .map(c -> c.getId().getTag("rule")).collect(Collectors.toSet());
            assertThat(counted).containsExactlyInAnyOrderElementsOf(Set.copyOf(rival.reasonIds()));
        });
    }

    @Test
    void noTagCarriesLeadData() {
        WITH_REGISTRY.run(context -> {
            Qualifier qualifier = context.getBean(Qualifier.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            List<Lead> leads = List.of(Leads.sampleKogyoAtTradeShow(), Leads.rivalAnalyst(), Leads.miraiTechCustomer());
            qualifier.qualifyAll(leads);
            Set<String> ruleIds = qualifier.rules().stream().map(r -> r.id()).collect(Collectors.toSet());

            for (Meter meter : registry.getMeters()) {
                for (Tag tag : meter.getId().getTags()) {
                    assertThat(tag.getValue()).as(meter.getId().getName() + " " + tag.getKey())
                            .matches(v -> v.matches("[A-Z0-9_]+") || ruleIds.contains(v) || v.equals("success")
                                    || v.equals("failure"), "an enum name, a rule id or a reload result");
                }
            }
            for (Lead lead : leads) {
                String allTags = registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream())
                        .map(Tag::getValue).collect(Collectors.joining(" "));
                assertThat(allTags).doesNotContain(lead.id()).doesNotContain(lead.email());
            }
        });
    }

    @Test
    void reloadsAreCountedBySuccess() {
        WITH_REGISTRY.run(context -> {
            context.getBean(LeadRulesReloads.class).reloadAndWait(60);
            assertThat(context.getBean(MeterRegistry.class).get("leadrules.reloads").tag("result", "success")
                    .counter().count()).isEqualTo(1.0);
        });
    }

    @Test
    void withoutAMeterRegistryThereAreNoMetrics() {
        RUNNER.run(context -> assertThat(context).doesNotHaveBean(LeadRulesMetrics.class));
    }
}

package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.Qualifier;
import io.github.leadrules.ReloadableLeadQualifier;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.assign.Assignment;
import io.github.leadrules.assign.AssignmentStrategy;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.PolicyFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LeadRulesAutoConfigurationTest {

    static final String BLOCKED_REGION_RULE = """
            package com.example.leads;

            import io.github.leadrules.rules.LeadContext;

            // We do not sell in Korea yet.
            rule "Exclude leads from a blocked region"
                @id("EXC-BLOCKED-REGION")
                ruleflow-group "exclusion"
            when
                $lead : LeadContext( countryCode == "KR" )
            then
                $lead.exclude("Blocked region");
            end
            """;

    /** A rule whose condition names a field LeadContext does not have: it cannot compile. */
    static final String BROKEN_RULE = """
            package com.example.leads;

            import io.github.leadrules.rules.LeadContext;

            rule "Exclude leads from a partner"
                @id("EXC-PARTNER")
                ruleflow-group "exclusion"
            when
                $lead : LeadContext( partnerCode == "P-17" )
            then
                $lead.exclude("Partner lead");
            end
            """;

    static final ApplicationContextRunner RUNNER = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LeadRulesAutoConfiguration.class,
                    LeadRulesHealthAutoConfiguration.class, LeadRulesEndpointAutoConfiguration.class,
                    LeadRulesMetricsAutoConfiguration.class))
            .withBean(Clock.class, () -> Clock.fixed(Leads.NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void theseTestsRunOnTheSpringBootLineTheBuildChose() {
        String expected = System.getProperty("leadrules.expected-spring-boot-line", "3");
        assertThat(SpringBootVersion.getVersion()).startsWith(expected + ".");
    }

    @Test
    void springBootFindsEveryAutoConfigurationOfTheModule() {
        List<String> candidates = new ArrayList<>();
        ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).forEach(candidates::add);
        assertThat(candidates).contains(LeadRulesAutoConfiguration.class.getName(),
                LeadRulesHealthAutoConfiguration.class.getName(), LeadRulesEndpointAutoConfiguration.class.getName(),
                LeadRulesMetricsAutoConfiguration.class.getName());
    }

    @Test
    void withNoPropertiesAtAllAReloadableQualifierServesThePackagedRules() {
        RUNNER.run(context -> {
            assertThat(context).hasSingleBean(Qualifier.class).hasSingleBean(ReloadableLeadQualifier.class);
            Qualifier qualifier = context.getBean(Qualifier.class);
            assertThat(qualifier.fingerprint()).matches("[0-9a-f]{16}");
            assertThat(qualifier.rules()).extracting(RuleDescription::id).contains("EXC-COMPETITOR", "URG-SALES-REQUEST");
            assertThat(qualifier.qualify(Leads.sampleKogyoAtTradeShow()).outcome()).isEqualTo(Outcome.QUALIFIED);
        });
    }

    @Test
    void thePolicyAndHostRulesComeFromClasspathAndFileLocations() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("blocked-region.drl"), BLOCKED_REGION_RULE, StandardCharsets.UTF_8);
        RUNNER.withPropertyValues("leadrules.policy=classpath:leadrules-test/lead-policy.yaml",
                        "leadrules.rules=classpath*:leadrules-test/*.drl," + rules.toUri() + "*.drl")
                .run(context -> {
                    Qualifier qualifier = context.getBean(Qualifier.class);
                    assertThat(qualifier.rules()).extracting(RuleDescription::id)
                            .contains("URG-TRADE-SHOW-DEMO", "EXC-BLOCKED-REGION");
                    Qualification rival = qualifier.qualify(Leads.rivalAnalyst());
                    assertThat(rival.exclusionIds()).contains("EXC-COMPETITOR");
                    assertThat(qualifier.qualify(Leads.sampleKogyoAtTradeShow()).reasonIds())
                            .contains("URG-TRADE-SHOW-DEMO");
                });
    }

    @Test
    void aFolderLocationAddsEveryRuleFileUnderIt() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("config/rules/regions"));
        Files.writeString(rules.resolve("blocked-region.drl"), BLOCKED_REGION_RULE, StandardCharsets.UTF_8);
        RUNNER.withPropertyValues("leadrules.rules=" + dir.resolve("config/rules").toUri())
                .run(context -> assertThat(context.getBean(Qualifier.class).rules()).extracting(RuleDescription::id)
                        .contains("EXC-BLOCKED-REGION"));
    }

    @Test
    void disabledRulesAreGoneFromTheRuleSet() {
        RUNNER.withPropertyValues("leadrules.disabled-rules=EXC-STUDENT, EXC-COMPETITOR").run(context -> {
            Qualifier qualifier = context.getBean(Qualifier.class);
            assertThat(qualifier.rules()).extracting(RuleDescription::id)
                    .doesNotContain("EXC-STUDENT", "EXC-COMPETITOR").contains("EXC-INTERNAL");
        });
    }

    @Test
    void batchSizeIsCheckedAtItsLimits() {
        RUNNER.withPropertyValues("leadrules.batch-size=1").run(context -> assertThat(context).hasNotFailed());
        RUNNER.withPropertyValues("leadrules.batch-size=100000").run(context -> assertThat(context).hasNotFailed());
        RUNNER.withPropertyValues("leadrules.batch-size=0").run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("batchSize must be between 1 and 100000, got 0"));
        RUNNER.withPropertyValues("leadrules.batch-size=100001").run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("got 100001"));
    }

    @Test
    void aBrokenRuleFileFailsStartUpNamingFileLineAndRule() throws IOException {
        Path broken = dir.resolve("partner.drl");
        Files.writeString(broken, BROKEN_RULE, StandardCharsets.UTF_8);
        RUNNER.withPropertyValues("leadrules.rules=" + broken.toUri()).run(context -> {
            assertThat(context).hasFailed();
            Throwable root = rootCause(context.getStartupFailure());
            assertThat(root).isInstanceOf(InvalidRulesException.class);
            assertThat(root.getMessage()).contains(broken + ":9").contains("[rule \"Exclude leads from a partner\"]");
            String analysis = new LeadRulesFailureAnalyzer().analyze(context.getStartupFailure()).getDescription();
            assertThat(analysis).contains(root.getMessage());
        });
    }

    @Test
    void aLocationThatMatchesNoRuleFileFailsStartUp() {
        String location = dir.toUri() + "no-such-folder/*.drl";
        RUNNER.withPropertyValues("leadrules.rules=" + location).run(context -> {
            Throwable root = rootCause(context.getStartupFailure());
            assertThat(root).isInstanceOf(InvalidRulesException.class)
                    .hasMessageContaining(location).hasMessageContaining("no .drl file matches this location");
        });
    }

    @Test
    void aBrokenPolicyFileFailsStartUpNamingItsLine() throws IOException {
        Path policy = dir.resolve("lead-policy.yaml");
        Files.writeString(policy, "ownDomains: [example-saas.co.jp]\nminimumEmployees: many\n", StandardCharsets.UTF_8);
        RUNNER.withPropertyValues("leadrules.policy=" + policy.toUri()).run(context -> {
            Throwable root = rootCause(context.getStartupFailure());
            assertThat(root).isInstanceOf(PolicyFileException.class).hasMessageContaining("minimumEmployees");
            assertThat(new LeadRulesPolicyFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                    .contains("lead-policy.yaml:2");
        });
    }

    @Test
    void theHostsAccountDirectoryReplacesTheEmptyDefault() {
        RUNNER.withUserConfiguration(HostAccounts.class).run(context -> {
            Qualification q = context.getBean(Qualifier.class).qualify(Leads.miraiTechCustomer());
            assertThat(q.exclusionIds()).contains("EXC-EXISTING-CUSTOMER");
            assertThat(q.route().owner()).isEqualTo("rep-suzuki");
        });
        RUNNER.run(context -> assertThat(context.getBean(Qualifier.class).qualify(Leads.miraiTechCustomer())
                .exclusionIds()).doesNotContain("EXC-EXISTING-CUSTOMER"));
    }

    @Test
    void theHostsAssignmentStrategyNamesTheOwner() {
        RUNNER.withUserConfiguration(HostAssignment.class).run(context -> {
            Qualification q = context.getBean(Qualifier.class).qualify(Leads.sampleKogyoAtTradeShow());
            assertThat(q.route().owner()).isEqualTo("rep-watanabe");
        });
    }

    @Test
    void aQualifierOfTheHostsOwnTakesThePlaceOfOurs() {
        RUNNER.withUserConfiguration(HostQualifier.class).run(context -> {
            assertThat(context).hasSingleBean(Qualifier.class).doesNotHaveBean(ReloadableLeadQualifier.class);
            assertThat(context.getBean(Qualifier.class)).isSameAs(context.getBean(HostQualifier.class).qualifier);
        });
    }

    @Test
    void leadrulesEnabledFalseCreatesNothing() {
        RUNNER.withPropertyValues("leadrules.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(Qualifier.class).doesNotHaveBean(LeadRulesReloads.class));
    }

    @Test
    void theQualifierIsClosedWithTheContext() {
        ReloadableLeadQualifier[] kept = new ReloadableLeadQualifier[1];
        RUNNER.run(context -> kept[0] = context.getBean(ReloadableLeadQualifier.class));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> kept[0].reload())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("after close()");
    }

    static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Configuration(proxyBeanMethods = false)
    static class HostAccounts {
        @Bean
        AccountDirectory accounts() {
            return InMemoryAccountDirectory.builder()
                    .add(new Account("A-1001", "株式会社ミライテック", Set.of("mirai-tech.co.jp"), Relationship.CUSTOMER,
                            "rep-suzuki"))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostAssignment {
        @Bean
        AssignmentStrategy assignment() {
            return request -> Assignment.to("rep-watanabe", "OWN-TRADE-SHOW-DESK", "Trade-show desk takes every lead");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostQualifier {
        final LeadQualifier qualifier = LeadQualifier.builder().disableRule("EXC-STUDENT").build();

        @Bean
        Qualifier hostQualifier() {
            return qualifier;
        }
    }
}

package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code leadrules} health indicator, on Spring Boot 3 or 4 (whichever health API is present).
 * Switched off with {@code management.health.leadrules.enabled=false}.
 */
@AutoConfiguration(after = LeadRulesAutoConfiguration.class)
@ConditionalOnBean({Qualifier.class, LeadRulesReloads.class})
@ConditionalOnProperty(prefix = "management.health.leadrules", name = "enabled", havingValue = "true",
        matchIfMissing = true)
public class LeadRulesHealthAutoConfiguration {

    /** Created by Spring. */
    public LeadRulesHealthAutoConfiguration() {
    }

    /** Spring Boot 3: {@code org.springframework.boot.actuate.health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3 {
        @Bean
        @ConditionalOnMissingBean(name = "leadrulesHealthIndicator")
        LeadRulesHealthIndicator leadrulesHealthIndicator(Qualifier qualifier, LeadRulesReloads reloads) {
            return new LeadRulesHealthIndicator(qualifier, reloads);
        }
    }

    /** Spring Boot 4: {@code org.springframework.boot.health.contributor}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot4 {
        @Bean
        @ConditionalOnMissingBean(name = "leadrulesHealthIndicator")
        LeadRulesBoot4HealthIndicator leadrulesHealthIndicator(Qualifier qualifier, LeadRulesReloads reloads) {
            return new LeadRulesBoot4HealthIndicator(qualifier, reloads);
        }
    }
}

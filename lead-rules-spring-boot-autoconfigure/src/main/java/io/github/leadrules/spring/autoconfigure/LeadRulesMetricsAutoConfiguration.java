package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.ReloadableLeadQualifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of the qualifier's decisions ({@link LeadRulesMetrics}), when Micrometer and a
 * {@link MeterRegistry} are present. Runs after Spring Boot's meter registry auto-configuration
 * (named for both the 3.x and the 4.x package).
 */
@AutoConfiguration(after = LeadRulesAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean(type = {"io.micrometer.core.instrument.MeterRegistry", "io.github.leadrules.ReloadableLeadQualifier"})
public class LeadRulesMetricsAutoConfiguration {

    /** Created by Spring. */
    public LeadRulesMetricsAutoConfiguration() {
    }

    /**
     * @param registry  the meter registry
     * @param qualifier the qualifier to measure
     * @return the meters, listening to the qualifier
     */
    @Bean
    @ConditionalOnMissingBean
    public LeadRulesMetrics leadRulesMetrics(MeterRegistry registry, ReloadableLeadQualifier qualifier) {
        return new LeadRulesMetrics(registry, qualifier);
    }
}

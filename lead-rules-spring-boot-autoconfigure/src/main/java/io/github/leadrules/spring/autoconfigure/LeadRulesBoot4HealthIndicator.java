package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code leadrules} health indicator on Spring Boot 4, where the health API moved to
 * {@code org.springframework.boot.health}; reports what {@link LeadRulesHealthIndicator} reports.
 */
public class LeadRulesBoot4HealthIndicator implements HealthIndicator {

    private final Qualifier qualifier;
    private final LeadRulesReloads reloads;

    /**
     * @param qualifier the qualifier to report on
     * @param reloads   its reloads
     */
    public LeadRulesBoot4HealthIndicator(Qualifier qualifier, LeadRulesReloads reloads) {
        this.qualifier = qualifier;
        this.reloads = reloads;
    }

    @Override
    public Health health() {
        return Health.up().withDetails(LeadRulesHealthDetails.of(qualifier, reloads)).build();
    }
}

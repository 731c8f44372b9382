package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code leadrules} health indicator on Spring Boot 3: UP with the fingerprint serving, the
 * rule count and the last reload (when it happened, whether it succeeded, its problems).
 */
public class LeadRulesHealthIndicator implements HealthIndicator {

    private final Qualifier qualifier;
    private final LeadRulesReloads reloads;

    /**
     * @param qualifier the qualifier to report on
     * @param reloads   its reloads
     */
    public LeadRulesHealthIndicator(Qualifier qualifier, LeadRulesReloads reloads) {
        this.qualifier = qualifier;
        this.reloads = reloads;
    }

    @Override
    public Health health() {
        return Health.up().withDetails(LeadRulesHealthDetails.of(qualifier, reloads)).build();
    }
}

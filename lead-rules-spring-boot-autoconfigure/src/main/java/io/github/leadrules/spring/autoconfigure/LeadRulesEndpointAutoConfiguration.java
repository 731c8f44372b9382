package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.Qualifier;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code leadrules} Actuator endpoint, when Actuator is present and the endpoint is available
 * (enabled and exposed: {@code management.endpoints.web.exposure.include=leadrules}).
 */
@AutoConfiguration(after = LeadRulesAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
        "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"})
@ConditionalOnBean({Qualifier.class, LeadRulesReloads.class})
public class LeadRulesEndpointAutoConfiguration {

    /** Created by Spring. */
    public LeadRulesEndpointAutoConfiguration() {
    }

    /**
     * @param qualifier the qualifier to list and reload
     * @param reloads   its reloads
     * @return the endpoint
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(endpoint = LeadRulesEndpoint.class)
    public LeadRulesEndpoint leadRulesEndpoint(Qualifier qualifier, LeadRulesReloads reloads) {
        return new LeadRulesEndpoint(qualifier, reloads);
    }
}

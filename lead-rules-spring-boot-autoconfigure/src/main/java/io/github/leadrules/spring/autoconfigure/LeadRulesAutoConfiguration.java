package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.Qualifier;
import io.github.leadrules.ReloadableLeadQualifier;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.assign.AssignmentStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

import java.time.Clock;

/**
 * Creates a {@link ReloadableLeadQualifier} bean from the {@code leadrules.*} properties
 * ({@link LeadRulesProperties}) unless the host defines its own {@link Qualifier}. The host's
 * {@link AccountDirectory}, {@link AssignmentStrategy} and {@link Clock} beans, when there is
 * exactly one of a kind, replace the library's defaults. Rules that do not compile and policy files
 * that do not load fail start-up, naming file, line and rule.
 */
@AutoConfiguration
@ConditionalOnClass(LeadQualifier.class)
@ConditionalOnProperty(prefix = "leadrules", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(LeadRulesProperties.class)
public class LeadRulesAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LeadRulesAutoConfiguration.class);

    /** Created by Spring. */
    public LeadRulesAutoConfiguration() {
    }

    /**
     * The qualifier: packaged rules plus the host's, under the configured policy. Closed with the
     * context (its reload thread ends).
     *
     * @param properties     the {@code leadrules.*} properties
     * @param resourceLoader resolves the policy and rule locations
     * @param accounts       the host's account directory, if any
     * @param assignment     the host's assignment strategy, if any
     * @param clock          the host's clock, if any
     * @return the reloadable qualifier, serving its first build
     */
    @Bean
    @ConditionalOnMissingBean(Qualifier.class)
    public ReloadableLeadQualifier leadRulesQualifier(LeadRulesProperties properties, ResourceLoader resourceLoader,
                                                      ObjectProvider<AccountDirectory> accounts,
                                                      ObjectProvider<AssignmentStrategy> assignment,
                                                      ObjectProvider<Clock> clock) {
        LeadQualifierFactory factory = new LeadQualifierFactory(properties,
                ResourcePatternUtils.getResourcePatternResolver(resourceLoader),
                accounts.getIfUnique(), assignment.getIfUnique(), clock.getIfUnique());
        ReloadableLeadQualifier qualifier = ReloadableLeadQualifier.create(factory);
        LOG.info("lead-rules: {} rules, fingerprint {}", qualifier.rules().size(), qualifier.fingerprint());
        return qualifier;
    }

    /**
     * Remembers the last reload for the health indicator and the endpoint.
     *
     * @param qualifier the qualifier in the context, the host's or ours
     * @return the record of reloads
     */
    @Bean
    @ConditionalOnMissingBean
    public LeadRulesReloads leadRulesReloads(ObjectProvider<Qualifier> qualifier) {
        return new LeadRulesReloads(qualifier.getIfUnique());
    }
}

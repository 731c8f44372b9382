package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.policy.PolicyFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up that failed on the policy file into Spring Boot's "APPLICATION FAILED TO START"
 * report with our message: every problem as {@code file:line:column key: message}.
 */
class LeadRulesPolicyFailureAnalyzer extends AbstractFailureAnalyzer<PolicyFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PolicyFileException cause) {
        return new FailureAnalysis("The lead-rules policy file could not be loaded. " + cause.getMessage(),
                "Fix the policy file named above, or correct leadrules.policy.", cause);
    }
}

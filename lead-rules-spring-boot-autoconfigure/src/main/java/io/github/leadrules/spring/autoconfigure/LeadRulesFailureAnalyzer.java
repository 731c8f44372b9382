package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.InvalidRulesException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up that failed on the rules into Spring Boot's "APPLICATION FAILED TO START" report
 * with our message: every problem as {@code file:line:column [rule] message}.
 */
class LeadRulesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRulesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRulesException cause) {
        return new FailureAnalysis("The lead-rules rules could not be built. " + cause.getMessage(),
                "Fix the rule files named above, or correct leadrules.rules / leadrules.disabled-rules.", cause);
    }
}

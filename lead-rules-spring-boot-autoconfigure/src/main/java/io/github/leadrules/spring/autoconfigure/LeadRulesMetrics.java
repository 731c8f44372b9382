package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.ReloadableLeadQualifier;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of a {@link ReloadableLeadQualifier}'s decisions. Every tag value is an enum
 * name or a rule id, never lead data:
 * <ul>
 *   <li>{@code leadrules.decisions} (counter): one per lead, tagged {@code outcome} (QUALIFIED,
 *       EXCLUDED, INVALID, ERROR), {@code urgency} (the urgency level) and {@code route} (the
 *       destination);</li>
 *   <li>{@code leadrules.rule.firings} (counter): one per lead per rule that gave one of the
 *       decision's reasons, tagged {@code rule} (its id) and {@code stage};</li>
 *   <li>{@code leadrules.qualify} (timer): one sample per {@code qualify} or {@code qualifyAll} call;</li>
 *   <li>{@code leadrules.reloads} (counter): one per reload, tagged {@code result} (success, failure).</li>
 * </ul>
 */
public class LeadRulesMetrics implements ReloadableLeadQualifier.DecisionListener {

    private final MeterRegistry registry;
    private final Timer qualifyTimer;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * Registers the meters and listens to the qualifier's decisions and reloads.
     *
     * @param registry  where the meters go
     * @param qualifier the qualifier to measure
     */
    public LeadRulesMetrics(MeterRegistry registry, ReloadableLeadQualifier qualifier) {
        this.registry = registry;
        this.qualifyTimer = Timer.builder("leadrules.qualify")
                .description("Time of each qualify or qualifyAll call")
                .register(registry);
        qualifier.onDecisions(this);
        qualifier.onReload(result -> counter("leadrules.reloads", "Reloads of the rules and policy",
                "result", result.succeeded() ? "success" : "failure").increment());
    }

    @Override
    public void decided(List<Qualification> decisions, long nanos) {
        qualifyTimer.record(nanos, TimeUnit.NANOSECONDS);
        for (Qualification q : decisions) {
            counter("leadrules.decisions", "Leads decided, by outcome, urgency and route",
                    "outcome", q.outcome().name(), "urgency", q.urgency().level().name(),
                    "route", q.route().destination().name()).increment();
            Set<String> seen = new LinkedHashSet<>();
            for (Reason reason : q.reasons()) {
                if (reason.ruleId() != null && seen.add(reason.ruleId())) {
                    counter("leadrules.rule.firings", "Leads for which a rule gave a reason of the decision",
                            "rule", reason.ruleId(), "stage", reason.stage().name()).increment();
                }
            }
        }
    }

    private Counter counter(String name, String description, String... tags) {
        String key = name + '|' + String.join("|", tags);
        return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags)
                .register(registry));
    }
}

package io.github.leadrules.compare;

import java.util.Objects;

/**
 * What one exclusion rule cost in a backtest: the leads it excluded that converted anyway. A lead
 * excluded by two rules counts under both; the "only" figures count the leads no other rule
 * excluded, i.e. what disabling this rule alone would bring back.
 *
 * @param ruleId                   the exclusion rule's id, e.g. {@code "EXC-TOO-SMALL"}
 * @param excluded                 leads it excluded
 * @param converted                of them, the leads that converted anyway
 * @param excludedOnlyByThisRule   leads it excluded that no other rule excluded
 * @param convertedOnlyByThisRule  of them, the leads that converted
 * @param conversionRate           {@code converted / excluded}; NaN when it excluded nothing
 * @param lift                     the conversion rate over the base rate; NaN when undefined
 * @param shareOfConversions       {@code converted} over all conversions; NaN when there are none
 */
public record ExclusionCost(String ruleId, int excluded, int converted, int excludedOnlyByThisRule,
                            int convertedOnlyByThisRule, double conversionRate, double lift,
                            double shareOfConversions) {

    /**
     * Requires the rule id.
     *
     * @param ruleId the exclusion rule's id, e.g. {@code "EXC-TOO-SMALL"}
     * @param excluded leads it excluded
     * @param converted of them, the leads that converted anyway
     * @param excludedOnlyByThisRule leads it excluded that no other rule excluded
     * @param convertedOnlyByThisRule of them, the leads that converted
     * @param conversionRate {@code converted / excluded}; NaN when it excluded nothing
     * @param lift the conversion rate over the base rate; NaN when undefined
     * @param shareOfConversions {@code converted} over all conversions; NaN when there are none
     */
    public ExclusionCost {
        Objects.requireNonNull(ruleId, "ruleId");
    }
}

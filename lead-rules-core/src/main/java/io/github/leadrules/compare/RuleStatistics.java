package io.github.leadrules.compare;

import java.util.Objects;

/**
 * How often one rule fired in a backtest and how the leads it fired for converted, so that a rule
 * that never fires, or an exclusion rule that fires mostly on buyers, is visible. A routing rule
 * counts every lead it proposed a route for, including leads where a rule of higher salience won.
 *
 * @param ruleId             the rule's stable id
 * @param fired              leads the rule fired for (0: it never fired)
 * @param conversions        of them, the leads that converted
 * @param conversionRate     {@code conversions / fired}; NaN when it never fired
 * @param lift               the conversion rate over the base rate; NaN when undefined
 * @param shareOfConversions {@code conversions} over all conversions; NaN when there are none
 */
public record RuleStatistics(String ruleId, int fired, int conversions, double conversionRate, double lift,
                             double shareOfConversions) {

    /**
     * Requires the rule id.
     *
     * @param ruleId the rule's stable id
     * @param fired leads the rule fired for (0: it never fired)
     * @param conversions of them, the leads that converted
     * @param conversionRate {@code conversions / fired}; NaN when it never fired
     * @param lift the conversion rate over the base rate; NaN when undefined
     * @param shareOfConversions {@code conversions} over all conversions; NaN when there are none
     */
    public RuleStatistics {
        Objects.requireNonNull(ruleId, "ruleId");
    }

    /** {@return whether the rule fired for no lead at all} */
    public boolean neverFired() {
        return fired == 0;
    }
}

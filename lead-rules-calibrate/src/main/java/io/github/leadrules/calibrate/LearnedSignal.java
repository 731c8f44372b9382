package io.github.leadrules.calibrate;

import java.util.Objects;

/**
 * One urgency signal calibrate learned: when its condition holds, a lead gets its points. The
 * figures are those of the leads it was learned from (every qualified lead of the input).
 *
 * @param id             its id in the policy file, {@code CAL-…}
 * @param condition      when it fires
 * @param points         the urgency points it adds (negative lowers urgency)
 * @param support        how many of the leads learned from it fires for
 * @param conversions    how many of those converted
 * @param conversionRate {@code conversions / support}
 * @param lift           {@code conversionRate} over the base rate of the leads learned from
 */
public record LearnedSignal(String id, Condition condition, int points, int support, int conversions,
                            double conversionRate, double lift) {

    /**
     * Requires the id and condition.
     *
     * @param id its id
     * @param condition when it fires
     * @param points the points it adds
     * @param support how many leads it fires for
     * @param conversions how many of those converted
     * @param conversionRate their conversion rate
     * @param lift their conversion rate over the base rate
     */
    public LearnedSignal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(condition, "condition");
    }
}

package io.github.leadrules.calibrate;

/**
 * The score from which urgency is IMMEDIATE, HIGH and MEDIUM, as the policy file's
 * {@code urgencyThresholds} takes them: whole numbers, at least 1, rising strictly
 * {@code medium < high < immediate}.
 *
 * @param immediate the score from which a lead is IMMEDIATE
 * @param high      the score from which a lead is HIGH
 * @param medium    the score from which a lead is MEDIUM; below it, LOW
 */
public record UrgencyThresholds(int immediate, int high, int medium) {

    /**
     * Checks the order.
     *
     * @param immediate the score from which a lead is IMMEDIATE
     * @param high the score from which a lead is HIGH
     * @param medium the score from which a lead is MEDIUM
     */
    public UrgencyThresholds {
        if (medium < 1 || high <= medium || immediate <= high) {
            throw new IllegalArgumentException("thresholds must rise strictly from at least 1: medium " + medium
                    + ", high " + high + ", immediate " + immediate);
        }
    }
}

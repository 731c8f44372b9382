package io.github.leadrules.model;

/**
 * When the lead says (or the rules conclude) it intends to buy: the purchase horizon.
 */
public enum PurchaseTimeframe {
    /** Within one month. */
    WITHIN_1_MONTH,
    /** Within three months. */
    WITHIN_3_MONTHS,
    /** Within six months. */
    WITHIN_6_MONTHS,
    /** Later than six months. */
    LATER,
    /** The lead said it has not decided (未定). */
    UNDECIDED,
    /** Not stated. */
    UNKNOWN;

    /** {@return whether this timeframe is three months or sooner} */
    public boolean isNearTerm() {
        return this == WITHIN_1_MONTH || this == WITHIN_3_MONTHS;
    }
}

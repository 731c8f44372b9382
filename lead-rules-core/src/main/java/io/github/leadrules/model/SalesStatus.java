package io.github.leadrules.model;

/** Where the lead stands with sales, used to find stalled deals (停滞商談). */
public enum SalesStatus {
    /** Not yet handed to sales. */
    NEW,
    /** Handed to sales, no opportunity yet. */
    HANDED_TO_SALES,
    /** An open opportunity (商談) exists. */
    IN_OPPORTUNITY,
    /** Won. */
    CLOSED_WON,
    /** Lost. */
    CLOSED_LOST;

    /** {@return whether sales is supposed to be working this lead right now} */
    public boolean isWithSales() {
        return this == HANDED_TO_SALES || this == IN_OPPORTUNITY;
    }
}

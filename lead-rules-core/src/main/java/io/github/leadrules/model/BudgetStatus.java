package io.github.leadrules.model;

/** Whether the lead has money for the purchase (予算確保). */
public enum BudgetStatus {
    /** Budget approved and available. */
    SECURED,
    /** Budget being planned or requested. */
    PLANNED,
    /** No budget. */
    NONE,
    /** Not stated. */
    UNKNOWN
}

package io.github.leadrules.model;

/**
 * How pressing the lead's intent to buy is (差し迫り度), strongest first. {@link #UNKNOWN} means no
 * signal at all, which is different from {@link #LOW}.
 */
public enum UrgencyLevel {
    /** Buying now: act within the hour. */
    IMMEDIATE(4),
    /** Clear intent, near term. */
    HIGH(3),
    /** Interest with some intent. */
    MEDIUM(2),
    /** Interest only: nurture material. */
    LOW(1),
    /** No urgency signal. */
    UNKNOWN(0);

    private final int rank;

    UrgencyLevel(int rank) {
        this.rank = rank;
    }

    /** {@return the rank: 4 for IMMEDIATE down to 0 for UNKNOWN; higher is more urgent} */
    public int rank() {
        return rank;
    }

    /**
     * Whether this level is at least as urgent as {@code other}.
     *
     * @param other another level
     * @return true when this level is at least as urgent
     */
    public boolean isAtLeast(UrgencyLevel other) {
        return rank >= other.rank;
    }

    /**
     * The less urgent of the two.
     *
     * @param a a level
     * @param b another level
     * @return the less urgent of the two
     */
    public static UrgencyLevel min(UrgencyLevel a, UrgencyLevel b) {
        return a.rank <= b.rank ? a : b;
    }
}

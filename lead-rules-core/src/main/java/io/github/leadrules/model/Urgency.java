package io.github.leadrules.model;

import java.util.List;
import java.util.Objects;

/**
 * How soon and how pressingly a lead intends to buy.
 *
 * @param level   the urgency level
 * @param horizon the purchase horizon the rules concluded
 * @param score   the summed points of the urgency signals, before caps
 * @param signals ids of the urgency rules that contributed, sorted
 */
public record Urgency(UrgencyLevel level, PurchaseTimeframe horizon, int score, List<String> signals) {

    /** No signal at all. */
    public static final Urgency UNKNOWN = new Urgency(UrgencyLevel.UNKNOWN, PurchaseTimeframe.UNKNOWN, 0, List.of());

    /**
     * Requires the level and horizon; copies the signals.
     *
     * @param level the urgency level
     * @param horizon the purchase horizon the rules concluded
     * @param score the summed points of the urgency signals, before caps
     * @param signals ids of the urgency rules that contributed, sorted
     */
    public Urgency {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(horizon, "horizon");
        signals = List.copyOf(signals);
    }
}

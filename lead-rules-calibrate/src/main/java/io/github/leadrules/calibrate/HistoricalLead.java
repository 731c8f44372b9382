package io.github.leadrules.calibrate;

import io.github.leadrules.model.Lead;

import java.util.Objects;

/**
 * A lead from the past with its known outcome.
 *
 * @param lead      the lead as it came in (the outcome is not one of its fields or attributes)
 * @param converted whether it was won (converted, closed won)
 */
public record HistoricalLead(Lead lead, boolean converted) {

    /**
     * Requires the lead.
     *
     * @param lead the lead as it came in
     * @param converted whether it was won
     */
    public HistoricalLead {
        Objects.requireNonNull(lead, "lead");
    }
}

package io.github.leadrules.model;

import java.util.Objects;

/**
 * Why something was decided: the stable id of the rule (or check) that decided it, its stage, and
 * a human-readable message. Messages never contain the lead's personal data.
 *
 * @param ruleId  e.g. {@code "EXC-COMPETITOR"}
 * @param stage   the stage that decided
 * @param message e.g. "E-mail domain belongs to a competitor"
 */
public record Reason(String ruleId, Stage stage, String message) {
    /**
     * Requires every component.
     *
     * @param ruleId e.g. {@code "EXC-COMPETITOR"}
     * @param stage the stage that decided
     * @param message e.g. "E-mail domain belongs to a competitor"
     */
    public Reason {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return ruleId + ": " + message;
    }
}

package io.github.leadrules.assign;

import java.util.Map;
import java.util.Objects;

/**
 * Where one team's rotation stands: the next position of a plain round robin, and the current
 * weights of a smooth weighted round robin. Immutable; what a {@link RotationState} stores per team.
 *
 * @param cursor  the position (in the team's rep list) a plain round robin tries first; not negative
 * @param weights the weighted round robin's current weight per rep id
 */
public record TeamRotation(int cursor, Map<String, Long> weights) {

    /** A team no lead has been assigned in yet. */
    public static final TeamRotation START = new TeamRotation(0, Map.of());

    /**
     * Copies the weights and checks the cursor.
     *
     * @param cursor  the position a plain round robin tries first; not negative
     * @param weights the current weight per rep id
     */
    public TeamRotation {
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative, got " + cursor);
        }
        weights = Map.copyOf(Objects.requireNonNull(weights, "weights"));
    }

    /**
     * @param next the new position
     * @return this rotation at another position
     */
    public TeamRotation withCursor(int next) {
        return new TeamRotation(next, weights);
    }

    /**
     * @param next the new current weights
     * @return this rotation with other current weights
     */
    public TeamRotation withWeights(Map<String, Long> next) {
        return new TeamRotation(cursor, next);
    }
}

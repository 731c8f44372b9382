package io.github.leadrules.policy;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A sales rep (a person who works leads) in a {@link Team}, as owner assignment sees them.
 *
 * <pre>{@code
 * new Team("inside-sales-jp", Destination.INSIDE_SALES, Set.of("JP"), Segment.ANY, List.of(
 *     Rep.of("rep-1042").withWeight(2).withCapacity(40),
 *     Rep.of("rep-2077"),
 *     Rep.of("rep-3001").unavailable()));          // on leave: skipped
 * }</pre>
 *
 * @param id        the rep's id as the host's CRM knows it (use an id, not a name: it appears in routes and logs)
 * @param weight    the share of leads in weighted round robin, relative to the team's other reps; at least 1
 * @param capacity  the most leads this rep may be assigned by a rotation before it is released, or 0 for no limit
 * @param available whether the rep takes leads now; unavailable reps are skipped, even as account owners
 */
public record Rep(String id, int weight, int capacity, boolean available) {

    /**
     * Strips the id and checks it is not blank, the weight is at least 1 and the capacity not negative.
     *
     * @param id the rep's id as the host's CRM knows it (use an id, not a name: it appears in routes and logs)
     * @param weight the share of leads in weighted round robin, relative to the team's other reps; at least 1
     * @param capacity the most leads this rep may be assigned by a rotation before it is released, or 0 for no limit
     * @param available whether the rep takes leads now; unavailable reps are skipped, even as account owners
     */
    public Rep {
        Objects.requireNonNull(id, "rep id");
        id = id.strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("reps: a rep id must not be blank");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("reps: rep " + PolicyFileException.shorten(id) + " needs a weight of at least 1, got " + weight);
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("reps: rep " + PolicyFileException.shorten(id) + " has a negative capacity " + capacity);
        }
    }

    /**
     * An available rep of weight 1 and no capacity limit.
     *
     * @param id the rep's id
     * @return the rep
     */
    public static Rep of(String id) {
        return new Rep(id, 1, 0, true);
    }

    /**
     * This rep with another weight.
     *
     * @param weight the share of leads, at least 1
     * @return the rep
     */
    public Rep withWeight(int weight) {
        return new Rep(id, weight, capacity, available);
    }

    /**
     * This rep with a capacity (0: no limit).
     *
     * @param capacity the most open leads at once, or 0 for no limit
     * @return the rep
     */
    public Rep withCapacity(int capacity) {
        return new Rep(id, weight, capacity, available);
    }

    /**
     * This rep, marked unavailable (on leave, out of office): assignment skips them.
     *
     * @return the rep
     */
    public Rep unavailable() {
        return new Rep(id, weight, capacity, false);
    }

    /**
     * This rep, marked available.
     *
     * @param available whether assignment may choose the rep
     * @return the rep
     */
    public Rep available(boolean available) {
        return new Rep(id, weight, capacity, available);
    }

    /** {@return the capacity, when there is one} */
    public OptionalInt capacityLimit() {
        return capacity == 0 ? OptionalInt.empty() : OptionalInt.of(capacity);
    }
}

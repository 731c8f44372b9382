package io.github.leadrules.assign;

import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Stage;

import java.util.Objects;

/**
 * What an {@link AssignmentStrategy} decided for one route: an owner and why, nobody and why, or
 * nothing at all ({@link #undecided()}: the route keeps the owner the rules gave it).
 *
 * @param owner  the chosen owner's id, or null
 * @param reason why; null only for {@link #undecided()}
 */
public record Assignment(String owner, Reason reason) {

    private static final Assignment UNDECIDED = new Assignment(null, null);

    /**
     * Checks that an owner is not blank and comes with a reason.
     *
     * @param owner the chosen owner's id, or null
     * @param reason why; null only for {@link #undecided()}
     */
    public Assignment {
        if (owner != null && owner.isBlank()) {
            throw new IllegalArgumentException("an assignment's owner must not be blank");
        }
        if (owner != null && reason == null) {
            throw new IllegalArgumentException("an assignment to an owner needs a reason");
        }
    }

    /**
     * Assigns the route to an owner; the reason's stage is ROUTING.
     *
     * @param owner the owner's id
     * @param reasonId the reason's id, e.g. {@code ASSIGN-ROUND-ROBIN}
     * @param message why, without personal data
     * @return the assignment
     */
    public static Assignment to(String owner, String reasonId, String message) {
        Objects.requireNonNull(owner, "owner");
        return new Assignment(owner, new Reason(reasonId, Stage.ROUTING, message));
    }

    /**
     * Leaves the route to the team's queue, saying why (e.g. every rep is at capacity).
     *
     * @param reasonId the reason's id, e.g. {@code ASSIGN-NO-REP-AVAILABLE}
     * @param message why, without personal data
     * @return the assignment
     */
    public static Assignment unassigned(String reasonId, String message) {
        return new Assignment(null, new Reason(reasonId, Stage.ROUTING, message));
    }

    /**
     * No decision: the route stays as the rules made it, and a following strategy may decide.
     *
     * @return the undecided assignment
     */
    public static Assignment undecided() {
        return UNDECIDED;
    }

    /** {@return whether the strategy decided anything (an owner, or deliberately nobody)} */
    public boolean isDecided() {
        return reason != null;
    }

    /** {@return whether an owner was chosen} */
    public boolean hasOwner() {
        return owner != null;
    }

    /**
     * The qualification with this assignment's owner and reason on its route, as the qualifier
     * applies it: unchanged when undecided, or when the routing rule already named this owner (its
     * reason explains it). For hosts that assign apart from qualifying, e.g. a stream processor that
     * assigns in a step keyed by team.
     *
     * @param q a qualification routed to people
     * @return the qualification as assigned
     */
    public Qualification applyTo(Qualification q) {
        if (!isDecided() || (hasOwner() && owner.equals(q.route().owner()))) {
            return q;
        }
        return new Qualification(q.leadId(), q.outcome(), q.exclusions(), q.urgency(),
                q.route().withOwner(owner, reason), q.reasons(), q.fieldErrors(), q.fingerprint());
    }
}

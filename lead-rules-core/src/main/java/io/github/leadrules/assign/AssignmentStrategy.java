package io.github.leadrules.assign;

import io.github.leadrules.model.Reason;

import java.util.Objects;

/**
 * Chooses who works a lead that the rules routed to people (field sales, inside sales or an account
 * owner). The qualifier calls it once per such lead, after the rules have decided, in input order
 * within one {@code qualifyAll} call; it may be called from many threads at once and must be
 * thread-safe. What it returns ends up in {@code Route.owner()} and {@code Route.ownerReason()};
 * when it names the owner the routing rule already named (an account owner), the route is left as
 * the rule made it, explained by the rule's reason.
 *
 * <pre>{@code
 * LeadQualifier qualifier = LeadQualifier.builder()
 *     .policy(policyWithReps)
 *     .assignment(AssignmentStrategy.ownerFirst().orElse(AssignmentStrategy.weightedRoundRobin()))
 *     .build();
 * }</pre>
 *
 * <p><b>Order.</b> {@link #ownerFirst()} depends only on the lead, so the same leads get the same
 * owners in any order, batch or thread. Rotations ({@link #roundRobin()}, {@link #weightedRoundRobin()})
 * depend on how many leads came before: a single-threaded {@code qualifyAll} assigns in input
 * order and is repeatable from a fresh strategy, but concurrent calls interleave, and a rotation's
 * position is part of its state, not of the rule-set fingerprint. That state lives in a
 * {@link RotationState}: in memory by default, or where the host stores it
 * ({@link #roundRobin(RotationState)}, {@link #fromPolicy(RotationState)}), so that a restarted
 * process or a stream processor keyed by team continues the rotation.
 *
 * <p>A strategy that throws leaves the route to the team's queue with reason {@code ASSIGN-FAILED};
 * the lead's decision stands.
 */
@FunctionalInterface
public interface AssignmentStrategy {

    /**
     * Decides the owner of one routed lead.
     *
     * @param request the routed lead, its team and the policy
     * @return an owner and why, nobody and why, or {@link Assignment#undecided()} to leave the route
     *         as the rules made it
     */
    Assignment assign(AssignmentRequest request);

    /**
     * This strategy, and when it names no owner, the next one. A reason this strategy gave for
     * naming nobody (e.g. the account owner is unavailable) prefixes the next one's reason message,
     * and stands when the next one names nobody either.
     *
     * @param next the strategy asked when this one names no owner
     * @return the combined strategy
     */
    default AssignmentStrategy orElse(AssignmentStrategy next) {
        Objects.requireNonNull(next, "next");
        AssignmentStrategy first = this;
        return request -> {
            Assignment a = first.assign(request);
            if (a.hasOwner()) {
                return a;
            }
            Assignment b = next.assign(request);
            if (!a.isDecided()) {
                return b;
            }
            if (!b.isDecided()) {
                return a;
            }
            return new Assignment(b.owner(), new Reason(b.reason().ruleId(),
                    b.reason().stage(), a.reason().message() + "; " + b.reason().message()));
        };
    }

    /**
     * The account owner, when the directory knows one: always for routes to the account owner, and
     * for routes to a team only when the owner is one of its reps (so a stalled deal recycled to
     * inside sales does not go back to the field rep who let it stall). An owner marked unavailable
     * in any team of the policy is skipped ({@code ASSIGN-OWNER-UNAVAILABLE}). Otherwise undecided.
     * Depends on nothing but the lead: the default.
     *
     * @return the strategy
     */
    static AssignmentStrategy ownerFirst() {
        return OwnerFirst.INSTANCE;
    }

    /**
     * The available reps of the route's team in turn, in the order the policy lists them, skipping
     * reps at capacity. A new rotation state per call of this method.
     *
     * @return a new rotation
     */
    static RoundRobin roundRobin() {
        return new RoundRobin(false, RotationState.inMemory());
    }

    /**
     * {@link #roundRobin()} keeping its positions and loads in the given state.
     *
     * @param state where the rotation is kept, e.g. a store keyed by team
     * @return a rotation over that state
     */
    static RoundRobin roundRobin(RotationState state) {
        return new RoundRobin(false, state);
    }

    /**
     * Smooth weighted round robin over the available reps of the route's team: each rep takes
     * leads in proportion to their weight, up to their capacity; ties go to the rep listed first.
     * A new rotation state per call of this method.
     *
     * @return a new rotation
     */
    static RoundRobin weightedRoundRobin() {
        return new RoundRobin(true, RotationState.inMemory());
    }

    /**
     * {@link #weightedRoundRobin()} keeping its current weights and loads in the given state.
     *
     * @param state where the rotation is kept, e.g. a store keyed by team
     * @return a rotation over that state
     */
    static RoundRobin weightedRoundRobin(RotationState state) {
        return new RoundRobin(true, state);
    }

    /**
     * What the policy says: {@link #ownerFirst()} when {@code accountOwnerFirst} is set, then its
     * {@code rotation}. The qualifier uses this when it is given no strategy; with the default
     * policy it is exactly {@link #ownerFirst()}.
     *
     * @return the policy's strategy
     */
    static AssignmentStrategy fromPolicy() {
        return new PolicyAssignment(RotationState.inMemory());
    }

    /**
     * {@link #fromPolicy()} keeping its rotation in the given state, so that a stream processor can
     * store it (per team) and a restarted process continues where the last one stopped.
     *
     * @param state where the rotation is kept
     * @return the policy's strategy over that state
     */
    static AssignmentStrategy fromPolicy(RotationState state) {
        return new PolicyAssignment(state);
    }

    /**
     * Decides nothing: routes keep the owners the rules gave them.
     *
     * @return the strategy that never decides
     */
    static AssignmentStrategy none() {
        return request -> Assignment.undecided();
    }
}

package io.github.leadrules.assign;

import io.github.leadrules.policy.LeadPolicy;

/** Follows the policy's assignment settings; keeps one rotation state per kind of rotation. */
final class PolicyAssignment implements AssignmentStrategy {

    private final RoundRobin roundRobin;
    private final RoundRobin weighted;

    PolicyAssignment(RotationState state) {
        // One state serves both: a policy names one rotation, and the two keep separate fields.
        this.roundRobin = new RoundRobin(false, state);
        this.weighted = new RoundRobin(true, state);
    }

    @Override
    public Assignment assign(AssignmentRequest request) {
        LeadPolicy policy = request.policy();
        AssignmentStrategy rotation = switch (policy.routing().rotation()) {
            case NONE -> AssignmentStrategy.none();
            case ROUND_ROBIN -> roundRobin;
            case WEIGHTED_ROUND_ROBIN -> weighted;
        };
        AssignmentStrategy strategy = policy.routing().accountOwnerFirst()
                ? AssignmentStrategy.ownerFirst().orElse(rotation) : rotation;
        return strategy.assign(request);
    }

    @Override
    public String toString() {
        return "fromPolicy";
    }
}

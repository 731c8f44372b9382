package io.github.leadrules.examples.saas;

import io.github.leadrules.assign.Assignment;
import io.github.leadrules.assign.AssignmentRequest;
import io.github.leadrules.assign.AssignmentStrategy;
import io.github.leadrules.assign.RoundRobin;
import io.github.leadrules.model.Destination;

/**
 * NextWorks' owner assignment: the account owner first, then inside-sales leads in turn among the
 * reps of their team; field-sales leads stay in their team's queue, where a field manager
 * dispatches them by hand (visits need planning that a rotation cannot see).
 *
 * <p>The policy file's {@code assignment.rotation} would rotate every team's leads, field sales
 * included, so this choice is made in code:
 *
 * <pre>{@code
 * LeadQualifier.builder().policy(policy).assignment(new InsideSalesRoundRobin()).build();
 * }</pre>
 *
 * <p>Reps marked {@code available: false} in the policy (on leave) are skipped. The rotation
 * position is state: keep one instance for as long as the qualifier (and across reloads), and
 * {@link #release release} a rep's lead when it is closed if reps have a capacity. Thread-safe.
 */
public final class InsideSalesRoundRobin implements AssignmentStrategy {

    private final RoundRobin insideSales = AssignmentStrategy.roundRobin();
    private final AssignmentStrategy strategy = AssignmentStrategy.ownerFirst().orElse(this::rotateInsideSales);

    /** A fresh rotation: the first inside-sales lead of each team goes to the first available rep. */
    public InsideSalesRoundRobin() {
    }

    @Override
    public Assignment assign(AssignmentRequest request) {
        return strategy.assign(request);
    }

    private Assignment rotateInsideSales(AssignmentRequest request) {
        return request.route().destination() == Destination.INSIDE_SALES
                ? insideSales.assign(request)
                : Assignment.undecided();
    }

    /** One lead of the rep is done: with capacities in the policy, the rep has room for one more. */
    public void release(String repId) {
        insideSales.release(repId);
    }

    @Override
    public String toString() {
        return "ownerFirst, then round robin for inside sales";
    }
}

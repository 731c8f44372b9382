package io.github.leadrules.assign;

import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Team;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Round robin over the reps of the route's team, plain or weighted, made by
 * {@link AssignmentStrategy#roundRobin()} and {@link AssignmentStrategy#weightedRoundRobin()}.
 *
 * <p>Reps are taken in the order the team lists them. Unavailable reps are skipped. A rep with a
 * capacity takes at most that many leads from this rotation until the host {@link #release releases}
 * some (when a lead is closed or handed on) or {@link #resetLoads() resets} them (e.g. each morning);
 * a rep at capacity is skipped. When no rep can take the lead it stays in the team's queue with reason
 * {@code ASSIGN-NO-REP-AVAILABLE}. Routes whose team has no reps are left undecided.
 *
 * <p>Weighted: smooth weighted round robin; with weights 2 and 1, reps A and B take leads
 * A, B, A, A, B, A …, never three in a row for A. Ties go to the rep listed first.
 *
 * <p>Positions, current weights and loads live in a {@link RotationState}: in memory by default,
 * or where the host keeps them ({@link AssignmentStrategy#roundRobin(RotationState)}).
 *
 * <p>Thread-safe: one lock guards every rotation position and load, so a capacity is never
 * exceeded (when nothing else writes the same state). The outcome depends on the order of calls (see {@link AssignmentStrategy}).
 */
public final class RoundRobin implements AssignmentStrategy {

    private final boolean weighted;
    private final Object lock = new Object();
    /** Positions, current weights and loads; kept outside so that a host can store them. */
    private final RotationState state;

    RoundRobin(boolean weighted, RotationState state) {
        this.weighted = weighted;
        this.state = java.util.Objects.requireNonNull(state, "state");
    }

    @Override
    public Assignment assign(AssignmentRequest request) {
        Optional<Team> team = request.team();
        if (team.isEmpty() || team.get().reps().isEmpty()) {
            return Assignment.undecided();
        }
        Team t = team.get();
        List<Rep> reps = t.reps();
        synchronized (lock) {
            Rep chosen = weighted ? pickWeighted(t.name(), reps) : pickPlain(t.name(), reps);
            if (chosen == null) {
                return Assignment.unassigned("ASSIGN-NO-REP-AVAILABLE", "No rep of team " + t.name()
                        + " is available with spare capacity; the team queue takes the lead");
            }
            int load = state.load(chosen.id()) + 1;
            state.load(chosen.id(), load);
            String capacity = chosen.capacity() == 0 ? "" : ", " + load + " of " + chosen.capacity() + " capacity";
            return weighted
                    ? Assignment.to(chosen.id(), "ASSIGN-WEIGHTED-ROUND-ROBIN", "Weighted round robin in team "
                            + t.name() + " (weight " + chosen.weight() + capacity + ")")
                    : Assignment.to(chosen.id(), "ASSIGN-ROUND-ROBIN", "Round robin in team " + t.name()
                            + (capacity.isEmpty() ? "" : " (" + capacity.substring(2) + ")"));
        }
    }

    private boolean canTake(Rep rep) {
        return rep.available() && (rep.capacity() == 0 || state.load(rep.id()) < rep.capacity());
    }

    private Rep pickPlain(String team, List<Rep> reps) {
        TeamRotation rotation = state.team(team);
        int start = Math.floorMod(rotation.cursor(), reps.size());
        for (int i = 0; i < reps.size(); i++) {
            int index = (start + i) % reps.size();
            Rep rep = reps.get(index);
            if (canTake(rep)) {
                state.team(team, rotation.withCursor(index + 1));
                return rep;
            }
        }
        return null;
    }

    private Rep pickWeighted(String team, List<Rep> reps) {
        TeamRotation rotation = state.team(team);
        Map<String, Long> current = new HashMap<>(rotation.weights());
        current.keySet().retainAll(reps.stream().map(Rep::id).toList());
        long total = 0;
        Rep best = null;
        long bestWeight = Long.MIN_VALUE;
        for (Rep rep : reps) {
            if (!canTake(rep)) {
                continue;
            }
            long w = current.merge(rep.id(), (long) rep.weight(), Long::sum);
            total += rep.weight();
            if (w > bestWeight) { // strictly greater: ties go to the rep listed first
                best = rep;
                bestWeight = w;
            }
        }
        if (best != null) {
            current.merge(best.id(), -total, Long::sum);
            state.team(team, rotation.withWeights(current));
        }
        return best;
    }

    /**
     * Leads this rotation assigned to the rep and not yet released.
     *
     * @param repId the rep's id
     * @return the number of leads
     */
    public int load(String repId) {
        synchronized (lock) {
            return state.load(repId);
        }
    }

    /**
     * One lead of the rep is done (closed, handed on): the rep has room for one more.
     *
     * @param repId the rep's id
     */
    public void release(String repId) {
        synchronized (lock) {
            state.load(repId, Math.max(0, state.load(repId) - 1));
        }
    }

    /** Forgets every load, e.g. at the start of each working day; rotation positions are kept. */
    public void resetLoads() {
        synchronized (lock) {
            state.clearLoads();
        }
    }

    /** {@return where this rotation keeps its positions and loads} */
    public RotationState state() {
        return state;
    }

    @Override
    public String toString() {
        return weighted ? "weightedRoundRobin" : "roundRobin";
    }
}

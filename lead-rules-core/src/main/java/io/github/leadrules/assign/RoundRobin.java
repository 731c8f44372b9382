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
 * <p>Thread-safe: one lock guards every rotation position and load, so a capacity is never
 * exceeded. The outcome depends on the order of calls (see {@link AssignmentStrategy}).
 */
public final class RoundRobin implements AssignmentStrategy {

    private final boolean weighted;
    private final Object lock = new Object();
    /** Plain: the next position per team. */
    private final Map<String, Integer> cursors = new HashMap<>();
    /** Weighted: the current weight per team and rep. */
    private final Map<String, Map<String, Long>> currentWeights = new HashMap<>();
    /** Leads assigned and not released, per rep (shared across teams). */
    private final Map<String, Integer> loads = new HashMap<>();

    RoundRobin(boolean weighted) {
        this.weighted = weighted;
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
            int load = loads.merge(chosen.id(), 1, Integer::sum);
            String capacity = chosen.capacity() == 0 ? "" : ", " + load + " of " + chosen.capacity() + " capacity";
            return weighted
                    ? Assignment.to(chosen.id(), "ASSIGN-WEIGHTED-ROUND-ROBIN", "Weighted round robin in team "
                            + t.name() + " (weight " + chosen.weight() + capacity + ")")
                    : Assignment.to(chosen.id(), "ASSIGN-ROUND-ROBIN", "Round robin in team " + t.name()
                            + (capacity.isEmpty() ? "" : " (" + capacity.substring(2) + ")"));
        }
    }

    private boolean canTake(Rep rep) {
        return rep.available() && (rep.capacity() == 0 || loads.getOrDefault(rep.id(), 0) < rep.capacity());
    }

    private Rep pickPlain(String team, List<Rep> reps) {
        int start = Math.floorMod(cursors.getOrDefault(team, 0), reps.size());
        for (int i = 0; i < reps.size(); i++) {
            int index = (start + i) % reps.size();
            Rep rep = reps.get(index);
            if (canTake(rep)) {
                cursors.put(team, index + 1);
                return rep;
            }
        }
        return null;
    }

    private Rep pickWeighted(String team, List<Rep> reps) {
        Map<String, Long> current = currentWeights.computeIfAbsent(team, k -> new HashMap<>());
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
            return loads.getOrDefault(repId, 0);
        }
    }

    /**
     * One lead of the rep is done (closed, handed on): the rep has room for one more.
     *
     * @param repId the rep's id
     */
    public void release(String repId) {
        synchronized (lock) {
            loads.computeIfPresent(repId, (k, v) -> v <= 1 ? null : v - 1);
        }
    }

    /** Forgets every load, e.g. at the start of each working day; rotation positions are kept. */
    public void resetLoads() {
        synchronized (lock) {
            loads.clear();
        }
    }

    @Override
    public String toString() {
        return weighted ? "weightedRoundRobin" : "roundRobin";
    }
}

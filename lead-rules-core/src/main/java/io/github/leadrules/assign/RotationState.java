package io.github.leadrules.assign;

import java.util.Map;

/**
 * The state of an owner rotation ({@link AssignmentStrategy#roundRobin(RotationState)},
 * {@link AssignmentStrategy#weightedRoundRobin(RotationState)}), kept outside the strategy so that
 * a host can store it where its decisions are stored: a database row, a Kafka Streams state store
 * keyed by team. Two parts: each team's {@link TeamRotation} (position and current weights), and
 * each rep's load (leads assigned and not yet released).
 *
 * <pre>{@code
 * RotationState state = RotationState.inMemory();        // the default
 * AssignmentStrategy rotation = AssignmentStrategy.weightedRoundRobin(state);
 * }</pre>
 *
 * <p>The rotation calls these methods under its own lock, one assignment at a time, so an
 * implementation need not be thread-safe against that rotation; it must be when something else
 * shares it. A rotation reads the team's state, then the loads of its reps, then writes both back;
 * an implementation scoped to one team (as a store keyed by team is) may keep loads per team.
 */
public interface RotationState {

    /**
     * The team's rotation.
     *
     * @param team the team's name
     * @return its state, {@link TeamRotation#START} when none is stored
     */
    TeamRotation team(String team);

    /**
     * Stores the team's rotation.
     *
     * @param team the team's name
     * @param rotation its new state
     */
    void team(String team, TeamRotation rotation);

    /**
     * The rep's load.
     *
     * @param repId the rep's id
     * @return leads assigned to the rep and not released, 0 when none is stored
     */
    int load(String repId);

    /**
     * Stores the rep's load.
     *
     * @param repId the rep's id
     * @param load the new load; 0 may remove the entry
     */
    void load(String repId, int load);

    /** Forgets every load; team rotations stay. */
    void clearLoads();

    /**
     * A state held in this process's memory; loads are shared by every team a rep is in.
     *
     * @return a new, empty state
     */
    static RotationState inMemory() {
        return new InMemoryRotationState();
    }

    /** {@link RotationState#inMemory()}: two hash maps, guarded by the rotation's lock. */
    final class InMemoryRotationState implements RotationState {
        private final Map<String, TeamRotation> teams = new java.util.HashMap<>();
        private final Map<String, Integer> loads = new java.util.HashMap<>();

        private InMemoryRotationState() {
        }

        @Override
        public synchronized TeamRotation team(String team) {
            return teams.getOrDefault(team, TeamRotation.START);
        }

        @Override
        public synchronized void team(String team, TeamRotation rotation) {
            teams.put(team, rotation);
        }

        @Override
        public synchronized int load(String repId) {
            return loads.getOrDefault(repId, 0);
        }

        @Override
        public synchronized void load(String repId, int load) {
            if (load <= 0) {
                loads.remove(repId);
            } else {
                loads.put(repId, load);
            }
        }

        @Override
        public synchronized void clearLoads() {
            loads.clear();
        }

        @Override
        public String toString() {
            return "inMemory";
        }
    }
}

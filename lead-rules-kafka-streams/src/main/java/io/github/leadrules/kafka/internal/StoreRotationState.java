package io.github.leadrules.kafka.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.leadrules.assign.RotationState;
import io.github.leadrules.assign.TeamRotation;
import org.apache.kafka.streams.state.KeyValueStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One team's rotation in the rotation store (keyed by team): its position, current weights and the
 * loads of its reps. Read once per record, written back once; a rep's load is counted per team,
 * since each team's state lives on the partition of its key.
 */
final class StoreRotationState implements RotationState {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The stored form. */
    record Stored(int cursor, Map<String, Long> weights, Map<String, Integer> loads) {
    }

    private final KeyValueStore<String, byte[]> store;
    private final String team;
    private TeamRotation rotation;
    private final Map<String, Integer> loads;

    StoreRotationState(KeyValueStore<String, byte[]> store, String team) {
        this.store = store;
        this.team = team;
        byte[] bytes = store.get(team);
        if (bytes == null) {
            rotation = TeamRotation.START;
            loads = new HashMap<>();
        } else {
            try {
                Stored s = MAPPER.readValue(bytes, Stored.class);
                rotation = new TeamRotation(s.cursor(), s.weights() == null ? Map.of() : s.weights());
                loads = s.loads() == null ? new HashMap<>() : new HashMap<>(s.loads());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public TeamRotation team(String name) {
        return team.equals(name) ? rotation : TeamRotation.START;
    }

    @Override
    public void team(String name, TeamRotation r) {
        if (team.equals(name)) {
            rotation = r;
        }
    }

    @Override
    public int load(String repId) {
        return loads.getOrDefault(repId, 0);
    }

    @Override
    public void load(String repId, int load) {
        if (load <= 0) {
            loads.remove(repId);
        } else {
            loads.put(repId, load);
        }
    }

    @Override
    public void clearLoads() {
        loads.clear();
    }

    void save() {
        try {
            store.put(team, MAPPER.writeValueAsBytes(new Stored(rotation.cursor(), rotation.weights(), loads)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

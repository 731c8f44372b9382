package io.github.leadrules.kafka.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.leadrules.assign.RotationState;
import io.github.leadrules.assign.TeamRotation;
import org.apache.kafka.streams.state.KeyValueStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One team's rotation in the rotation store (keyed by team): its position, current weights, the
 * loads of its reps and, for reps with a capacity, the ids of their outstanding leads. Read once per
 * record, written back once; a rep's load is counted per team, since each team's state lives on the
 * partition of its key.
 *
 * <p>The outstanding ids make releases idempotent: a release frees a slot only when its lead is
 * outstanding for that owner, so a release sent twice, or for a lead the rep never had, changes
 * nothing. A rep's load counts only leads assigned while it has a capacity ({@code load == untracked
 * + outstanding}), so a team's entry holds at most the sum of its capacities in ids.
 *
 * <p>Stored form, JSON: {@code {"version":2,"cursor":…,"weights":{…},"loads":{…},"outstanding":{rep:[lead ids]},
 * "untracked":{rep:n}}}. An entry of the first form (no {@code version}) is read as loads without
 * ids: those become {@code untracked}, and each release of a lead that is not outstanding frees one
 * of them, so reps filled before the upgrade are not full for ever.
 */
final class StoreRotationState implements RotationState {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** The stored form's version: 2 added outstanding lead ids. */
    static final int VERSION = 2;

    /** The stored form; {@code version} null in entries written before outstanding ids were kept. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stored(Integer version, int cursor, Map<String, Long> weights, Map<String, Integer> loads,
                  @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> outstanding,
                  @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> untracked) {
    }

    private final KeyValueStore<String, byte[]> store;
    private final String team;
    private TeamRotation rotation;
    private final Map<String, Integer> loads;
    private final Map<String, List<String>> outstanding;
    private final Map<String, Integer> untracked;
    /** Reps whose load the strategy raised since this state was read. */
    private final Set<String> raised = new HashSet<>();

    StoreRotationState(KeyValueStore<String, byte[]> store, String team) {
        this.store = store;
        this.team = team;
        byte[] bytes = store.get(team);
        outstanding = new HashMap<>();
        untracked = new HashMap<>();
        if (bytes == null) {
            rotation = TeamRotation.START;
            loads = new HashMap<>();
            return;
        }
        Stored s;
        try {
            s = MAPPER.readValue(bytes, Stored.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rotation = new TeamRotation(s.cursor(), s.weights() == null ? Map.of() : s.weights());
        loads = s.loads() == null ? new HashMap<>() : new HashMap<>(s.loads());
        if (s.version() == null) {
            untracked.putAll(loads);   // counted before ids were kept
        } else {
            if (s.outstanding() != null) {
                s.outstanding().forEach((rep, ids) -> outstanding.put(rep, new ArrayList<>(ids)));
            }
            if (s.untracked() != null) {
                untracked.putAll(s.untracked());
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
        if (load > load(repId)) {
            raised.add(repId);
        }
        if (load <= 0) {
            loads.remove(repId);
        } else {
            loads.put(repId, load);
        }
    }

    @Override
    public void clearLoads() {
        loads.clear();
        outstanding.clear();
        untracked.clear();
    }

    /**
     * The strategy assigned the lead to the owner. When it counted the lead against the owner's
     * load and the owner has a capacity, the lead is outstanding until released; a rep without a
     * capacity keeps no load (nothing would read it, and a capacity given later starts from zero).
     *
     * @param leadId   the lead
     * @param owner    its owner
     * @param capacity the owner's capacity in the policy that decided the lead, 0 for none
     */
    void assigned(String leadId, String owner, int capacity) {
        if (!raised.contains(owner)) {
            return;   // e.g. the account owner: not counted by the rotation
        }
        if (capacity <= 0) {
            loads.remove(owner);
            outstanding.remove(owner);
            untracked.remove(owner);
            return;
        }
        List<String> ids = outstanding.computeIfAbsent(owner, k -> new ArrayList<>());
        if (ids.contains(leadId)) {
            load(owner, load(owner) - 1);   // the same lead again: it holds one slot
            return;
        }
        ids.add(leadId);
        while (ids.size() > capacity) {
            // Only a strategy that ignores capacities gets here: the oldest lead counts as released.
            ids.remove(0);
            load(owner, load(owner) - 1);
        }
    }

    /**
     * The owner is done with the lead: when it is outstanding for the owner, its slot is free.
     *
     * @param leadId the lead
     * @param owner  the rep the lead was assigned to
     * @return whether a slot was freed; false when the lead was not outstanding (already released,
     *         never assigned to this owner by this team's rotation, or the owner has no capacity)
     */
    boolean release(String leadId, String owner) {
        List<String> ids = outstanding.get(owner);
        if (ids != null && ids.remove(leadId)) {
            if (ids.isEmpty()) {
                outstanding.remove(owner);
            }
        } else {
            int before = untracked.getOrDefault(owner, 0);
            if (before <= 0) {
                return false;
            }
            if (before == 1) {
                untracked.remove(owner);
            } else {
                untracked.put(owner, before - 1);
            }
        }
        int load = load(owner) - 1;
        if (load <= 0) {
            loads.remove(owner);
        } else {
            loads.put(owner, load);
        }
        return true;
    }

    void save() {
        try {
            store.put(team, MAPPER.writeValueAsBytes(new Stored(VERSION, rotation.cursor(), rotation.weights(), loads,
                    outstanding, untracked)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.leadrules.assign;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Segment;
import io.github.leadrules.policy.Team;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rotation's positions and loads live in a {@link RotationState} the host can keep. */
class RotationStateTest {

    private static final Team INSIDE_SALES_JP = new Team("inside-sales-jp", Destination.INSIDE_SALES, Set.of("JP"),
            Segment.ANY, List.of(Rep.of("is-1").withWeight(2), Rep.of("is-2"), Rep.of("is-3").withCapacity(1)));
    private static final Team FIELD_SALES_US = new Team("field-sales-us", Destination.FIELD_SALES, Set.of("US"),
            Segment.ANY, List.of(Rep.of("fs-x"), Rep.of("fs-y")));
    private static final LeadPolicy POLICY = LeadPolicy.defaults().toBuilder()
            .teams(List.of(INSIDE_SALES_JP, FIELD_SALES_US)).build();

    private static AssignmentRequest request(String leadId, Team team) {
        Route route = new Route(team.destination(), team.name(), null, null, null);
        return new AssignmentRequest(leadId, Outcome.QUALIFIED, route, null, Urgency.UNKNOWN, "JP", Segment.SMB, POLICY);
    }

    private static List<String> assign(AssignmentStrategy strategy, Team team, int leads) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            owners.add(strategy.assign(request("L-" + i, team)).owner());
        }
        return owners;
    }

    @Test
    void aRotationRestartedOverTheSameStateContinuesWhereTheFirstStopped() {
        List<String> uninterrupted = assign(AssignmentStrategy.weightedRoundRobin(), INSIDE_SALES_JP, 8);

        RotationState kept = RotationState.inMemory();
        List<String> interrupted = new ArrayList<>(assign(AssignmentStrategy.weightedRoundRobin(kept), INSIDE_SALES_JP, 3));
        interrupted.addAll(assign(AssignmentStrategy.weightedRoundRobin(kept), INSIDE_SALES_JP, 5));

        assertThat(interrupted).isEqualTo(uninterrupted);
        assertThat(uninterrupted).containsOnly("is-1", "is-2", "is-3");
        assertThat(uninterrupted).filteredOn("is-3"::equals).as("is-3 has capacity 1").hasSize(1);
    }

    @Test
    void aPlainRotationKeepsItsPositionPerTeamInTheState() {
        RotationState state = RotationState.inMemory();
        AssignmentStrategy rotation = AssignmentStrategy.roundRobin(state);

        assertThat(assign(rotation, FIELD_SALES_US, 3)).containsExactly("fs-x", "fs-y", "fs-x");
        assertThat(state.team("field-sales-us").cursor()).isEqualTo(1);
        assertThat(state.team("inside-sales-jp")).isEqualTo(TeamRotation.START);
        assertThat(state.load("fs-x")).isEqualTo(2);
    }

    @Test
    void aStateKeptElsewhereSeesEveryWriteTheRotationMakes() {
        Map<String, TeamRotation> teams = new HashMap<>();
        Map<String, Integer> loads = new HashMap<>();
        RotationState external = new RotationState() {
            @Override public TeamRotation team(String team) { return teams.getOrDefault(team, TeamRotation.START); }
            @Override public void team(String team, TeamRotation rotation) { teams.put(team, rotation); }
            @Override public int load(String repId) { return loads.getOrDefault(repId, 0); }
            @Override public void load(String repId, int load) { loads.put(repId, load); }
            @Override public void clearLoads() { loads.clear(); }
        };
        RoundRobin rotation = AssignmentStrategy.roundRobin(external);

        assertThat(assign(rotation, INSIDE_SALES_JP, 4)).containsExactly("is-1", "is-2", "is-3", "is-1");
        rotation.release("is-3");

        assertThat(loads).containsEntry("is-1", 2).containsEntry("is-2", 1).containsEntry("is-3", 0);
        assertThat(teams.get("inside-sales-jp").cursor()).isEqualTo(1);
        assertThat(rotation.state()).isSameAs(external);
    }

    @Test
    void thePolicysStrategyCanKeepItsRotationInAState() {
        RotationState state = RotationState.inMemory();
        LeadPolicy roundRobin = POLICY.toBuilder().rotation(io.github.leadrules.policy.Rotation.ROUND_ROBIN).build();
        AssignmentStrategy strategy = AssignmentStrategy.fromPolicy(state);

        Assignment a = strategy.assign(new AssignmentRequest("L-1", Outcome.QUALIFIED,
                new Route(Destination.FIELD_SALES, "field-sales-us", null, null, null), null, Urgency.UNKNOWN, "US",
                Segment.SMB, roundRobin));

        assertThat(a.owner()).isEqualTo("fs-x");
        assertThat(state.team("field-sales-us").cursor()).isEqualTo(1);
    }

    @Test
    void aTeamRotationRefusesANegativeCursorAndCopiesItsWeights() {
        Map<String, Long> weights = new HashMap<>(Map.of("is-1", 2L));
        TeamRotation rotation = new TeamRotation(0, weights);
        weights.put("is-2", 5L);

        assertThat(rotation.weights()).containsOnlyKeys("is-1");
        assertThatThrownBy(() -> new TeamRotation(-1, Map.of())).hasMessageContaining("cursor");
    }
}

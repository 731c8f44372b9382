package io.github.leadrules.reports;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tally counts leads by route and urgency and keeps the first {@value FunnelTally#PER_BUCKET}
 * decisions of each bucket (outcome, route and urgency; or first exclusion) as samples.
 */
class FunnelTallyTest {

    private static final String FINGERPRINT = "sha256:0f3c";
    private static final Instant DEADLINE = Instant.parse("2026-11-29T00:00:00Z");

    @Test
    void eachBucketKeepsItsFirstFourDecisionsAsSamplesAndCountsEveryOne() {
        FunnelTally tally = new FunnelTally();
        List<Long> expected = new ArrayList<>();
        long line = 1;
        // limit - 1, limit and limit + 1 decisions of one bucket each
        for (int i = 0; i < 3; i++) {
            add(tally, ++line, qualified(Destination.FIELD_SALES, UrgencyLevel.HIGH), expected, true);
        }
        for (int i = 0; i < 4; i++) {
            add(tally, ++line, qualified(Destination.INSIDE_SALES, UrgencyLevel.MEDIUM), expected, true);
        }
        for (int i = 0; i < 5; i++) {
            add(tally, ++line, qualified(Destination.NURTURE, UrgencyLevel.LOW), expected, i < 4);
        }
        // the same route at another urgency is a bucket of its own
        add(tally, ++line, qualified(Destination.NURTURE, UrgencyLevel.MEDIUM), expected, true);
        for (int i = 0; i < 5; i++) {
            add(tally, ++line, excluded("EXC-COMPETITOR", "EXC-STUDENT"), expected, i < 4);
        }
        // the first exclusion names the bucket, not the others
        add(tally, ++line, excluded("EXC-STUDENT", "EXC-COMPETITOR"), expected, true);
        add(tally, ++line, excluded(), expected, true);
        for (int i = 0; i < 5; i++) {
            add(tally, ++line, invalid(), expected, i < 4);
        }
        for (int i = 0; i < 6; i++) {
            add(tally, ++line, error(), expected, i < 4);
        }

        assertThat(tally.total()).isEqualTo(31);
        assertThat(tally.samples()).extracting(FunnelTally.Sample::line).containsExactlyElementsOf(expected);
        assertThat(tally.report().qualified()).isEqualTo(13);
        assertThat(tally.report().excluded()).isEqualTo(7);
        assertThat(tally.report().invalid()).isEqualTo(5);
        assertThat(tally.report().errors()).isEqualTo(6);
        assertThat(tally.qualifiedByRoute()).containsExactly(Map.entry(Destination.FIELD_SALES, 3),
                Map.entry(Destination.INSIDE_SALES, 4), Map.entry(Destination.ACCOUNT_OWNER, 0),
                Map.entry(Destination.NURTURE, 6), Map.entry(Destination.NONE, 0));
        // excluded leads count under their route (none) and urgency too; invalid ones and errors do not
        assertThat(tally.urgencyByRoute().get(Destination.NONE)).containsEntry(UrgencyLevel.UNKNOWN, 7)
                .containsEntry(UrgencyLevel.LOW, 0);
        assertThat(tally.urgencyByRoute().get(Destination.NURTURE)).containsEntry(UrgencyLevel.LOW, 5)
                .containsEntry(UrgencyLevel.MEDIUM, 1).containsEntry(UrgencyLevel.HIGH, 0);
        assertThat(tally.urgencyByRoute()).hasSize(Destination.values().length)
                .allSatisfy((route, byLevel) -> assertThat(byLevel).hasSize(UrgencyLevel.values().length));
        assertThat(tally.invalidByField()).containsExactly(Map.entry("Email MALFORMED", 5),
                Map.entry("NumberOfEmployees NOT_A_NUMBER", 5));
    }

    private static void add(FunnelTally tally, long line, Qualification q, List<Long> expected, boolean sampled) {
        tally.add(line, null, q, "");
        if (sampled) {
            expected.add(line);
        }
    }

    private static Qualification qualified(Destination route, UrgencyLevel level) {
        return new Qualification("L-1", Outcome.QUALIFIED, List.of(), new Urgency(level, PurchaseTimeframe.WITHIN_3_MONTHS, 40, List.of()),
                new Route(route, "inside-sales", null, null, DEADLINE), List.of(), List.of(), FINGERPRINT);
    }

    private static Qualification excluded(String... ruleIds) {
        List<Reason> exclusions = new ArrayList<>();
        for (String id : ruleIds) {
            exclusions.add(new Reason(id, Stage.EXCLUSION, "競合他社のドメイン"));
        }
        return new Qualification("L-2", Outcome.EXCLUDED, exclusions, Urgency.UNKNOWN, Route.NONE, exclusions, List.of(), FINGERPRINT);
    }

    private static Qualification invalid() {
        return new Qualification("L-3", Outcome.INVALID, List.of(), Urgency.UNKNOWN, Route.NONE, List.of(),
                List.of(new FieldError("Email", "MALFORMED"), new FieldError("NumberOfEmployees", "NOT_A_NUMBER")), FINGERPRINT);
    }

    private static Qualification error() {
        return new Qualification("L-4", Outcome.ERROR, List.of(), Urgency.UNKNOWN, Route.NONE,
                List.of(new Reason("ENGINE-STUCK-RULES", Stage.ENGINE, "Not evaluated")), List.of(), FINGERPRINT);
    }
}

package io.github.leadrules.kafka;

import io.github.leadrules.kafka.internal.DeadLetters;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Rotation;
import io.github.leadrules.policy.Segment;
import io.github.leadrules.policy.Team;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The releases topic: a CRM echoes a decision's assignment when its owner is done with the lead,
 * and the owner's capacity has room again, once per lead.
 */
class ReleasesTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private static final String RELEASES = "assignments-released";

    /** is-tanaka takes at most two leads at a time; is-sato has no limit. */
    private static final Team INSIDE_SALES_JP = new Team("inside-sales-jp", Destination.INSIDE_SALES, Set.of("JP"),
            Segment.ANY, List.of(new Rep("is-tanaka", 1, 2, true), Rep.of("is-sato")));
    /** is-tanaka also covers British accounts, with a capacity of its own there. */
    private static final Team INSIDE_SALES_GB = new Team("inside-sales-gb", Destination.INSIDE_SALES, Set.of("GB"),
            Segment.ANY, List.of(new Rep("is-tanaka", 1, 1, true), Rep.of("is-smith")));

    private static LeadPolicy policy;

    @BeforeAll
    static void policy() {
        policy = LeadPolicy.defaults().toBuilder().teams(List.of(INSIDE_SALES_JP, INSIDE_SALES_GB))
                .rotation(Rotation.ROUND_ROBIN).build();
    }

    private static Harness harness() {
        return new Harness(LeadTopology.builder().policy(policy).releasesTopic(RELEASES));
    }

    /** A document request at a mid-size Japanese maker: inside sales JP. */
    private static Lead japanese(String id) {
        return Lead.builder(id).email("staff-" + id.toLowerCase() + "@kansai-buhin.co.jp").inquiryType(InquiryType.DOCUMENT_REQUEST)
                .company(Company.builder().name("関西部品株式会社").employeeCount(300).country("JP").build()).build();
    }

    /** A document request at a mid-size British distributor: inside sales GB. */
    private static Lead british(String id) {
        return Lead.builder(id).email("buyer-" + id.toLowerCase() + "@northwind-components.co.uk").inquiryType(InquiryType.DOCUMENT_REQUEST)
                .company(Company.builder().name("Northwind Components Ltd").employeeCount(250).country("GB").build()).build();
    }

    private static String release(String leadId, String team, String owner) {
        return "{\"lead_id\":\"" + leadId + "\",\"team\":\"" + team + "\",\"owner\":\"" + owner + "\"}";
    }

    /** Sends the Japanese leads one second apart from {@code at} and returns their owners in order. */
    private static List<String> owners(Harness h, Instant at, String... ids) {
        for (int i = 0; i < ids.length; i++) {
            h.send(japanese(ids[i]), at.plusSeconds(i));
        }
        return h.decisions().stream().map(q -> q.route().owner() == null ? "(queue)" : q.route().owner()).toList();
    }

    /** L-1 … L-5: is-tanaka has L-1 and L-3 and is full, so L-5 goes to is-sato. */
    private static void fillTanaka(Harness h) {
        assertThat(owners(h, T0, "L-1", "L-2", "L-3", "L-4", "L-5"))
                .containsExactly("is-tanaka", "is-sato", "is-tanaka", "is-sato", "is-sato");
    }

    private static String stored(Harness h, String team) {
        KeyValueStore<String, byte[]> store = h.driver.getKeyValueStore(LeadTopology.ROTATION_STORE);
        byte[] bytes = store.get(team);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aRepAtItsCapacityIsSkippedUntilOneOfItsLeadsIsReleasedAndThenGetsTheNext() {
        try (Harness h = harness()) {
            fillTanaka(h);
            assertThat(owners(h, T0.plusSeconds(10), "L-6")).as("still full: skipped").containsExactly("is-sato");

            h.release(release("L-1", "inside-sales-jp", "is-tanaka"), T0.plusSeconds(20));

            assertThat(owners(h, T0.plusSeconds(30), "L-7", "L-8", "L-9"))
                    .as("one slot back: the next turn of is-tanaka takes it, then it is full again")
                    .containsExactly("is-tanaka", "is-sato", "is-sato");
            assertThat(h.deadLetters.isEmpty()).isTrue();
        }
    }

    @Test
    void theWholeDecisionEchoedBackIsAReleaseToo() {
        try (Harness h = harness()) {
            h.send(japanese("L-1"), T0);
            byte[] decision = h.decisions.readRecordsToList().get(0).value();
            assertThat(Harness.JSON.readQualification(decision).route().owner()).isEqualTo("is-tanaka");
            owners(h, T0.plusSeconds(1), "L-2", "L-3");   // is-sato, is-tanaka: full

            h.releases.pipeInput(new TestRecord<>(null, decision, T0.plusSeconds(10)));

            assertThat(owners(h, T0.plusSeconds(20), "L-4", "L-5")).containsExactly("is-sato", "is-tanaka");
        }
    }

    @Test
    void aReleaseSentTwiceFreesOneSlotNotTwo() {
        try (Harness h = harness()) {
            fillTanaka(h);

            h.release(release("L-3", "inside-sales-jp", "is-tanaka"), T0.plusSeconds(10));
            h.release(release("L-3", "inside-sales-jp", "is-tanaka"), T0.plusSeconds(11));

            // With a bare count, two releases would leave is-tanaka empty and L-8 would be its second lead.
            assertThat(owners(h, T0.plusSeconds(20), "L-6", "L-7", "L-8"))
                    .containsExactly("is-tanaka", "is-sato", "is-sato");
        }
    }

    @Test
    void releasesOfLeadsThatAreNotOutstandingForThatOwnerAreIgnored() {
        try (Harness h = harness()) {
            fillTanaka(h);
            String before = stored(h, "inside-sales-jp");

            h.release(release("L-999", "inside-sales-jp", "is-tanaka"), T0.plusSeconds(10));   // never decided
            h.release(release("L-2", "inside-sales-jp", "is-tanaka"), T0.plusSeconds(11));     // is-sato's lead
            h.release(release("L-2", "inside-sales-jp", "is-sato"), T0.plusSeconds(12));       // no capacity to free
            h.release(release("L-1", "inside-sales-jp", "is-yamamoto"), T0.plusSeconds(13));   // no such rep
            h.release(release("L-1", "inside-sales-kr", "is-tanaka"), T0.plusSeconds(14));     // no such team

            assertThat(stored(h, "inside-sales-jp")).as("the team's entry, byte for byte").isEqualTo(before);
            assertThat(stored(h, "inside-sales-kr")).as("no entry made for an unknown team").isNull();
            assertThat(owners(h, T0.plusSeconds(20), "L-6")).containsExactly("is-sato");
            assertThat(h.deadLetters.isEmpty()).as("ignored, not dead: a CRM may well send these").isTrue();
        }
    }

    @Test
    void releasesForAnotherTeamDoNotTouchThisTeam() {
        try (Harness h = harness()) {
            fillTanaka(h);
            h.send(british("L-GB1"), T0.plusSeconds(10));
            assertThat(h.decision().route().owner()).isEqualTo("is-tanaka");
            String jp = stored(h, "inside-sales-jp");

            // L-1 is is-tanaka's in Japan, not in the British team; L-GB1 is the British team's.
            h.release(release("L-1", "inside-sales-gb", "is-tanaka"), T0.plusSeconds(20));
            h.release(release("L-GB1", "inside-sales-jp", "is-tanaka"), T0.plusSeconds(21));
            assertThat(stored(h, "inside-sales-jp")).isEqualTo(jp);
            assertThat(owners(h, T0.plusSeconds(30), "L-6")).containsExactly("is-sato");

            h.release(release("L-GB1", "inside-sales-gb", "is-tanaka"), T0.plusSeconds(40));

            assertThat(stored(h, "inside-sales-jp")).as("the British release leaves Japan alone").isEqualTo(jp);
            h.send(british("L-GB2"), T0.plusSeconds(50));
            h.send(british("L-GB3"), T0.plusSeconds(51));
            h.send(british("L-GB4"), T0.plusSeconds(52));
            assertThat(h.decisions()).extracting(q -> q.route().owner())
                    .containsExactly("is-smith", "is-tanaka", "is-smith");
        }
    }

    @Test
    void releasesThatCannotBeReadAreDeadLettersWithAReasonAndNoPersonalData() {
        try (Harness h = harness()) {
            fillTanaka(h);
            h.release("{\"lead_id\":\"L-1\",\"owner\":\"is-tanaka\"", T0.plusSeconds(10));
            h.release("[\"L-1\",\"is-tanaka\"]", T0.plusSeconds(11));
            h.release("{\"lead_id\":\"L-1\",\"team\":\"inside-sales-jp\"}", T0.plusSeconds(12));
            h.release("{\"lead_id\":1001,\"team\":\"inside-sales-jp\",\"owner\":\"  \"}", T0.plusSeconds(13));
            h.release(null, T0.plusSeconds(14));

            List<TestRecord<byte[], byte[]>> dead = h.deadLetters.readRecordsToList();

            assertThat(dead).extracting(r -> Harness.header(r, DeadLetters.CODE)).containsExactly(
                    "MALFORMED_JSON", "NOT_AN_OBJECT", "RELEASE_INCOMPLETE", "RELEASE_INCOMPLETE", "NO_VALUE");
            assertThat(dead).extracting(r -> Harness.header(r, DeadLetters.REASON))
                    .allSatisfy(reason -> assertThat(reason).isNotBlank().doesNotContain("tanaka").doesNotContain("L-1")
                            .doesNotContain("1001").doesNotContain("inside-sales-jp"));
            assertThat(Harness.header(dead.get(2), DeadLetters.REASON)).contains("owner").doesNotContain("lead_id");
            assertThat(Harness.header(dead.get(3), DeadLetters.REASON)).contains("lead_id, owner");
            assertThat(dead).extracting(r -> Harness.header(r, DeadLetters.TOPIC)).containsOnly(RELEASES);
            assertThat(new String(dead.get(2).value(), StandardCharsets.UTF_8)).as("the original value, for replay")
                    .isEqualTo("{\"lead_id\":\"L-1\",\"team\":\"inside-sales-jp\"}");
            assertThat(owners(h, T0.plusSeconds(20), "L-6")).as("nothing released, the stream goes on")
                    .containsExactly("is-sato");
        }
    }

    @Test
    void replayingTheSameLeadsAndReleasesGivesTheSameAssignments() {
        List<List<Qualification>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (Harness h = harness()) {
                for (int i = 1; i <= 12; i++) {
                    Instant at = T0.plusSeconds(10L * i);
                    h.send(i % 4 == 0 ? british("L-GB" + i) : japanese("L-" + i), at);
                    if (i % 3 == 0) {   // every third lead, is-tanaka closes the oldest lead it may have
                        h.release(release("L-" + (i - 2), "inside-sales-jp", "is-tanaka"), at.plusSeconds(1));
                        h.release(release("L-GB" + (i - 4), "inside-sales-gb", "is-tanaka"), at.plusSeconds(2));
                    }
                }
                runs.add(h.decisions());
                assertThat(h.deadLetters.isEmpty()).isTrue();
            }
        }

        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(0)).hasSize(12).extracting(q -> q.route().owner()).contains("is-tanaka", "is-sato", "is-smith");
    }

    @Test
    void loadsStoredBeforeLeadIdsWereKeptCanStillBeReleasedOneByOne() {
        try (Harness h = harness()) {
            KeyValueStore<String, byte[]> store = h.driver.getKeyValueStore(LeadTopology.ROTATION_STORE);
            // The form of the previous snapshot: is-tanaka full, no lead ids.
            store.put("inside-sales-jp", "{\"cursor\":0,\"weights\":{},\"loads\":{\"is-tanaka\":2,\"is-sato\":7}}"
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(owners(h, T0, "L-1")).containsExactly("is-sato");

            h.release(release("L-OLD-1", "inside-sales-jp", "is-tanaka"), T0.plusSeconds(10));

            assertThat(owners(h, T0.plusSeconds(20), "L-2", "L-3", "L-4"))
                    .containsExactly("is-tanaka", "is-sato", "is-sato");
            assertThat(stored(h, "inside-sales-jp")).contains("\"version\":2").contains("\"untracked\":{\"is-tanaka\":1}")
                    .contains("\"outstanding\":{\"is-tanaka\":[\"L-2\"]}");
        }
    }

    @Test
    void withoutAReleasesTopicTheTopologyIsTheOneItWas() {
        String without = LeadTopology.builder().policy(policy).compileExecutor(Runnable::run).build().describe().toString();
        String with = LeadTopology.builder().policy(policy).releasesTopic(RELEASES).compileExecutor(Runnable::run)
                .build().describe().toString();

        assertThat(without).doesNotContain(RELEASES).doesNotContain("release");
        assertThat(with).contains(RELEASES).contains("merge-releases").contains("merge-dead-releases");
    }
}

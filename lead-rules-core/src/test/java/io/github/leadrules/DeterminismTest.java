package io.github.leadrules;

import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise 3: the same input, rules and clock give the same decision and reasons, on any thread, in
 * any batch. About 200 varied leads are qualified one by one as the reference; every other way of
 * qualifying them must give equal qualifications per lead id, reasons and fingerprint included.
 */
class DeterminismTest {

    private static final List<Lead> LEADS = Fixtures.crowd(200, 20261128L);
    private static Map<String, Qualification> oneByOne;

    @BeforeAll
    static void qualifyOneByOne() {
        LeadQualifier qualifier = Fixtures.qualifier();
        oneByOne = new LinkedHashMap<>();
        for (Lead lead : LEADS) {
            oneByOne.put(lead.id(), qualifier.qualify(lead));
        }
    }

    @Test
    void theCrowdExercisesEveryOutcomeUrgencyAndDestination() {
        // A determinism check over leads that all decide alike would prove little.
        assertThat(oneByOne).hasSize(200);
        assertThat(oneByOne.values()).extracting(Qualification::outcome)
                .contains(Outcome.QUALIFIED, Outcome.EXCLUDED, Outcome.INVALID);
        assertThat(oneByOne.values()).filteredOn(Qualification::isQualified)
                .extracting(q -> q.urgency().level())
                .contains(UrgencyLevel.IMMEDIATE, UrgencyLevel.HIGH, UrgencyLevel.MEDIUM, UrgencyLevel.LOW);
        assertThat(oneByOne.values()).extracting(q -> q.route().destination())
                .contains(Destination.values());
        assertThat(oneByOne.values()).flatExtracting(Qualification::exclusionIds)
                .contains("EXC-FREEMAIL-NO-COMPANY", "EXC-INTERNAL", "EXC-DISPOSABLE-EMAIL", "EXC-COMPETITOR",
                        "EXC-EXISTING-CUSTOMER", "EXC-STUDENT", "EXC-OUT-OF-TERRITORY", "EXC-TOO-SMALL",
                        "EXC-NO-CONSENT");
    }

    @Test
    void qualifyingTheSameLeadsAgainOneByOneGivesTheSameQualifications() {
        LeadQualifier qualifier = Fixtures.qualifier();
        Map<String, Qualification> again = new LinkedHashMap<>();
        for (Lead lead : LEADS) {
            again.put(lead.id(), qualifier.qualify(lead));
        }
        assertSameAsOneByOne(again, "one by one again");
    }

    @Test
    void oneBatchGivesTheSameQualificationsInInputOrder() {
        List<Qualification> batch = Fixtures.qualifier().qualifyAll(LEADS);
        assertThat(batch).extracting(Qualification::leadId).containsExactlyElementsOf(ids(LEADS));
        assertSameAsOneByOne(byId(batch), "one batch");
    }

    @Test
    void shuffledLeadsGiveTheSameQualificationPerLead() {
        for (long seed = 1; seed <= 3; seed++) {
            List<Lead> shuffled = new ArrayList<>(LEADS);
            Collections.shuffle(shuffled, new Random(seed));
            List<Qualification> batch = Fixtures.qualifier().qualifyAll(shuffled);
            assertThat(batch).extracting(Qualification::leadId).containsExactlyElementsOf(ids(shuffled));
            assertSameAsOneByOne(byId(batch), "shuffle seed " + seed);
        }
    }

    /** 200 is the default batch size, which the fixtures' qualifier uses. */
    @ParameterizedTest(name = "batch size {0}")
    @ValueSource(ints = {1, 7, 200})
    void everySessionBatchSizeGivesTheSameQualifications(int batchSize) {
        LeadQualifier qualifier = batchSize == 200 ? Fixtures.qualifier() : Fixtures.builder().batchSize(batchSize).build();
        assertThat(qualifier.fingerprint()).isEqualTo(Fixtures.qualifier().fingerprint());
        assertSameAsOneByOne(byId(qualifier.qualifyAll(LEADS)), "batch size " + batchSize);
    }

    @Test
    void callersSplittingTheLeadsIntoTheirOwnChunksGetTheSameQualifications() {
        Map<String, Qualification> chunked = new LinkedHashMap<>();
        for (int from = 0; from < LEADS.size(); from += 13) {
            chunked.putAll(byId(Fixtures.qualifier().qualifyAll(LEADS.subList(from, Math.min(from + 13, LEADS.size())))));
        }
        assertSameAsOneByOne(chunked, "chunks of 13");
    }

    @Test
    void fourThreadsSharingOneQualifierGetTheSameQualifications() throws Exception {
        LeadQualifier qualifier = Fixtures.qualifier();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Map<String, Qualification>>> ways = List.of(
                () -> {
                    start.await();
                    Map<String, Qualification> out = new LinkedHashMap<>();
                    for (Lead lead : LEADS) {
                        out.put(lead.id(), qualifier.qualify(lead));
                    }
                    return out;
                },
                () -> {
                    start.await();
                    return byId(qualifier.qualifyAll(LEADS));
                },
                () -> {
                    start.await();
                    List<Lead> reversed = new ArrayList<>(LEADS);
                    Collections.reverse(reversed);
                    return byId(qualifier.qualifyAll(reversed));
                },
                () -> {
                    start.await();
                    Map<String, Qualification> out = new LinkedHashMap<>();
                    for (int from = 0; from < LEADS.size(); from += 7) {
                        out.putAll(byId(qualifier.qualifyAll(LEADS.subList(from, Math.min(from + 7, LEADS.size())))));
                    }
                    return out;
                });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, Qualification>>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Callable<Map<String, Qualification>> way : ways) {
                    results.add(pool.submit(way));
                }
            }
            start.countDown();
            for (int i = 0; i < results.size(); i++) {
                assertSameAsOneByOne(results.get(i).get(5, TimeUnit.MINUTES), "thread task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Equal qualifications for the same lead ids, naming the first lead that differs. */
    private static void assertSameAsOneByOne(Map<String, Qualification> actual, String how) {
        assertThat(actual.keySet()).as(how).containsExactlyInAnyOrderElementsOf(oneByOne.keySet());
        oneByOne.forEach((id, expected) -> assertThat(actual.get(id)).as("%s: lead %s", how, id).isEqualTo(expected));
    }

    private static List<String> ids(List<Lead> leads) {
        return leads.stream().map(Lead::id).toList();
    }

    private static Map<String, Qualification> byId(List<Qualification> qualifications) {
        Map<String, Qualification> out = new LinkedHashMap<>();
        for (Qualification q : qualifications) {
            assertThat(out.put(q.leadId(), q)).as("lead id %s appears twice", q.leadId()).isNull();
        }
        return out;
    }
}

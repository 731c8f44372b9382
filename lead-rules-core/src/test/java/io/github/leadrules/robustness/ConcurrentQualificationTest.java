package io.github.leadrules.robustness;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise 3 under threads, in the style of Drools' own concurrency tests: many threads share one
 * qualifier, a latch releases them together, and each qualifies thousands of leads in its own order
 * and batch size. Every qualification must equal the one a single thread got for the same lead,
 * including for the few leads a failing host rule turns into ERROR, whose batches fall back to one
 * lead per session while other threads run theirs.
 */
class ConcurrentQualificationTest {

    private static final int THREADS = 8;
    private static final int LEADS = 2_000;
    private static final Set<Integer> BROKEN = Set.of(500, 1_000, 1_500);

    private static final String FAILING_HOST_RULE = """
            package com.example.host;

            import io.github.leadrules.rules.LeadContext;

            // The host's CRM check fails on records its sync marked as broken.
            rule "Check the CRM record before scoring urgency"
                @id("URG-HOST-CRM-CHECK")
                ruleflow-group "urgency"
            when
                $lead : LeadContext( attribute("crm-sync") == "broken" )
            then
                throw new IllegalStateException("CRM record is broken");
            end
            """;

    private static LeadQualifier qualifier;
    private static List<Lead> leads;
    private static List<Qualification> singleThreaded;

    @BeforeAll
    static void qualifyEveryLeadOnOneThreadFirst() {
        qualifier = LeadQualifier.builder()
                .policy(RealisticLeads.POLICY)
                .accounts(RealisticLeads.ACCOUNTS)
                .clock(RealisticLeads.CLOCK)
                .addRulesText("crm-check.drl", FAILING_HOST_RULE)
                .build();
        leads = new ArrayList<>(RealisticLeads.mix(42L, LEADS));
        for (int broken : BROKEN) {
            leads.set(broken, leads.get(broken).toBuilder().attribute("crm-sync", "broken").build());
        }
        singleThreaded = new ArrayList<>(LEADS);
        for (Lead lead : leads) {
            singleThreaded.add(qualifier.qualify(lead));
        }
    }

    @Test
    void theSingleThreadedRunCoversEveryOutcome() {
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        singleThreaded.forEach(q -> outcomes.add(q.outcome()));
        assertThat(outcomes).containsExactlyInAnyOrder(Outcome.values());
        for (int broken : BROKEN) {
            assertThat(singleThreaded.get(broken).outcome()).isEqualTo(Outcome.ERROR);
            assertThat(singleThreaded.get(broken).reasonIds()).containsExactly("URG-HOST-CRM-CHECK");
        }
    }

    @Test
    void aBatchDecidesEveryLeadAsASingleCallDoes() {
        assertThat(qualifier.qualifyAll(leads)).isEqualTo(singleThreaded);
    }

    @Test
    void eightThreadsReleasedTogetherGetTheSingleThreadedQualificationForEveryLead() throws Exception {
        int[] batchSizes = {1, 7, 50, 199, 200, 333, 1_000, LEADS};
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<String>> worker = () -> {
                    ready.countDown();
                    go.await();
                    return qualifyInOwnOrder(thread, batchSizes[thread]);
                };
                futures.add(pool.submit(worker));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads started").isTrue();
            go.countDown();
            List<String> mismatches = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                mismatches.addAll(f.get(5, TimeUnit.MINUTES));
            }
            assertThat(mismatches).as("qualifications that differ from the single-threaded ones").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Qualifies every lead, starting at a thread-specific offset, in batches of the given size. */
    private static List<String> qualifyInOwnOrder(int thread, int batchSize) {
        List<String> mismatches = new ArrayList<>();
        int offset = thread * (LEADS / THREADS);
        List<Integer> order = new ArrayList<>(LEADS);
        for (int i = 0; i < LEADS; i++) {
            order.add((offset + i) % LEADS);
        }
        if (thread % 2 == 1) {
            java.util.Collections.reverse(order);
        }
        for (int from = 0; from < LEADS; from += batchSize) {
            List<Integer> indexes = order.subList(from, Math.min(LEADS, from + batchSize));
            List<Qualification> got;
            if (batchSize == 1) {
                got = List.of(qualifier.qualify(leads.get(indexes.get(0))));
            } else {
                List<Lead> batch = new ArrayList<>(indexes.size());
                indexes.forEach(i -> batch.add(leads.get(i)));
                got = qualifier.qualifyAll(batch);
            }
            for (int k = 0; k < indexes.size(); k++) {
                Qualification expected = singleThreaded.get(indexes.get(k));
                if (!expected.equals(got.get(k))) {
                    mismatches.add("thread " + thread + ", lead " + expected.leadId() + ": expected " + expected
                            + " but got " + got.get(k));
                }
            }
        }
        return mismatches;
    }
}

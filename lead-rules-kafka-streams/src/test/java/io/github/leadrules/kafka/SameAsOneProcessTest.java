package io.github.leadrules.kafka;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.RecentLeads;
import io.github.leadrules.assign.AssignmentStrategy;
import io.github.leadrules.json.LeadReading;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Rotation;
import io.github.leadrules.policy.Segment;
import io.github.leadrules.policy.Team;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology decides as the library does in one process: the 2 000 shipped sample leads, the
 * sample accounts and policy (with teams and a weighted rotation), each lead at its record's
 * instant, give the decisions {@code qualifyAll} gives at that instant — field by field, duplicates,
 * account owners and rotation included — and a replay gives them again.
 */
class SameAsOneProcessTest {

    /** After every sample lead's submitted_at. */
    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    private static List<String> leadJson;
    private static List<Account> accounts;
    private static LeadPolicy policy;

    @BeforeAll
    static void samples() throws IOException {
        leadJson = SampleLeads.leads(SampleLeads.samples().resolve("leads-2000.csv"));
        accounts = SampleLeads.accounts(SampleLeads.samples().resolve("accounts.csv"));
        policy = SampleLeads.policyWithTeams();
    }

    private static List<Qualification> inOneProcess() {
        return SampleLeads.inOneProcess(policy, accounts, leadJson, NOW);
    }

    private static List<Qualification> onTheTopology() {
        return onTheTopology(leadJson.size());
    }

    private static List<Qualification> onTheTopology(int leads) {
        try (Harness h = new Harness(LeadTopology.builder().policy(policy))) {
            accounts.forEach(h::account);
            leadJson.subList(0, leads).forEach(json -> h.send(json, NOW));
            assertThat(h.deadLetters.isEmpty()).isTrue();
            return h.decisions();
        }
    }

    @Test
    void everyDecisionEqualsQualifyAllFieldByField() {
        List<Qualification> expected = inOneProcess();
        List<Qualification> actual = onTheTopology();

        assertThat(actual).hasSize(2000);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("lead %s", expected.get(i).leadId())
                    .usingRecursiveComparison().isEqualTo(expected.get(i));
        }
        // The comparison means something only if the sample exercises what the topology keeps in stores.
        assertThat(expected).filteredOn(q -> q.exclusionIds().contains("EXC-DUPLICATE")).isNotEmpty();
        assertThat(expected).filteredOn(q -> q.exclusionIds().contains("EXC-EXISTING-CUSTOMER")).isNotEmpty();
        assertThat(expected).filteredOn(q -> q.route().ownerReason() != null
                && q.route().ownerReason().ruleId().equals("ASSIGN-WEIGHTED-ROUND-ROBIN")).hasSizeGreaterThan(100);
        assertThat(expected).filteredOn(q -> q.route().ownerReason() != null
                && q.route().ownerReason().ruleId().equals("ASSIGN-NO-REP-AVAILABLE")).isNotEmpty();
        assertThat(expected).extracting(Qualification::outcome).contains(Outcome.QUALIFIED, Outcome.EXCLUDED);
    }

    @Test
    void aReplayOfTheSameRecordsGivesTheSameDecisions() {
        List<Qualification> first = onTheTopology(400);
        List<Qualification> replay = onTheTopology(400);

        assertThat(replay).hasSize(400).isEqualTo(first);
    }
}

package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ceiling is only honest if it decides what the library decides: this test runs the 100 000
 * benchmark leads through both and requires the same qualification for every one — outcome,
 * exclusions, urgency, route and every reason.
 */
class PlainJavaQualifierAgreementTest {

    private static final int LEADS = 100_000;

    private static SampleLeads world;
    private static LeadQualifier library;
    private static PlainJavaQualifier ceiling;

    @BeforeAll
    static void build() {
        world = SampleLeads.standard();
        library = world.qualifierBuilder().build();
        ceiling = new PlainJavaQualifier(world.policy(), world.accounts(), SampleLeads.CLOCK, library.fingerprint());
    }

    @Test
    void theCeilingDecidesEveryBenchmarkLeadExactlyAsTheLibraryDoes() {
        List<String> disagreements = new ArrayList<>();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<String, Integer> ruleCounts = new TreeMap<>();
        int chunk = 10_000;
        for (int from = 0; from < LEADS; from += chunk) {
            List<Lead> leads = new ArrayList<>(chunk);
            for (int i = from; i < from + chunk; i++) {
                leads.add(world.lead(i));
            }
            List<Qualification> expected = library.qualifyAll(leads);
            List<Qualification> actual = ceiling.qualifyAll(leads);
            for (int i = 0; i < leads.size(); i++) {
                Qualification e = expected.get(i);
                outcomes.merge(e.outcome(), 1, Integer::sum);
                e.reasonIds().forEach(id -> ruleCounts.merge(id, 1, Integer::sum));
                if (!e.equals(actual.get(i)) && disagreements.size() < 10) {
                    disagreements.add("library: " + e + "\nceiling: " + actual.get(i));
                }
            }
        }
        assertThat(disagreements).as("leads the ceiling decides differently").isEmpty();
        // The agreement means something only if the leads exercise the whole catalogue.
        assertThat(outcomes.keySet()).contains(Outcome.QUALIFIED, Outcome.EXCLUDED, Outcome.INVALID);
        assertThat(ruleCounts.keySet()).containsAll(library.rules().stream().map(r -> r.id()).toList());
        assertThat(ruleCounts).allSatisfy((id, n) -> assertThat(n).as(id).isGreaterThan(20));
        System.out.println("Agreement on " + LEADS + " leads; outcomes " + outcomes + "; reasons " + ruleCounts);
    }
}

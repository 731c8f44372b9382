package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Signal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signals benchmark measures real work: its {@value SignalsBenchmark#SIGNALS} signals build,
 * each fires for some of the benchmark leads and not for all, and the attributes it adds make no
 * lead invalid.
 */
class SignalsBenchmarkPolicyTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tiling", "cumulative"})
    void everySignalOfTheBenchmarkFiresForSomeLeadsAndNoAttributeMakesALeadInvalid(String shape) {
        SampleLeads world = SampleLeads.standard();
        LeadPolicy policy = SignalsBenchmark.policy(world.policy(), shape);
        List<Lead> plain = world.leads(3_000);
        List<Lead> leads = SignalsBenchmark.withAttributes(plain);
        LeadQualifier signals = world.qualifierBuilder().policy(policy).build();
        LeadQualifier packaged = world.qualifierBuilder().build();

        List<Qualification> with = signals.qualifyAll(leads);
        List<Qualification> without = packaged.qualifyAll(plain);

        assertThat(policy.signals()).hasSize(SignalsBenchmark.SIGNALS);
        for (int i = 0; i < leads.size(); i++) {
            assertThat(with.get(i).outcome() == Outcome.INVALID).as(leads.get(i).id())
                    .isEqualTo(without.get(i).outcome() == Outcome.INVALID);
        }
        for (Signal s : policy.signals()) {
            long fired = with.stream().filter(q -> q.hasReason(s.id())).count();
            assertThat(fired).as(s.id()).isBetween(1L, leads.size() - 1L);
        }
    }
}

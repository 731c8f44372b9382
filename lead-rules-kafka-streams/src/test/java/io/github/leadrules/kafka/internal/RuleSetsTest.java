package io.github.leadrules.kafka.internal;

import io.github.leadrules.kafka.RuleSetMessage;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetsTest {

    private static final byte[] COMPETITOR_SET =
            RuleSetMessage.of("version: 1\ncompetitorDomains: [tokai-seiki.co.jp]\n").toJson();

    /** An executor that holds every task until {@link #runAll}: a compile that has not finished yet. */
    private static final class Held implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized void runAll() {
            tasks.forEach(Runnable::run);
            tasks.clear();
        }
    }

    @Test
    void aStartingTaskWaitsForTheRestoredSetAndThenDecidesWithIt() {
        RuleSets sets = new RuleSets(LeadPolicy.defaults(), UnaryOperator.identity(), Runnable::run);
        String base = sets.current().fingerprint();

        sets.submit(COMPETITOR_SET);
        sets.awaitPending(Duration.ofSeconds(30));

        assertThat(sets.current().fingerprint()).isNotEqualTo(base).hasSize(16);
        assertThat(sets.current().policy().exclusion().isCompetitorDomain("tokai-seiki.co.jp")).isTrue();
    }

    @Test
    void aRestoredSetThatDoesNotCompileInTimeFailsTheTaskStartNamingTheSettingUntilItHasCompiled() {
        Held held = new Held();
        RuleSets sets = new RuleSets(LeadPolicy.defaults(), UnaryOperator.identity(), held);
        String base = sets.current().fingerprint();
        sets.submit(COMPETITOR_SET);

        assertThatThrownBy(() -> sets.awaitPending(Duration.ofMillis(50)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not compile within PT0.05S")
                .hasMessageContaining("LeadTopology.Builder.startupWait")
                .hasMessageContaining("no lead is read");
        assertThat(sets.current().fingerprint()).as("the base set still serves until the restored one compiles").isEqualTo(base);

        held.runAll();
        sets.awaitPending(Duration.ofMillis(50));

        assertThat(sets.current().fingerprint()).isNotEqualTo(base);
    }
}

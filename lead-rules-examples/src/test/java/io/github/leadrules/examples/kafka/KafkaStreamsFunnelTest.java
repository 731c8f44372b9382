package io.github.leadrules.examples.kafka;

import io.github.leadrules.FunnelReport;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.RecentLeads;
import io.github.leadrules.assign.AssignmentStrategy;
import io.github.leadrules.json.LeadReading;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka Streams example runs on a broker in the test JVM and prints the funnel of the 2 000
 * sample leads read from the {@code decisions} topic: the funnel {@code qualifyAll} gives in one
 * process on the same leads, accounts and policy at the same instant (remembering every address it
 * has seen, as the topology's duplicate window does). Tagged {@code broker}: it runs in
 * {@code mvn verify}, in the surefire execution of that name.
 */
@Tag("broker")
class KafkaStreamsFunnelTest {

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void theExamplePrintsTheFunnelOfTheDecisionsTopicWhichIsQualifyAllsFunnelOnTheSameLeads(@TempDir Path dir)
            throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Qualification> decided;
        try (LocalBroker broker = new LocalBroker(dir.resolve("broker"));
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            decided = KafkaStreamsFunnel.run(broker.bootstrapServers(), dir.resolve("state"), out);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);

        FunnelReport expected = FunnelReport.of(inOneProcess());
        assertThat(decided).hasSize(2000);
        assertThat(FunnelReport.of(decided)).isEqualTo(expected);
        assertThat(printed).contains("Decisions read from the decisions topic: 2000 of 2000")
                .endsWith(expected.toText());
        // The funnel means something only if the samples reach what the topology keeps in stores.
        assertThat(expected.excluded()).isGreaterThan(600);
        assertThat(printed).contains("EXC-DUPLICATE").contains("EXC-EXISTING-CUSTOMER");
        assertThat(printed).doesNotContain("@");   // no e-mail address
    }

    /** The single-process library: {@code qualifyAll} at the example's instant, every address remembered. */
    private static List<Qualification> inOneProcess() throws Exception {
        LeadQualifier qualifier = LeadQualifier.builder().policy(KafkaStreamsFunnel.policy())
                .accounts(InMemoryAccountDirectory.builder()
                        .addAll(SampleFiles.accounts(SampleFiles.folder().resolve("accounts.csv"))).build())
                .recentLeads(RecentLeads.inMemory()).assignment(AssignmentStrategy.fromPolicy()).build();
        List<Lead> leads = new ArrayList<>();
        for (String json : SampleFiles.leads(SampleFiles.folder().resolve("leads-2000.csv"))) {
            LeadReading r = LeadRulesJson.defaults().readLead(json);
            assertThat(r.errors()).as("a sample lead reads cleanly").isEmpty();
            leads.add(r.lead());
        }
        return qualifier.qualifyAll(leads, KafkaStreamsFunnel.NOW);
    }
}

package io.github.leadrules.kafka;

import io.github.leadrules.account.Account;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology on a real, in-process KRaft broker with exactly-once: 500 sample leads in, 500
 * committed decisions out (a {@code read_committed} consumer), none twice, each equal to the
 * single-process library's. Tagged {@code broker}: every {@code mvn verify} runs it, in the surefire
 * execution of that name ({@code -DskipBrokerTests} leaves it out); it stays well under two minutes.
 */
@Tag("broker")
class OnABrokerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
    private static final int LEADS = 500;

    @Test
    @Timeout(value = 110, unit = TimeUnit.SECONDS)
    void everyLeadGetsExactlyOneCommittedDecisionEqualToTheLibrarys(@TempDir Path dir) throws Exception {
        LeadPolicy policy = SampleLeads.policyWithTeams();
        List<Account> accounts = SampleLeads.accounts(SampleLeads.samples().resolve("accounts.csv"));
        List<String> leads = SampleLeads.leads(SampleLeads.samples().resolve("leads-2000.csv")).subList(0, LEADS);

        try (LocalKafka kafka = new LocalKafka(dir.resolve("broker"))) {
            kafka.createTopics(1);
            produce(kafka.bootstrapServers(), accounts, leads);

            Properties config = LeadTopology.streamsConfig("lead-rules-it", kafka.bootstrapServers());
            config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
            config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
            try (KafkaStreams streams = new KafkaStreams(LeadTopology.builder().policy(policy).build(), config)) {
                streams.start();
                Map<String, List<Qualification>> decided = readCommitted(kafka.bootstrapServers(), LEADS, Duration.ofSeconds(90));

                List<Qualification> expected = SampleLeads.inOneProcess(policy, accounts, leads, NOW);
                assertThat(decided).hasSize(LEADS);
                assertThat(decided.values()).allSatisfy(list -> assertThat(list).hasSize(1));
                for (Qualification q : expected) {
                    assertThat(decided.get(q.leadId()).get(0)).as("lead %s", q.leadId())
                            .usingRecursiveComparison().isEqualTo(q);
                }
            }
        }
    }

    static void produce(String bootstrap, List<Account> accounts, List<String> leads) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> accountsOut = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
             KafkaProducer<byte[], byte[]> leadsOut = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Account a : accounts) {
                accountsOut.send(new ProducerRecord<>("accounts", a.id(), AccountMessages.write(a)));
            }
            accountsOut.flush();
            for (String lead : leads) {
                leadsOut.send(new ProducerRecord<>("leads", null, NOW.toEpochMilli(), null,
                        lead.getBytes(StandardCharsets.UTF_8)));
            }
            leadsOut.flush();
        }
    }

    /** Reads decisions with {@code read_committed} until {@code count} distinct leads have one, or the time is up. */
    static Map<String, List<Qualification>> readCommitted(String bootstrap, int count, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "decisions-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<Qualification>> decided = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("decisions"));
            while (decided.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    decided.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Harness.JSON.readQualification(r.value()));
                }
            }
            // A little longer, so that a duplicate written after the last first decision is seen too.
            long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < settle) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    decided.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Harness.JSON.readQualification(r.value()));
                }
            }
        }
        return decided;
    }
}

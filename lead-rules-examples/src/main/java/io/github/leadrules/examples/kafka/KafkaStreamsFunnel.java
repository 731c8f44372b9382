package io.github.leadrules.examples.kafka;

import io.github.leadrules.FunnelReport;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.RecentLeads;
import io.github.leadrules.examples.QuickStart;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.kafka.AccountMessages;
import io.github.leadrules.kafka.LeadTopology;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Scaling out on Kafka Streams, end to end on one machine: starts a Kafka broker in this JVM
 * ({@link LocalBroker}), publishes the sample accounts to the compacted {@code accounts} topic and the
 * 2 000 sample leads to {@code leads}, runs {@code lead-rules-kafka-streams}' topology with
 * exactly-once, reads the {@code decisions} topic as a {@code read_committed} consumer and prints
 * the funnel. Given a bootstrap address it uses that cluster instead (topics created when missing).
 *
 * <pre>
 * mvn -B -q -pl lead-rules-examples -am package -DskipTests -Dkafka-example                    # in-process broker
 * mvn -B -q -pl lead-rules-examples -am package -DskipTests -Dkafka-example -Dexec.args=broker-1:9092   # a cluster
 * </pre>
 *
 * <p>Every lead is published with the same record timestamp, {@link #NOW}: the topology decides a
 * lead at its record's timestamp, so the run gives the same decisions every time, the decisions
 * {@code qualifyAll(leads, NOW)} gives in one process.
 */
public final class KafkaStreamsFunnel {

    /** The record timestamp of every sample lead, after each one's {@code submitted_at}. */
    public static final Instant NOW = QuickStart.NOW;
    private static final String APPLICATION_ID = "lead-rules-example";
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private KafkaStreamsFunnel() {
    }

    /**
     * Runs the example on a broker in this JVM, or on the cluster named by the first argument.
     *
     * @param args nothing, or the bootstrap servers of a cluster (e.g. {@code broker-1:9092,broker-2:9092})
     * @throws Exception if the broker does not start
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = QuickStart.consoleOut();
        Path work = Files.createTempDirectory("lead-rules-kafka-example");
        try {
            if (args.length > 0) {
                run(args[0], work.resolve("state"), out);
            } else {
                out.println("Starting a Kafka broker in this JVM …");
                try (LocalBroker broker = new LocalBroker(work.resolve("broker"))) {
                    run(broker.bootstrapServers(), work.resolve("state"), out);
                }
            }
        } finally {
            out.flush();
            delete(work);
        }
    }

    /** The sample policy ({@code samples/policy.yaml}). @return the policy */
    public static LeadPolicy policy() {
        return LeadPolicy.load(SampleFiles.folder().resolve("policy.yaml"));
    }

    /**
     * Publishes the samples, runs the topology until every lead has a committed decision (at most
     * five minutes), prints the funnel of those decisions and stops the topology.
     *
     * @param bootstrapServers the cluster
     * @param stateDirectory   the streams application's local state (stores), e.g. a temporary directory
     * @param out              where the funnel goes
     * @return the decisions read from the {@code decisions} topic, one per lead
     */
    public static List<Qualification> run(String bootstrapServers, Path stateDirectory, PrintStream out) {
        List<String> leads;
        List<Account> accounts;
        try {
            leads = SampleFiles.leads(SampleFiles.folder().resolve("leads-2000.csv"));
            accounts = SampleFiles.accounts(SampleFiles.folder().resolve("accounts.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        createTopics(bootstrapServers);
        publish(bootstrapServers, accounts, leads);
        out.println("Published " + accounts.size() + " accounts and " + leads.size() + " leads; qualifying on Kafka Streams …");

        Properties config = LeadTopology.streamsConfig(APPLICATION_ID, bootstrapServers);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        List<Qualification> decisions;
        try (KafkaStreams streams = new KafkaStreams(LeadTopology.builder().policy(policy()).build(), config)) {
            streams.start();
            decisions = readDecisions(bootstrapServers, leads.size());
        }
        out.println("Decisions read from the decisions topic: " + decisions.size() + " of " + leads.size());
        decisions.stream().map(Qualification::fingerprint).distinct()
                .forEach(fingerprint -> out.println("rule set " + fingerprint));
        out.println();
        out.print(FunnelReport.of(decisions).toText());
        return decisions;
    }

    /** The topology's five topics, where missing: accounts and rule sets compacted; the cluster's default replication. */
    private static void createTopics(String bootstrapServers) {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        Optional<Integer> partitions = Optional.of(2);
        Optional<Short> replication = Optional.empty();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            for (NewTopic topic : List.of(
                    new NewTopic("leads", partitions, replication),
                    new NewTopic("decisions", partitions, replication),
                    new NewTopic("leads-dead-letters", Optional.of(1), replication),
                    new NewTopic("accounts", Optional.of(1), replication).configs(compacted),
                    new NewTopic("rule-sets", Optional.of(1), replication).configs(compacted))) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topics", e);
        }
    }

    /** Accounts keyed by id (the compacted table), then the leads keyed by address, each stamped {@link #NOW}. */
    private static void publish(String bootstrapServers, List<Account> accounts, List<String> leads) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (Account a : accounts) {
                producer.send(new ProducerRecord<>("accounts", a.id(), AccountMessages.write(a)));
            }
            producer.flush();
            LeadRulesJson json = LeadRulesJson.defaults();
            for (String lead : leads) {
                // Keyed by the address as the duplicate check sees it: every lead of one address lands in one
                // partition, so the topology sees them in the order they were sent (the topology itself ignores
                // the key and repartitions by address).
                String key = RecentLeads.key(json.readLead(lead).lead().email()).orElse(null);
                producer.send(new ProducerRecord<>("leads", null, NOW.toEpochMilli(), key, lead.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** Committed decisions ({@code read_committed}), the latest per lead id, until {@code count} leads have one. */
    private static List<Qualification> readDecisions(String bootstrapServers, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, APPLICATION_ID + "-reader-" + System.currentTimeMillis());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        LeadRulesJson json = LeadRulesJson.defaults();
        Map<String, Qualification> byLead = new LinkedHashMap<>();
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("decisions"));
            while (byLead.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    byLead.put(r.key(), json.readQualification(r.value()));
                }
            }
        }
        return new ArrayList<>(byLead.values());
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the system cleans it up eventually
        }
    }
}

package io.github.leadrules.kafka;

import io.github.leadrules.FunnelReport;
import io.github.leadrules.account.Account;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The runnable example and the measurements of the Kafka Streams module, on an in-process KRaft
 * broker from Kafka's test kit (test scope: the module itself ships no broker).
 *
 * <pre>
 * demo                          broker, the 2 000 sample leads, the funnel read from the decisions topic
 * measure N                     broker, N leads, one stream thread: leads/s end to end
 * broker DIR BOOTSTRAP_FILE     a broker until killed; its address written to BOOTSTRAP_FILE
 * produce BOOTSTRAP N           the accounts and N leads (the samples, cycled with new ids and addresses)
 * stream BOOTSTRAP STATE_DIR    the streams application until killed
 * verify BOOTSTRAP N            read_committed: lost, duplicated, and equality with the single-process library
 * kill-at BOOTSTRAP K PID       reads committed decisions; after K of them, kill -9 (SIGKILL) the process PID
 * </pre>
 *
 * {@code scripts/kafka-streams-measure.sh} runs the last four as separate processes and kills the
 * streams application with {@code kill -9} in the middle.
 */
public final class ScalingOut {

    static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    private ScalingOut() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "demo" : args[0];
        switch (mode) {
            case "demo" -> demo();
            case "measure" -> measure(Integer.parseInt(args[1]));
            case "broker" -> broker(Path.of(args[1]), Path.of(args[2]));
            case "produce" -> produce(args[1], Integer.parseInt(args[2]));
            case "stream" -> stream(args[1], Path.of(args[2]));
            case "verify" -> System.exit(verify(args[1], Integer.parseInt(args[2])) ? 0 : 1);
            case "kill-at" -> killAt(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]));
            default -> throw new IllegalArgumentException("modes: demo, measure N, broker DIR FILE, produce B N, stream B DIR, verify B N");
        }
    }

    /** {@code n} leads: the samples in order, then again with new ids and addresses, as often as needed. */
    static List<String> leads(int n) throws IOException {
        List<String> samples = SampleLeads.leads(SampleLeads.samples().resolve("leads-2000.csv"));
        List<String> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            String json = samples.get(i % samples.size());
            int cycle = i / samples.size();
            if (cycle > 0) {
                String c = String.format("c%03d", cycle);
                json = json.replaceFirst("\"id\":\"([^\"]+)\"", "\"id\":\"$1-" + c + "\"")
                        .replaceFirst("\"email\":\"([^\"@]+)@", "\"email\":\"$1." + c + "@");
            }
            out.add(json);
        }
        return out;
    }

    static List<Account> accounts() throws IOException {
        return SampleLeads.accounts(SampleLeads.samples().resolve("accounts.csv"));
    }

    static Properties config(String bootstrap, Path state) {
        Properties config = LeadTopology.streamsConfig("lead-rules-scaling-out", bootstrap);
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return config;
    }

    private static void demo() throws Exception {
        Path dir = Files.createTempDirectory("lead-rules-scaling-out");
        LeadPolicy policy = SampleLeads.policyWithTeams();
        try (LocalKafka kafka = new LocalKafka(dir.resolve("broker"))) {
            kafka.createTopics(2);
            List<String> leads = leads(2000);
            OnABrokerTest.produce(kafka.bootstrapServers(), accounts(), leads);
            try (KafkaStreams streams = new KafkaStreams(LeadTopology.builder().policy(policy).build(),
                    config(kafka.bootstrapServers(), dir.resolve("state")))) {
                streams.start();
                Map<String, List<Qualification>> decided = OnABrokerTest.readCommitted(kafka.bootstrapServers(),
                        leads.size(), Duration.ofMinutes(5));
                List<Qualification> first = decided.values().stream().map(l -> l.get(0)).toList();
                System.out.println("Decisions read from the decisions topic: " + decided.size() + " of " + leads.size());
                System.out.println(FunnelReport.of(first).toText());
            }
        }
    }

    private static void measure(int n) throws Exception {
        Path dir = Files.createTempDirectory("lead-rules-measure");
        LeadPolicy policy = SampleLeads.policyWithTeams();
        try (LocalKafka kafka = new LocalKafka(dir.resolve("broker"))) {
            kafka.createTopics(1);
            OnABrokerTest.produce(kafka.bootstrapServers(), accounts(), leads(n));
            try (KafkaStreams streams = new KafkaStreams(LeadTopology.builder().policy(policy).build(),
                    config(kafka.bootstrapServers(), dir.resolve("state")))) {
                long t0 = System.nanoTime();
                streams.start();
                Map<String, List<Qualification>> decided = OnABrokerTest.readCommitted(kafka.bootstrapServers(), n,
                        Duration.ofMinutes(30));
                double secs = (System.nanoTime() - t0) / 1e9 - 2.0; // readCommitted settles for 2 s at the end
                System.out.printf("leads=%d decided=%d seconds=%.1f leads_per_second=%.0f (one stream thread, "
                        + "exactly_once_v2, broker in the same JVM)%n", n, decided.size(), secs, decided.size() / secs);
            }
        }
    }

    private static void broker(Path dir, Path bootstrapFile) throws Exception {
        LocalKafka kafka = new LocalKafka(dir);
        kafka.createTopics(1);
        Files.writeString(bootstrapFile, kafka.bootstrapServers());
        System.out.println("broker at " + kafka.bootstrapServers());
        new CountDownLatch(1).await();
    }

    private static void produce(String bootstrap, int n) throws IOException {
        OnABrokerTest.produce(bootstrap, accounts(), leads(n));
        System.out.println("produced " + n + " leads");
    }

    private static void stream(String bootstrap, Path state) throws Exception {
        KafkaStreams streams = new KafkaStreams(LeadTopology.builder().policy(SampleLeads.policyWithTeams()).build(),
                config(bootstrap, state));
        streams.start();
        System.out.println("streams started");
        new CountDownLatch(1).await();
    }

    private static void killAt(String bootstrap, int k, long pid) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "kill-at-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        int seen = 0;
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(p,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of("decisions"));
            while (seen < k) {
                seen += consumer.poll(Duration.ofMillis(100)).count();
            }
        }
        boolean killed = ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
        System.out.println("kill -9 (SIGKILL) sent=" + killed + " after " + seen + " committed decisions");
    }

    private static boolean verify(String bootstrap, int n) throws IOException {
        Map<String, List<Qualification>> decided = OnABrokerTest.readCommitted(bootstrap, n, Duration.ofMinutes(30));
        List<String> leads = leads(n);
        List<Qualification> expected = SampleLeads.inOneProcess(SampleLeads.policyWithTeams(), accounts(), leads, NOW);
        int lost = 0;
        int duplicated = 0;
        int different = 0;
        for (Qualification q : expected) {
            List<Qualification> got = decided.get(q.leadId());
            if (got == null) {
                lost++;
                continue;
            }
            duplicated += got.size() - 1;
            if (!got.get(0).equals(q)) {
                different++;
            }
        }
        System.out.printf("leads=%d decisions_read=%d lost=%d duplicated=%d different_from_library=%d%n",
                n, decided.values().stream().mapToInt(List::size).sum(), lost, duplicated, different);
        return lost == 0 && duplicated == 0 && different == 0;
    }
}

package io.github.leadrules.kafka;

import io.github.leadrules.FunnelReport;
import io.github.leadrules.account.Account;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The runnable example and the measurements of the Kafka Streams module, on an in-process KRaft
 * broker from Kafka's test kit (test scope: the module itself ships no broker).
 *
 * <pre>
 * demo                          broker, the 2 000 sample leads, the funnel read from the decisions topic
 * measure N [P [T [W]]]        broker, P partitions (1), T stream threads (1), W warm-up leads (20 000), then N
 *                               leads: leads/s end to end, CPU per lead and per stream thread
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
            case "measure" -> measure(Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1,
                    args.length > 3 ? Integer.parseInt(args[3]) : 1, args.length > 4 ? Integer.parseInt(args[4]) : 20000);
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
        return leads(n, "c");
    }

    /**
     * {@code n} leads: the samples, with ids and addresses of cycle {@code i} suffixed {@code tag}+i
     * (cycle 0 of tag {@code c} is the samples as they are).
     */
    static List<String> leads(int n, String tag) throws IOException {
        List<String> samples = SampleLeads.leads(SampleLeads.samples().resolve("leads-2000.csv"));
        List<String> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            String json = samples.get(i % samples.size());
            int cycle = i / samples.size();
            if (cycle > 0 || !tag.equals("c")) {
                String c = String.format("%s%03d", tag, cycle);
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
        // -Dstreams.<key>=<value> overrides any streams, consumer.<…> or producer.<…> setting, for experiments
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("streams."))
                .forEach(k -> config.put(k.substring("streams.".length()), System.getProperty(k)));
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

    /**
     * Leads/s end to end on a running application: the broker up, the accounts in, the streams
     * application RUNNING with {@code threads} stream threads on {@code partitions} partitions, and
     * {@code warmup} leads decided (so that the JIT and the rule engine are warm); then the clock
     * runs from the first of {@code n} leads produced to the last of their decisions committed and
     * read by a {@code read_committed} consumer. CPU time is taken per thread around the same span.
     */
    private static void measure(int n, int partitions, int threads, int warmup) throws Exception {
        Path dir = Files.createTempDirectory("lead-rules-measure");
        LeadPolicy policy = SampleLeads.policyWithTeams();
        try (LocalKafka kafka = new LocalKafka(dir.resolve("broker"))) {
            kafka.createTopics(partitions);
            String bootstrap = kafka.bootstrapServers();
            Properties config = config(bootstrap, dir.resolve("state"));
            config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
            try (KafkaProducer<byte[], byte[]> producer = leadProducer(bootstrap);
                 KafkaStreams streams = new KafkaStreams(LeadTopology.builder().policy(policy).build(), config);
                 DecisionCounter reader = new DecisionCounter(bootstrap)) {
                for (Account a : accounts()) {
                    producer.send(new ProducerRecord<>("accounts", a.id().getBytes(StandardCharsets.UTF_8),
                            AccountMessages.write(a)));
                }
                producer.flush();
                CountDownLatch running = new CountDownLatch(1);
                streams.setStateListener((now, before) -> {
                    if (now == KafkaStreams.State.RUNNING) {
                        running.countDown();
                    }
                });
                streams.start();
                if (!running.await(5, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the streams application did not reach RUNNING in 5 minutes");
                }
                send(producer, leads(warmup, "w"));
                reader.await(warmup, Duration.ofMinutes(10));

                Usage before = Usage.take(streams);
                System.err.println("measured span starts " + Instant.now() + " (for matching a flight recording)");
                long t0 = System.nanoTime();
                send(producer, leads(n, "c"));
                long produced = System.nanoTime();
                reader.await(warmup + n, Duration.ofMinutes(30));
                long t1 = reader.lastNewAt();
                Usage after = Usage.take(streams);
                System.err.println("measured span ends " + Instant.now());
                report(n, partitions, threads, warmup, config, (t1 - t0) / 1e9, (produced - t0) / 1e9, before, after);
            }
        }
    }

    private static void report(int n, int partitions, int threads, int warmup, Properties config, double secs,
                               double produceSecs, Usage before, Usage after) {
        double perSecond = n / secs;
        System.out.printf("leads=%d partitions=%d stream_threads=%d processing.guarantee=%s commit.interval.ms=%s "
                + "(broker, producer, streams and reader in one JVM; %d leads decided before as warm-up)%n",
                n, partitions, threads, config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG),
                config.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG), warmup);
        System.out.printf("end to end: %d decisions committed and read %.2f s after the first lead was produced "
                + "(producing took %.2f s): %.0f leads/s; target 5 000 leads/s: %s%n",
                n, secs, produceSecs, perSecond, perSecond >= 5000 ? "met" : "not met");
        System.out.printf("per stream thread, end to end: %.0f decisions/s%n", perSecond / threads);
        long streamCpu = 0;
        for (String thread : after.streamThreads()) {
            long cpu = after.cpu(thread) - before.cpu(thread);
            streamCpu += cpu;
            double records = after.metric(thread, "process-total") - before.metric(thread, "process-total");
            double commits = after.metric(thread, "commit-total") - before.metric(thread, "commit-total");
            double polls = after.metric(thread, "poll-total") - before.metric(thread, "poll-total");
            double blocked = after.metric(thread, "blocked-time-ns-total") - before.metric(thread, "blocked-time-ns-total");
            System.out.printf("  %s: CPU %.2f s (%.0f %% of the span), %.0f records processed (a lead is a record "
                    + "up to three times), %.0f polls, %.0f commits, %.2f s blocked on Kafka%n",
                    thread.replaceFirst("^.*-(StreamThread-\\d+)$", "$1"), cpu / 1e9, 100 * cpu / 1e9 / secs,
                    records, polls, commits, blocked / 1e9);
        }
        System.out.printf("CPU per lead: %.0f µs on the stream threads (%.0f decisions per stream-thread CPU second), "
                + "%.0f µs on the streams' producer threads, %.0f µs in the whole JVM (broker included)%n",
                streamCpu / 1e3 / n, n / (streamCpu / 1e9),
                (after.streamProducersCpu() - before.streamProducersCpu()) / 1e3 / n,
                (after.processCpu() - before.processCpu()) / 1e3 / n);
        Map<String, Long> groups = new TreeMap<>();
        after.cpuByThread().forEach((thread, cpu) -> groups.merge(group(thread), cpu - before.cpu(thread), Long::sum));
        long javaThreads = groups.values().stream().mapToLong(Long::longValue).sum();
        groups.put("JVM (GC, JIT)", after.processCpu() - before.processCpu() - javaThreads);
        System.out.println("CPU per lead by part of the JVM: " + groups.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format("%s %.0f µs", e.getKey(), e.getValue() / 1e3 / n))
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    private static String group(String thread) {
        if (thread.matches(".*StreamThread-\\d+")) {
            return "stream threads";
        }
        if (thread.contains("StreamThread")) {
            return "streams' producers and consumers";
        }
        if (thread.contains("GlobalStreamThread")) {
            return "global thread";
        }
        if (thread.startsWith("kafka-producer-network-thread")) {
            return "leads' producer";
        }
        if (thread.equals("decisions-reader") || thread.equals("main")) {
            return "reader and main";
        }
        return "broker and other";
    }

    /** Thread CPU times and the stream threads' metrics at one moment. */
    private record Usage(Map<String, Long> cpuByThread, Map<String, Map<String, Double>> metrics, long processCpu) {

        static Usage take(KafkaStreams streams) {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<String, Long> cpu = new TreeMap<>();
            for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (info != null) {
                    long t = mx.getThreadCpuTime(info.getThreadId());
                    if (t >= 0) {
                        cpu.merge(info.getThreadName(), t, Long::sum);
                    }
                }
            }
            Map<String, Map<String, Double>> metrics = new TreeMap<>();
            streams.metrics().forEach((name, metric) -> {
                if (name.group().equals("stream-thread-metrics") && metric.metricValue() instanceof Number v) {
                    metrics.computeIfAbsent(name.tags().get("thread-id"), k -> new TreeMap<>())
                            .put(name.name(), v.doubleValue());
                }
            });
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new Usage(cpu, metrics, process);
        }

        List<String> streamThreads() {
            return cpuByThread.keySet().stream().filter(t -> t.matches(".*StreamThread-\\d+")).toList();
        }

        long cpu(String thread) {
            return cpuByThread.getOrDefault(thread, 0L);
        }

        long streamProducersCpu() {
            return cpuByThread.entrySet().stream().filter(e -> e.getKey().matches(".*StreamThread-\\d+-producer.*"))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        double metric(String thread, String name) {
            return metrics.getOrDefault(thread, Map.of()).getOrDefault(name, 0.0);
        }
    }

    /** The leads' producer of the measurement: asynchronous sends in batches, as a busy web tier would. */
    private static KafkaProducer<byte[], byte[]> leadProducer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, List<String> leads) {
        for (String lead : leads) {
            producer.send(new ProducerRecord<>("leads", null, NOW.toEpochMilli(), null, lead.getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    /**
     * A {@code read_committed} reader of every partition of the decisions topic on its own thread:
     * counts distinct lead ids (no JSON parsing, so that the reader costs the measured JVM little)
     * and notes when the latest new one arrived.
     */
    private static final class DecisionCounter implements AutoCloseable {
        private final Set<String> seen = new HashSet<>();
        private final Thread thread;
        private volatile boolean stop;
        private volatile int count;
        private volatile long lastNewAt;
        private volatile RuntimeException failure;

        DecisionCounter(String bootstrap) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            thread = new Thread(() -> {
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    List<TopicPartition> partitions = consumer.partitionsFor("decisions").stream()
                            .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    while (!stop) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                            if (seen.add(r.key())) {
                                lastNewAt = System.nanoTime();
                                count = seen.size();
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    failure = e;
                }
            }, "decisions-reader");
            thread.start();
        }

        void await(int target, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < target) {
                if (failure != null) {
                    throw failure;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + count + " of " + target + " decisions read in " + timeout);
                }
                Thread.sleep(2);
            }
        }

        long lastNewAt() {
            return lastNewAt;
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join();
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

package io.github.leadrules.kafka;

import io.github.leadrules.account.Account;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** A {@link LeadTopology} on a {@link TopologyTestDriver}, with its five topics at hand. */
final class Harness implements AutoCloseable {

    static final LeadRulesJson JSON = LeadRulesJson.defaults();

    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> leads;
    final TestInputTopic<String, byte[]> accounts;
    final TestInputTopic<String, byte[]> ruleSets;
    final TestOutputTopic<String, byte[]> decisions;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    /** The releases topic of {@link ReleasesTest} ({@code assignments-released}); unused elsewhere. */
    final TestInputTopic<byte[], byte[]> releases;
    private final Path stateDir;

    Harness(LeadTopology.Builder builder) {
        this(builder.compileExecutor(Runnable::run).build());
    }

    Harness(Topology topology) {
        try {
            Files.createDirectories(Path.of("target"));
            stateDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kafka-state");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Properties config = LeadTopology.streamsConfig("lead-rules-test", "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, config, Instant.parse("2026-11-01T00:00:00Z"));
        leads = driver.createInputTopic("leads", new ByteArraySerializer(), new ByteArraySerializer());
        accounts = driver.createInputTopic("accounts", new StringSerializer(), new ByteArraySerializer());
        ruleSets = driver.createInputTopic("rule-sets", new StringSerializer(), new ByteArraySerializer());
        decisions = driver.createOutputTopic("decisions", new StringDeserializer(), new ByteArrayDeserializer());
        releases = driver.createInputTopic("assignments-released", new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic("leads-dead-letters", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    void send(Lead lead, Instant at) {
        send(JSON.writeLead(lead), at);
    }

    void send(String leadJson, Instant at) {
        leads.pipeInput(new TestRecord<>(null, leadJson.getBytes(StandardCharsets.UTF_8), at));
    }

    void release(String json, Instant at) {
        releases.pipeInput(new TestRecord<>(null, json == null ? null : json.getBytes(StandardCharsets.UTF_8), at));
    }

    void sendRaw(byte[] value, Instant at) {
        leads.pipeInput(new TestRecord<>(null, value, at));
    }

    void account(Account account) {
        accounts.pipeInput(account.id(), AccountMessages.write(account));
    }

    void removeAccount(String id) {
        accounts.pipeInput(id, (byte[]) null);
    }

    void ruleSet(RuleSetMessage set) {
        ruleSets.pipeInput("default", set.toJson());
    }

    /** {@return every decision written so far, in output order} */
    List<Qualification> decisions() {
        List<Qualification> out = new ArrayList<>();
        for (TestRecord<String, byte[]> r : decisions.readRecordsToList()) {
            Qualification q = JSON.readQualification(r.value());
            if (!q.leadId().equals(r.key())) {
                throw new AssertionError("decision keyed " + r.key() + " carries lead " + q.leadId());
            }
            out.add(q);
        }
        return out;
    }

    /** {@return the one decision written since the last read} */
    Qualification decision() {
        List<Qualification> qs = decisions();
        if (qs.size() != 1) {
            throw new AssertionError("expected one decision, got " + qs.size());
        }
        return qs.get(0);
    }

    static String header(TestRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary directory
        }
    }
}

package io.github.leadrules.kafka;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Rotation;
import io.github.leadrules.policy.Segment;
import io.github.leadrules.policy.Team;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore path on a real, in-process KRaft broker: what is already on the compacted
 * {@code rule-sets} and {@code accounts} topics when the streams application starts decides its
 * first lead, a restart serves the latest rule set rather than the first, and rule sets that do not
 * compile (or are not JSON) on the topic at start leave the set before them serving, as the module's
 * README says, without stopping the application; and the outstanding leads of a rep with a capacity
 * come back with the rotation store's changelog, so a release still frees one slot, once. One broker for the class; each test has topics and
 * an application id of its own. Tagged {@code broker}: it runs in {@code mvn verify} in the
 * execution of that name.
 */
@Tag("broker")
@Timeout(value = 100, unit = TimeUnit.SECONDS)
class RestoreOnABrokerTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Tokai Seiki is a competitor. */
    private static final RuleSetMessage FIRST = RuleSetMessage.of("version: 1\ncompetitorDomains: [tokai-seiki.co.jp]\n");
    /** Tokai Seiki and Kansai Buhin are competitors. */
    private static final RuleSetMessage LATEST =
            RuleSetMessage.of("version: 1\ncompetitorDomains: [tokai-seiki.co.jp, kansai-buhin.co.jp]\n");
    private static final RuleSetMessage DOES_NOT_COMPILE =
            RuleSetMessage.of(null).withRules("broken.drl", "package x;\nrule \"half\" when then");
    private static final byte[] NOT_JSON = "{\"policy_yaml\": ".getBytes(StandardCharsets.UTF_8);

    private static final Account MIRAI = new Account("A-1", "株式会社ミライテック", Set.of("miraitech.co.jp"),
            Relationship.CUSTOMER, "am-yamada");

    @TempDir
    static Path dir;
    private static LocalKafka kafka;
    private static String firstFingerprint;
    private static String latestFingerprint;

    @BeforeAll
    static void startTheBroker() throws Exception {
        kafka = new LocalKafka(dir.resolve("broker"));
        firstFingerprint = fingerprint(FIRST);
        latestFingerprint = fingerprint(LATEST);
    }

    @AfterAll
    static void stopTheBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The fingerprint the single-process library gives the same policy text over the packaged rules. */
    private static String fingerprint(RuleSetMessage set) {
        return LeadQualifier.builder().policy(LeadPolicy.load(new StringReader(set.policyYaml()), "rule-sets:policy_yaml"))
                .build().fingerprint();
    }

    /** A demo request within a month from a manager at a large Japanese maker: qualified, unless a competitor. */
    private static Lead hotLead(String id, String email, String company) {
        return Lead.builder(id).email(email).jobTitle("購買部 部長")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                .company(Company.builder().name(company).employeeCount(800).country("JP").build()).build();
    }

    @Test
    void aRuleSetAndAccountsAlreadyOnTheTopicsDecideTheFirstLeadAndTheLatestSetWins() throws Exception {
        Topics t = new Topics("restored-");
        t.ruleSets(FIRST.toJson(), LATEST.toJson());
        t.accounts(MIRAI);
        t.leads(hotLead("L-1", "buyer@kansai-buhin.co.jp", "関西部品株式会社"),
                hotLead("L-2", "hanako@sales.miraitech.co.jp", "株式会社ミライテック"));

        try (KafkaStreams streams = t.start("restored")) {
            List<Qualification> decided = t.readCommitted(2);

            assertThat(decided).extracting(Qualification::leadId).containsExactly("L-1", "L-2");
            Qualification first = decided.get(0);
            assertThat(first.fingerprint()).isEqualTo(latestFingerprint).isNotEqualTo(firstFingerprint);
            assertThat(first.exclusionIds()).containsExactly("EXC-COMPETITOR");
            Qualification customer = decided.get(1);
            assertThat(customer.exclusionIds()).containsExactly("EXC-EXISTING-CUSTOMER");
            assertThat(customer.route().destination()).isEqualTo(Destination.ACCOUNT_OWNER);
            assertThat(customer.route().owner()).isEqualTo("am-yamada");
        }
    }

    @Test
    void aRestartServesTheRuleSetPublishedWhileItWasDownNotTheFirst() throws Exception {
        Topics t = new Topics("restart-");
        t.ruleSets(FIRST.toJson());
        t.leads(hotLead("L-1", "buyer1@kansai-buhin.co.jp", "関西部品株式会社"));
        KafkaStreams before = t.start("restart");
        try {
            assertThat(t.readCommitted(1)).singleElement().satisfies(q -> {
                assertThat(q.fingerprint()).isEqualTo(firstFingerprint);
                assertThat(q.outcome()).isEqualTo(Outcome.QUALIFIED);
            });
        } finally {
            // Stopped for a deployment: leaving the group spares the restart the session timeout (45 s).
            before.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }

        t.ruleSets(LATEST.toJson());
        t.leads(hotLead("L-2", "buyer2@kansai-buhin.co.jp", "関西部品株式会社"));
        try (KafkaStreams streams = t.start("restart")) {   // the same application id and state directory
            List<Qualification> decided = t.readCommitted(2);

            assertThat(decided).extracting(Qualification::leadId).containsExactly("L-1", "L-2");
            assertThat(decided.get(1).fingerprint()).isEqualTo(latestFingerprint);
            assertThat(decided.get(1).exclusionIds()).containsExactly("EXC-COMPETITOR");
        }
    }

    @Test
    void ruleSetsThatDoNotCompileOnTheTopicAtStartLeaveTheSetBeforeThemServingAndTheApplicationRunning() throws Exception {
        Topics t = new Topics("bad-");
        t.ruleSets(FIRST.toJson(), DOES_NOT_COMPILE.toJson(), NOT_JSON);
        t.leads(hotLead("L-1", "buyer@tokai-seiki.co.jp", "東海精機株式会社"),
                hotLead("L-2", "buyer@kansai-buhin.co.jp", "関西部品株式会社"));

        try (KafkaStreams streams = t.start("bad")) {
            List<Qualification> decided = t.readCommitted(2);

            assertThat(decided).extracting(Qualification::fingerprint).containsOnly(firstFingerprint);
            assertThat(decided.get(0).exclusionIds()).containsExactly("EXC-COMPETITOR");
            assertThat(decided.get(1).outcome()).isEqualTo(Outcome.QUALIFIED);
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void anotherInstanceRestoresTheOutstandingLeadsFromTheChangelogSoAReleaseFreesOneSlotOnce() throws Exception {
        Topics t = new Topics("released-");
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("released-assignments-released", 1, (short) 1))).all().get();
        }
        // fs-tanaka works at most two leads at a time.
        LeadPolicy policy = LeadPolicy.defaults().toBuilder().rotation(Rotation.ROUND_ROBIN)
                .teams(List.of(new Team("field-sales-jp", Destination.FIELD_SALES, Set.of("JP"), Segment.ANY,
                        List.of(new Rep("fs-tanaka", 1, 2, true))))).build();
        t.leads(hotLead("L-1", "buyer1@tokai-seiki.co.jp", "東海精機株式会社"),
                hotLead("L-2", "buyer2@tokai-seiki.co.jp", "東海精機株式会社"),
                hotLead("L-3", "buyer3@tokai-seiki.co.jp", "東海精機株式会社"));
        KafkaStreams first = t.start("released", "state-released-1", policy);
        try {
            assertThat(t.readCommitted(3)).extracting(q -> q.route().owner()).containsExactly("fs-tanaka", "fs-tanaka", null);
        } finally {
            first.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }

        // Another state directory: the rotation entry comes back from its changelog only.
        t.release("{\"lead_id\":\"L-1\",\"team\":\"field-sales-jp\",\"owner\":\"fs-tanaka\"}");
        t.release("{\"lead_id\":\"L-1\",\"team\":\"field-sales-jp\",\"owner\":\"fs-tanaka\"}");
        try (KafkaStreams second = t.start("released", "state-released-2", policy)) {
            // L-4 only once the application has committed both releases (and so the rotation entry they changed).
            t.awaitCommitted("lead-rules-released", "released-assignments-released", 2);
            t.leads(hotLead("L-4", "buyer4@tokai-seiki.co.jp", "東海精機株式会社"));
            t.leads(hotLead("L-5", "buyer5@tokai-seiki.co.jp", "東海精機株式会社"));
            List<Qualification> decided = t.readCommitted(5);

            // Lost state would give L-5 to fs-tanaka too (its load back at 0), a bare count as well (2 - 2
            // releases), and loads restored without the lead ids would ignore the release and queue L-4.
            assertThat(decided).extracting(Qualification::leadId).containsExactly("L-1", "L-2", "L-3", "L-4", "L-5");
            assertThat(decided.get(3).route().owner()).as("one slot back").isEqualTo("fs-tanaka");
            assertThat(decided.get(4).route().owner()).as("the release sent twice freed one slot, not two").isNull();
            assertThat(decided.get(4).route().ownerReason().ruleId()).isEqualTo("ASSIGN-NO-REP-AVAILABLE");
        }
    }

    /** One test's five topics, named with a prefix, and the application over them. */
    private static final class Topics {
        private final String prefix;

        Topics(String prefix) throws Exception {
            this.prefix = prefix;
            kafka.createTopics(prefix, 1);
        }

        KafkaStreams start(String applicationId) {
            return start(applicationId, "state-" + applicationId, null);
        }

        /** With a policy: also reads releases from {@code <prefix>assignments-released}. */
        KafkaStreams start(String applicationId, String stateDir, LeadPolicy policy) {
            LeadTopology.Builder builder = LeadTopology.builder()
                    .leadsTopic(prefix + "leads").decisionsTopic(prefix + "decisions")
                    .deadLettersTopic(prefix + "leads-dead-letters").accountsTopic(prefix + "accounts")
                    .ruleSetsTopic(prefix + "rule-sets");
            if (policy != null) {
                builder.policy(policy).releasesTopic(prefix + "assignments-released");
            }
            Topology topology = builder.build();
            Properties config = LeadTopology.streamsConfig("lead-rules-" + applicationId, kafka.bootstrapServers());
            config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve(stateDir).toString());
            config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
            KafkaStreams streams = new KafkaStreams(topology, config);
            streams.start();
            return streams;
        }

        void ruleSets(byte[]... values) {
            try (KafkaProducer<String, byte[]> p = producer()) {
                for (byte[] v : values) {
                    p.send(new ProducerRecord<>(prefix + "rule-sets", "default", v));
                }
            }
        }

        void accounts(Account... accounts) {
            try (KafkaProducer<String, byte[]> p = producer()) {
                for (Account a : accounts) {
                    p.send(new ProducerRecord<>(prefix + "accounts", a.id(), AccountMessages.write(a)));
                }
            }
        }

        void leads(Lead... leads) {
            try (KafkaProducer<String, byte[]> p = producer()) {
                for (Lead l : leads) {
                    p.send(new ProducerRecord<>(prefix + "leads", null, T0.toEpochMilli(), null,
                            Harness.JSON.writeLead(l).getBytes(StandardCharsets.UTF_8)));
                }
            }
        }

        void release(String json) {
            try (KafkaProducer<String, byte[]> p = producer()) {
                p.send(new ProducerRecord<>(prefix + "assignments-released", null, T0.toEpochMilli(), null,
                        json.getBytes(StandardCharsets.UTF_8)));
            }
        }

        /** Waits until the application's committed offset on the topic's partition 0 reaches {@code offset}. */
        void awaitCommitted(String applicationId, String topic, long offset) throws Exception {
            org.apache.kafka.common.TopicPartition tp = new org.apache.kafka.common.TopicPartition(topic, 0);
            long deadline = System.nanoTime() + WAIT.toNanos();
            try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                while (System.nanoTime() < deadline) {
                    var committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get().get(tp);
                    if (committed != null && committed.offset() >= offset) {
                        return;
                    }
                    Thread.sleep(200);
                }
            }
            throw new AssertionError("the application did not commit offset " + offset + " on " + topic + " in " + WAIT);
        }

        private static KafkaProducer<String, byte[]> producer() {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }

        /** Every committed decision, in the topic's order, once {@code count} are there (or the wait is over). */
        List<Qualification> readCommitted(int count) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "reader-" + System.nanoTime());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            List<Qualification> out = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
                c.subscribe(List.of(prefix + "decisions"));
                while (out.size() < count && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                        out.add(Harness.JSON.readQualification(r.value()));
                    }
                }
            }
            return out;
        }
    }
}

package io.github.leadrules.kafka;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.assign.AssignmentStrategy;
import io.github.leadrules.assign.RotationState;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.kafka.internal.AccountsSnapshot;
import io.github.leadrules.kafka.internal.AssignOwners;
import io.github.leadrules.kafka.internal.Envelope;
import io.github.leadrules.kafka.internal.GlobalUpdates;
import io.github.leadrules.kafka.internal.QualifyLeads;
import io.github.leadrules.kafka.internal.ReadLeads;
import io.github.leadrules.kafka.internal.ReadReleases;
import io.github.leadrules.kafka.internal.RuleSets;
import io.github.leadrules.policy.LeadPolicy;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Qualifies leads on Kafka Streams: the topology a host adds to its streams application.
 *
 * <pre>
 * leads ─► read (dead letter: not a lead) ─► key by e-mail ─► qualify ──────────────────────────┬─► decisions
 *                                             (repartition)   duplicate-window store, punctuator │
 *                                                             accounts (global), rule set (global)│
 *                                                  └─ routed to people ─► key by team ─► assign ─┘
 *                                                                        (repartition)  rotation store
 *                                                                             ▲
 *               releases (optional) ─► read (dead letter: not a release) ─────┘
 *               (a release of an outstanding lead frees a slot of its owner's capacity, once)
 * </pre>
 *
 * <pre>{@code
 * Topology topology = LeadTopology.builder()
 *     .policy(LeadPolicy.load(Path.of("lead-policy.yaml")))    // until the rule-sets topic says otherwise
 *     .build();
 * KafkaStreams streams = new KafkaStreams(topology, LeadTopology.streamsConfig("lead-rules", "broker:9092"));
 * streams.start();
 * }</pre>
 *
 * <p>Topics (names configurable): {@code leads} (JSON leads, the CLI's keys; any key), {@code decisions}
 * (JSON qualifications keyed by lead id), {@code leads-dead-letters} (the original value; headers
 * {@code lead-rules.error.code}, {@code lead-rules.error.reason} and the source topic, partition and
 * offset; never personal data in a reason), {@code accounts} (compacted, keyed by account id, see
 * {@link AccountMessages}) and {@code rule-sets} (compacted, keyed by rule set name, see
 * {@link RuleSetMessage}); optionally releases ({@link Builder#releasesTopic(String)}), which give reps
 * with a capacity their slots back. Each lead is decided at its record's timestamp, so a replay decides as
 * the first run did. Every decision carries the fingerprint of the rule set that made it.
 *
 * <p>Build one topology per {@code KafkaStreams} instance: it holds the compiled rule sets.
 */
public final class LeadTopology {

    /** The duplicate-window store: normalised e-mail address → epoch milliseconds of its latest lead. */
    public static final String DUPLICATE_STORE = "lead-rules-duplicate-window";
    /** The rotation store: team → position, current weights, loads and outstanding lead ids. */
    public static final String ROTATION_STORE = "lead-rules-rotation";
    /** The global store of the rule-sets topic. */
    public static final String RULE_SETS_STORE = "lead-rules-rule-sets";
    /** The global store of the accounts topic. */
    public static final String ACCOUNTS_STORE = "lead-rules-accounts";

    private LeadTopology() {
    }

    /** {@return a builder with the default topic names, the default policy and the packaged rules} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration this topology is meant to run with: {@code exactly_once_v2}, String keys,
     * byte-array values (the topology picks its own serdes) and a commit every 100 ms. Adjust the
     * rest (threads, replication, state directory) for the cluster.
     *
     * @param applicationId the streams application id (also the prefix of the internal topics)
     * @param bootstrapServers the brokers, e.g. {@code broker-1:9092,broker-2:9092}
     * @return the properties
     */
    public static Properties streamsConfig(String applicationId, String bootstrapServers) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return p;
    }

    /** Topic names, the base rule set and the stores' settings; {@link #build()} makes the topology. */
    public static final class Builder {
        private String leadsTopic = "leads";
        private String decisionsTopic = "decisions";
        private String deadLettersTopic = "leads-dead-letters";
        private String accountsTopic = "accounts";
        private String ruleSetsTopic = "rule-sets";
        private String releasesTopic;
        private String ruleSet = "default";
        private LeadPolicy policy;
        private UnaryOperator<LeadQualifier.Builder> customiser = UnaryOperator.identity();
        private Function<RotationState, AssignmentStrategy> assignment = AssignmentStrategy::fromPolicy;
        private Duration minimumDuplicateRetention = Duration.ZERO;
        private Duration purgeInterval = Duration.ofMinutes(10);
        private Duration startupWait = Duration.ofMinutes(2);
        private Executor compileExecutor;
        private LeadRulesJson json = LeadRulesJson.defaults();

        private Builder() {
        }

        /**
         * @param topic the topic leads arrive on; default {@code leads}
         * @return this builder
         */
        public Builder leadsTopic(String topic) { leadsTopic = name(topic); return this; }

        /**
         * @param topic the topic decisions go to, keyed by lead id; default {@code decisions}
         * @return this builder
         */
        public Builder decisionsTopic(String topic) { decisionsTopic = name(topic); return this; }

        /**
         * @param topic the topic unreadable records go to; default {@code leads-dead-letters}
         * @return this builder
         */
        public Builder deadLettersTopic(String topic) { deadLettersTopic = name(topic); return this; }

        /**
         * @param topic the compacted accounts topic; default {@code accounts}
         * @return this builder
         */
        public Builder accountsTopic(String topic) { accountsTopic = name(topic); return this; }

        /**
         * @param topic the compacted rule-sets topic; default {@code rule-sets}
         * @return this builder
         */
        public Builder ruleSetsTopic(String topic) { ruleSetsTopic = name(topic); return this; }

        /**
         * Reads releases from this topic: when the CRM is done with a lead (closed, handed on), it
         * echoes the decision's assignment, {@code {"lead_id":"L-1001","team":"inside-sales-jp","owner":"is-tanaka"}}
         * (the decision's keys; the whole decision will do), and the owner gets a slot of its
         * capacity back. Keyed by team and ordered with the team's leads; a release of a lead that
         * is not outstanding for that owner (sent twice, never assigned to it) is ignored, one that
         * cannot be read is a dead letter. Default: no releases topic, and a capacity counts every
         * lead a rep was ever assigned by the topology.
         *
         * @param topic the releases topic, e.g. {@code assignments-released}
         * @return this builder
         */
        public Builder releasesTopic(String topic) { releasesTopic = name(topic); return this; }

        /**
         * Which key of the rule-sets topic decides; default {@code default}. Other keys are stored
         * and ignored (e.g. sets staged for other applications).
         *
         * @param name the rule set's key
         * @return this builder
         */
        public Builder ruleSet(String name) { ruleSet = name(name); return this; }

        /**
         * The policy that decides while the rule-sets topic holds no value for the followed key, and
         * for a rule set that carries no {@code policy_yaml}; default {@link LeadPolicy#defaults()}.
         *
         * @param policy the base policy
         * @return this builder
         */
        public Builder policy(LeadPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Applied to the qualifier builder of every rule set, after its policy: host rules shipped
         * with the application, unavailable fields, batch size. The topology sets the accounts,
         * recent leads and assignment itself; do not set them here.
         *
         * @param customiser adjusts a {@link LeadQualifier.Builder}
         * @return this builder
         */
        public Builder qualifier(UnaryOperator<LeadQualifier.Builder> customiser) {
            this.customiser = Objects.requireNonNull(customiser, "customiser");
            return this;
        }

        /**
         * Who works leads routed to people, made over each team's stored rotation; default
         * {@link AssignmentStrategy#fromPolicy(RotationState)}.
         *
         * @param strategies a strategy over a team's rotation state
         * @return this builder
         */
        public Builder assignment(Function<RotationState, AssignmentStrategy> strategies) {
            this.assignment = Objects.requireNonNull(strategies, "strategies");
            return this;
        }

        /**
         * How long the duplicate window store keeps an address at least; the serving policy's
         * {@code duplicateWindow} when longer (the default: just that).
         *
         * @param retention the least retention
         * @return this builder
         */
        public Builder minimumDuplicateRetention(Duration retention) {
            if (retention.isNegative()) {
                throw new IllegalArgumentException("minimumDuplicateRetention must not be negative");
            }
            this.minimumDuplicateRetention = retention;
            return this;
        }

        /**
         * How often (in stream time) old addresses are dropped from the duplicate window; default 10 minutes.
         *
         * @param interval the punctuation interval, at least one second
         * @return this builder
         */
        public Builder purgeInterval(Duration interval) {
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("purgeInterval must be at least 1 s, got " + interval);
            }
            this.purgeInterval = interval;
            return this;
        }

        /**
         * How long a starting task waits for rule sets restored from the rule-sets topic to compile
         * before deciding its first lead; default 2 minutes. A task never decides with an older set
         * than the topic holds: when the wait runs out its initialisation fails with an
         * {@link IllegalStateException} naming this setting, no lead of the task is read (its offsets
         * stay uncommitted, nothing is lost), and Kafka Streams' uncaught exception handler decides
         * what follows (without one set by the host, the client shuts down). Raise it for large host
         * rule sets on slow machines.
         *
         * @param wait the longest wait
         * @return this builder
         */
        public Builder startupWait(Duration wait) {
            this.startupWait = Objects.requireNonNull(wait, "wait");
            return this;
        }

        /**
         * Where new rule sets compile; default one daemon thread of the topology's own. Tests may
         * pass {@code Runnable::run} to compile on the thread that reads the rule-sets topic.
         *
         * @param executor the compile executor
         * @return this builder
         */
        public Builder compileExecutor(Executor executor) {
            this.compileExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The JSON reader and writer (limits); default {@link LeadRulesJson#defaults()}.
         *
         * @param json the JSON form
         * @return this builder
         */
        public Builder json(LeadRulesJson json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * Compiles the base rule set (bad rules fail here, naming file and line) and makes the topology.
         *
         * @return the topology
         */
        public Topology build() {
            Executor executor = compileExecutor != null ? compileExecutor : daemonExecutor();
            RuleSets ruleSets = new RuleSets(policy, customiser, executor);
            AccountsSnapshot accounts = new AccountsSnapshot();
            Serde<Envelope> envelopes = Envelope.serde();
            LeadRulesJson j = json;

            StreamsBuilder b = new StreamsBuilder();
            b.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RULE_SETS_STORE),
                            Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                    ruleSetsTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("rule-sets-source"),
                    GlobalUpdates.ruleSets(RULE_SETS_STORE, ruleSet, ruleSets));
            b.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACCOUNTS_STORE),
                            Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                    accountsTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("accounts-source"),
                    GlobalUpdates.accounts(ACCOUNTS_STORE, accounts));
            // Cached: reads of addresses and teams seen since the last commit stay on the heap, and the
            // changelogs get one record per key and commit (a team's rotation, not one per lead).
            b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUPLICATE_STORE),
                    Serdes.String(), Serdes.Long()).withCachingEnabled());
            b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROTATION_STORE),
                    Serdes.String(), Serdes.ByteArray()).withCachingEnabled());

            KStream<String, Envelope> read = b.stream(leadsTopic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                            .withName("leads-source"))
                    .process(() -> new ReadLeads(j, ruleSets), Named.as("read-lead-json"));
            Map<String, KStream<String, Envelope>> afterRead = read.split(Named.as("read-"))
                    .branch((k, v) -> v.kind() == Envelope.Kind.DEAD, Branched.as("dead"))
                    .branch((k, v) -> v.kind() == Envelope.Kind.DECIDED, Branched.as("invalid"))
                    .defaultBranch(Branched.as("lead"));

            KStream<String, Envelope> qualified = afterRead.get("read-lead")
                    .repartition(Repartitioned.with(Serdes.String(), envelopes).withName("leads-by-email"))
                    .process(() -> new QualifyLeads(j, ruleSets, accounts, DUPLICATE_STORE, minimumDuplicateRetention,
                            purgeInterval, startupWait), Named.as("qualify"), DUPLICATE_STORE);
            Map<String, KStream<String, Envelope>> afterQualify = qualified.split(Named.as("qualified-"))
                    .branch((k, v) -> v.kind() == Envelope.Kind.DEAD, Branched.as("dead"))
                    .branch((k, v) -> v.kind() == Envelope.Kind.ASSIGN, Branched.as("to-assign"))
                    .defaultBranch(Branched.as("decided"));

            KStream<String, Envelope> toAssign = afterQualify.get("qualified-to-assign");
            KStream<String, Envelope> releaseDead = null;
            if (releasesTopic != null) {
                Map<String, KStream<String, Envelope>> releases = b.stream(releasesTopic,
                                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("releases-source"))
                        .process(ReadReleases::new, Named.as("read-release-json"))
                        .split(Named.as("release-"))
                        .branch((k, v) -> v.kind() == Envelope.Kind.DEAD, Branched.as("dead"))
                        .defaultBranch(Branched.as("by-team"));
                // Before the by-team repartition: a team's releases share its partition, order and rotation entry.
                toAssign = toAssign.merge(releases.get("release-by-team"), Named.as("merge-releases"));
                releaseDead = releases.get("release-dead");
            }
            KStream<String, Envelope> assigned = toAssign
                    .repartition(Repartitioned.with(Serdes.String(), envelopes).withName("leads-by-team"))
                    .process(() -> new AssignOwners(j, ruleSets, ROTATION_STORE, assignment), Named.as("assign"),
                            ROTATION_STORE);
            Map<String, KStream<String, Envelope>> afterAssign = assigned.split(Named.as("assigned-"))
                    .branch((k, v) -> v.kind() == Envelope.Kind.DEAD, Branched.as("dead"))
                    .defaultBranch(Branched.as("decided"));

            afterRead.get("read-invalid")
                    .merge(afterQualify.get("qualified-decided"), Named.as("merge-decided"))
                    .merge(afterAssign.get("assigned-decided"), Named.as("merge-assigned"))
                    .mapValues(Envelope::decision, Named.as("decision-json"))
                    .to(decisionsTopic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("decisions-sink"));
            KStream<String, Envelope> dead = afterRead.get("read-dead")
                    .merge(afterQualify.get("qualified-dead"), Named.as("merge-dead"))
                    .merge(afterAssign.get("assigned-dead"), Named.as("merge-dead-assigned"));
            if (releaseDead != null) {
                dead = dead.merge(releaseDead, Named.as("merge-dead-releases"));
            }
            dead.mapValues(Envelope::raw, Named.as("dead-letter-value"))
                    .to(deadLettersTopic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("dead-letters-sink"));
            return b.build();
        }

        private static Executor daemonExecutor() {
            ExecutorService e = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "lead-rules-rule-set-compiler");
                t.setDaemon(true);
                return t;
            });
            return e;
        }

        private static String name(String topic) {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("a topic or rule set name must not be blank");
            }
            return topic;
        }
    }
}

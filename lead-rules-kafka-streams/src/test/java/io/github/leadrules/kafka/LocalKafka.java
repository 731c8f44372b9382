package io.github.leadrules.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One in-process KRaft node (broker and controller combined) from Kafka's own test kit, with the
 * topology's five topics: for the tests tagged {@code broker}, the example and the measurements.
 */
final class LocalKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    LocalKafka(Path baseDirectory) throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBaseDirectory(baseDirectory).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates leads, decisions and dead letters with the given partitions, accounts and rule sets compacted. */
    void createTopics(int partitions) throws Exception {
        createTopics("", partitions);
    }

    /**
     * The same five topics, each name starting with {@code prefix} (several topologies on one broker,
     * each with topics of its own; the builder's topic options name them).
     */
    void createTopics(String prefix, int partitions) throws Exception {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(List.of(
                    new NewTopic(prefix + "leads", partitions, (short) 1),
                    new NewTopic(prefix + "decisions", partitions, (short) 1),
                    new NewTopic(prefix + "leads-dead-letters", 1, (short) 1),
                    new NewTopic(prefix + "accounts", 1, (short) 1).configs(compacted),
                    new NewTopic(prefix + "rule-sets", 1, (short) 1).configs(compacted))).all().get();
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not shut down cleanly", e);
        }
    }
}

package io.github.leadrules.examples.kafka;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One Kafka node (broker and KRaft controller in one) inside this JVM, from Kafka's own test kit
 * ({@code org.apache.kafka:kafka-test-common-runtime} on Maven Central): free ports, its logs in the
 * directory given, nothing to install. For the example only; a host points the topology at its
 * cluster instead.
 */
public final class LocalBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    /**
     * Formats and starts the node; returns when it accepts clients.
     *
     * @param directory where the node keeps its logs and metadata (a temporary directory)
     * @throws Exception if the node does not start
     */
    public LocalBroker(Path directory) throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBaseDirectory(directory).build())
                // one node: the internal topics of consumer offsets and transactions have one replica
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        // Formatting the node's storage prints its metadata to System.out: not part of the example's output.
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            cluster.format();
            cluster.startup();
        } finally {
            System.setOut(out);
        }
        cluster.waitForReadyBrokers();
    }

    /** {@return the address clients connect to, e.g. {@code localhost:40123}} */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Stops the node. */
    @Override
    public void close() throws Exception {
        cluster.close();
    }
}

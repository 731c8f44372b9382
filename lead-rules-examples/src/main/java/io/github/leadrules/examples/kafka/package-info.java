/**
 * Scaling out on Kafka Streams: {@link io.github.leadrules.examples.kafka.KafkaStreamsFunnel} starts
 * a Kafka broker in the same JVM (or uses the cluster it is given), feeds the shipped 2 000 sample
 * leads through {@code lead-rules-kafka-streams}' topology with exactly-once, reads the
 * {@code decisions} topic and prints the funnel.
 */
package io.github.leadrules.examples.kafka;

package io.github.leadrules.kafka;

import io.github.leadrules.json.LeadReading;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.stream.Collectors;

/**
 * Serdes for the topology's topics, in the one JSON form of {@link LeadRulesJson} (the CLI's keys),
 * for producers of leads and consumers of decisions. The topology itself reads leads as bytes, so
 * that a record it cannot read becomes a dead letter instead of stopping the application.
 *
 * <pre>{@code
 * KafkaConsumer<String, Qualification> decisions = new KafkaConsumer<>(props,
 *     new StringDeserializer(), LeadSerdes.qualification().deserializer());
 * }</pre>
 */
public final class LeadSerdes {

    private LeadSerdes() {
    }

    /**
     * Leads. Reading a lead that has errors throws, naming the keys and codes (never values).
     *
     * @return the serde
     */
    public static Serde<Lead> lead() {
        return lead(LeadRulesJson.defaults());
    }

    /**
     * Leads, read with the given limits.
     *
     * @param json the JSON form
     * @return the serde
     */
    public static Serde<Lead> lead(LeadRulesJson json) {
        return Serdes.serdeFrom((topic, lead) -> lead == null ? null : json.writeLeadUtf8(lead), (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            LeadReading r = json.readLead(bytes);
            if (!r.isValid()) {
                throw new SerializationException("lead on " + topic + " cannot be read: " + r.errors().stream()
                        .map(FieldError::toString).collect(Collectors.joining(", ")));
            }
            return r.lead();
        });
    }

    /**
     * Qualifications, as the decisions topic carries them.
     *
     * @return the serde
     */
    public static Serde<Qualification> qualification() {
        LeadRulesJson json = LeadRulesJson.defaults();
        return Serdes.serdeFrom((topic, q) -> q == null ? null : json.writeQualificationUtf8(q),
                (topic, bytes) -> bytes == null ? null : json.readQualification(bytes));
    }
}

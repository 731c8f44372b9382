package io.github.leadrules.kafka.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.leadrules.json.LeadRulesJson;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads each release from the releases topic — the assignment of a decision echoed back by the CRM
 * when its owner is done with the lead, {@code {"lead_id":"L-1001","team":"inside-sales-jp","owner":"is-tanaka"}}
 * (the decision's own keys, so the whole decision will do) — and keys it by team, for the
 * repartition that sends it to the team's rotation store after the leads before it. A record
 * without a string {@code lead_id}, {@code team} and {@code owner} is a dead letter.
 */
public final class ReadReleases implements Processor<byte[], byte[], String, Envelope> {

    /** Dead-letter code of a release object without a usable {@code lead_id}, {@code team} or {@code owner}. */
    static final String INCOMPLETE = "RELEASE_INCOMPLETE";
    static final String LEAD_ID = "lead_id";
    static final String TEAM = "team";
    static final String OWNER = "owner";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProcessorContext<String, Envelope> context;

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            dead(record, "NO_VALUE", "the record has no value (a tombstone on the releases topic)");
            return;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(value);
        } catch (IOException | RuntimeException e) {
            dead(record, LeadRulesJson.MALFORMED_JSON, "the value is not JSON (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (node == null || !node.isObject()) {
            dead(record, LeadRulesJson.NOT_AN_OBJECT, "the value is not a release object");
            return;
        }
        List<String> missing = new ArrayList<>();
        String leadId = text(node, LEAD_ID, missing);
        String team = text(node, TEAM, missing);
        String owner = text(node, OWNER, missing);
        if (!missing.isEmpty()) {
            dead(record, INCOMPLETE, "the release has no usable " + String.join(", ", missing)
                    + " (a non-blank string each, as on the decision)");
            return;
        }
        context.forward(record.withKey(team).withValue(Envelope.release(leadId, team, owner)));
    }

    private static String text(JsonNode node, String key, List<String> missing) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            missing.add(key);
            return null;
        }
        return v.asText();
    }

    private void dead(Record<byte[], byte[]> record, String code, String sentence) {
        context.forward(new Record<String, Envelope>(null, Envelope.dead(record.value(), DeadLetters.reason(code, sentence)),
                record.timestamp(), DeadLetters.headers(record.headers(), code, sentence, context.recordMetadata())));
    }
}

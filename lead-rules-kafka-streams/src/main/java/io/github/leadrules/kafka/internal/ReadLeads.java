package io.github.leadrules.kafka.internal;

import io.github.leadrules.account.RecentLeads;
import io.github.leadrules.json.LeadReading;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Qualification;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads each lead and keys it by its normalised e-mail address (by its id when it has none), for
 * the repartition that sends every lead of one address to one duplicate-window store. A record
 * that is no lead at all (not JSON, not an object, no id) becomes a dead letter; a lead with bad
 * fields is decided INVALID here, naming the keys, as the CLI does.
 */
public final class ReadLeads implements Processor<byte[], byte[], String, Envelope> {

    /** Keys of leads without a usable address start with this, so they never meet an address. */
    static final String BY_ID = "id:";

    private final LeadRulesJson json;
    private final RuleSets ruleSets;
    private ProcessorContext<String, Envelope> context;

    public ReadLeads(LeadRulesJson json, RuleSets ruleSets) {
        this.json = json;
        this.ruleSets = ruleSets;
    }

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            dead(record, "NO_VALUE", "the record has no value (a tombstone on the leads topic)");
            return;
        }
        LeadReading read = json.readLead(value);
        List<FieldError> document = read.errors().stream().filter(e -> "$".equals(e.field())).toList();
        if (!document.isEmpty()) {
            dead(record, document.get(0).code(), "the value is not a lead object ("
                    + document.stream().map(FieldError::code).distinct().collect(Collectors.joining(", ")) + ")");
            return;
        }
        String id = read.lead().id();
        if (id == null || id.isBlank()) {
            dead(record, "NO_LEAD_ID", "the lead has no id, so no decision could be matched to it");
            return;
        }
        if (!read.isValid()) {
            Qualification q = read.invalid(ruleSets.current().fingerprint());
            context.forward(record.withKey(id).withValue(Envelope.decided(id, json.writeQualificationUtf8(q))));
            return;
        }
        String key = RecentLeads.key(read.lead().email()).orElse(BY_ID + id);
        context.forward(record.withKey(key).withValue(Envelope.lead(value)));
    }

    private void dead(Record<byte[], byte[]> record, String code, String sentence) {
        context.forward(new Record<String, Envelope>(null, Envelope.dead(record.value(), DeadLetters.reason(code, sentence)),
                record.timestamp(), DeadLetters.headers(record.headers(), code, sentence, context.recordMetadata())));
    }
}

package io.github.leadrules.kafka.internal;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The headers a dead letter carries: why, and where the record came from. No personal data. */
public final class DeadLetters {

    /** Header: a short code, e.g. {@code MALFORMED_JSON}, {@code NO_LEAD_ID}, {@code QUALIFY_FAILED}. */
    public static final String CODE = "lead-rules.error.code";
    /** Header: a sentence naming keys and steps, never values. */
    public static final String REASON = "lead-rules.error.reason";
    /** Header: the topic the record was read from. */
    public static final String TOPIC = "lead-rules.source.topic";
    /** Header: its partition. */
    public static final String PARTITION = "lead-rules.source.partition";
    /** Header: its offset. */
    public static final String OFFSET = "lead-rules.source.offset";

    private DeadLetters() {
    }

    static Headers headers(Headers in, String code, String reason, Optional<RecordMetadata> source) {
        Headers h = new RecordHeaders(in.toArray());
        h.remove(CODE).remove(REASON);
        h.add(CODE, code.getBytes(StandardCharsets.UTF_8));
        h.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        source.ifPresent(m -> {
            h.remove(TOPIC).remove(PARTITION).remove(OFFSET);
            h.add(TOPIC, m.topic().getBytes(StandardCharsets.UTF_8));
            h.add(PARTITION, Integer.toString(m.partition()).getBytes(StandardCharsets.UTF_8));
            h.add(OFFSET, Long.toString(m.offset()).getBytes(StandardCharsets.UTF_8));
        });
        return h;
    }

    /** The dead letter's reason as stored in the envelope: code, then sentence. */
    static String reason(String code, String sentence) {
        return code + ": " + sentence;
    }
}

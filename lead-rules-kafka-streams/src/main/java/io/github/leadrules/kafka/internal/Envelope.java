package io.github.leadrules.kafka.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.leadrules.account.Account;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What travels between the topology's steps (and through its repartition topics), as JSON:
 * a lead still to decide, a decision, a decision still to assign, or a dead letter.
 *
 * @param kind        which of the four
 * @param lead        LEAD: the lead's JSON as it arrived
 * @param decision    DECIDED, ASSIGN: the qualification's JSON (the CLI's keys)
 * @param leadId      DECIDED, ASSIGN: the lead's id, the decisions topic's key
 * @param account     ASSIGN: the matched account, or null
 * @param countryCode ASSIGN: the lead's country, or null
 * @param segment     ASSIGN: the company's size segment
 * @param raw         DEAD: the record's value as it arrived
 * @param reason      DEAD: why, without personal data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(Kind kind, String lead, String decision, String leadId, Account account, String countryCode,
                       String segment, byte[] raw, String reason) {

    /** The kinds of envelope. */
    public enum Kind { LEAD, DECIDED, ASSIGN, DEAD }

    static Envelope lead(String json) {
        return new Envelope(Kind.LEAD, json, null, null, null, null, null, null, null);
    }

    static Envelope decided(String leadId, String decision) {
        return new Envelope(Kind.DECIDED, null, decision, leadId, null, null, null, null, null);
    }

    static Envelope assign(String leadId, String decision, Account account, String countryCode, String segment) {
        return new Envelope(Kind.ASSIGN, null, decision, leadId, account, countryCode, segment, null, null);
    }

    static Envelope dead(byte[] raw, String reason) {
        return new Envelope(Kind.DEAD, null, null, null, null, null, null, raw, reason);
    }

    boolean is(Kind k) {
        return kind == k;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** {@return the serde of the repartition topics} */
    public static Serde<Envelope> serde() {
        Serializer<Envelope> ser = (topic, e) -> {
            try {
                return e == null ? null : MAPPER.writeValueAsBytes(e);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        };
        Deserializer<Envelope> de = (topic, bytes) -> {
            try {
                return bytes == null ? null : MAPPER.readValue(bytes, Envelope.class);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        };
        return Serdes.serdeFrom(ser, de);
    }
}

package io.github.leadrules.kafka.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.Relationship;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What travels between the topology's steps (and through its repartition topics): a lead still to
 * decide, a decision, a decision still to assign, a lead's release by its owner, or a dead letter.
 *
 * <p>On the repartition topics an envelope is a compact binary record (version byte {@code 1}, the
 * kind, then length-prefixed UTF-8 fields): the lead's and the decision's JSON are carried as the
 * bytes they are, never escaped into another JSON document and read back. Envelopes written by
 * earlier versions as a JSON object (first byte {@code '{'}) are still read, so that records left
 * in a repartition topic across an upgrade are decided. Kinds are only ever added at the end
 * ({@code RELEASE} came after {@code DEAD}), so the bytes of the earlier kinds do not change.
 *
 * @param kind        which of the five
 * @param lead        LEAD: the lead's JSON as it arrived (UTF-8)
 * @param decision    DECIDED, ASSIGN: the qualification's JSON (the CLI's keys, UTF-8)
 * @param leadId      DECIDED, ASSIGN, RELEASE: the lead's id, the decisions topic's key
 * @param account     ASSIGN: the matched account, or null
 * @param countryCode ASSIGN: the lead's country, or null
 * @param segment     ASSIGN: the company's size segment
 * @param raw         DEAD: the record's value as it arrived
 * @param reason      DEAD: why, without personal data
 * @param team        RELEASE: the team whose rotation assigned the lead
 * @param owner       RELEASE: the rep it was assigned to
 */
public record Envelope(Kind kind, byte[] lead, byte[] decision, String leadId, Account account, String countryCode,
                       String segment, byte[] raw, String reason, String team, String owner) {

    /** The kinds of envelope; new kinds go at the end (the ordinal is written). */
    public enum Kind { LEAD, DECIDED, ASSIGN, DEAD, RELEASE }

    private static final byte VERSION = 1;
    private static final Kind[] KINDS = Kind.values();
    private static final Relationship[] RELATIONSHIPS = Relationship.values();

    static Envelope lead(byte[] json) {
        return new Envelope(Kind.LEAD, json, null, null, null, null, null, null, null, null, null);
    }

    static Envelope decided(String leadId, byte[] decision) {
        return new Envelope(Kind.DECIDED, null, decision, leadId, null, null, null, null, null, null, null);
    }

    static Envelope assign(String leadId, byte[] decision, Account account, String countryCode, String segment) {
        return new Envelope(Kind.ASSIGN, null, decision, leadId, account, countryCode, segment, null, null, null, null);
    }

    static Envelope dead(byte[] raw, String reason) {
        return new Envelope(Kind.DEAD, null, null, null, null, null, null, raw, reason, null, null);
    }

    static Envelope release(String leadId, String team, String owner) {
        return new Envelope(Kind.RELEASE, null, null, leadId, null, null, null, null, null, team, owner);
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** {@return the serde of the repartition topics} */
    public static Serde<Envelope> serde() {
        Serializer<Envelope> ser = (topic, e) -> e == null ? null : write(e);
        Deserializer<Envelope> de = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(ser, de);
    }

    static byte[] write(Envelope e) {
        Writer w = new Writer();
        w.out.put(VERSION);
        w.out.put((byte) e.kind.ordinal());
        switch (e.kind) {
            case LEAD -> w.bytes(e.lead);
            case DECIDED -> {
                w.text(e.leadId);
                w.bytes(e.decision);
            }
            case ASSIGN -> {
                w.text(e.leadId);
                w.bytes(e.decision);
                w.account(e.account);
                w.text(e.countryCode);
                w.text(e.segment);
            }
            case DEAD -> {
                w.bytes(e.raw);
                w.text(e.reason);
            }
            case RELEASE -> {
                w.text(e.leadId);
                w.text(e.team);
                w.text(e.owner);
            }
        }
        byte[] out = new byte[w.out.position()];
        w.out.flip().get(out);
        return out;
    }

    static Envelope read(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return Legacy.read(bytes);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("envelope version " + version + " is not known to this version of lead-rules");
            }
            int ordinal = in.get();
            if (ordinal < 0 || ordinal >= KINDS.length) {
                throw new SerializationException("envelope kind " + ordinal + " is not known to this version of lead-rules");
            }
            Kind kind = KINDS[ordinal];
            return switch (kind) {
                case LEAD -> lead(bytes(in));
                case DECIDED -> decided(text(in), bytes(in));
                case ASSIGN -> assign(text(in), bytes(in), account(in), text(in), text(in));
                case DEAD -> dead(bytes(in), text(in));
                case RELEASE -> release(text(in), text(in), text(in));
            };
        } catch (RuntimeException x) {
            if (x instanceof SerializationException s) {
                throw s;
            }
            throw new SerializationException("envelope cannot be read (" + x.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static String text(ByteBuffer in) {
        byte[] b = bytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static Account account(ByteBuffer in) {
        if (in.get() == 0) {
            return null;
        }
        String id = text(in);
        String name = text(in);
        int n = in.getInt();
        Set<String> domains = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            domains.add(text(in));
        }
        Relationship relationship = RELATIONSHIPS[in.get()];
        return new Account(id, name, domains, relationship, text(in));
    }

    /** A growing buffer. */
    private static final class Writer {
        ByteBuffer out = ByteBuffer.allocate(1024);

        void ensure(int n) {
            if (out.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + n));
                out.flip();
                bigger.put(out);
                out = bigger;
            }
        }

        void bytes(byte[] b) {
            ensure(4 + (b == null ? 0 : b.length));
            if (b == null) {
                out.putInt(-1);
            } else {
                out.putInt(b.length);
                out.put(b);
            }
        }

        void text(String s) {
            bytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        void account(Account a) {
            ensure(1);
            if (a == null) {
                out.put((byte) 0);
                return;
            }
            out.put((byte) 1);
            text(a.id());
            text(a.name());
            ensure(4);
            out.putInt(a.domains().size());
            a.domains().forEach(this::text);
            ensure(1);
            out.put((byte) a.relationship().ordinal());
            text(a.owner());
        }
    }

    /** The JSON form of versions before the binary one, read only. */
    private static final class Legacy {
        private static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Json(Kind kind, String lead, String decision, String leadId, Account account, String countryCode,
                    String segment, byte[] raw, String reason) {
        }

        static Envelope read(byte[] bytes) {
            try {
                Json j = MAPPER.readValue(bytes, Json.class);
                return new Envelope(j.kind(), utf8(j.lead()), utf8(j.decision()), j.leadId(), j.account(),
                        j.countryCode(), j.segment(), j.raw(), j.reason(), null, null);
            } catch (IOException x) {
                throw new SerializationException("envelope cannot be read (" + x.getClass().getSimpleName() + ")");
            }
        }

        private static byte[] utf8(String s) {
            return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
        }
    }
}

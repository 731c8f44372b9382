package io.github.leadrules.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.leadrules.json.internal.Jackson;
import io.github.leadrules.json.internal.LeadMapping;
import io.github.leadrules.json.internal.QualificationMapping;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The one JSON form of leads and qualifications, for everything that moves them as JSON: the CLI's
 * JSON Lines, a message serde, an HTTP service. Keys are those of {@link LeadField} and
 * {@link QualificationField} — the column names of the CLI's own CSV layout and decision columns.
 * Reading is bounded by {@link JsonLimits} and never throws for a bad lead: every problem is a
 * {@link FieldError} naming the key, never the value. Immutable and thread-safe: build one and share it.
 *
 * <pre>{@code
 * LeadRulesJson json = LeadRulesJson.defaults();
 * LeadReading read = json.readLead("{\"id\":\"L-1001\",\"company_name\":\"サンプル工業株式会社\",\"employee_count\":1200}");
 * Qualification q = read.isValid() ? qualifier.qualify(read.lead()) : read.invalid(qualifier.fingerprint());
 * String out = json.writeQualification(q);   // {"lead_id":"L-1001","outcome":"QUALIFIED",…}
 * }</pre>
 *
 * <p>Error codes (the {@link FieldError#code()} of a reading, the {@link JsonReadException#code()}
 * of a qualification that cannot be read) are the constants below; the field is the key, a path
 * such as {@code engagement[1].at}, or {@code $} for the document as a whole.
 */
public final class LeadRulesJson {

    /** The document is not JSON (or not one JSON value); field {@code $}. */
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    /** The document is JSON but not an object; field {@code $}. */
    public static final String NOT_AN_OBJECT = "NOT_AN_OBJECT";
    /** A string, number, key or the document is longer than {@link JsonLimits} allow. */
    public static final String TOO_LONG = "TOO_LONG";
    /** Objects and arrays are nested deeper than {@link JsonLimits#maxNestingDepth()}. */
    public static final String NESTED_TOO_DEEPLY = "NESTED_TOO_DEEPLY";
    /** The same key twice in one object. */
    public static final String DUPLICATE_KEY = "DUPLICATE_KEY";
    /** A value of the wrong JSON type, e.g. a string where a number belongs. */
    public static final String WRONG_TYPE = "WRONG_TYPE";
    /** A number with a fraction where an integer belongs. */
    public static final String NOT_AN_INTEGER = "NOT_AN_INTEGER";
    /** A number too large (or too small) for its field, e.g. {@code 1e999999999} employees. */
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    /** A word that is not one of the field's values. */
    public static final String UNKNOWN_VALUE = "UNKNOWN_VALUE";
    /** A string that is not an ISO-8601 instant. */
    public static final String NOT_A_DATE = "NOT_A_DATE";
    /** A value that must be given is missing or null, e.g. an engagement event's {@code at}. */
    public static final String REQUIRED = "REQUIRED";

    private static final LeadRulesJson DEFAULTS = new LeadRulesJson(JsonLimits.defaults());

    private final JsonLimits limits;
    private final ObjectMapper mapper;

    private LeadRulesJson(JsonLimits limits) {
        this.limits = limits;
        this.mapper = Jackson.mapper(limits);
    }

    /** Reading under {@link JsonLimits#defaults()}. */
    public static LeadRulesJson defaults() {
        return DEFAULTS;
    }

    /** Reading under other limits. */
    public static LeadRulesJson withLimits(JsonLimits limits) {
        return new LeadRulesJson(Objects.requireNonNull(limits, "limits"));
    }

    /** The limits reading is bounded by. */
    public JsonLimits limits() {
        return limits;
    }

    /**
     * Reads a lead from a JSON object. Unknown keys are ignored; null is the same as absent.
     *
     * @return the lead and every problem; never throws for bad input
     */
    public LeadReading readLead(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return LeadMapping.read(Jackson.parse(mapper, json));
        } catch (Jackson.Problem p) {
            return unreadable(p);
        }
    }

    /** Reads a lead from JSON bytes (UTF-8; UTF-16 and UTF-32 are recognised). */
    public LeadReading readLead(byte[] json) {
        Objects.requireNonNull(json, "json");
        try {
            return LeadMapping.read(Jackson.parse(mapper, json));
        } catch (Jackson.Problem p) {
            return unreadable(p);
        }
    }

    private static LeadReading unreadable(Jackson.Problem p) {
        return new LeadReading(Lead.builder(null).build(), List.of(new FieldError(p.path(), p.code())));
    }

    /** The lead as a JSON object: absent values and empty lists left out, enum values in lower case. */
    public String writeLead(Lead lead) {
        return write(LeadMapping.write(Objects.requireNonNull(lead, "lead"), mapper.getNodeFactory()));
    }

    /** {@link #writeLead(Lead)} as UTF-8 bytes. */
    public byte[] writeLeadUtf8(Lead lead) {
        return writeBytes(LeadMapping.write(Objects.requireNonNull(lead, "lead"), mapper.getNodeFactory()));
    }

    /** The qualification as a JSON object with every {@link QualificationField} key, in order. */
    public String writeQualification(Qualification qualification) {
        return write(QualificationMapping.write(Objects.requireNonNull(qualification, "qualification"), mapper.getNodeFactory()));
    }

    /** {@link #writeQualification(Qualification)} as UTF-8 bytes. */
    public byte[] writeQualificationUtf8(Qualification qualification) {
        return writeBytes(QualificationMapping.write(Objects.requireNonNull(qualification, "qualification"), mapper.getNodeFactory()));
    }

    /**
     * Reads a qualification written by {@link #writeQualification}.
     *
     * @throws JsonReadException naming the key when the text is not such an object
     */
    public Qualification readQualification(String json) {
        Objects.requireNonNull(json, "json");
        return QualificationMapping.read(parseOrThrow(json, null));
    }

    /** Reads a qualification from UTF-8 bytes written by {@link #writeQualificationUtf8}. */
    public Qualification readQualification(byte[] json) {
        Objects.requireNonNull(json, "json");
        return QualificationMapping.read(parseOrThrow(null, json));
    }

    private JsonNode parseOrThrow(String text, byte[] bytes) {
        try {
            return text != null ? Jackson.parse(mapper, text) : Jackson.parse(mapper, bytes);
        } catch (Jackson.Problem p) {
            throw new JsonReadException(p.path(), p.code());
        }
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] writeBytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

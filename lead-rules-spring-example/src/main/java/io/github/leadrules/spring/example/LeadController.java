package io.github.leadrules.spring.example;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.leadrules.Qualifier;
import io.github.leadrules.ReloadableLeadQualifier;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.json.LeadReading;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /leads}, {@code POST /leads:batch} and {@code GET /rules}. Leads and decisions are the
 * JSON of lead-rules-json (the CLI's field names). A body that is no lead gets 400 with the field
 * errors (key and code, never the value); nothing here answers with a stack trace.
 */
@RestController
public class LeadController {

    /** The most leads one batch request may carry. */
    static final int MAX_BATCH_LEADS = 1_000;
    /** The largest request body read, in bytes. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final LeadRulesJson JSON = LeadRulesJson.defaults();
    private static final JsonFactory SCANNER = new JsonFactory();

    private final Qualifier qualifier;

    /** @param qualifier the starter's qualifier */
    public LeadController(Qualifier qualifier) {
        this.qualifier = qualifier;
    }

    /**
     * Decides one lead.
     *
     * @param request the request; its body is one lead as a JSON object
     * @return 200 with the decision, or 400 with the field errors
     * @throws IOException when the body cannot be read
     */
    @PostMapping(path = "/leads", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> qualify(HttpServletRequest request) throws IOException {
        byte[] body = readBody(request);
        if (body == null) {
            return tooLarge();
        }
        LeadReading read = JSON.readLead(body);
        if (!read.isValid()) {
            return badRequest(read.errors(), "");
        }
        Qualification q = qualifier.qualify(read.lead());
        if (q.outcome() == Outcome.INVALID) {
            return badRequest(q.fieldErrors(), "");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeQualification(q));
    }

    /**
     * Decides a JSON array of leads under one rule set. A lead that cannot be read is INVALID in its
     * place, with its field errors; a body that is no array of at most {@value #MAX_BATCH_LEADS}
     * leads is 400.
     *
     * @param request the request; its body is a JSON array of lead objects
     * @return 200 with {@code {"fingerprint", "decisions": [...]}} in input order, or 400
     * @throws IOException when the body cannot be read
     */
    @PostMapping(path = "/leads:batch", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> qualifyBatch(HttpServletRequest request) throws IOException {
        byte[] body = readBody(request);
        if (body == null) {
            return tooLarge();
        }
        List<byte[]> elements = new ArrayList<>();
        String problem = split(body, elements);
        if (problem != null) {
            return badRequest(List.of(new FieldError("$", problem)), "");
        }
        LeadReading[] readings = new LeadReading[elements.size()];
        List<Lead> valid = new ArrayList<>();
        for (int i = 0; i < readings.length; i++) {
            readings[i] = JSON.readLead(elements.get(i));
            if (readings[i].isValid()) {
                valid.add(readings[i].lead());
            }
        }
        // one call for the readable leads: one rule set, one "now", the qualifier's batching
        List<Qualification> decided = qualifier.qualifyAll(valid);
        String fingerprint = decided.isEmpty() ? qualifier.fingerprint() : decided.get(0).fingerprint();
        StringBuilder out = new StringBuilder(64 + 600 * readings.length);
        out.append("{\"fingerprint\":\"").append(fingerprint)
                .append("\",\"decisions\":[");
        int next = 0;
        for (int i = 0; i < readings.length; i++) {
            Qualification q = readings[i].isValid() ? decided.get(next++) : readings[i].invalid(fingerprint);
            out.append(i == 0 ? "" : ",").append(JSON.writeQualification(q));
        }
        out.append("]}");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toString());
    }

    /**
     * The rules serving now.
     *
     * @return {@code {"fingerprint", "count", "rules": [{"id", "stage", "name", "description", "source", "line"}]}}
     */
    @GetMapping(path = "/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> rules() {
        Qualifier serving = qualifier instanceof ReloadableLeadQualifier r ? r.current() : qualifier;
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleDescription rule : serving.rules()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rule.id());
            r.put("stage", rule.stage().name());
            r.put("name", rule.name());
            r.put("description", rule.description());
            r.put("source", rule.source());
            r.put("line", rule.line());
            rules.add(r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fingerprint", serving.fingerprint());
        out.put("count", rules.size());
        out.put("rules", rules);
        return out;
    }

    /** The body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    /**
     * Cuts a JSON array into the bytes of its elements, each read later by lead-rules-json (which
     * checks it for duplicate keys, lengths and nesting). Returns the problem's code, or null.
     */
    private static String split(byte[] body, List<byte[]> elements) {
        try (JsonParser parser = SCANNER.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return LeadRulesJson.MALFORMED_JSON;
            }
            if (first != JsonToken.START_ARRAY) {
                return "NOT_AN_ARRAY";
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    return LeadRulesJson.MALFORMED_JSON;
                }
                if (elements.size() == MAX_BATCH_LEADS) {
                    return "TOO_MANY";
                }
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                elements.add(Arrays.copyOfRange(body, start, end));
            }
            if (parser.nextToken() != null) {
                return LeadRulesJson.MALFORMED_JSON;
            }
            return null;
        } catch (JsonProcessingException e) {
            return LeadRulesJson.MALFORMED_JSON;
        } catch (IOException e) {
            return LeadRulesJson.MALFORMED_JSON;
        }
    }

    private static ResponseEntity<Map<String, Object>> badRequest(List<FieldError> errors, String prefix) {
        List<Map<String, String>> out = new ArrayList<>();
        for (FieldError e : errors) {
            out.add(Map.of("field", prefix + e.field(), "code", e.code()));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", out));
    }

    private static ResponseEntity<Map<String, Object>> tooLarge() {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", List.of(Map.of("field", "$", "code", "TOO_LONG"))));
    }
}

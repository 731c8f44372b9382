package io.github.leadrules.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.leadrules.json.JsonReadException;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.json.QualificationField;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.model.UrgencyLevel;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A qualification to and from its JSON object (the keys of {@link QualificationField}, in that order). */
public final class QualificationMapping {

    private QualificationMapping() {
    }

    /** The qualification as an object; every key is written, absent values as null. */
    public static ObjectNode write(Qualification q, JsonNodeFactory nodes) {
        ObjectNode o = nodes.objectNode();
        Route r = q.route();
        o.put(QualificationField.LEAD_ID.key(), q.leadId());
        o.put(QualificationField.OUTCOME.key(), q.outcome().name());
        ArrayNode exclusions = o.putArray(QualificationField.EXCLUSIONS.key());
        q.exclusionIds().forEach(exclusions::add);
        o.put(QualificationField.URGENCY.key(), q.urgency().level().name());
        o.put(QualificationField.HORIZON.key(), q.urgency().horizon().name());
        o.put(QualificationField.URGENCY_SCORE.key(), q.urgency().score());
        ArrayNode signals = o.putArray(QualificationField.URGENCY_SIGNALS.key());
        q.urgency().signals().forEach(signals::add);
        o.put(QualificationField.ROUTE.key(), r.destination().name());
        o.put(QualificationField.TEAM.key(), r.team());
        o.put(QualificationField.OWNER.key(), r.owner());
        o.put(QualificationField.NURTURE_TRACK.key(), r.nurtureTrack());
        o.put(QualificationField.SLA_DEADLINE.key(), r.slaDeadline() == null ? null : r.slaDeadline().toString());
        if (r.ownerReason() == null) {
            o.putNull(QualificationField.OWNER_REASON.key());
        } else {
            o.set(QualificationField.OWNER_REASON.key(), reason(r.ownerReason(), nodes));
        }
        ArrayNode reasons = o.putArray(QualificationField.REASONS.key());
        q.reasons().forEach(reason -> reasons.add(reason(reason, nodes)));
        ArrayNode errors = o.putArray(QualificationField.ERRORS.key());
        for (FieldError e : q.fieldErrors()) {
            errors.addObject().put("field", e.field()).put("code", e.code());
        }
        o.put(QualificationField.FINGERPRINT.key(), q.fingerprint());
        return o;
    }

    private static ObjectNode reason(Reason reason, JsonNodeFactory nodes) {
        ObjectNode o = nodes.objectNode();
        o.put("rule", reason.ruleId());
        o.put("stage", reason.stage().name());
        o.put("message", reason.message());
        return o;
    }

    /** Reads a qualification written by {@link #write}; anything else fails naming the key. */
    public static Qualification read(JsonNode root) {
        if (!root.isObject()) {
            throw new JsonReadException("$", LeadRulesJson.NOT_AN_OBJECT);
        }
        List<Reason> reasons = new ArrayList<>();
        JsonNode reasonNodes = array(root, QualificationField.REASONS.key());
        for (int i = 0; i < reasonNodes.size(); i++) {
            reasons.add(reason(reasonNodes.get(i), QualificationField.REASONS.key() + "[" + i + "]"));
        }
        Set<String> exclusionIds = new LinkedHashSet<>();
        JsonNode exclusionNodes = array(root, QualificationField.EXCLUSIONS.key());
        for (int i = 0; i < exclusionNodes.size(); i++) {
            exclusionIds.add(required(exclusionNodes.get(i), QualificationField.EXCLUSIONS.key() + "[" + i + "]"));
        }
        List<Reason> exclusions = new ArrayList<>();
        for (String id : exclusionIds) {
            exclusions.add(reasons.stream().filter(r -> r.ruleId().equals(id) && r.stage() == Stage.EXCLUSION).findFirst()
                    .orElseThrow(() -> new JsonReadException(QualificationField.EXCLUSIONS.key(), LeadRulesJson.UNKNOWN_VALUE)));
        }
        List<String> signals = new ArrayList<>();
        JsonNode signalNodes = array(root, QualificationField.URGENCY_SIGNALS.key());
        for (int i = 0; i < signalNodes.size(); i++) {
            signals.add(required(signalNodes.get(i), QualificationField.URGENCY_SIGNALS.key() + "[" + i + "]"));
        }
        JsonNode score = root.get(QualificationField.URGENCY_SCORE.key());
        if (score == null || !score.isInt()) {
            throw new JsonReadException(QualificationField.URGENCY_SCORE.key(),
                    score == null || score.isNull() ? LeadRulesJson.REQUIRED : LeadRulesJson.WRONG_TYPE);
        }
        Urgency urgency = new Urgency(constant(root, QualificationField.URGENCY, UrgencyLevel.class),
                constant(root, QualificationField.HORIZON, PurchaseTimeframe.class), score.intValue(), signals);
        JsonNode ownerReason = root.get(QualificationField.OWNER_REASON.key());
        String deadline = optional(root.get(QualificationField.SLA_DEADLINE.key()), QualificationField.SLA_DEADLINE.key());
        Instant sla;
        try {
            sla = deadline == null ? null : Instant.parse(deadline);
        } catch (DateTimeException e) {
            throw new JsonReadException(QualificationField.SLA_DEADLINE.key(), LeadRulesJson.NOT_A_DATE);
        }
        Route route = new Route(constant(root, QualificationField.ROUTE, Destination.class),
                optional(root.get(QualificationField.TEAM.key()), QualificationField.TEAM.key()),
                optional(root.get(QualificationField.OWNER.key()), QualificationField.OWNER.key()),
                optional(root.get(QualificationField.NURTURE_TRACK.key()), QualificationField.NURTURE_TRACK.key()),
                sla,
                ownerReason == null || ownerReason.isNull() ? null : reason(ownerReason, QualificationField.OWNER_REASON.key()));
        List<FieldError> errors = new ArrayList<>();
        JsonNode errorNodes = array(root, QualificationField.ERRORS.key());
        for (int i = 0; i < errorNodes.size(); i++) {
            String at = QualificationField.ERRORS.key() + "[" + i + "]";
            JsonNode e = object(errorNodes.get(i), at);
            errors.add(new FieldError(required(e.get("field"), at + ".field"), required(e.get("code"), at + ".code")));
        }
        return new Qualification(optional(root.get(QualificationField.LEAD_ID.key()), QualificationField.LEAD_ID.key()),
                constant(root, QualificationField.OUTCOME, Outcome.class), exclusions, urgency, route, reasons, errors,
                required(root.get(QualificationField.FINGERPRINT.key()), QualificationField.FINGERPRINT.key()));
    }

    private static Reason reason(JsonNode node, String at) {
        JsonNode o = object(node, at);
        String stage = required(o.get("stage"), at + ".stage");
        Stage s;
        try {
            s = Stage.valueOf(LeadMapping.constant(stage));
        } catch (IllegalArgumentException e) {
            throw new JsonReadException(at + ".stage", LeadRulesJson.UNKNOWN_VALUE);
        }
        return new Reason(required(o.get("rule"), at + ".rule"), s, required(o.get("message"), at + ".message"));
    }

    private static <E extends Enum<E>> E constant(JsonNode root, QualificationField field, Class<E> type) {
        String word = required(root.get(field.key()), field.key());
        try {
            return Enum.valueOf(type, LeadMapping.constant(word));
        } catch (IllegalArgumentException e) {
            throw new JsonReadException(field.key(), LeadRulesJson.UNKNOWN_VALUE);
        }
    }

    private static JsonNode array(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!v.isArray()) {
            throw new JsonReadException(key, LeadRulesJson.WRONG_TYPE);
        }
        return v;
    }

    private static JsonNode object(JsonNode v, String at) {
        if (v == null || !v.isObject()) {
            throw new JsonReadException(at, LeadRulesJson.WRONG_TYPE);
        }
        return v;
    }

    private static String required(JsonNode v, String at) {
        String s = optional(v, at);
        if (s == null) {
            throw new JsonReadException(at, LeadRulesJson.REQUIRED);
        }
        return s;
    }

    private static String optional(JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new JsonReadException(at, LeadRulesJson.WRONG_TYPE);
        }
        return v.textValue();
    }
}

package io.github.leadrules.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.leadrules.json.LeadField;
import io.github.leadrules.json.LeadReading;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.SalesStatus;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A lead to and from its JSON object (the keys of {@link LeadField}). */
public final class LeadMapping {

    private static final Map<EngagementType, String> TOKENS = new EnumMap<>(EngagementType.class);
    private static final Map<String, EngagementType> TYPES = new HashMap<>();

    static {
        token(EngagementType.PAGE_VISIT, "page");
        token(EngagementType.PRICING_PAGE_VISIT, "pricing");
        token(EngagementType.CONTENT_VIEW, "content");
        token(EngagementType.CASE_STUDY_VIEW, "case_study");
        token(EngagementType.EMAIL_OPEN, "email_open");
        token(EngagementType.SEMINAR_ATTENDED, "seminar");
    }

    private static void token(EngagementType type, String token) {
        TOKENS.put(type, token);
        TYPES.put(token.toUpperCase(Locale.ROOT), type);
        TYPES.put(type.name(), type);
    }

    private LeadMapping() {
    }

    /** The engagement type's token in JSON, e.g. {@code case_study}. */
    public static String token(EngagementType type) {
        return TOKENS.get(type);
    }

    // ------------------------------------------------------------------ writing

    /** The lead as an object: absent values and empty lists are left out. */
    public static ObjectNode write(Lead lead, JsonNodeFactory nodes) {
        ObjectNode o = nodes.objectNode();
        put(o, LeadField.ID, lead.id());
        put(o, LeadField.CONTACT_NAME, lead.contactName());
        put(o, LeadField.EMAIL, lead.email());
        put(o, LeadField.PHONE, lead.phone());
        put(o, LeadField.JOB_TITLE, lead.jobTitle());
        put(o, LeadField.SOURCE, lead.source());
        put(o, LeadField.INQUIRY_TYPE, word(lead.inquiryType()));
        put(o, LeadField.PURCHASE_TIMEFRAME, word(lead.purchaseTimeframe()));
        put(o, LeadField.BUDGET_STATUS, word(lead.budgetStatus()));
        put(o, LeadField.CONSENT, word(lead.consent()));
        put(o, LeadField.SALES_STATUS, word(lead.salesStatus()));
        put(o, LeadField.LAST_SALES_ACTIVITY, lead.lastSalesActivity() == null ? null : lead.lastSalesActivity().toString());
        put(o, LeadField.SUBMITTED_AT, lead.submittedAt() == null ? null : lead.submittedAt().toString());
        Company c = lead.company();
        if (c != null) {
            put(o, LeadField.COMPANY_NAME, c.name());
            put(o, LeadField.COMPANY_DOMAIN, c.domain());
            put(o, LeadField.INDUSTRY, c.industry());
            if (c.employeeCount() != null) {
                o.put(LeadField.EMPLOYEE_COUNT.key(), c.employeeCount().intValue());
            }
            if (c.annualRevenue() != null) {
                o.put(LeadField.ANNUAL_REVENUE.key(), c.annualRevenue().longValue());
            }
            put(o, LeadField.COUNTRY, c.country());
        }
        if (!lead.engagement().isEmpty()) {
            ArrayNode events = o.putArray(LeadField.ENGAGEMENT.key());
            for (EngagementEvent e : lead.engagement()) {
                ObjectNode event = events.addObject();
                if (e == null) {
                    continue;
                }
                if (e.type() != null) {
                    event.put("type", token(e.type()));
                }
                if (e.at() != null) {
                    event.put("at", e.at().toString());
                }
                if (e.detail() != null) {
                    event.put("detail", e.detail());
                }
                if (e.industry() != null) {
                    event.put("industry", e.industry());
                }
            }
        }
        if (!lead.attributes().isEmpty()) {
            ObjectNode attributes = o.putObject(LeadField.ATTRIBUTES.key());
            lead.attributes().forEach(attributes::put);
        }
        return o;
    }

    private static void put(ObjectNode o, LeadField field, String value) {
        if (value != null) {
            o.put(field.key(), value);
        }
    }

    private static String word(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ reading

    /** Reads a lead from a parsed document; every problem is a field error, never an exception. */
    public static LeadReading read(JsonNode root) {
        if (!root.isObject()) {
            return new LeadReading(Lead.builder(null).build(), List.of(new FieldError("$", LeadRulesJson.NOT_AN_OBJECT)));
        }
        Reader r = new Reader(root);
        Lead.Builder b = Lead.builder(r.id());
        b.contactName(r.text(LeadField.CONTACT_NAME));
        b.email(r.text(LeadField.EMAIL));
        b.phone(r.text(LeadField.PHONE));
        b.jobTitle(r.text(LeadField.JOB_TITLE));
        b.source(r.text(LeadField.SOURCE));
        b.inquiryType(r.word(LeadField.INQUIRY_TYPE, InquiryType.class));
        b.purchaseTimeframe(r.word(LeadField.PURCHASE_TIMEFRAME, PurchaseTimeframe.class));
        b.budgetStatus(r.word(LeadField.BUDGET_STATUS, BudgetStatus.class));
        b.consent(r.word(LeadField.CONSENT, Consent.class));
        b.salesStatus(r.word(LeadField.SALES_STATUS, SalesStatus.class));
        b.lastSalesActivity(r.instant(r.value(LeadField.LAST_SALES_ACTIVITY), LeadField.LAST_SALES_ACTIVITY.key()));
        b.submittedAt(r.instant(r.value(LeadField.SUBMITTED_AT), LeadField.SUBMITTED_AT.key()));
        String name = r.text(LeadField.COMPANY_NAME);
        String domain = r.text(LeadField.COMPANY_DOMAIN);
        String industry = r.text(LeadField.INDUSTRY);
        BigDecimal employees = r.integer(LeadField.EMPLOYEE_COUNT, Integer.MIN_VALUE, Integer.MAX_VALUE);
        BigDecimal revenue = r.integer(LeadField.ANNUAL_REVENUE, Long.MIN_VALUE, Long.MAX_VALUE);
        Integer employeeCount = employees == null ? null : employees.intValueExact();
        Long annualRevenue = revenue == null ? null : revenue.longValueExact();
        String country = r.text(LeadField.COUNTRY);
        if (name != null || domain != null || industry != null || employeeCount != null || annualRevenue != null || country != null) {
            b.company(new Company(name, domain, industry, employeeCount, annualRevenue, country));
        }
        b.engagement(r.engagement());
        r.attributes().forEach(b::attribute);
        return new LeadReading(b.build(), r.errors);
    }

    /** Reads one object's values, collecting errors named by key. */
    private static final class Reader {
        private final JsonNode o;
        private final List<FieldError> errors = new ArrayList<>();

        Reader(JsonNode o) {
            this.o = o;
        }

        JsonNode value(LeadField field) {
            JsonNode v = o.get(field.key());
            return v == null || v.isNull() ? null : v;
        }

        void error(String path, String code) {
            errors.add(new FieldError(path, code));
        }

        String id() {
            JsonNode v = value(LeadField.ID);
            if (v == null) {
                return null;
            }
            if (v.isTextual()) {
                return v.textValue();
            }
            if (v.isIntegralNumber()) {
                return v.bigIntegerValue().toString();
            }
            error(LeadField.ID.key(), LeadRulesJson.WRONG_TYPE);
            return null;
        }

        String text(LeadField field) {
            return text(value(field), field.key());
        }

        String text(JsonNode v, String path) {
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                error(path, LeadRulesJson.WRONG_TYPE);
                return null;
            }
            return v.textValue();
        }

        <E extends Enum<E>> E word(LeadField field, Class<E> type) {
            String s = text(field);
            if (s == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, constant(s));
            } catch (IllegalArgumentException e) {
                error(field.key(), LeadRulesJson.UNKNOWN_VALUE);
                return null;
            }
        }

        Instant instant(JsonNode v, String path) {
            String s = text(v, path);
            if (s == null) {
                return null;
            }
            try {
                return Instant.parse(s.strip());
            } catch (DateTimeException e) {
                error(path, LeadRulesJson.NOT_A_DATE);
                return null;
            }
        }

        /**
         * An integral number in [min, max], else null with an error. The range is checked on the
         * decimal's precision and scale first, so that {@code 1e999999999} is refused without being
         * expanded.
         */
        BigDecimal integer(LeadField field, long min, long max) {
            JsonNode v = value(field);
            if (v == null) {
                return null;
            }
            if (!v.isNumber()) {
                error(field.key(), LeadRulesJson.WRONG_TYPE);
                return null;
            }
            BigDecimal d = v.decimalValue();
            if (d.signum() == 0) {
                return BigDecimal.ZERO;
            }
            if (d.precision() - d.scale() > 19) {
                error(field.key(), LeadRulesJson.OUT_OF_RANGE);
                return null;
            }
            if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
                error(field.key(), LeadRulesJson.NOT_AN_INTEGER);
                return null;
            }
            if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                error(field.key(), LeadRulesJson.OUT_OF_RANGE);
                return null;
            }
            return d;
        }

        List<EngagementEvent> engagement() {
            JsonNode v = value(LeadField.ENGAGEMENT);
            List<EngagementEvent> events = new ArrayList<>();
            if (v == null) {
                return events;
            }
            String key = LeadField.ENGAGEMENT.key();
            if (!v.isArray()) {
                error(key, LeadRulesJson.WRONG_TYPE);
                return events;
            }
            for (int i = 0; i < v.size(); i++) {
                String at = key + "[" + i + "]";
                JsonNode e = v.get(i);
                if (!e.isObject()) {
                    error(at, LeadRulesJson.WRONG_TYPE);
                    continue;
                }
                int before = errors.size();
                String typeWord = text(e.get("type"), at + ".type");
                EngagementType type = null;
                if (typeWord == null) {
                    if (errors.size() == before) {
                        error(at + ".type", LeadRulesJson.REQUIRED);
                    }
                } else {
                    type = TYPES.get(constant(typeWord));
                    if (type == null) {
                        error(at + ".type", LeadRulesJson.UNKNOWN_VALUE);
                    }
                }
                int beforeTime = errors.size();
                Instant time = instant(e.get("at"), at + ".at");
                if (time == null && errors.size() == beforeTime) {
                    error(at + ".at", LeadRulesJson.REQUIRED);
                }
                String detail = text(e.get("detail"), at + ".detail");
                String industry = text(e.get("industry"), at + ".industry");
                if (errors.size() == before) {
                    events.add(new EngagementEvent(type, time, detail, industry));
                }
            }
            return events;
        }

        Map<String, String> attributes() {
            JsonNode v = value(LeadField.ATTRIBUTES);
            Map<String, String> out = new java.util.LinkedHashMap<>();
            if (v == null) {
                return out;
            }
            if (!v.isObject()) {
                error(LeadField.ATTRIBUTES.key(), LeadRulesJson.WRONG_TYPE);
                return out;
            }
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode a = e.getValue();
                if (a.isNull()) {
                    continue;
                }
                if (a.isTextual()) {
                    out.put(e.getKey(), a.textValue());
                } else if (a.isNumber() || a.isBoolean()) {
                    out.put(e.getKey(), a.asText());
                } else {
                    error(LeadField.ATTRIBUTES.key() + "." + e.getKey(), LeadRulesJson.WRONG_TYPE);
                }
            }
            return out;
        }
    }

    /** An enum constant's spelling: upper case, spaces and hyphens as underscores. */
    static String constant(String word) {
        return word.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}

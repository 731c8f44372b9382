package io.github.leadrules.calibrate.internal;

import io.github.leadrules.model.Company;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.policy.LeadPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The fields of a set of leads, and their values. */
public final class Fields {

    /** Share of non-blank values that must read as numbers for an undeclared attribute to be numeric, in percent. */
    public static final int NUMERIC_PERCENT = 95;

    private record Standard(String name, FieldSpec.Kind kind, Function<Lead, String> value, String absent) {
    }

    /** Standard fields in report order; {@code absent} is the value a lead has when the input had none. */
    private static final List<Standard> STANDARD = List.of(
            new Standard("source", FieldSpec.Kind.TEXT, Lead::source, null),
            new Standard("jobTitle", FieldSpec.Kind.TEXT, Lead::jobTitle, null),
            new Standard("inquiryType", FieldSpec.Kind.CHOICE, l -> enumValue(l.inquiryType()), null),
            new Standard("purchaseTimeframe", FieldSpec.Kind.CHOICE, l -> enumValue(l.purchaseTimeframe()), null),
            new Standard("budgetStatus", FieldSpec.Kind.CHOICE, l -> enumValue(l.budgetStatus()), null),
            new Standard("consent", FieldSpec.Kind.CHOICE, l -> enumValue(l.consent()), null),
            new Standard("company.name", FieldSpec.Kind.TEXT, l -> company(l, Company::name), null),
            new Standard("company.domain", FieldSpec.Kind.TEXT, l -> company(l, Company::domain), null),
            new Standard("company.industry", FieldSpec.Kind.TEXT, l -> company(l, Company::industry), null),
            new Standard("company.employeeCount", FieldSpec.Kind.NUMBER,
                    l -> company(l, c -> c.employeeCount() == null ? null : c.employeeCount().toString()), null),
            new Standard("company.annualRevenue", FieldSpec.Kind.NUMBER,
                    l -> company(l, c -> c.annualRevenue() == null ? null : c.annualRevenue().toString()), null),
            new Standard("company.country", FieldSpec.Kind.TEXT, l -> company(l, Company::country), null),
            new Standard("email", FieldSpec.Kind.PRESENCE, Lead::email, null),
            new Standard("phone", FieldSpec.Kind.PRESENCE, Lead::phone, null),
            new Standard("contactName", FieldSpec.Kind.PRESENCE, Lead::contactName, null),
            new Standard("submittedAt", FieldSpec.Kind.DATE, l -> l.submittedAt() == null ? null : l.submittedAt().toString(), null),
            new Standard("lastSalesActivity", FieldSpec.Kind.DATE,
                    l -> l.lastSalesActivity() == null ? null : l.lastSalesActivity().toString(), null));

    private static final Map<String, Standard> BY_NAME = new LinkedHashMap<>();

    static {
        for (Standard s : STANDARD) {
            BY_NAME.put(s.name(), s);
        }
    }

    private Fields() {
    }

    /**
     * A standard choice as the policy's signals spell it: the enum constant in camelCase
     * ({@code CONTACT_SALES} is {@code contactSales}, {@code WITHIN_1_MONTH} {@code within1Month});
     * the "not stated" constant ({@code OTHER}, {@code UNKNOWN}) is missing.
     */
    static String enumValue(Enum<?> e) {
        if (e == null || e.name().equals("OTHER") || e.name().equals("UNKNOWN")) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : e.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            sb.append(sb.length() == 0 || part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return sb.toString();
    }

    private static String company(Lead lead, Function<Company, String> f) {
        return lead.company() == null ? null : f.apply(lead.company());
    }

    /** The raw value of a field of a lead (standard or attribute), or null. */
    public static String raw(Lead lead, String field) {
        Standard s = BY_NAME.get(field);
        return s != null ? s.value().apply(lead) : lead.attribute(field);
    }

    /** Whether a raw value is blank or a placeholder of the policy. */
    public static boolean missing(String raw, LeadPolicy policy) {
        return raw == null || raw.isBlank() || policy.isMissingValue(raw);
    }

    /**
     * The fields of these leads: standard fields holding a value in some lead (an enum field: a
     * value other than its default), the base policy's declared fields, then every other
     * attribute, its kind inferred.
     */
    public static List<FieldSpec> discover(List<Lead> leads, LeadPolicy policy) {
        List<FieldSpec> out = new ArrayList<>();
        for (Standard s : STANDARD) {
            boolean present = false;
            for (Lead l : leads) {
                String v = s.value().apply(l);
                if (!missing(v, policy) && !v.equals(s.absent())) {
                    present = true;
                    break;
                }
            }
            if (present) {
                out.add(new FieldSpec(s.name(), s.kind(), true, null, null));
            }
        }
        Set<String> attributes = new LinkedHashSet<>(policy.fields().keySet());
        for (Lead l : leads) {
            attributes.addAll(l.attributes().keySet());
        }
        for (String name : attributes) {
            if (BY_NAME.containsKey(name)) {
                continue;
            }
            FieldType declared = policy.fields().get(name);
            if (declared != null) {
                out.add(new FieldSpec(name, kindOf(declared), false, declared, null));
            } else {
                boolean numeric = isNumeric(leads, name, policy);
                out.add(new FieldSpec(name, numeric ? FieldSpec.Kind.NUMBER : FieldSpec.Kind.TEXT, false, null,
                        numeric ? FieldType.number() : FieldType.text()));
            }
        }
        return out;
    }

    static FieldSpec.Kind kindOf(FieldType type) {
        return switch (type.kind()) {
            case NUMBER, INTEGER -> FieldSpec.Kind.NUMBER;
            case FLAG -> FieldSpec.Kind.FLAG;
            case DATE -> FieldSpec.Kind.DATE;
            case CHOICE -> FieldSpec.Kind.CHOICE;
            default -> FieldSpec.Kind.TEXT;
        };
    }

    /** The spec of a field by name: a standard field's, else an attribute of the declared type (text when null). */
    static FieldSpec spec(String name, FieldType declared) {
        Standard s = BY_NAME.get(name);
        if (s != null) {
            return new FieldSpec(name, s.kind(), true, null, null);
        }
        FieldType type = declared == null ? FieldType.text() : declared;
        return new FieldSpec(name, kindOf(type), false, type, null);
    }

    /** At least {@value #NUMERIC_PERCENT} % of the attribute's non-blank values read as numbers (and there is one). */
    static boolean isNumeric(List<Lead> leads, String name, LeadPolicy policy) {
        long present = 0;
        long numbers = 0;
        for (Lead l : leads) {
            String v = l.attribute(name);
            if (!missing(v, policy)) {
                present++;
                if (Text.number(v) != null) {
                    numbers++;
                }
            }
        }
        return present > 0 && numbers * 100 >= present * NUMERIC_PERCENT;
    }
}

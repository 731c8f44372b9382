package io.github.leadrules.policy;

import io.github.leadrules.internal.text.Countries;
import io.github.leadrules.internal.text.Text;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.policy.Condition.Operator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks signals against the fields they read: the field exists (declared, or standard), the
 * operator fits its kind, the values read as that kind. Shared by the builder, the policy file
 * and the signals sheet, which place each problem at its line and column.
 */
final class SignalChecks {

    /** The standard lead fields a condition may read, by the names the CLI map uses. */
    static final Map<String, FieldType> STANDARD;

    static {
        Map<String, FieldType> m = new LinkedHashMap<>();
        for (String f : List.of("source", "jobTitle", "email", "phone", "contactName", "company.name", "company.domain",
                "company.industry", "company.country")) {
            m.put(f, FieldType.text());
        }
        m.put("company.employeeCount", FieldType.integer());
        m.put("company.annualRevenue", FieldType.integer());
        m.put("submittedAt", FieldType.date("yyyy-MM-dd"));
        m.put("lastSalesActivity", FieldType.date("yyyy-MM-dd"));
        m.put("inquiryType", choice(io.github.leadrules.model.InquiryType.class, "OTHER"));
        m.put("purchaseTimeframe", choice(io.github.leadrules.model.PurchaseTimeframe.class, "UNKNOWN"));
        m.put("budgetStatus", choice(io.github.leadrules.model.BudgetStatus.class, "UNKNOWN"));
        m.put("consent", choice(io.github.leadrules.model.Consent.class, "UNKNOWN"));
        STANDARD = java.util.Collections.unmodifiableMap(m);
    }

    /** The enum's stated constants as choices, camel case as the policy file writes them; "not stated" left out. */
    private static <E extends Enum<E>> FieldType choice(Class<E> type, String notStated) {
        List<String> values = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (!e.name().equals(notStated)) {
                values.add(PolicyFile.camel(e.name()));
            }
        }
        return new FieldType(FieldType.Kind.CHOICE, List.of(), values);
    }

    private static final Set<FieldType.Kind> ORDERED = EnumSet.of(FieldType.Kind.NUMBER, FieldType.Kind.INTEGER, FieldType.Kind.DATE);
    private static final Set<FieldType.Kind> LISTED = EnumSet.of(FieldType.Kind.TEXT, FieldType.Kind.CHOICE,
            FieldType.Kind.NUMBER, FieldType.Kind.INTEGER);

    private SignalChecks() {
    }

    /**
     * One problem of a signal.
     *
     * @param condition the condition's index, or -1 for the signal itself
     * @param atValue   whether it is the operator's value at fault (else the field's name)
     * @param valueIndex the value's index in the operator's list, or -1
     * @param message   what is wrong
     */
    record Issue(int condition, boolean atValue, int valueIndex, String message) {
    }

    /** The type a condition's field reads as: declared first, then standard; null when neither. */
    static FieldType typeOf(String field, Map<String, FieldType> declared) {
        FieldType t = declared.get(field);
        return t != null ? t : STANDARD.get(field);
    }

    static List<Issue> check(Signal signal, Map<String, FieldType> declared) {
        List<Issue> out = new ArrayList<>();
        for (int i = 0; i < signal.conditions().size(); i++) {
            check(i, signal.conditions().get(i), declared, out);
        }
        return out;
    }

    private static void check(int index, Condition c, Map<String, FieldType> declared, List<Issue> out) {
        if (!Signal.printable(c.field(), false)) {
            out.add(new Issue(index, false, -1, "a field name must not contain control or format characters"));
            return;
        }
        FieldType type = typeOf(c.field(), declared);
        if (type == null) {
            Set<String> known = new TreeSet<>(declared.keySet());
            known.addAll(STANDARD.keySet());
            out.add(new Issue(index, false, -1, "unknown field " + PolicyFileException.quote(c.field())
                    + suggestion(c.field(), known) + " (declare it in fields:, or use a standard field: "
                    + String.join(", ", STANDARD.keySet()) + ")"));
            return;
        }
        FieldType.Kind kind = type.kind();
        Operator op = c.operator();
        boolean fits = switch (op) {
            case EQUALS, MISSING, PRESENT -> true;
            case IN, NOT_IN -> LISTED.contains(kind);
            case AT_LEAST, BELOW, BETWEEN -> ORDERED.contains(kind);
            case CONTAINS_ANY -> kind == FieldType.Kind.TEXT;
            case WITHIN_DAYS -> kind == FieldType.Kind.DATE;
        };
        if (!fits) {
            out.add(new Issue(index, true, -1, op.fileName() + " does not fit " + c.field() + ", a " + type.kindName()
                    + " field (" + op.fileName() + " takes " + kindsOf(op) + ")"));
            return;
        }
        for (int v = 0; v < c.values().size(); v++) {
            String message = valueProblem(c, type, c.field(), c.values().get(v));
            if (message != null) {
                out.add(new Issue(index, true, c.values().size() > 1 || op == Operator.IN || op == Operator.NOT_IN
                        || op == Operator.CONTAINS_ANY ? v : -1, message));
            }
        }
        if (op == Operator.BETWEEN && out.stream().noneMatch(i -> i.condition() == index)) {
            boolean ordered = kind == FieldType.Kind.DATE
                    ? Condition.isoDate(c.values().get(0)).isBefore(Condition.isoDate(c.values().get(1)))
                    : Condition.number(c.values().get(0)).compareTo(Condition.number(c.values().get(1))) < 0;
            if (!ordered) {
                out.add(new Issue(index, true, -1, "between: the low value must be below the high one, got "
                        + PolicyFileException.quote(c.values().get(0)) + " and " + PolicyFileException.quote(c.values().get(1))));
            }
        }
    }

    private static String kindsOf(Operator op) {
        return switch (op) {
            case IN, NOT_IN -> "text, choice, number and integer fields";
            case AT_LEAST, BELOW, BETWEEN -> "number, integer and date fields";
            case CONTAINS_ANY -> "text fields";
            case WITHIN_DAYS -> "date fields, submittedAt and lastSalesActivity";
            default -> "any field";
        };
    }

    private static String valueProblem(Condition c, FieldType type, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return "a value must not be blank (to match a blank value, write missing: true)";
        }
        if (raw.length() > PolicyFile.MAX_VALUE_CHARS) {
            return "a value must be at most " + PolicyFile.MAX_VALUE_CHARS + " characters";
        }
        if (!Signal.printable(raw, true)) {
            return "a value must not contain control or format characters";
        }
        if (c.operator() == Operator.WITHIN_DAYS) {
            BigDecimal n = Condition.number(raw);
            if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(36_500)) > 0) {
                return "withinDays: expected a whole number of days from 0 to 36500, got " + PolicyFileException.quote(raw);
            }
            return null;
        }
        switch (type.kind()) {
            case NUMBER, INTEGER -> {
                BigDecimal n = Condition.number(raw);
                if (n == null || n.precision() - n.scale() > 30 || n.scale() > 30) {
                    return "expected a number for " + field + ", a " + type.kindName() + " field, got " + PolicyFileException.quote(raw);
                }
            }
            case DATE -> {
                if (Condition.isoDate(raw) == null) {
                    return "expected a date as yyyy-MM-dd for " + field + ", got " + PolicyFileException.quote(raw);
                }
            }
            case FLAG -> {
                String v = raw.strip().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    return "expected true or false for " + field + ", a flag field, got " + PolicyFileException.quote(raw);
                }
            }
            case CHOICE -> {
                if (canonicalChoice(type, raw) == null) {
                    return PolicyFileException.quote(raw) + " is not one of the values of " + field + " ("
                            + String.join(", ", type.values()) + ")" + suggestion(raw, type.values());
                }
            }
            case TEXT -> {
                if (field.equals("company.country") && c.operator() != Operator.CONTAINS_ANY
                        && Countries.toAlpha2(raw).isEmpty()) {
                    return "unknown country " + PolicyFileException.quote(raw) + " (write a name such as Japan or 日本, or a code such as JP)";
                }
                if (Text.key(raw) == null) {
                    return "a value must not be blank";
                }
            }
        }
        return null;
    }

    /** The allowed value as the policy spells it, matched ignoring case, width, spaces, hyphens and underscores; null when none. */
    static String canonicalChoice(FieldType type, String raw) {
        String wanted = choiceKey(raw);
        for (String v : type.values()) {
            if (choiceKey(v).equals(wanted)) {
                return v;
            }
        }
        return null;
    }

    private static String choiceKey(String s) {
        String k = Text.key(s);
        return k == null ? "" : k.replaceAll("[\\s_-]", "");
    }

    /** Ids used twice, and names used twice, among the signals. */
    static String duplicates(Collection<Signal> signals) {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Signal s : signals) {
            if (!ids.add(s.id())) {
                return "duplicate signal id " + s.id();
            }
            if (!names.add(s.name())) {
                return "two signals are named " + PolicyFileException.quote(s.name()) + " (" + s.id()
                        + " and another); rule names must be unique";
            }
        }
        return null;
    }

    static String suggestion(String key, Collection<String> known) {
        return PolicyFile.suggestion(key, known, 4);
    }

    /** Whether a date value parsed (for tests of the generator). */
    static LocalDate date(String raw) {
        return Condition.isoDate(raw);
    }
}

package io.github.leadrules.internal;

import io.github.leadrules.internal.text.Countries;
import io.github.leadrules.internal.text.Text;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.Stage;
import io.github.leadrules.policy.Condition;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Signal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles the policy's signals into DRL: one rule per signal, named by the signal's name, with its
 * id as {@code @id} and its stage as ruleflow-group. Conditions read the lead through the typed
 * {@code LeadContext} accessors ({@code number("x")}, {@code key("source")}, {@code date("x")} …)
 * and the standard getters ({@code employeeCount}, {@code inquiryType} …); consequences record
 * through {@code addUrgency}, {@code capUrgency} and {@code exclude}.
 *
 * <p>Every value from the policy goes into the text as an escaped string literal, a number or a
 * {@code LocalDate.of(...)}; the policy checks refuse control characters in names, reasons and
 * values, so that no value can end a literal, a line or a rule.
 */
public final class SignalRules {

    /** The name the generated rules' source has in the catalogue and in build errors. */
    public static final String SOURCE_NAME = "policy signals";

    private static final Map<String, String> ENUMS = Map.of(
            "inquiryType", "InquiryType",
            "purchaseTimeframe", "PurchaseTimeframe",
            "budgetStatus", "BudgetStatus",
            "consent", "Consent");
    private static final Map<String, String> NOT_STATED = Map.of(
            "inquiryType", "OTHER", "purchaseTimeframe", "UNKNOWN", "budgetStatus", "UNKNOWN", "consent", "UNKNOWN");

    private SignalRules() {
    }

    /** {@return the generated rules as a rule source, or null when the policy has no signals} */
    public static RuleSource source(LeadPolicy policy) {
        return policy == null || policy.signals().isEmpty() ? null : new RuleSource(SOURCE_NAME, drl(policy), false);
    }

    /**
     * The DRL of the policy's signals.
     *
     * @param policy the policy
     * @return the DRL text; a package with no rules when there are no signals
     */
    public static String drl(LeadPolicy policy) {
        StringBuilder out = new StringBuilder();
        out.append("// Generated from the policy's signals by lead-rules; change the policy, not this text.\n");
        out.append("package io.github.leadrules.signals;\n\n");
        out.append("import io.github.leadrules.rules.LeadContext;\n");
        out.append("import io.github.leadrules.model.BudgetStatus;\n");
        out.append("import io.github.leadrules.model.Consent;\n");
        out.append("import io.github.leadrules.model.InquiryType;\n");
        out.append("import io.github.leadrules.model.PurchaseTimeframe;\n");
        out.append("import io.github.leadrules.model.UrgencyLevel;\n");
        out.append("import java.time.LocalDate;\n");
        for (Signal s : policy.signals()) {
            out.append('\n');
            rule(out, s, policy);
        }
        return out.toString();
    }

    private static void rule(StringBuilder out, Signal s, LeadPolicy policy) {
        out.append("// ").append(oneLine(s.reason())).append('\n');
        out.append("rule ").append(literal(s.name())).append('\n');
        out.append("    @id(").append(literal(s.id())).append(")\n");
        out.append("    ruleflow-group \"").append(s.stage() == Stage.EXCLUSION ? "exclusion" : "urgency").append("\"\n");
        out.append("when\n");
        String indent = "    $lead : LeadContext( ";
        String pad = " ".repeat(indent.length());
        List<Condition> conditions = s.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            out.append(i == 0 ? indent : pad).append(constraint(conditions.get(i), policy))
                    .append(i == conditions.size() - 1 ? " )\n" : ",\n");
        }
        out.append("then\n");
        String reason = literal(s.reason());
        if (s.stage() == Stage.EXCLUSION) {
            out.append("    $lead.exclude(").append(reason).append(");\n");
        } else {
            if (s.points().isPresent()) {
                out.append("    $lead.addUrgency(").append(s.points().getAsInt()).append(", ").append(reason).append(");\n");
            }
            if (s.cap().isPresent()) {
                out.append("    $lead.capUrgency(UrgencyLevel.").append(s.cap().get().name()).append(", ").append(reason).append(");\n");
            }
        }
        out.append("end\n");
    }

    private static String constraint(Condition c, LeadPolicy policy) {
        String f = c.field();
        FieldType declared = policy.fields().get(f);
        FieldType type = declared != null ? declared : Condition.standardFields().get(f);
        List<String> values = c.values();
        String enumType = declared == null ? ENUMS.get(f) : null;
        if (enumType != null) {
            String v = f;
            String notStated = enumType + "." + NOT_STATED.get(f);
            return switch (c.operator()) {
                case EQUALS -> v + " == " + enumConstant(enumType, type, values.get(0));
                case IN -> v + " in (" + join(values, x -> enumConstant(enumType, type, x)) + ")";
                case NOT_IN -> v + " != " + notStated + " && " + v + " not in (" + join(values, x -> enumConstant(enumType, type, x)) + ")";
                case MISSING -> v + " == " + notStated;
                case PRESENT -> v + " != " + notStated;
                default -> throw new IllegalStateException("checked by the policy: " + c.operator());
            };
        }
        switch (type.kind()) {
            case NUMBER, INTEGER -> {
                String v = declared != null ? "number(" + literal(f) + ")"
                        : f.equals("company.employeeCount") ? "employeeCount" : "annualRevenue";
                return ordered(c, v, SignalRules::number);
            }
            case DATE -> {
                if (c.operator() == Condition.Operator.WITHIN_DAYS) {
                    return "withinDays(" + literal(f) + ", " + Integer.parseInt(values.get(0).strip()) + ")";
                }
                String v = declared != null ? "date(" + literal(f) + ")"
                        : f.equals("submittedAt") ? "submittedDate" : "lastSalesActivityDate";
                return ordered(c, v, SignalRules::date);
            }
            case FLAG -> {
                String v = "flag(" + literal(f) + ")";
                return switch (c.operator()) {
                    case EQUALS -> v + " == " + Boolean.parseBoolean(values.get(0).strip().toLowerCase(Locale.ROOT));
                    case MISSING -> v + " == null";
                    case PRESENT -> v + " != null";
                    default -> throw new IllegalStateException("checked by the policy: " + c.operator());
                };
            }
            case CHOICE -> {
                String v = "text(" + literal(f) + ")";
                return listed(c, v, x -> literal(choice(type, x)));
            }
            default -> {
                String key = "key(" + literal(f) + ")";
                if (c.operator() == Condition.Operator.CONTAINS_ANY) {
                    StringBuilder any = new StringBuilder(key + " != null && (");
                    for (int i = 0; i < values.size(); i++) {
                        any.append(i == 0 ? "" : " || ").append(key).append(".contains(").append(literal(Text.key(values.get(i)))).append(')');
                    }
                    return any.append(')').toString();
                }
                if (declared == null && f.equals("company.country") && isListed(c)) {
                    return listed(c, "countryCode", x -> literal(Countries.toAlpha2(x).orElseThrow()));
                }
                if (declared == null && f.equals("company.industry") && isListed(c)) {
                    return listed(c, "industryKey", x -> literal(policy.industryKey(x)));
                }
                return listed(c, key, x -> literal(Text.key(x)));
            }
        }
    }

    private static boolean isListed(Condition c) {
        return c.operator() == Condition.Operator.EQUALS || c.operator() == Condition.Operator.IN
                || c.operator() == Condition.Operator.NOT_IN;
    }

    /** equals, in, notIn, missing, present over a value expression. */
    private static String listed(Condition c, String v, java.util.function.Function<String, String> literal) {
        List<String> values = c.values();
        return switch (c.operator()) {
            case EQUALS -> v + " == " + literal.apply(values.get(0));
            case IN -> v + " in (" + join(values, literal) + ")";
            case NOT_IN -> v + " != null && " + v + " not in (" + join(values, literal) + ")";
            case MISSING -> v + " == null";
            case PRESENT -> v + " != null";
            default -> throw new IllegalStateException("checked by the policy: " + c.operator());
        };
    }

    /** Every operator of an ordered kind (numbers, dates). */
    private static String ordered(Condition c, String v, java.util.function.Function<String, String> literal) {
        List<String> values = c.values();
        return switch (c.operator()) {
            case AT_LEAST -> v + " >= " + literal.apply(values.get(0));
            case BELOW -> v + " < " + literal.apply(values.get(0));
            case BETWEEN -> v + " >= " + literal.apply(values.get(0)) + " && " + v + " < " + literal.apply(values.get(1));
            default -> listed(c, v, literal);
        };
    }

    private static String join(List<String> values, java.util.function.Function<String, String> literal) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(literal.apply(v));
        }
        return String.join(", ", out);
    }

    /** A number as DRL writes it: a plain integer when it is one (and fits), else a BigDecimal literal. */
    static String number(String raw) {
        BigDecimal n = new BigDecimal(raw.strip().replace("_", ""));
        BigDecimal whole = n.stripTrailingZeros();
        if (whole.scale() <= 0 && whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                && whole.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0) {
            return whole.toBigInteger().toString();
        }
        return n.toPlainString() + "B";
    }

    private static String date(String raw) {
        LocalDate d = LocalDate.parse(raw.strip());
        return "LocalDate.of(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ")";
    }

    private static String choice(FieldType type, String raw) {
        String wanted = choiceKey(raw);
        for (String v : type.values()) {
            if (choiceKey(v).equals(wanted)) {
                return v;
            }
        }
        throw new IllegalStateException("checked by the policy: not a choice");
    }

    private static String enumConstant(String enumType, FieldType type, String raw) {
        String camel = choice(type, raw);
        StringBuilder constant = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch) || (Character.isDigit(ch) && constant.length() > 0
                    && !Character.isDigit(constant.charAt(constant.length() - 1)))) {
                constant.append('_');
            }
            constant.append(Character.toUpperCase(ch));
        }
        return enumType + "." + constant;
    }

    private static String choiceKey(String s) {
        String k = Text.key(s);
        return k == null ? "" : k.replaceAll("[\\s_-]", "");
    }

    /**
     * A string literal that DRL, MVEL and Java read back as the same text: backslash and quote
     * escaped, line breaks and tabs as {@code \n}, {@code \r}, {@code \t}, any other control or
     * format character as a Unicode escape. (The policy refuses those; this is the second line.)
     */
    static String literal(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (!printable(cp)) {
                        // Never written as a \\u escape: Java reads those before it reads the literal.
                        throw new IllegalArgumentException("a policy value with a control character cannot be compiled");
                    }
                    out.appendCodePoint(cp);
                }
            }
        }
        return out.append('"').toString();
    }

    /** Whether a character may stand in a literal as itself: no control, format or unpaired surrogate, no line separator. */
    public static boolean printable(int cp) {
        int type = Character.getType(cp);
        return !Character.isISOControl(cp) && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    /** A comment line: control characters become spaces, so the comment cannot end early. */
    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            out.append(Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029' || ch == '\u0085' ? ' ' : ch);
        }
        return out.toString().strip();
    }
}

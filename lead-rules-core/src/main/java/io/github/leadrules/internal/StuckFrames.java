package io.github.leadrules.internal;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Reads the stack of a thread stuck in a rule condition for the code the engine called. The classic
 * DRL compiler puts a rule's {@code eval}, consequence and Java-dialect code in classes named
 * {@code Rule_<name><number>…} in the rule's package, the name with spaces as underscores and other
 * characters that cannot be in a Java name as {@code $u<code>$}; an inline constraint is MVEL or a
 * generated {@code ConditionEvaluator…} class that names no rule, but the host method it calls is
 * still worth naming. Best effort: nothing here is relied upon for a decision.
 */
final class StuckFrames {

    /** What the engine was running: a rule, or else the first frame of other code, or nothing known. */
    record Entry(Rule rule, String method) {
        static final Entry UNKNOWN = new Entry(null, null);
    }

    private StuckFrames() {
    }

    /**
     * From the outermost frame inwards: past the caller's frames to the engine's, then past the
     * engine, reflection and generated evaluators, the first frame left is the code the engine
     * called.
     */
    static Entry entry(StackTraceElement[] stack, KieBase base) {
        boolean inEngine = false;
        for (int i = stack.length - 1; i >= 0; i--) {
            String className = stack[i].getClassName();
            if (isEngine(className)) {
                inEngine = true;
                continue;
            }
            if (!inEngine || isPlumbing(className)) {
                continue;
            }
            Rule rule = ruleOf(className, base);
            return new Entry(rule, rule == null ? className + "." + stack[i].getMethodName() : null);
        }
        return Entry.UNKNOWN;
    }

    /** The rule whose generated class this is, or null; the longest matching rule name wins. */
    static Rule ruleOf(String className, KieBase base) {
        int dot = className.lastIndexOf('.');
        String packageName = dot < 0 ? "" : className.substring(0, dot);
        String simpleName = className.substring(dot + 1);
        if (!simpleName.startsWith("Rule_")) {
            return null;
        }
        Rule best = null;
        int bestLength = -1;
        for (KiePackage pkg : base.getKiePackages()) {
            if (!pkg.getName().equals(packageName)) {
                continue;
            }
            for (Rule rule : pkg.getRules()) {
                String prefix = "Rule_" + legalName(rule.getName());
                if (simpleName.length() > prefix.length() && simpleName.startsWith(prefix)
                        && Character.isDigit(simpleName.charAt(prefix.length())) && prefix.length() > bestLength) {
                    best = rule;
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    /** A rule name as the DRL compiler writes it into a class name. */
    static String legalName(String ruleName) {
        StringBuilder sb = new StringBuilder(ruleName.length());
        for (char c : ruleName.replace(' ', '_').toCharArray()) {
            if (c == '$') {
                sb.append("_dollar_");
            } else if (Character.isJavaIdentifierPart(c)) {
                sb.append(c);
            } else {
                sb.append("$u").append((int) c).append('$');
            }
        }
        return sb.toString();
    }

    private static boolean isEngine(String className) {
        return className.startsWith("org.drools.") || className.startsWith("org.mvel2.") || className.startsWith("org.kie.");
    }

    private static boolean isPlumbing(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("ConditionEvaluator") || className.contains("$$Lambda");
    }
}

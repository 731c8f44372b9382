package io.github.leadrules.internal;

import org.drools.core.impl.InternalRuleBase;
import org.drools.model.functions.Predicate1;
import org.drools.model.functions.Predicate2;
import org.drools.model.functions.Predicate3;
import org.drools.model.functions.Predicate4;
import org.drools.model.functions.Predicate5;
import org.drools.model.functions.PredicateInformation;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the stack of a thread stuck in a rule condition for the code the engine called. The classic
 * DRL compiler puts a rule's {@code eval}, consequence and Java-dialect code in classes named
 * {@code Rule_<name><number>…} in the rule's package, the name with spaces as underscores and other
 * characters that cannot be in a Java name as {@code $u<code>$}; an inline constraint is MVEL or a
 * generated {@code ConditionEvaluator…} class that names no rule, but the host method it calls is
 * still worth naming. Drools' executable model (precompiled rules) puts every condition in a class
 * {@code <rule package>.P<two hex digits>.LambdaPredicate<hash>} whose {@code predicateInformation()}
 * names the rules that share it; when it names one rule of this rule base, that rule is the one,
 * otherwise the class is passed over like the engine's own. Best effort: nothing here is relied
 * upon for a decision.
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
            if (rule == null && isModelLambda(className)) {
                continue; // a condition several rules share, or one that cannot be read: the code it calls is named
            }
            return new Entry(rule, rule == null ? className + "." + stack[i].getMethodName() : null);
        }
        return Entry.UNKNOWN;
    }

    /** The rule whose generated class this is, or null; the longest matching rule name wins. */
    static Rule ruleOf(String className, KieBase base) {
        int dot = className.lastIndexOf('.');
        String packageName = dot < 0 ? "" : className.substring(0, dot);
        String simpleName = className.substring(dot + 1);
        if (isModelLambda(className)) {
            return lambdaRuleOf(className, base);
        }
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

    /** Whether the class is one of the executable model's lambdas: {@code <package>.P<2 hex digits>.Lambda…}. */
    static boolean isModelLambda(String className) {
        int dot = className.lastIndexOf('.');
        int bucket = dot < 0 ? -1 : className.lastIndexOf('.', dot - 1);
        return dot - bucket == 4 && className.charAt(bucket + 1) == 'P' && isHexDigit(className.charAt(bucket + 2))
                && isHexDigit(className.charAt(bucket + 3)) && className.startsWith("Lambda", dot + 1);
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }

    /**
     * The one rule of the base, in the lambda's rule package, that the lambda's predicate
     * information names; null when it names none or several, or the class cannot be read.
     */
    private static Rule lambdaRuleOf(String className, KieBase base) {
        int bucket = className.lastIndexOf('.', className.lastIndexOf('.') - 1);
        String rulePackage = bucket < 0 ? "" : className.substring(0, bucket);
        PredicateInformation info = predicateInformation(className, base);
        if (info == null || info.isMoreThanMaxRuleDefs()) {
            return null; // unknown, or not every rule that shares it is listed
        }
        Rule found = null;
        for (PredicateInformation.RuleDef def : info.getRuleDefs()) {
            Rule rule = base.getRule(rulePackage, def.getRuleName());
            if (rule != null) {
                if (found != null && found != rule) {
                    return null;
                }
                found = rule;
            }
        }
        return found;
    }

    /** The predicate information of a generated condition class, from whichever loader holds it, or null. */
    private static PredicateInformation predicateInformation(String className, KieBase base) {
        List<ClassLoader> loaders = new ArrayList<>(3);
        loaders.add(StuckFrames.class.getClassLoader());
        if (base instanceof InternalRuleBase internal && internal.getRootClassLoader() != null) {
            loaders.add(internal.getRootClassLoader());
        }
        if (Thread.currentThread().getContextClassLoader() != null) {
            loaders.add(Thread.currentThread().getContextClassLoader());
        }
        for (ClassLoader loader : loaders) {
            try {
                Class<?> type = Class.forName(className, false, loader);
                Object[] constants = type.getEnumConstants();
                Object lambda = constants != null && constants.length == 1 ? constants[0] : null;
                if (lambda instanceof Predicate1<?> p) {
                    return p.predicateInformation();
                }
                if (lambda instanceof Predicate2<?, ?> p) {
                    return p.predicateInformation();
                }
                if (lambda instanceof Predicate3<?, ?, ?> p) {
                    return p.predicateInformation();
                }
                if (lambda instanceof Predicate4<?, ?, ?, ?> p) {
                    return p.predicateInformation();
                }
                if (lambda instanceof Predicate5<?, ?, ?, ?, ?> p) {
                    return p.predicateInformation();
                }
                return null;
            } catch (ClassNotFoundException e) {
                // not this loader's
            } catch (RuntimeException | LinkageError e) {
                return null;
            }
        }
        return null;
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

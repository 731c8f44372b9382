package io.github.leadrules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds rule declarations in DRL text by line, with the comment directly above each. Drools knows
 * where a compile error is, but not which file a compiled rule came from once the rule base is
 * built; this fills that gap for error messages and the rule catalogue. It is a line scanner, not
 * a parser: a {@code rule} keyword must start its line (after any block comment), as in every
 * conventional DRL file; rules inside block comments are ignored.
 */
public final class DrlScanner {

    /** One declared rule. */
    public record Declared(String packageName, String name, int line, int endLine, String comment) {
    }

    /**
     * One method call in a rule's consequence on a variable the rule binds, e.g.
     * {@code $lead.addUrgency(...)}.
     *
     * @param receiverType the simple name of the bound fact's type ({@code "LeadContext"}), or of the
     *                     type a bound property is known to have ({@code $c : context} inside an
     *                     {@code Assessment} pattern is a {@code LeadContext})
     * @param method       the method's name
     * @param line         1-based line of the method name
     * @param column       1-based column of the method name
     */
    public record Call(String receiverType, String method, int line, int column) {
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?\\s*(?://.*)?$");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(?://.*)?$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*//\\s?(.*)$");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b");
    /** {@code $lead : LeadContext(} or {@code $a : io.github.leadrules.rules.Assessment(}. */
    private static final Pattern FACT_BINDING = Pattern.compile("([$\\w]+)\\s*:\\s*(?:[\\w]+\\.)*(\\w+)\\s*\\(");
    /** {@code $c : context} inside a pattern: the Assessment's LeadContext. */
    private static final Pattern CONTEXT_BINDING = Pattern.compile("([$\\w]+)\\s*:\\s*(?:context|getContext\\(\\s*\\))(?![\\w(.])");
    private static final Pattern CALL = Pattern.compile(
            "(?<![\\w$.])([$\\w]+)\\s*\\.\\s*(?:getContext\\(\\s*\\)\\s*\\.\\s*)?(\\w+)\\s*\\(");

    /**
     * A typed field read ({@code number("time_on_site")}) or a comparison of an attribute's text
     * with an operator that only makes sense for numbers or dates, found in DRL text.
     *
     * @param accessor {@code number}, {@code date}, {@code flag} or {@code text} for a typed read;
     *                 {@code attribute} for a text comparison
     * @param name     the field or attribute name when written as a literal, else null
     * @param operator for a text comparison, the operator ({@code >=}); else null
     * @param line     1-based line
     * @param column   1-based column of the accessor's name
     */
    public record FieldUse(String accessor, String name, String operator, int line, int column) {
    }

    private static final Pattern TYPED_READ = Pattern.compile(
            "(?<![\\w$])(number|date|flag|text)\\s*\\(\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\))?");
    /** {@code attribute("x")}, {@code attribute($name)}, {@code attributes["x"]}. */
    private static final String ATTRIBUTE = "(?<![\\w$])(?:attribute\\s*\\(\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"\\s*)?[^()]*\\)"
            + "|attributes\\s*\\[\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"\\s*)?[^\\]]*\\])";
    private static final String RELATIONAL = "(>=|<=|>(?!>)|<(?!<))";
    private static final String EQUALITY = "(==|!=)";
    private static final String NUMBER_LITERAL = "[-+]?\\d[\\d_]*(?:\\.\\d+)?[lLdDfFbB]?(?![\\w.])";
    private static final Pattern ATTRIBUTE_THEN_OPERATOR = Pattern.compile(ATTRIBUTE + "\\s*(?:" + RELATIONAL
            + "|" + EQUALITY + "\\s*(?=" + NUMBER_LITERAL + "))");
    private static final Pattern OPERATOR_THEN_ATTRIBUTE = Pattern.compile("(?:" + RELATIONAL + "|(?<=" 
            + "[\\d_lLdDfF]\\s{0,8})" + EQUALITY + ")\\s*(?:[$\\w]+\\s*\\.\\s*)*" + ATTRIBUTE);

    private DrlScanner() {
    }

    /**
     * The typed field reads and the text comparisons of attributes in DRL text, comments and
     * string contents left out: {@code attribute("x") >= 900} compares text ("96" is after "900"),
     * so is found with its operator, as is any {@code <}, {@code <=}, {@code >}, {@code >=} on an
     * attribute's text and {@code ==}/{@code !=} against a number literal.
     *
     * @param text the DRL text
     * @return the uses, in text order
     */
    public static List<FieldUse> fieldUses(String text) {
        String[] lines = text.split("\\R", -1);
        String[] code = withoutLineComments(withoutBlockComments(lines));
        String[] bare = withoutStrings(code);
        List<FieldUse> out = new ArrayList<>();
        for (int i = 0; i < code.length; i++) {
            Matcher read = TYPED_READ.matcher(code[i]);
            while (read.find()) {
                if (bare[i].charAt(read.start(1)) != code[i].charAt(read.start(1))
                        || !onLeadContext(code[i], read.start(1))) {
                    continue;
                }
                out.add(new FieldUse(read.group(1), read.group(2) == null ? null
                        : ESCAPE.matcher(read.group(2)).replaceAll("$1"), null, i + 1, read.start(1) + 1));
            }
            Matcher after = ATTRIBUTE_THEN_OPERATOR.matcher(code[i]);
            while (after.find()) {
                if (bare[i].charAt(after.start()) != code[i].charAt(after.start())) {
                    continue;
                }
                String name = after.group(1) != null ? after.group(1) : after.group(2);
                String op = after.group(3) != null ? after.group(3) : after.group(4);
                out.add(new FieldUse("attribute", name, op, i + 1, after.start() + 1));
            }
            Matcher before = OPERATOR_THEN_ATTRIBUTE.matcher(code[i]);
            while (before.find()) {
                if (bare[i].charAt(before.start()) != code[i].charAt(before.start())) {
                    continue;
                }
                String name = before.group(3) != null ? before.group(3) : before.group(4);
                String op = before.group(1) != null ? before.group(1) : before.group(2);
                int at = code[i].indexOf("attribute", before.start());
                out.add(new FieldUse("attribute", name, op, i + 1, at + 1));
            }
        }
        return out;
    }

    public static List<Declared> scan(String text) {
        String[] lines = text.split("\\R", -1);
        // Matching runs on the code of each line: block comments blanked out, so that a commented-out
        // rule is not a rule and a rule after an inline comment is.
        String[] code = withoutBlockComments(lines);
        List<Declared> out = new ArrayList<>();
        String pkg = "";
        for (int i = 0; i < lines.length; i++) {
            Matcher p = PACKAGE.matcher(code[i]);
            if (p.matches()) {
                pkg = p.group(1);
                continue;
            }
            Matcher r = RULE.matcher(code[i]);
            if (!r.find()) {
                continue;
            }
            // Drools unescapes a quoted name: rule "Say \"hi\"" is named Say "hi".
            String name = r.group(1) != null ? ESCAPE.matcher(r.group(1)).replaceAll("$1")
                    : r.group(2) != null ? r.group(2) : r.group(3);
            StringBuilder comment = new StringBuilder();
            for (int j = i - 1; j >= 0; j--) {
                Matcher c = COMMENT.matcher(lines[j]);
                if (!c.matches() || !code[j].equals(lines[j])) {
                    break;
                }
                comment.insert(0, comment.length() == 0 ? c.group(1).strip() : c.group(1).strip() + " ");
            }
            // A rule ends at its "end", or, when that is missing, just before the next rule.
            int end = i;
            while (end + 1 < lines.length && !END.matcher(code[end]).matches()
                    && !RULE.matcher(code[end + 1]).find()) {
                end++;
            }
            out.add(new Declared(pkg, name, i + 1, end + 1, comment.toString()));
        }
        return out;
    }

    /**
     * The calls the rule's consequence makes on variables its conditions bind to a fact, with the
     * fact's type: enough to tell, from the text alone, which of the library's decision methods a
     * rule calls. Comments and string literals are skipped; {@code $a.getContext().exclude(..)}
     * counts as a call on a {@code LeadContext}.
     */
    public static List<Call> consequenceCalls(String text, Declared rule) {
        String[] lines = text.split("\\R", -1);
        String[] code = withoutStrings(withoutLineComments(withoutBlockComments(lines)));
        int first = rule.line() - 1;
        int last = Math.min(rule.endLine(), lines.length) - 1;
        int then = -1;
        for (int i = first; i <= last; i++) {
            if (THEN.matcher(code[i]).find()) {
                then = i;
                break;
            }
        }
        if (then < 0) {
            return List.of();
        }
        Map<String, String> bindings = new HashMap<>();
        for (int i = first; i < then; i++) {
            Matcher fact = FACT_BINDING.matcher(code[i]);
            while (fact.find()) {
                bindings.put(fact.group(1), fact.group(2));
            }
            Matcher context = CONTEXT_BINDING.matcher(code[i]);
            while (context.find()) {
                bindings.put(context.group(1), "LeadContext");
            }
        }
        List<Call> out = new ArrayList<>();
        for (int i = then; i <= last; i++) {
            // The consequence starts after the keyword.
            String line = i == then ? " ".repeat(code[i].indexOf("then") + 4) + code[i].substring(code[i].indexOf("then") + 4)
                    : code[i];
            Matcher call = CALL.matcher(line);
            while (call.find()) {
                String type = bindings.get(call.group(1));
                if (type == null) {
                    continue;
                }
                boolean viaContext = call.group(0).contains("getContext");
                out.add(new Call(viaContext ? "LeadContext" : type, call.group(2), i + 1, call.start(2) + 1));
            }
        }
        return out;
    }

    /**
     * Whether a call at {@code at} can be one on a {@code LeadContext}: no receiver (inside a
     * {@code LeadContext( ... )} pattern), a bound variable ({@code $lead.}) or the assessment's
     * {@code context.} / {@code getContext().}; not {@code Formatter.text(...)} of some host class.
     */
    private static boolean onLeadContext(String line, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(line.charAt(i))) {
            i--;
        }
        if (i < 0 || line.charAt(i) != '.') {
            return true;
        }
        String before = line.substring(0, i).stripTrailing();
        if (before.endsWith("getContext()") || before.endsWith("context")) {
            return true;
        }
        int j = before.length() - 1;
        while (j >= 0 && (Character.isJavaIdentifierPart(before.charAt(j)))) {
            j--;
        }
        String receiver = before.substring(j + 1);
        return receiver.startsWith("$") && (j < 0 || before.charAt(j) != '.');
    }

    /** The lines with {@code //} comments blanked out (block comments must be gone already). */
    private static String[] withoutLineComments(String[] lines) {
        String[] out = new String[lines.length];
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            char quote = 0;
            int cut = line.length();
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quote != 0) {
                    if (ch == '\\') {
                        i++;
                    } else if (ch == quote) {
                        quote = 0;
                    }
                } else if (ch == '"' || ch == '\'') {
                    quote = ch;
                } else if (ch == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    cut = i;
                    break;
                }
            }
            out[n] = line.substring(0, cut) + " ".repeat(line.length() - cut);
        }
        return out;
    }

    /** The lines with the content of every string and character literal blanked out, columns kept. */
    private static String[] withoutStrings(String[] lines) {
        String[] out = new String[lines.length];
        for (int n = 0; n < lines.length; n++) {
            StringBuilder sb = new StringBuilder(lines[n]);
            char quote = 0;
            for (int i = 0; i < sb.length(); i++) {
                char ch = sb.charAt(i);
                if (quote != 0) {
                    if (ch == '\\' && i + 1 < sb.length()) {
                        sb.setCharAt(i, ' ');
                        sb.setCharAt(++i, ' ');
                    } else if (ch == quote) {
                        quote = 0;
                    } else {
                        sb.setCharAt(i, ' ');
                    }
                } else if (ch == '"' || ch == '\'') {
                    quote = ch;
                }
            }
            out[n] = sb.toString();
        }
        return out;
    }

    /**
     * The lines with every block comment blanked out by spaces, columns kept. Quoted strings are honoured, so that a
     * rule named "A /* B" does not open a comment; line comments are left in place.
     */
    private static String[] withoutBlockComments(String[] lines) {
        String[] out = new String[lines.length];
        boolean inComment = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            StringBuilder code = new StringBuilder(line.length());
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (inComment) {
                    if (ch == '*' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                        inComment = false;
                        code.append(' ');
                        i++;
                    }
                    code.append(' ');
                } else if (quote != 0) {
                    code.append(ch);
                    if (ch == '\\' && i + 1 < line.length()) {
                        code.append(line.charAt(++i));
                    } else if (ch == quote) {
                        quote = 0;
                    }
                } else if (ch == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    code.append(line, i, line.length());
                    break;
                } else if (ch == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                    inComment = true;
                    code.append("  ");
                    i++;
                } else {
                    if (ch == '"' || ch == '\'') {
                        quote = ch;
                    }
                    code.append(ch);
                }
            }
            out[n] = code.toString();
        }
        return out;
    }
}

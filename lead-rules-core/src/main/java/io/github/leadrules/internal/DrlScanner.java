package io.github.leadrules.internal;

import java.util.ArrayList;
import java.util.List;
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

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?\\s*(?://.*)?$");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(?://.*)?$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*//\\s?(.*)$");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");

    private DrlScanner() {
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
     * The lines with every block comment replaced by a space. Quoted strings are honoured, so that a
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

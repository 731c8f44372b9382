package io.github.leadrules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds rule declarations in DRL text by line, with the comment directly above each. Drools knows
 * where a compile error is, but not which file a compiled rule came from once the rule base is
 * built; this fills that gap for error messages and the rule catalogue. It is a line scanner, not
 * a parser: a {@code rule} keyword must start its line, as in every conventional DRL file.
 */
public final class DrlScanner {

    /** One declared rule. */
    public record Declared(String packageName, String name, int line, int endLine, String comment) {
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*//\\s?(.*)$");

    private DrlScanner() {
    }

    public static List<Declared> scan(String text) {
        String[] lines = text.split("\\R", -1);
        List<Declared> out = new ArrayList<>();
        String pkg = "";
        for (int i = 0; i < lines.length; i++) {
            Matcher p = PACKAGE.matcher(lines[i]);
            if (p.matches()) {
                pkg = p.group(1);
                continue;
            }
            Matcher r = RULE.matcher(lines[i]);
            if (!r.find()) {
                continue;
            }
            String name = r.group(1) != null ? r.group(1) : r.group(2) != null ? r.group(2) : r.group(3);
            StringBuilder comment = new StringBuilder();
            for (int j = i - 1; j >= 0; j--) {
                Matcher c = COMMENT.matcher(lines[j]);
                if (!c.matches()) {
                    break;
                }
                comment.insert(0, comment.length() == 0 ? c.group(1).strip() : c.group(1).strip() + " ");
            }
            int end = i;
            while (end + 1 < lines.length && !END.matcher(lines[end]).matches()) {
                end++;
            }
            out.add(new Declared(pkg, name, i + 1, end + 1, comment.toString()));
        }
        return out;
    }
}

package io.github.leadrules.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy file could not be read: it names every problem on its own line as
 * {@code file:line:column key: message}, e.g.
 *
 * <pre>
 * 2 problems in the policy file config/lead-policy.yaml:
 *   config/lead-policy.yaml:7:1 minimumEmploees: unknown key (did you mean minimumEmployees?)
 *   config/lead-policy.yaml:12:15 urgencyThresholds.high: expected a whole number, got 'fifty'
 * </pre>
 *
 * <p>{@link #problems()} gives them as values; {@link #file()}, {@link #line()} and {@link #key()}
 * are those of the first. Messages quote at most the first {@value #QUOTED_PREFIX} characters of a
 * value from the file (then "…"), with control characters escaped ({@code \n}, <code>&#92;u001B</code>),
 * and never a lead's data. At most {@value #MAX_PROBLEMS} problems are listed; a last line says how
 * many more there were.
 */
public final class PolicyFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Most characters of a value from the file that a problem quotes; a longer value ends in "…". */
    public static final int QUOTED_PREFIX = 40;

    /** Most problems listed; the ones after are counted in a last problem. */
    public static final int MAX_PROBLEMS = 100;

    /** Most characters of a problem's key path, and of its message, kept (a safety net behind {@link #QUOTED_PREFIX}). */
    private static final int MAX_KEY = 200;
    private static final int MAX_MESSAGE = 400;

    /**
     * One problem.
     *
     * @param file    the file or source name
     * @param line    1-based line, or 0 when the whole file is at fault (e.g. it cannot be read)
     * @param column  1-based column, or 0 when unknown
     * @param key     the key path at fault, e.g. {@code "teams[2].reps[0].weight"}, or null
     * @param message what is wrong
     */
    public record Problem(String file, int line, int column, String key, String message) {
        /**
         * Escapes control characters in the key and message, and cuts very long ones short.
         *
         * @param file    the file or source name
         * @param line    1-based line, or 0 when the whole file is at fault
         * @param column  1-based column, or 0 when unknown
         * @param key     the key path at fault, or null
         * @param message what is wrong
         */
        public Problem {
            key = key == null ? null : shorten(key, MAX_KEY);
            message = message == null ? null : shorten(message, MAX_MESSAGE);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(' ');
            if (key != null) {
                sb.append(key).append(": ");
            }
            return sb.append(message).toString();
        }
    }

    /** Every problem, in line order. */
    private final List<Problem> problems;

    /**
     * An exception listing the problems (at least one); beyond {@value #MAX_PROBLEMS}, the rest are
     * counted in a last problem instead of listed.
     *
     * @param problems the problems, in line order
     */
    public PolicyFileException(List<Problem> problems) {
        this(capped(problems), true);
    }

    private PolicyFileException(List<Problem> capped, boolean ignored) {
        super(render(capped));
        this.problems = capped;
    }

    private static List<Problem> capped(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PolicyFileException needs at least one problem");
        }
        if (problems.size() <= MAX_PROBLEMS) {
            return List.copyOf(problems);
        }
        List<Problem> out = new java.util.ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        out.add(new Problem(problems.get(0).file(), 0, 0, null, "… and " + (problems.size() - MAX_PROBLEMS)
                + " more problems not listed"));
        return List.copyOf(out);
    }

    /**
     * Every problem found, in line order.
     *
     * @return the problems, unmodifiable
     */
    public List<Problem> problems() {
        return problems;
    }

    /** {@return the file of the first problem} */
    public String file() {
        return problems.get(0).file();
    }

    /** {@return the line of the first problem (0 when the whole file is at fault)} */
    public int line() {
        return problems.get(0).line();
    }

    /** {@return the key of the first problem, or null} */
    public String key() {
        return problems.get(0).key();
    }

    /** A value from the file as a problem quotes it: {@code 'its first 40 characters…'}, control characters escaped. */
    static String quote(String value) {
        return "'" + shorten(value, QUOTED_PREFIX) + "'";
    }

    /** A value from the file, unquoted, shortened and escaped like {@link #quote}. */
    static String shorten(String value) {
        return shorten(value, QUOTED_PREFIX);
    }

    /**
     * The first {@code max} characters (code points) of the text, control and format characters
     * escaped, then "…" when there was more. Work stops at the cut, so a 19 MB value costs nothing.
     */
    static String shorten(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
        int shown = 0;
        int i = 0;
        while (i < text.length() && shown < max) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            shown++;
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (needsEscape(cp)) {
                        sb.append(cp > 0xFFFF ? String.format("\\U%08X", cp) : String.format("\\u%04X", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        }
        if (i < text.length()) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** Characters that could move a terminal's cursor, reorder text or break a line when echoed. */
    private static boolean needsEscape(int cp) {
        if (Character.isISOControl(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String render(List<Problem> problems) {
        String file = problems.isEmpty() ? "?" : problems.get(0).file();
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the policy file " + file + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}

package io.github.leadrules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rule set (packaged plus host rules, with the disabled ids applied) could not be built. The
 * message lists every problem on its own line as {@code file:line:column [rule] message}, readable
 * at a glance; {@link #problems()} gives them as values.
 */
public final class InvalidRulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param file    the DRL file or resource, or "(builder)" for builder misuse
     * @param line    1-based line, or 0 when unknown
     * @param column  1-based column, or 0 when unknown
     * @param rule    the rule's name, or null when the problem is not inside a rule
     * @param message what is wrong
     */
    public record Problem(String file, int line, int column, String rule, String message) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            if (rule != null) {
                sb.append(" [rule \"").append(rule).append("\"]");
            }
            return sb.append(' ').append(message).toString();
        }
    }

    /** Every problem, in file and line order. */
    private final List<Problem> problems;

    /**
     * Creates the exception; its message lists the problems one a line.
     *
     * @param problems every problem found, in file and line order
     */
    public InvalidRulesException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem found, in file and line order.
     *
     * @return the problems, unmodifiable
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the rules:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}

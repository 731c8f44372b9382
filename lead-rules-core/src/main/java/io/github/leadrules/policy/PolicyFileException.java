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
 * are those of the first. Messages quote the file's values but never a lead's data.
 */
public final class PolicyFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

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
     * An exception listing the problems (at least one).
     *
     * @param problems the problems, in line order
     */
    public PolicyFileException(List<Problem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PolicyFileException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
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

    private static String render(List<Problem> problems) {
        String file = problems.isEmpty() ? "?" : problems.get(0).file();
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the policy file " + file + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}

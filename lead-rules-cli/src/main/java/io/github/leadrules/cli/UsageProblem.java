package io.github.leadrules.cli;

/**
 * A usage problem found after the command line was parsed: a bad charset, date, delimiter, column
 * map, accounts file … Commands report its message after {@code lead-rules COMMAND:} and exit with
 * {@link ExitCodes#FAILED}.
 */
final class UsageProblem extends Exception {
    private static final long serialVersionUID = 1L;

    UsageProblem(String message) {
        super(message);
    }
}

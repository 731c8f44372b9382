package io.github.leadrules.cli;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.cli.io.RowSource;
import io.github.leadrules.policy.PolicyFileException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;

/**
 * How every command that reads files reports what stops it: one line on standard error, prefixed
 * with the command's name, and exit code {@link ExitCodes#FAILED}. Problems with the policy, rule,
 * column-map and accounts files name their file and line; an I/O error names its kind.
 */
final class CommandErrors {

    /** A command's work; it may fail with any of the problems {@link #run} reports. */
    @FunctionalInterface
    interface Work {
        int run() throws IOException, UsageProblem;
    }

    private CommandErrors() {
    }

    /** Runs the work; returns its exit code, or reports what stopped it and returns {@link ExitCodes#FAILED}. */
    static int run(String command, PrintWriter err, Work work) {
        String prefix = "lead-rules " + command + ": ";
        try {
            return work.run();
        } catch (UsageProblem | PolicyFileException | InvalidRulesException | RowSource.BadInputException e) {
            err.println(prefix + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println(prefix + "no such file: " + e.getFile());
        } catch (IOException e) {
            err.println(prefix + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return ExitCodes.FAILED;
    }
}

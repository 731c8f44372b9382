package io.github.leadrules.cli;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.cli.io.OutputEncodingException;
import io.github.leadrules.cli.io.Echo;
import io.github.leadrules.cli.io.RowSource;
import io.github.leadrules.policy.PolicyFileException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * How every command that reads files reports what stops it: one line on standard error, prefixed
 * with the command's name, and exit code {@link ExitCodes#FAILED}. Problems with the policy, rule,
 * column-map and accounts files name their file and line; an I/O error names its kind. The files
 * a command writes go through {@link Outputs}: they appear only when the command commits them, and
 * whatever stops it removes them.
 */
final class CommandErrors {

    /** A command's work; it may fail with any of the problems {@link #run} reports. */
    @FunctionalInterface
    interface Work {
        /**
         * Does the work, opening output files with {@code outputs} and committing them when complete.
         *
         * @return the exit code
         */
        int run(Outputs outputs) throws IOException, UsageProblem;
    }

    private CommandErrors() {
    }

    /**
     * Runs the work; returns its exit code, or reports what stopped it and returns
     * {@link ExitCodes#FAILED}. Output files the work did not commit are removed, also when it
     * fails with an error (an {@link OutOfMemoryError} goes on to {@link LeadRulesCli}).
     */
    static int run(String command, PrintWriter err, Work work) {
        try (Outputs outputs = new Outputs()) {
            return work.run(outputs);
        } catch (UsageProblem | PolicyFileException | InvalidRulesException | IOException e) {
            err.println(prefix(command) + message(e));
        }
        return ExitCodes.FAILED;
    }

    /** "lead-rules COMMAND: ", the start of every line a command prints about what stops it. */
    static String prefix(String command) {
        return "lead-rules " + command + ": ";
    }

    /**
     * The message for a problem that stops a command, as {@link #run} prints it after the prefix;
     * {@code validate} reports the same problems with the same messages. Policy and rule problems,
     * usage problems, unreadable input and output encoding problems are described by their own
     * message; a missing or unreadable file is named; any other I/O error is named by its kind.
     *
     * @param e a {@link UsageProblem}, {@link PolicyFileException}, {@link InvalidRulesException}
     *          or {@link IOException}
     * @return the message, without the prefix
     */
    static String message(Exception e) {
        if (e instanceof UsageProblem || e instanceof PolicyFileException || e instanceof InvalidRulesException
                || e instanceof RowSource.BadInputException || e instanceof OutputEncodingException) {
            return e.getMessage();
        }
        if (e instanceof CharacterCodingException) {
            return "cannot write an output: it holds a character its encoding cannot represent";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + printable(n.getFile());
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + printable(a.getFile());
        }
        return e.getClass().getSimpleName() + ": " + printable(String.valueOf(e.getMessage()));
    }

    /**
     * The one line printed when the JVM runs out of memory, with the fix: more heap, or for
     * {@code qualify} fewer rows in memory at once.
     *
     * @param command the subcommand's name, or null
     */
    static String outOfMemory(String command) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long suggestGb = Math.max(1, (2 * maxMb + 1023) / 1024);
        String name = command == null ? "" : command + " ";
        String more = "qualify".equals(command) ? ", or use fewer --threads or a smaller --chunk" : "";
        return String.format(Locale.ROOT, "lead-rules %sran out of memory (maximum heap %,d MB); no output file was written. "
                + "Give Java more: java -Xmx%dg -jar lead-rules.jar %s…%s", name, maxMb, suggestGb, name, more);
    }

    /** Text from a file or the command line made safe to echo (see {@link Echo}). */
    static String printable(String text) {
        return Echo.escape(text);
    }
}

package io.github.leadrules.cli;

import io.github.leadrules.cli.sample.SampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code lead-rules sample}: writes synthetic B2B leads in the project's own CSV layout,
 * deterministic per seed, with a hidden {@code converted} outcome for backtests; and, on request,
 * the accounts file and recent-leads file that go with them.
 */
@Command(name = "sample", sortOptions = false, usageHelpAutoWidth = true,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        description = {"Generate realistic synthetic B2B leads (Japanese and English companies) as CSV; the same seed gives the same file.",
                "The last column, converted, is a made-up outcome for backtests; the rules never read it.",
                "--accounts-out and --recent-leads-out write the known accounts and earlier submissions that go with the leads."})
final class SampleCommand implements Callable<Integer> {

    @ParentCommand
    LeadRulesCli parent;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "2000", description = "How many leads. Default: ${DEFAULT-VALUE}")
    long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20261128", description = "Random seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--as-of", paramLabel = "TIME", defaultValue = "2026-11-28T00:00:00Z",
            description = "Dates are generated up to this time (qualify the file --as-of the same). Default: ${DEFAULT-VALUE}")
    String asOf;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write here (UTF-8). Default: standard output.")
    Path out;

    @Option(names = "--malformed-share", paramLabel = "FRACTION", defaultValue = "0",
            description = "Share of rows with one bad cell (0 to 1, e.g. 0.005), to show INVALID rows. The other rows stay the same. "
                    + "Default: ${DEFAULT-VALUE}")
    double malformedShare;

    @Option(names = "--accounts-out", paramLabel = "FILE",
            description = "Also write the known accounts the leads refer to, for qualify --accounts.")
    Path accountsOut;

    @Option(names = "--recent-leads-out", paramLabel = "FILE",
            description = "Also write earlier submissions of some of the leads' people, for qualify --recent-leads.")
    Path recentLeadsOut;

    @Override
    public Integer call() {
        if (count < 0) {
            parent.err().println("lead-rules sample: --count must not be negative");
            return ExitCodes.FAILED;
        }
        if (!(malformedShare >= 0 && malformedShare <= 1)) {
            parent.err().println("lead-rules sample: --malformed-share must be between 0 and 1");
            return ExitCodes.FAILED;
        }
        Instant at;
        try {
            at = LeadInputOptions.parseAsOf(asOf, ZoneOffset.UTC);
        } catch (UsageProblem e) {
            parent.err().println("lead-rules sample: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        SampleGenerator generator = new SampleGenerator(seed, at, malformedShare);
        try {
            if (out == null) {
                Writer w = new BufferedWriter(new OutputStreamWriter(parent.stdout(), StandardCharsets.UTF_8), 1 << 16);
                generator.write(w, count);
                w.flush();
            } else {
                write(out, w -> generator.write(w, count));
                parent.err().printf(Locale.ROOT, "lead-rules sample: %d leads (seed %d, as of %s) written to %s%n", count, seed, at, out);
            }
            if (accountsOut != null) {
                write(accountsOut, SampleGenerator::writeAccounts);
                parent.err().printf(Locale.ROOT, "lead-rules sample: %d known accounts written to %s%n",
                        SampleGenerator.ACCOUNTS.size(), accountsOut);
            }
            if (recentLeadsOut != null) {
                write(recentLeadsOut, generator::writeRecentLeads);
                parent.err().printf(Locale.ROOT, "lead-rules sample: earlier submissions written to %s%n", recentLeadsOut);
            }
        } catch (IOException e) {
            parent.err().println("lead-rules sample: cannot write: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** Writes one file (UTF-8), making its folder first. */
    private static void write(Path file, Content content) throws IOException {
        Outputs.createParentDirectories(file);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.writeTo(w);
        }
    }

    /** What goes into a file. */
    @FunctionalInterface
    private interface Content {
        void writeTo(Writer w) throws IOException;
    }
}

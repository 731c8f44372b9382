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
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code lead-rules sample}: writes synthetic B2B leads in the project's own CSV layout,
 * deterministic per seed, with a hidden {@code converted} outcome for backtests; and, on request,
 * the accounts file and recent-leads file that go with them.
 */
@Command(name = "sample", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = LeadRulesCli.Version.class,
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
        return CommandErrors.run("sample", parent.err(), this::run);
    }

    private int run(Outputs outputs) throws IOException, UsageProblem {
        if (count < 0) {
            throw new UsageProblem("--count must not be negative");
        }
        if (!(malformedShare >= 0 && malformedShare <= 1)) {
            throw new UsageProblem("--malformed-share must be between 0 and 1");
        }
        Map<String, Path> written = new LinkedHashMap<>();
        written.put("--out", out);
        written.put("--accounts-out", accountsOut);
        written.put("--recent-leads-out", recentLeadsOut);
        Outputs.refuseOverlaps(Map.of(), written);
        Instant at = AsOfRange.check(LeadInputOptions.parseAsOf(asOf, ZoneOffset.UTC), "--as-of");
        SampleGenerator generator = new SampleGenerator(seed, at, malformedShare);
        if (out == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(parent.stdout(), StandardCharsets.UTF_8), 1 << 16);
            generator.write(w, count);
            w.flush();
        } else {
            write(outputs, out, w -> generator.write(w, count));
        }
        if (accountsOut != null) {
            write(outputs, accountsOut, SampleGenerator::writeAccounts);
        }
        if (recentLeadsOut != null) {
            write(outputs, recentLeadsOut, generator::writeRecentLeads);
        }
        outputs.commit();
        if (out != null) {
            parent.err().printf(Locale.ROOT, "lead-rules sample: %d leads (seed %d, as of %s) written to %s%n", count, seed, at, out);
        }
        if (accountsOut != null) {
            parent.err().printf(Locale.ROOT, "lead-rules sample: %d known accounts written to %s%n",
                    SampleGenerator.ACCOUNTS.size(), accountsOut);
        }
        if (recentLeadsOut != null) {
            parent.err().printf(Locale.ROOT, "lead-rules sample: earlier submissions written to %s%n", recentLeadsOut);
        }
        return ExitCodes.OK;
    }

    /** Writes one file (UTF-8) through {@code outputs}: it appears when every file is complete. */
    private static void write(Outputs outputs, Path file, Content content) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(outputs.create(file), StandardCharsets.UTF_8), 1 << 16)) {
            content.writeTo(w);
        }
    }

    /** What goes into a file. */
    @FunctionalInterface
    private interface Content {
        void writeTo(Writer w) throws IOException;
    }
}

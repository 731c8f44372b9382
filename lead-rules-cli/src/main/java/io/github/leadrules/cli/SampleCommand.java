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
import java.util.concurrent.Callable;

/**
 * {@code lead-rules sample}: writes synthetic B2B leads in the project's own CSV layout,
 * deterministic per seed, with a hidden {@code converted} outcome for backtests.
 */
@Command(name = "sample", sortOptions = false, usageHelpAutoWidth = true,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        description = {"Generate realistic synthetic B2B leads (Japanese and English companies) as CSV; the same seed gives the same file.",
                "The last column, converted, is a made-up outcome for backtests; the rules never read it."})
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

    @Override
    public Integer call() {
        if (count < 0) {
            parent.err().println("lead-rules sample: --count must not be negative");
            return ExitCodes.FAILED;
        }
        Instant at;
        try {
            at = LeadInputOptions.parseAsOf(asOf, ZoneOffset.UTC);
        } catch (UsageProblem e) {
            parent.err().println("lead-rules sample: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        SampleGenerator generator = new SampleGenerator(seed, at);
        try {
            if (out == null) {
                Writer w = new BufferedWriter(new OutputStreamWriter(parent.stdout(), StandardCharsets.UTF_8), 1 << 16);
                generator.write(w, count);
                w.flush();
            } else {
                Outputs.createParentDirectories(out);
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    generator.write(w, count);
                }
                parent.err().printf("lead-rules sample: %d leads (seed %d, as of %s) written to %s%n", count, seed, at, out);
            }
        } catch (IOException e) {
            parent.err().println("lead-rules sample: cannot write: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}

package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.calibrate.Calibration;
import io.github.leadrules.calibrate.Calibrator;
import io.github.leadrules.calibrate.HistoricalLead;
import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.io.Echo;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.policy.LeadPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code lead-rules calibrate}: learns urgency signals and thresholds from historical leads whose
 * outcome is known, cross-validated, and writes them as a policy file that {@code qualify},
 * {@code backtest} and {@code diff} read as is.
 */
@Command(name = "calibrate", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = LeadRulesCli.Version.class,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        description = {
                "Learn urgency signals and thresholds from leads with a known outcome, and write them as a policy file.",
                "Every mapped field is binned (text values with enough support, numeric ranges from quantiles, blanks as their own bin),",
                "each bin's conversion rate is shrunk towards the base rate and turned into points (10 per doubling of the odds),",
                "and the thresholds put about 10 %% / 30 %% / 60 %% of the leads at IMMEDIATE / HIGH or above / MEDIUM or above.",
                "All of it is k-fold cross-validated: the summary shows each tier's out-of-fold lift and capture with their spread.",
                "A field that alone separates the outcome almost perfectly is left out (filled in after the sale?).",
                "Packaged rules are never changed; the summary shows the converted leads each exclusion rule threw away.",
                "Each lead is judged as of its own submission time (the submittedAt field), as it stood when it came in;",
                "a lead without one is judged as of --as-of. A packaged rule that fires for 90 %% or more of the leads is warned about.",
                "Rows with a blank outcome are skipped and counted. All rows are held in memory.",
                "Exit codes: 0 done, 1 usage/input/policy/rules error (including an outcome cell that is not yes/no)."})
final class CalibrateCommand implements Callable<Integer> {

    /** Lines named at most in a message about rows. */
    private static final int MAX_LINES_NAMED = 5;

    @ParentCommand
    LeadRulesCli parent;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Leads with a known outcome: a .csv or .jsonl file, or - for standard input.")
    String input;

    @Option(names = "--outcome-column", paramLabel = "NAME", required = true,
            description = "The column holding the known outcome, e.g. Converted or IsWon (case ignored); it need not be mapped.")
    String outcomeColumn;

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "A cell value meaning converted (case ignored); repeatable; every other non-blank value means not. "
                    + "Default: true/yes/y/1/won/converted/closed won count as converted, false/no/n/0/lost/closed lost as not, "
                    + "anything else is an error.")
    List<String> positive = new ArrayList<>();

    @Option(names = "--out", paramLabel = "LEARNED.yaml", required = true,
            description = "The policy file to write: the --policy file's settings, then fields, signals and urgencyThresholds.")
    Path out;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Folds of the cross-validation, 2 to 20. Default: ${DEFAULT-VALUE}.")
    int folds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the shuffle that deals leads into folds; the same input and seed give the same file. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    LeadInputOptions inputOptions;

    @Mixin
    RuleSetOptions ruleSet;

    @Override
    public Integer call() {
        return CommandErrors.run("calibrate", parent.err(), this::run);
    }

    private int run(Outputs outputs) throws IOException, UsageProblem {
        Map<String, Path> written = new LinkedHashMap<>();
        written.put("--out", out);
        Outputs.refuseOverlaps(InputFiles.of(input, inputOptions).ruleSet("--policy", ruleSet.policy, "--rules", ruleSet.rules)
                .byOption(), written);
        if (folds < 2 || folds > 20) {
            throw new UsageProblem("--folds must be between 2 and 20, got " + folds);
        }
        LeadInputOptions.Settings settings = inputOptions.settings(input);
        if (inputOptions.asOf != null) {
            AsOfRange.check(settings.asOf(), "--as-of");
        }
        RuleSetOptions.checkReadable(ruleSet.policy, ruleSet.rules);
        String baseText = ruleSet.policy == null ? null : Files.readString(ruleSet.policy, StandardCharsets.UTF_8);
        try (LeadInput source = LeadInput.open(input, settings, System.in)) {
            int outcomeIndex = BacktestCommand.columnIndex(source.header(), outcomeColumn);
            if (outcomeIndex < 0) {
                throw new UsageProblem(source.sourceName() + " has no column " + Echo.quoted(outcomeColumn)
                        + "; columns found: " + ColumnMapping.found(source.header()));
            }
            String duplicate = ColumnMapping.duplicate(source.header(), outcomeIndex, source.sourceName());
            if (duplicate != null) {
                throw new UsageProblem(duplicate + "; either could be meant: rename or remove the others");
            }
            String outcomeName = source.header().get(outcomeIndex);
            // The written file replaces the base policy's signals, so they take no part in what is learned.
            LeadPolicy base = ruleSet.loadPolicy();
            int baseSignals = base.signals().size();
            if (baseSignals > 0) {
                base = base.toBuilder().signals(List.of()).build();
            }
            LeadQualifier qualifier = RuleSetOptions.build(Clock.fixed(settings.asOf(), ZoneOffset.UTC), base,
                    AccountDirectory.empty(), ruleSet.rules, ruleSet.disabled, RuleSetOptions.unavailableFields(source.mapping()));
            source.missingValues(qualifier.policy());

            List<HistoricalLead> leads = new ArrayList<>();
            long blank = 0;
            long unreadable = 0;
            List<Long> unreadableLines = new ArrayList<>();
            long unclear = 0;
            List<Long> unclearLines = new ArrayList<>();
            for (InputRow row = source.next(); row != null; row = source.next()) {
                String cell = outcomeIndex < row.cells().size() ? row.cells().get(outcomeIndex) : "";
                if (cell == null || cell.isBlank()) {
                    blank++;
                    continue;
                }
                Boolean converted = BacktestCommand.outcome(cell, positive);
                if (converted == null) {
                    if (++unclear <= MAX_LINES_NAMED) {
                        unclearLines.add(row.line());
                    }
                    continue;
                }
                ReadRow read = source.read(row);
                if (!read.readable()) {
                    if (++unreadable <= MAX_LINES_NAMED) {
                        unreadableLines.add(row.line());
                    }
                    continue;
                }
                leads.add(new HistoricalLead(read.lead(), converted));
            }
            if (unclear > 0) {
                throw new UsageProblem(String.format(Locale.ROOT,
                        "%,d rows have an outcome that is neither yes nor no in column %s (%s); "
                                + "name the value that means converted with --positive VALUE",
                        unclear, Echo.quoted(outcomeName), lines(unclearLines, unclear)));
            }
            Calibration calibration;
            try {
                calibration = Calibrator.builder().qualifier(qualifier).folds(folds).seed(seed).build().calibrate(leads);
            } catch (IllegalArgumentException e) {
                throw new UsageProblem(source.sourceName() + ": " + e.getMessage());
            }
            String yaml;
            try {
                yaml = calibration.policyYaml(baseText);
            } catch (IllegalArgumentException e) {
                throw new UsageProblem(ruleSet.policy + ": " + e.getMessage());
            }
            try (Writer w = new OutputStreamWriter(outputs.create(out), StandardCharsets.UTF_8)) {
                w.write(yaml);
            }
            outputs.commit();

            PrintWriter w = parent.out();
            String outcomeLabel = Echo.quoted(outcomeName) + (positive.isEmpty() ? ""
                    : " = " + String.join(" or ", positive.stream().map(Echo::quoted).toList()));
            w.printf(Locale.ROOT, "%s: %s; outcome %s; base rules %s%n", source.sourceName(), source.mapping().describe(),
                    outcomeLabel, ruleSet.describe());
            if (baseSignals > 0) {
                w.printf(Locale.ROOT, "the base policy's %,d signals are replaced by the learned ones (and left out of the learning)%n",
                        baseSignals);
            }
            if (blank > 0) {
                w.printf(Locale.ROOT, "%,d rows with a blank outcome skipped%n", blank);
            }
            if (unreadable > 0) {
                w.printf(Locale.ROOT, "%,d unreadable rows skipped (%s); `qualify` shows why%n", unreadable,
                        lines(unreadableLines, unreadable));
            }
            if (calibration.judgedAtSubmission() < calibration.rows()) {
                w.printf(Locale.ROOT, "%,d leads without a submission time judged as of %s%n",
                        calibration.rows() - calibration.judgedAtSubmission(), settings.asOf());
            }
            w.println();
            w.print(calibration.summary());
            w.println();
            w.println("written: " + Echo.escape(out.toString()));
            w.flush();
            PrintWriter err = parent.err();
            calibration.warnings().forEach(warning -> err.println("warning: " + warning));
            err.flush();
            return ExitCodes.OK;
        }
    }

    private static String lines(List<Long> named, long total) {
        return (named.size() == 1 ? "line " : "lines ") + String.join(", ", named.stream().map(String::valueOf).toList())
                + (total > named.size() ? ", …" : "");
    }
}

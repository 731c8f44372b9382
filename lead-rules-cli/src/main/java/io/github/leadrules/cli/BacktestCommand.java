package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.QualificationTrace;
import io.github.leadrules.cli.report.CompareReport;
import io.github.leadrules.compare.Backtest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code lead-rules backtest}: decides historical leads whose outcome is known and shows whether
 * the rules separate buyers from browsers: conversion rate and lift per outcome, urgency level and
 * route, the conversions each exclusion rule threw away, and how each rule's leads converted.
 */
@Command(name = "backtest", sortOptions = false, usageHelpAutoWidth = true,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        description = {
                "Backtest the rules on leads with a known outcome: do they separate buyers from browsers?",
                "Per outcome, urgency level and route: leads, conversions, conversion rate, lift over the base rate and share of",
                "all conversions; per exclusion rule, the excluded leads that converted anyway; per rule, how its leads converted.",
                "The outcome column is read only here: the rules never see it. The whole input is held in memory.",
                "Exit codes: 0 done, 1 usage/input/policy/rules error (including an outcome cell that is not yes/no)."})
final class BacktestCommand implements Callable<Integer> {

    /** Outcome cells read as converted when no --positive is given (compared ignoring case). */
    static final Set<String> YES = Set.of("true", "yes", "y", "1", "won", "converted", "closed won", "closed_won",
            "はい", "成約", "受注");
    /** Outcome cells read as not converted when no --positive is given; a blank cell is one too. */
    static final Set<String> NO = Set.of("false", "no", "n", "0", "lost", "not converted", "closed lost", "closed_lost",
            "いいえ", "失注");

    @ParentCommand
    LeadRulesCli parent;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Leads with a known outcome: a .csv or .jsonl file, or - for standard input.")
    String input;

    @Option(names = "--outcome-column", paramLabel = "NAME", required = true,
            description = "The column holding the known outcome, e.g. converted or IsWon (case ignored).")
    String outcomeColumn;

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "A cell value meaning converted (case ignored); repeatable; every other value, blank included, means not. "
                    + "Default: true/yes/1/won/converted count as converted, false/no/0/lost/blank as not, anything else is an error.")
    List<String> positive = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write the backtest as one self-contained HTML page with a lift chart.")
    Path report;

    @Mixin
    LeadInputOptions inputOptions;

    @Mixin
    RuleSetOptions ruleSet;

    @Mixin
    AccountOptions accountOptions;

    @Override
    public Integer call() {
        return CommandErrors.run("backtest", parent.err(), this::run);
    }

    private int run() throws IOException, UsageProblem {
        long started = System.nanoTime();
        LeadInputOptions.Settings settings = inputOptions.settings(input);
        AccountOptions.Loaded accounts = accountOptions.load(settings.zone());
        LeadFile file = LeadFile.read(input, settings, outcomeColumn, System.in);
        List<Boolean> converted = outcomes(file);
        LeadQualifier qualifier = ruleSet.build(Clock.fixed(file.asOf(), ZoneOffset.UTC), accounts.directory());
        List<QualificationTrace> traces = file.trace(qualifier);
        Backtest backtest = Backtest.of(traces, converted, qualifier.rules());
        double seconds = (System.nanoTime() - started) / 1e9;

        String ruleSetLabel = ruleSet.describe();
        String outcomeLabel = "\"" + file.mapping().header().get(file.extraIndex()) + "\""
                + (positive.isEmpty() ? "" : " = " + String.join(" or ", positive.stream().map(p -> "\"" + p + "\"").toList()));
        PrintWriter w = parent.out();
        w.printf(Locale.ROOT, "%s: %,d rows (%s), decided as of %s%n", file.sourceName(), file.rows().size(),
                file.mapping().describe(), file.asOf());
        w.printf(Locale.ROOT, "rule set %s, %s; outcome %s%n", qualifier.fingerprint(), ruleSetLabel, outcomeLabel);
        if (accounts.description() != null) {
            w.println(accounts.description());
        }
        w.println();
        w.print(backtest.toText());
        w.println();
        w.printf(Locale.ROOT, "%,d rows backtested in %.1f s%n", file.rows().size(), seconds);
        if (report != null) {
            Outputs.createParentDirectories(report);
            try (Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                CompareReport.writeBacktest(out, backtest, new CompareReport.BacktestContext(file.sourceName(),
                        file.mapping().describe(), file.asOf().toString(), ruleSetLabel, outcomeLabel, qualifier.rules()));
            }
            w.println("report: " + report);
        }
        w.flush();
        return ExitCodes.OK;
    }

    /** Reads every row's outcome; fails naming the first lines whose cell is neither yes nor no. */
    private List<Boolean> outcomes(LeadFile file) throws UsageProblem {
        List<Boolean> out = new ArrayList<>(file.rows().size());
        List<String> unreadable = new ArrayList<>();
        int bad = 0;
        for (LeadFile.Row row : file.rows()) {
            Boolean value = outcome(row.extra(), positive);
            if (value == null) {
                if (++bad <= 5) {
                    unreadable.add("line " + row.line() + " has '" + row.extra().strip() + "'");
                }
                value = Boolean.FALSE;
            }
            out.add(value);
        }
        if (bad > 0) {
            throw new UsageProblem(String.format(Locale.ROOT,
                    "%,d rows have an outcome that is not yes or no in column \"%s\" (%s%s); "
                            + "name the value that means converted with --positive VALUE",
                    bad, file.mapping().header().get(file.extraIndex()), String.join(", ", unreadable), bad > 5 ? ", …" : ""));
        }
        return out;
    }

    /** Whether a cell means converted: true, false, or null when it cannot tell. */
    static Boolean outcome(String cell, List<String> positive) {
        String v = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
        if (!positive.isEmpty()) {
            return positive.stream().anyMatch(p -> p.strip().toLowerCase(Locale.ROOT).equals(v));
        }
        if (v.isEmpty() || NO.contains(v)) {
            return Boolean.FALSE;
        }
        return YES.contains(v) ? Boolean.TRUE : null;
    }
}

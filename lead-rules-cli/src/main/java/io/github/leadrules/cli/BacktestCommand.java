package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.QualificationTrace;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.io.Echo;
import io.github.leadrules.reports.HtmlCompareReport;
import io.github.leadrules.compare.Backtest;
import io.github.leadrules.model.Lead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code lead-rules backtest}: decides historical leads whose outcome is known and shows whether
 * the rules separate buyers from browsers: conversion rate and lift per outcome, urgency level and
 * route, the conversions each exclusion rule threw away, and how each rule's leads converted.
 */
@Command(name = "backtest", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = LeadRulesCli.Version.class,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        description = {
                "Backtest the rules on leads with a known outcome: do they separate buyers from browsers?",
                "Per outcome, urgency level and route: leads, conversions, conversion rate, lift over the base rate and share of",
                "all conversions; per exclusion rule, the excluded leads that converted anyway; per rule, how its leads converted.",
                "The outcome column is read only here: the rules never see it. One pass over the input: memory does not grow with it.",
                "Exit codes: 0 done, 1 usage/input/policy/rules error (including an outcome cell that is not yes/no)."})
final class BacktestCommand implements Callable<Integer> {

    /** Outcome cells read as converted when no --positive is given (compared ignoring case). */
    static final Set<String> YES = Set.of("true", "yes", "y", "1", "won", "converted", "closed won", "closed_won",
            "はい", "成約", "受注");
    /** Outcome cells read as not converted when no --positive is given; a blank cell is one too. */
    static final Set<String> NO = Set.of("false", "no", "n", "0", "lost", "not converted", "closed lost", "closed_lost",
            "いいえ", "失注");

    /** Rows read and decided at a time. */
    private static final int CHUNK = 1_000;
    /** Lines named at most in the message about outcomes that are neither yes nor no. */
    private static final int MAX_LINES_NAMED = 5;

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

    /** When each historical lead is decided. */
    enum JudgeAt { submitted, as_of }

    @Option(names = "--judge-at", paramLabel = "WHEN", converter = JudgeAtConverter.class,
            description = "When each lead is decided: submitted (as of its own submission time, the submittedAt field, as it stood when it"
                    + " came in, the way calibrate learns; a lead without one as of --as-of) or as-of (every lead as of --as-of)."
                    + " Default: submitted, or as-of when --as-of is given.")
    JudgeAt judgeAt;

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

    /** One row read, with its known outcome (null when the cell is neither yes nor no). */
    private record Scored(ReadRow read, Boolean converted) {
    }

    private int run(Outputs outputs) throws IOException, UsageProblem {
        Map<String, Path> written = new LinkedHashMap<>();
        written.put("--report", report);
        Outputs.refuseOverlaps(inputs(), written);
        long started = System.nanoTime();
        LeadInputOptions.Settings settings = inputOptions.settings(input);
        if (inputOptions.asOf != null) {
            AsOfRange.check(settings.asOf(), "--as-of");
        }
        AccountOptions.Loaded accounts = accountOptions.load(settings.zone());
        RuleSetOptions.checkReadable(ruleSet.policy, ruleSet.rules);
        try (LeadInput source = LeadInput.open(input, settings, System.in)) {
            int outcomeIndex = columnIndex(source.header(), outcomeColumn);
            if (outcomeIndex < 0) {
                throw new UsageProblem(source.sourceName() + " has no column " + Echo.quoted(outcomeColumn)
                        + "; columns found: " + columnList(source.header()));
            }
            String duplicate = ColumnMapping.duplicate(source.header(), outcomeIndex, source.sourceName());
            if (duplicate != null) {
                throw new UsageProblem(duplicate + "; either could be meant: rename or remove the others");
            }
            String outcomeName = source.header().get(outcomeIndex);
            LeadQualifier qualifier = ruleSet.build(Clock.fixed(settings.asOf(), ZoneOffset.UTC), accounts.directory(),
                    RuleSetOptions.unavailableFields(source.mapping()));
            source.missingValues(qualifier.policy());
            boolean atSubmission = (judgeAt == null ? inputOptions.asOf == null ? JudgeAt.submitted : JudgeAt.as_of : judgeAt)
                    == JudgeAt.submitted;
            AtomicLong undated = new AtomicLong();
            // One pass: counters per group and rule, never per lead. After the first outcome that is
            // neither yes nor no, rows are only read on, to count and locate the others.
            Backtest.Accumulator accumulator = Backtest.accumulator(qualifier.rules());
            AtomicLong unclear = new AtomicLong();
            List<Long> unclearLines = new ArrayList<>();
            Chunks.run(() -> {
                InputRow row = source.next();
                if (row == null) {
                    return null;
                }
                String cell = outcomeIndex < row.cells().size() ? row.cells().get(outcomeIndex) : "";
                Boolean converted = outcome(cell, positive);
                if (converted == null && unclear.incrementAndGet() <= MAX_LINES_NAMED) {
                    unclearLines.add(row.line());
                }
                return new Scored(source.read(row), converted);
            }, CHUNK, Chunks.workers(0), "lead-rules-backtest", items -> {
                if (unclear.get() > 0) {
                    return List.<QualificationTrace>of();
                }
                List<Lead> leads = items.stream().map(Scored::read).filter(ReadRow::readable).map(ReadRow::lead).toList();
                return leads.isEmpty() ? List.<QualificationTrace>of() : atSubmission ? qualifier.traceAtSubmission(leads)
                        : qualifier.trace(leads);
            }, (items, traces) -> {
                if (unclear.get() > 0) {
                    return;
                }
                int next = 0;
                for (Scored item : items) {
                    ReadRow read = item.read();
                    QualificationTrace trace = read.readable() ? traces.get(next++) : invalid(read, qualifier);
                    if (atSubmission && read.readable() && read.lead().submittedAt() == null) {
                        undated.incrementAndGet();
                    }
                    accumulator.add(trace, item.converted());
                }
            });
            if (unclear.get() > 0) {
                throw new UsageProblem(String.format(Locale.ROOT,
                        "%,d rows have an outcome that is neither yes nor no in column %s (%s %s%s); "
                                + "name the value that means converted with --positive VALUE",
                        unclear.get(), Echo.quoted(outcomeName), unclearLines.size() == 1 ? "line" : "lines",
                        String.join(", ", unclearLines.stream().map(String::valueOf).toList()),
                        unclear.get() > MAX_LINES_NAMED ? ", …" : ""));
            }
            Backtest backtest = accumulator.build();
            double seconds = (System.nanoTime() - started) / 1e9;

            String ruleSetLabel = ruleSet.describe();
            String outcomeLabel = Echo.quoted(outcomeName) + (positive.isEmpty() ? ""
                    : " = " + String.join(" or ", positive.stream().map(Echo::quoted).toList()));
            String columns = source.mapping().describe();
            if (report != null) {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(outputs.create(report), StandardCharsets.UTF_8))) {
                    HtmlCompareReport.writeBacktest(w, backtest, new HtmlCompareReport.BacktestContext(source.sourceName(),
                            columns, atSubmission ? "each lead's submission time" : settings.asOf().toString(), ruleSetLabel, outcomeLabel, qualifier.rules()));
                }
            }
            outputs.commit();

            PrintWriter w = parent.out();
            if (atSubmission) {
                w.printf(Locale.ROOT, "%s: %,d rows (%s), decided as of each lead's submission time%s%n", source.sourceName(),
                        backtest.leads(), columns, undated.get() == 0 ? ""
                                : String.format(Locale.ROOT, " (%,d without one as of %s)", undated.get(), settings.asOf()));
            } else {
                w.printf(Locale.ROOT, "%s: %,d rows (%s), decided as of %s%n", source.sourceName(), backtest.leads(), columns,
                        settings.asOf());
            }
            w.printf(Locale.ROOT, "rule set %s, %s; outcome %s%n", qualifier.fingerprint(), ruleSetLabel, outcomeLabel);
            if (accounts.description() != null) {
                w.println(accounts.description());
            }
            w.println();
            w.print(backtest.toText());
            w.println();
            w.printf(Locale.ROOT, "%,d rows backtested in %.1f s%n", backtest.leads(), seconds);
            if (report != null) {
                w.println("report: " + report);
            }
            w.flush();
            return ExitCodes.OK;
        }
    }

    /** Reads {@code --judge-at}: submitted or as-of, case ignored. */
    static final class JudgeAtConverter implements picocli.CommandLine.ITypeConverter<JudgeAt> {
        @Override
        public JudgeAt convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "submitted" -> JudgeAt.submitted;
                case "as-of" -> JudgeAt.as_of;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected submitted or as-of, got " + Echo.quoted(value));
            };
        }
    }

    /** Every file this run reads, by the option that names it. */
    private Map<String, List<Path>> inputs() {
        return InputFiles.of(input, inputOptions).ruleSet("--policy", ruleSet.policy, "--rules", ruleSet.rules)
                .accounts(accountOptions).byOption();
    }

    /** An unreadable row's decision: INVALID with its errors, no rule fired. */
    private static QualificationTrace invalid(ReadRow read, LeadQualifier qualifier) {
        String id = read.lead() != null ? read.lead().id() : "line-" + read.row().line();
        return new QualificationTrace(ReadRow.invalid(id, read.errors(), qualifier.fingerprint()), List.of());
    }

    /** The column's index in the header, matched ignoring case, surrounding spaces and a byte-order mark; or -1. */
    static int columnIndex(List<String> header, String column) {
        String wanted = column.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            if (h.strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** The header's column names for a message, quoted and escaped; at most the first 30. */
    private static String columnList(List<String> header) {
        int shown = Math.min(header.size(), 30);
        String names = String.join(", ", header.subList(0, shown).stream().map(Echo::quoted).toList());
        return shown < header.size() ? names + ", … (" + (header.size() - shown) + " more)" : names;
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

package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.QualificationTrace;
import io.github.leadrules.cli.io.CsvWriter;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.reports.HtmlCompareReport;
import io.github.leadrules.compare.LeadChange;
import io.github.leadrules.compare.QualificationDiff;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code lead-rules diff}: decides the same leads under a base and a candidate rule set and shows,
 * before the candidate goes live, how many leads move between outcomes, urgency levels and routes,
 * which leads change and which rules made the difference.
 */
@Command(name = "diff", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = LeadRulesCli.Version.class,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        description = {
                "What-if: which leads a candidate rule set would decide differently from the base rule set, and why.",
                "Base: --base-policy, --base-rules, --base-disable-rule; candidate: --policy, --rules, --disable-rule.",
                "Prints transition matrices (rows: base, columns: candidate) and the rules that fire differently;",
                "--out writes every changed lead as CSV, --report an HTML view.",
                "Both rule sets decide each lead as of the same time (--judge-at). One pass over the input: memory does not grow with it.",
                "Exit codes: 0 compared, 1 usage/input/policy/rules error."})
final class DiffCommand implements Callable<Integer> {

    /** The columns of the changed-leads CSV. */
    static final List<String> CHANGE_COLUMNS = List.of("line", "lead_id", "changed",
            "outcome_base", "outcome_candidate", "urgency_base", "urgency_candidate", "route_base", "route_candidate",
            "exclusions_base", "exclusions_candidate", "rules_only_base", "rules_only_candidate",
            "reasons_base", "reasons_candidate");

    /** Rows read and decided at a time. */
    private static final int CHUNK = 1_000;

    @ParentCommand
    LeadRulesCli parent;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The lead export: a .csv or .jsonl file, or - for standard input.")
    String input;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the changed leads as CSV here (- for standard output; the matrices then go to standard error).")
    String out;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write the comparison as one self-contained HTML page.")
    Path report;

    @Option(names = "--list", paramLabel = "N", defaultValue = "20",
            description = "Changed leads to list on the terminal. Default: ${DEFAULT-VALUE}")
    int list;

    @Option(names = "--judge-at", paramLabel = "WHEN", converter = BacktestCommand.JudgeAtConverter.class,
            description = "When each lead is decided, under both rule sets alike: submitted (as of its own submission time, the"
                    + " submittedAt field, as it stood when it came in, the way calibrate learns; a lead without one as of --as-of)"
                    + " or as-of (every lead as of --as-of). Default: submitted, or as-of when --as-of is given.")
    BacktestCommand.JudgeAt judgeAt;

    @Mixin
    LeadInputOptions inputOptions;

    @Mixin
    BaseRuleSetOptions base;

    @Mixin
    RuleSetOptions candidate;

    @Mixin
    AccountOptions accountOptions;

    @Mixin
    CsvOutputOptions csvOptions;

    @Override
    public Integer call() {
        return CommandErrors.run("diff", parent.err(), this::run);
    }

    /** What one chunk's readable leads were decided under each rule set. */
    private record Decided(List<QualificationTrace> base, List<QualificationTrace> candidate) {
    }

    /** A changed lead the page lists: where it was and which company. */
    private record Listed(long line, Lead lead) {
    }

    private int run(Outputs outputs) throws IOException, UsageProblem {
        if (list < 0) {
            throw new UsageProblem("--list must not be negative");
        }
        Map<String, Path> written = new LinkedHashMap<>();
        written.put("--out", out == null ? null : Path.of(out));
        written.put("--report", report);
        Outputs.refuseOverlaps(inputs(), written);
        long started = System.nanoTime();
        LeadInputOptions.Settings settings = inputOptions.settings(input);
        if (inputOptions.asOf != null) {
            AsOfRange.check(settings.asOf(), "--as-of");
        }
        AccountOptions.Loaded accounts = accountOptions.load(settings.zone());
        Clock clock = Clock.fixed(settings.asOf(), ZoneOffset.UTC);
        RuleSetOptions.checkReadable(base.policy, base.rules);
        RuleSetOptions.checkReadable(candidate.policy, candidate.rules);
        // Counts are kept per value and rule; changed leads go to --out as they come and only the
        // first few stay in memory, for the terminal and the page.
        int kept = Math.max(list, report == null ? 0 : HtmlCompareReport.MAX_LISTED_CHANGES);
        Map<Integer, Listed> listed = new HashMap<>();
        long[] unreadable = {0};
        long[] undated = {0};
        boolean atSubmission = (judgeAt == null ? inputOptions.asOf == null ? BacktestCommand.JudgeAt.submitted
                : BacktestCommand.JudgeAt.as_of : judgeAt) == BacktestCommand.JudgeAt.submitted;

        String sourceName;
        String columns;
        LeadQualifier baseQualifier;
        LeadQualifier candidateQualifier;
        QualificationDiff.Accumulator accumulator;
        // The input is opened (its header and --map checked) before the rules are built.
        try (LeadInput source = LeadInput.open(input, settings, System.in)) {
            Set<String> unavailable = RuleSetOptions.unavailableFields(source.mapping());
            baseQualifier = base.build(clock, accounts.directory(), unavailable);
            candidateQualifier = candidate.build(clock, accounts.directory(), unavailable);
            // Both sides read the same leads: a cell is blank when either policy calls it a placeholder.
            LeadPolicy basePolicy = baseQualifier.policy();
            LeadPolicy candidatePolicy = candidateQualifier.policy();
            source.missingValues(basePolicy, candidatePolicy);
            accumulator = QualificationDiff.accumulator(baseQualifier.rules(), candidateQualifier.rules(), kept);
            try (CsvWriter csv = openChanges(outputs)) {
                sourceName = source.sourceName();
                columns = source.mapping().describe();
                if (csv != null) {
                    csv.write(CHANGE_COLUMNS);
                }
                Chunks.run(() -> {
                    InputRow row = source.next();
                    return row == null ? null : source.read(row);
                }, CHUNK, Chunks.workers(0), "lead-rules-diff", rows -> {
                    List<Lead> leads = rows.stream().filter(ReadRow::readable).map(ReadRow::lead).toList();
                    if (leads.isEmpty()) {
                        return new Decided(List.of(), List.of());
                    }
                    // Both sides judge each lead at the same instant: its submission time, or --as-of.
                    return atSubmission
                            ? new Decided(baseQualifier.traceAtSubmission(leads), candidateQualifier.traceAtSubmission(leads))
                            : new Decided(baseQualifier.trace(leads), candidateQualifier.trace(leads));
                }, (rows, decided) -> {
                    int next = 0;
                    for (ReadRow read : rows) {
                        QualificationTrace b;
                        QualificationTrace c;
                        if (read.readable()) {
                            b = decided.base().get(next);
                            c = decided.candidate().get(next++);
                            if (atSubmission && read.lead().submittedAt() == null) {
                                undated[0]++;
                            }
                        } else {
                            unreadable[0]++;
                            b = invalid(read, baseQualifier);
                            c = invalid(read, candidateQualifier);
                        }
                        LeadChange change = accumulator.add(b, c);
                        if (change != null) {
                            long line = read.row().line();
                            if (listed.size() < kept) {
                                listed.put(change.position(), new Listed(line, read.lead()));
                            }
                            if (csv != null) {
                                csv.write(changeCells(change, line));
                            }
                        }
                    }
                });
            }
        }
        QualificationDiff diff = accumulator.build();
        double seconds = (System.nanoTime() - started) / 1e9;

        String baseLabel = base.describe();
        String candidateLabel = candidate.describe();
        if (report != null) {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(outputs.create(report), StandardCharsets.UTF_8))) {
                HtmlCompareReport.writeDiff(w, diff, new HtmlCompareReport.DiffContext(sourceName, columns,
                        atSubmission ? "each lead's submission time" : settings.asOf().toString(), baseLabel, candidateLabel, baseQualifier.rules(), candidateQualifier.rules(),
                        position -> listed.get(position).line(), position -> listed.get(position).lead()));
            }
        }
        outputs.commit();

        PrintWriter summary = "-".equals(out) ? parent.err() : parent.out();
        if (atSubmission) {
            summary.printf(Locale.ROOT, "%s: %,d rows (%s), decided as of each lead's submission time%s%n", sourceName,
                    diff.leads(), columns, undated[0] == 0 ? ""
                            : String.format(Locale.ROOT, " (%,d without one as of %s)", undated[0], settings.asOf()));
        } else {
            summary.printf(Locale.ROOT, "%s: %,d rows (%s), decided as of %s%n", sourceName, diff.leads(), columns, settings.asOf());
        }
        summary.printf(Locale.ROOT, "base:      rule set %s, %s%n", baseQualifier.fingerprint(), baseLabel);
        summary.printf(Locale.ROOT, "candidate: rule set %s, %s%n", candidateQualifier.fingerprint(), candidateLabel);
        if (accounts.description() != null) {
            summary.println("both:      " + accounts.description());
        }
        if (unreadable[0] > 0) {
            summary.printf(Locale.ROOT, "%,d rows cannot be read as leads; they are INVALID under both (see qualify's decision_errors)%n",
                    unreadable[0]);
        }
        summary.println();
        summary.print(diff.toText(list));
        summary.println();
        summary.printf(Locale.ROOT, "%,d rows decided twice in %.1f s%n", diff.leads(), seconds);
        if (out != null && !out.equals("-")) {
            summary.println("changed leads: " + out);
        }
        if (report != null) {
            summary.println("report:        " + report);
        }
        summary.flush();
        return ExitCodes.OK;
    }

    /** Every file this run reads, by the option that names it. */
    private Map<String, List<Path>> inputs() {
        return InputFiles.of(input, inputOptions).ruleSet("--base-policy", base.policy, "--base-rules", base.rules)
                .ruleSet("--policy", candidate.policy, "--rules", candidate.rules).accounts(accountOptions).byOption();
    }

    /** The changed-leads CSV, or null without --out. */
    private CsvWriter openChanges(Outputs outputs) throws IOException {
        if (out == null) {
            return null;
        }
        OutputStream stream = out.equals("-") ? Outputs.keptOpen(parent.stdout()) : outputs.create(Path.of(out));
        return new CsvWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8.newEncoder()), 1 << 16),
                ',', csvOptions.escapeFormulas);
    }

    /** An unreadable row's decision under a rule set: INVALID with its errors, no rule fired. */
    private static QualificationTrace invalid(ReadRow read, LeadQualifier qualifier) {
        String id = read.lead() != null ? read.lead().id() : "line-" + read.row().line();
        return new QualificationTrace(ReadRow.invalid(id, read.errors(), qualifier.fingerprint()), List.of());
    }

    /** One changed lead as CSV cells, aligned to {@link #CHANGE_COLUMNS}; no personal data. */
    static List<String> changeCells(LeadChange c, long line) {
        Qualification b = c.base();
        Qualification k = c.candidate();
        List<String> cells = new ArrayList<>(CHANGE_COLUMNS.size());
        cells.add(Long.toString(line));
        cells.add(c.leadId());
        cells.add(String.join(";", c.aspects().stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList()));
        cells.add(b.outcome().name());
        cells.add(k.outcome().name());
        cells.add(b.urgency().level().name());
        cells.add(k.urgency().level().name());
        cells.add(LeadChange.routeLabel(b.route()));
        cells.add(LeadChange.routeLabel(k.route()));
        cells.add(String.join(";", b.exclusionIds()));
        cells.add(String.join(";", k.exclusionIds()));
        cells.add(String.join(";", c.firedOnlyUnderBase()));
        cells.add(String.join(";", c.firedOnlyUnderCandidate()));
        cells.add(String.join(" | ", b.reasons().stream().map(Object::toString).toList()));
        cells.add(String.join(" | ", k.reasons().stream().map(Object::toString).toList()));
        return cells;
    }
}

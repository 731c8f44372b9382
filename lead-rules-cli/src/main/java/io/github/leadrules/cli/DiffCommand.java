package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.QualificationTrace;
import io.github.leadrules.cli.io.CsvWriter;
import io.github.leadrules.cli.report.CompareReport;
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
import java.io.OutputStreamWriter;
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
import java.util.concurrent.Callable;

/**
 * {@code lead-rules diff}: decides the same leads under a base and a candidate rule set and shows,
 * before the candidate goes live, how many leads move between outcomes, urgency levels and routes,
 * which leads change and which rules made the difference.
 */
@Command(name = "diff", sortOptions = false, usageHelpAutoWidth = true,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        description = {
                "What-if: which leads a candidate rule set would decide differently from the base rule set, and why.",
                "Base: --base-policy, --base-rules, --base-disable-rule; candidate: --policy, --rules, --disable-rule.",
                "Prints transition matrices (rows: base, columns: candidate) and the rules that fire differently;",
                "--out writes every changed lead as CSV, --report an HTML view.",
                "Both rule sets decide as of the same time; the whole input is held in memory.",
                "Exit codes: 0 compared, 1 usage/input/policy/rules error."})
final class DiffCommand implements Callable<Integer> {

    /** The columns of the changed-leads CSV. */
    static final List<String> CHANGE_COLUMNS = List.of("line", "lead_id", "changed",
            "outcome_base", "outcome_candidate", "urgency_base", "urgency_candidate", "route_base", "route_candidate",
            "exclusions_base", "exclusions_candidate", "rules_only_base", "rules_only_candidate",
            "reasons_base", "reasons_candidate");

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

    @Mixin
    LeadInputOptions inputOptions;

    @Mixin
    BaseRuleSetOptions base;

    @Mixin
    RuleSetOptions candidate;

    @Mixin
    AccountOptions accountOptions;

    @Override
    public Integer call() {
        return CommandErrors.run("diff", parent.err(), this::run);
    }

    private int run() throws IOException, UsageProblem {
        if (list < 0) {
            throw new UsageProblem("--list must not be negative");
        }
        long started = System.nanoTime();
        LeadInputOptions.Settings settings = inputOptions.settings(input);
        AccountOptions.Loaded accounts = accountOptions.load(settings.zone());
        LeadFile file = LeadFile.read(input, settings, null, System.in);
        Clock clock = Clock.fixed(file.asOf(), ZoneOffset.UTC);
        LeadQualifier baseQualifier = base.build(clock, accounts.directory());
        LeadQualifier candidateQualifier = candidate.build(clock, accounts.directory());
        List<QualificationTrace> baseTraces = file.trace(baseQualifier);
        List<QualificationTrace> candidateTraces = file.trace(candidateQualifier);
        QualificationDiff diff = QualificationDiff.of(baseTraces, baseQualifier.rules(), candidateTraces,
                candidateQualifier.rules());
        double seconds = (System.nanoTime() - started) / 1e9;

        PrintWriter summary = "-".equals(out) ? parent.err() : parent.out();
        String baseLabel = base.describe();
        String candidateLabel = candidate.describe();
        summary.printf(Locale.ROOT, "%s: %,d rows (%s), decided as of %s%n", file.sourceName(), file.rows().size(),
                file.mapping().describe(), file.asOf());
        summary.printf(Locale.ROOT, "base:      rule set %s, %s%n", baseQualifier.fingerprint(), baseLabel);
        summary.printf(Locale.ROOT, "candidate: rule set %s, %s%n", candidateQualifier.fingerprint(), candidateLabel);
        if (accounts.description() != null) {
            summary.println("both:      " + accounts.description());
        }
        if (file.unreadable() > 0) {
            summary.printf(Locale.ROOT, "%,d rows cannot be read as leads; they are INVALID under both (see qualify's decision_errors)%n",
                    file.unreadable());
        }
        summary.println();
        summary.print(diff.toText(list));
        summary.println();
        summary.printf(Locale.ROOT, "%,d rows decided twice in %.1f s%n", file.rows().size(), seconds);

        if (out != null) {
            writeChanges(diff, file);
            if (!out.equals("-")) {
                summary.println("changed leads: " + out);
            }
        }
        if (report != null) {
            Outputs.createParentDirectories(report);
            try (Writer w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                CompareReport.writeDiff(w, diff, new CompareReport.DiffContext(file.sourceName(), file.mapping().describe(),
                        file.asOf().toString(), baseLabel, candidateLabel, baseQualifier.rules(), candidateQualifier.rules(),
                        position -> lineOf(file, position), position -> leadOf(file, position)));
            }
            summary.println("report:        " + report);
        }
        summary.flush();
        return ExitCodes.OK;
    }

    private void writeChanges(QualificationDiff diff, LeadFile file) throws IOException {
        Writer w;
        if (out.equals("-")) {
            w = new BufferedWriter(new OutputStreamWriter(Outputs.keptOpen(parent.stdout()), StandardCharsets.UTF_8));
        } else {
            Outputs.createParentDirectories(Path.of(out));
            w = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8);
        }
        try (CsvWriter csv = new CsvWriter(w, ',')) {
            csv.write(CHANGE_COLUMNS);
            for (LeadChange c : diff.changes()) {
                csv.write(changeCells(c, lineOf(file, c.position())));
            }
        }
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

    private static long lineOf(LeadFile file, int position) {
        return file.rows().get(position).line();
    }

    private static Lead leadOf(LeadFile file, int position) {
        return file.rows().get(position).lead();
    }
}

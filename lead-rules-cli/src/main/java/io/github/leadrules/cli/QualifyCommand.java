package io.github.leadrules.cli;

import io.github.leadrules.FunnelReport;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.columns.RowMapper;
import io.github.leadrules.cli.io.DecisionSink;
import io.github.leadrules.cli.io.Decisions;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.reports.FunnelTally;
import io.github.leadrules.reports.HtmlFunnelReport;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code lead-rules qualify}: decides every row of a lead export and writes it back with the
 * decision beside it, streaming in chunks so that memory stays bounded whatever the file's size.
 */
@Command(name = "qualify", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = LeadRulesCli.Version.class,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        description = {
                "Qualify a lead export (CSV or JSON Lines): every row comes back with its decision, and the funnel is printed.",
                "Columns are recognised from the header (lead-rules, Salesforce, HubSpot) or named with --map.",
                "Exit codes: 0 all rows decided, 1 usage/input/policy/rules error, 2 some rows INVALID, 3 some rows ERROR."})
final class QualifyCommand implements Callable<Integer> {

    @ParentCommand
    LeadRulesCli parent;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The lead export: a .csv or .jsonl file, or - for standard input.")
    String input;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write every row with its decision columns here (- for standard output). Without it only the funnel is computed. "
                    + "The file appears when the run is complete; it may not be an input.")
    String out;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write the funnel as one self-contained HTML page.")
    Path report;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "Output format. Default: jsonl when --out ends in .jsonl or .ndjson, else csv.")
    String format;

    @Option(names = "--out-encoding", paramLabel = "CHARSET",
            description = "Output encoding. Default: the input's; a UTF-8 BOM is written when the input had one. "
                    + "A cell it cannot represent stops the run, naming its line and column.")
    String outEncoding;

    @Mixin
    LeadInputOptions inputOptions;

    @Option(names = "--chunk", paramLabel = "ROWS", defaultValue = "1000",
            description = "Rows read, decided and written at a time. Default: ${DEFAULT-VALUE}")
    int chunk;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads deciding chunks in parallel (output order is kept). Default: one per processor.")
    int threads;

    @Option(names = "--progress", negatable = true, description = "Show a progress bar on stderr. Default: only when stderr is a terminal.")
    Boolean progress;

    @Mixin
    RuleSetOptions ruleSet;

    @Mixin
    AccountOptions accountOptions;

    @Mixin
    CsvOutputOptions csvOptions;

    @Override
    public Integer call() {
        return CommandErrors.run("qualify", parent.err(), this::run);
    }

    private int run(Outputs outputs) throws IOException, UsageProblem {
        Outputs.refuseOverlaps(inputs(), outputs());
        PrintWriter err = parent.err();
        LeadInputOptions.Settings settings = inputOptions.settings(input);
        if (inputOptions.asOf != null) {
            AsOfRange.check(settings.asOf(), "--as-of");
        }
        Charset outCharset = outEncoding == null ? settings.charset() : LeadInputOptions.charset(outEncoding, "--out-encoding");
        if (chunk < 1 || chunk > 100_000) {
            throw new UsageProblem("--chunk must be between 1 and 100000");
        }
        if (threads < 0 || threads > 256) {
            throw new UsageProblem("--threads must be between 0 (one per processor) and 256");
        }
        boolean jsonOut = format != null ? LeadInputOptions.isJsonl(format, "--format")
                : out != null && LeadInputOptions.endsWithJsonl(out);
        Instant now = settings.asOf();
        AccountOptions.Loaded accounts = accountOptions.load(settings.zone());

        RuleSetOptions.checkReadable(ruleSet.policy, ruleSet.rules);

        // Everything a user can get wrong is checked above and by opening the input (its header and
        // --map) before the rules are built: a typo is reported at once, not after the build.
        try (LeadInput source = LeadInput.open(input, settings, System.in)) {
            long buildStarted = System.nanoTime();
            LeadQualifier qualifier = ruleSet.build(Clock.fixed(now, ZoneOffset.UTC), accounts.directory(),
                    RuleSetOptions.unavailableFields(source.mapping()));
            source.missingValues(qualifier.policy());
            double buildSeconds = (System.nanoTime() - buildStarted) / 1e9;
            long started = System.nanoTime();
            String sourceName = source.sourceName();
            ColumnMapping mapping = source.mapping();
            FunnelTally counter = new FunnelTally();
            boolean show = progress != null ? progress : parent.interactive();
            Progress bar = new Progress(err, show, source.size());
            PrintWriter summary = "-".equals(out) ? err : parent.out();
            boolean bom = source.bom() && outCharset.equals(StandardCharsets.UTF_8);
            try (DecisionSink sink = openSink(outputs, jsonOut, outCharset, bom, settings.delimiter(), source.header())) {
                // The calling thread only reads rows and writes finished bytes; mapping rows to leads,
                // deciding them and laying out and encoding the output happen on the worker threads.
                RowMapper mapper = source.mapper();
                Chunks.run(source::next, chunk, Chunks.workers(threads), "lead-rules-qualify",
                        rows -> decide(qualifier, mapper, sink, rows), (rows, decided) -> {
                            for (Row row : decided.rows()) {
                                counter.add(row.line(), row.lead(), row.decision(), row.errors());
                            }
                            sink.write(decided.output());
                            bar.update(counter.total(), source.bytesRead());
                        });
            }
            bar.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (report != null) {
                writeReport(outputs, qualifier, mapping, counter, sourceName, now, seconds);
            }
            outputs.commit();
            printSummary(summary, qualifier, mapping, counter, sourceName, now, accounts, buildSeconds, seconds);
            FunnelReport funnel = counter.report();
            if (summary != err) {
                // The summary's funnel shows them too; on stderr they are not lost when stdout is piped.
                funnel.warnings().forEach(w -> err.println("warning: " + w));
                err.flush();
            }
            if (funnel.errors() > 0) {
                return ExitCodes.SOME_ERRORS;
            }
            return funnel.invalid() > 0 ? ExitCodes.SOME_INVALID : ExitCodes.OK;
        }
    }

    /** Every file this run reads, by the option that names it. */
    private Map<String, List<Path>> inputs() {
        return InputFiles.of(input, inputOptions).ruleSet("--policy", ruleSet.policy, "--rules", ruleSet.rules)
                .accounts(accountOptions).byOption();
    }

    /** Every file this run writes, by the option that names it. */
    private Map<String, Path> outputs() {
        Map<String, Path> written = new LinkedHashMap<>();
        written.put("--out", out == null ? null : Path.of(out));
        written.put("--report", report);
        return written;
    }

    /** One row decided: what the funnel counts. */
    private record Row(long line, Lead lead, Qualification decision, String errors) {
    }

    /** One chunk decided: its rows for the funnel, in input order, and their output bytes. */
    private record Decided(List<Row> rows, List<byte[]> output) {
    }

    /**
     * Maps the rows of one chunk to leads, decides the readable ones and renders the chunk's
     * output (on a worker thread). An unreadable row gets its INVALID decision; a decision's
     * field errors name the input column, not the model field.
     */
    private static Decided decide(LeadQualifier qualifier, RowMapper mapper, DecisionSink sink, List<InputRow> inputs)
            throws IOException {
        ReadRow[] rows = new ReadRow[inputs.size()];
        // Each row's own cells are laid out for the output as soon as it is read, while they are in the cache.
        DecisionSink.EchoedCells echo = sink.echo(inputs.size());
        List<Lead> leads = read(inputs, mapper, echo, rows);
        List<Qualification> decisions = leads.isEmpty() ? List.of() : qualifier.qualifyAll(leads);
        Row[] decided = new Row[rows.length];
        InputRow[] shown = new InputRow[rows.length];
        Qualification[] written = new Qualification[rows.length];
        int next = 0;
        for (int i = 0; i < rows.length; i++) {
            ReadRow read = rows[i];
            Qualification q = read.readable() ? decided(decisions.get(next++), mapper)
                    : read.invalid(read.lead() == null ? null : read.lead().id(), qualifier.fingerprint());
            decided[i] = row(read, q, shown, i);
            written[i] = q;
        }
        return new Decided(Arrays.asList(decided), sink.render(Arrays.asList(shown), Arrays.asList(written), echo));
    }

    /** Reads each row of a chunk into {@code rows} (and {@code echo}); returns the leads of the readable ones. */
    private static List<Lead> read(List<InputRow> inputs, RowMapper mapper, DecisionSink.EchoedCells echo, ReadRow[] rows) {
        List<Lead> leads = new ArrayList<>(inputs.size());
        for (int i = 0; i < rows.length; i++) {
            InputRow input = inputs.get(i);
            ReadRow read = ReadRow.of(input, mapper);
            if (echo != null) {
                echo.add(input);
            }
            rows[i] = read;
            if (read.readable()) {
                leads.add(read.lead());
            }
        }
        return leads;
    }

    /** A decision of the rules, its field errors naming the input columns. */
    private static Qualification decided(Qualification q, RowMapper mapper) {
        if (q.outcome() != Outcome.INVALID) {
            return q;
        }
        return new Qualification(q.leadId(), q.outcome(), q.exclusions(), q.urgency(), q.route(), q.reasons(),
                ReadRow.inColumns(q.fieldErrors(), mapper), q.fingerprint());
    }

    /** The row the funnel counts; puts the row as it is to be written, with its note, in {@code shown[i]}. */
    private static Row row(ReadRow read, Qualification q, InputRow[] shown, int i) {
        InputRow row = read.row();
        String note = read.note();
        shown[i] = note == row.note() ? row : new InputRow(row.line(), row.cells(), row.problems(), note, row.json());
        return new Row(row.line(), read.lead(), q, Decisions.errors(row.line(), q.fieldErrors(), note));
    }

    private DecisionSink openSink(Outputs outputs, boolean jsonOut, Charset charset, boolean bom, char delim,
                                  List<String> header) throws IOException {
        if (out == null) {
            return DecisionSink.none();
        }
        OutputStream stream = out.equals("-") ? Outputs.keptOpen(parent.stdout()) : outputs.create(Path.of(out));
        OutputStream buffered = new BufferedOutputStream(stream, 1 << 16);
        String name = out.equals("-") ? "standard output" : CommandErrors.printable(out);
        return jsonOut ? DecisionSink.jsonLines(buffered, charset, bom, header, name)
                : DecisionSink.csv(buffered, charset, bom, delim, header, csvOptions.escapeFormulas, name);
    }

    private void writeReport(Outputs outputs, LeadQualifier qualifier, ColumnMapping mapping, FunnelTally counter,
                             String sourceName, Instant now, double seconds) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(outputs.create(report), StandardCharsets.UTF_8))) {
            HtmlFunnelReport.write(w, counter, new HtmlFunnelReport.Context(sourceName, mapping.describe(), now.toString(),
                    qualifier.fingerprint(), ruleSet.policyLabel(), qualifier.rules(), seconds));
        }
    }

    private void printSummary(PrintWriter w, LeadQualifier qualifier, ColumnMapping mapping, FunnelTally counter,
                              String sourceName, Instant now, AccountOptions.Loaded accounts, double buildSeconds,
                              double seconds) {
        FunnelReport funnel = counter.report();
        w.printf(Locale.ROOT, "%s: %,d rows (%s), decided as of %s%n", sourceName, funnel.total(), mapping.describe(), now);
        w.printf(Locale.ROOT, "rule set %s, policy %s%n", qualifier.fingerprint(), ruleSet.policyLabel());
        if (accounts.description() != null) {
            w.println(accounts.description());
        }
        w.println();
        w.print(funnel.toText());
        w.println();
        w.printf(Locale.ROOT, "rules built in %.1f s; %,d rows read, decided and written in %.1f s (%,.0f rows/s)%n",
                buildSeconds, funnel.total(), seconds, seconds > 0 ? funnel.total() / seconds : 0.0);
        if (out != null && !out.equals("-")) {
            w.println("decisions: " + out);
        }
        if (report != null) {
            w.println("report:    " + report);
        }
        if (funnel.invalid() > 0) {
            w.printf(Locale.ROOT, "%,d rows INVALID: see decision_errors for line and column%n", funnel.invalid());
        }
        if (funnel.errors() > 0) {
            w.printf(Locale.ROOT, "%,d rows ERROR: a rule failed on them (see decision_reasons)%n", funnel.errors());
        }
        w.flush();
    }
}

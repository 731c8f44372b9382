package io.github.leadrules.cli;

import io.github.leadrules.FunnelReport;
import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.columns.MapFile;
import io.github.leadrules.cli.columns.RowMapper;
import io.github.leadrules.cli.io.CsvRowSource;
import io.github.leadrules.cli.io.DecisionSink;
import io.github.leadrules.cli.io.Decisions;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.cli.io.JsonLinesRowSource;
import io.github.leadrules.cli.io.RowSource;
import io.github.leadrules.cli.report.FunnelCounter;
import io.github.leadrules.cli.report.HtmlReport;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.policy.PolicyFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code lead-rules qualify}: decides every row of a lead export and writes it back with the
 * decision beside it, streaming in chunks so that memory stays bounded whatever the file's size.
 */
@Command(name = "qualify", sortOptions = false, usageHelpAutoWidth = true,
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
            description = "Write every row with its decision columns here (- for standard output). Without it only the funnel is computed.")
    String out;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write the funnel as one self-contained HTML page.")
    Path report;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "Output format. Default: jsonl when --out ends in .jsonl or .ndjson, else csv.")
    String format;

    @Option(names = "--input-format", paramLabel = "csv|jsonl",
            description = "Input format. Default: jsonl when INPUT ends in .jsonl or .ndjson, else csv.")
    String inputFormat;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Input encoding, e.g. Shift_JIS or windows-31j for Japanese Excel exports. Default: ${DEFAULT-VALUE} (a BOM is fine).")
    String encoding;

    @Option(names = "--out-encoding", paramLabel = "CHARSET",
            description = "Output encoding. Default: the input's; a UTF-8 BOM is written when the input had one.")
    String outEncoding;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV delimiter: , ; | or tab. Default: ${DEFAULT-VALUE}")
    String delimiter;

    @Option(names = "--map", paramLabel = "FILE",
            description = "Column map (field = column per line, properties or flat YAML) for headers no preset knows, or to override one.")
    Path map;

    @Option(names = "--as-of", paramLabel = "TIME",
            description = "Decide as of this time (ISO instant like 2026-11-28T00:00:00Z, or a date). Default: now. Fixed for the whole run.")
    String asOf;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone for dates and times in the input that carry none, e.g. Asia/Tokyo. Default: ${DEFAULT-VALUE}")
    String zone;

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

    @Override
    public Integer call() {
        PrintWriter err = parent.err();
        try {
            return run(err);
        } catch (UsageProblem e) {
            err.println("lead-rules qualify: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (PolicyFileException | InvalidRulesException e) {
            err.println("lead-rules qualify: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (NoSuchFileException e) {
            err.println("lead-rules qualify: no such file: " + e.getFile());
            return ExitCodes.FAILED;
        } catch (RowSource.BadInputException e) {
            err.println("lead-rules qualify: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException e) {
            err.println("lead-rules qualify: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** A usage problem found after parsing (bad charset, bad date …). */
    static final class UsageProblem extends Exception {
        private static final long serialVersionUID = 1L;

        UsageProblem(String message) {
            super(message);
        }
    }

    private int run(PrintWriter err) throws IOException, UsageProblem {
        Charset inCharset = charset(encoding, "--encoding");
        Charset outCharset = outEncoding == null ? inCharset : charset(outEncoding, "--out-encoding");
        char delim = delimiter();
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new UsageProblem("--zone: unknown time zone '" + zone + "'");
        }
        Instant now = asOf == null ? Instant.now() : parseAsOf(asOf, zoneId);
        if (chunk < 1 || chunk > 100_000) {
            throw new UsageProblem("--chunk must be between 1 and 100000");
        }
        if (threads < 0 || threads > 256) {
            throw new UsageProblem("--threads must be between 0 (one per processor) and 256");
        }
        boolean jsonIn = inputFormat != null ? isJsonl(inputFormat, "--input-format") : endsWithJsonl(input);
        boolean jsonOut = format != null ? isJsonl(format, "--format") : out != null && endsWithJsonl(out);
        MapFile mapFile = null;
        if (map != null) {
            try {
                mapFile = MapFile.load(map);
            } catch (MapFile.MapFileException e) {
                throw new UsageProblem(e.getMessage());
            }
        }

        long buildStarted = System.nanoTime();
        LeadQualifier qualifier = ruleSet.build(Clock.fixed(now, ZoneOffset.UTC));
        double buildSeconds = (System.nanoTime() - buildStarted) / 1e9;
        long started = System.nanoTime();

        boolean stdin = input.equals("-");
        long size = stdin ? -1 : Files.size(Path.of(input));
        CountingInputStream counting = new CountingInputStream(stdin ? System.in : Files.newInputStream(Path.of(input)));
        BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
        boolean bom = skipUtf8Bom(buffered, inCharset);
        String sourceName = stdin ? "standard input" : input;
        InputStreamReader reader = new InputStreamReader(buffered, inCharset);
        try (RowSource source = jsonIn ? new JsonLinesRowSource(reader, sourceName) : new CsvRowSource(reader, delim, sourceName)) {
            ColumnMapping mapping;
            try {
                mapping = ColumnMapping.resolve(source.header(), mapFile, sourceName);
            } catch (ColumnMapping.UnknownColumnsException e) {
                throw new UsageProblem(e.getMessage());
            }
            RowMapper mapper = new RowMapper(mapping, zoneId);
            FunnelCounter counter = new FunnelCounter();
            boolean show = progress != null ? progress : parent.interactive();
            Progress bar = new Progress(err, show, size);
            PrintWriter summary = "-".equals(out) ? err : parent.out();
            int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "lead-rules-qualify");
                t.setDaemon(true);
                return t;
            });
            try (DecisionSink sink = openSink(jsonOut, outCharset, bom && outCharset.equals(StandardCharsets.UTF_8), delim, source.header())) {
                // Chunks are decided on worker threads and written in input order; at most workers + 1
                // chunks are in memory at once, whatever the size of the file.
                Deque<Chunk> inFlight = new ArrayDeque<>();
                boolean more = true;
                while (more) {
                    List<InputRow> rows = new ArrayList<>(chunk);
                    InputRow row;
                    while (rows.size() < chunk && (row = source.next()) != null) {
                        rows.add(row);
                    }
                    more = rows.size() == chunk;
                    if (!rows.isEmpty()) {
                        inFlight.add(Chunk.submit(qualifier, mapper, rows, pool));
                    }
                    while (!inFlight.isEmpty() && (inFlight.size() > workers || !more)) {
                        inFlight.poll().write(qualifier, mapper, counter, sink);
                        bar.update(counter.total(), counting.count());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            bar.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (report != null) {
                writeReport(qualifier, mapping, counter, sourceName, now, seconds);
            }
            printSummary(summary, qualifier, mapping, counter, sourceName, now, buildSeconds, seconds);
            if (counter.errors() > 0) {
                return ExitCodes.SOME_ERRORS;
            }
            return counter.invalid() > 0 ? ExitCodes.SOME_INVALID : ExitCodes.OK;
        }
    }

    /** One chunk of rows: mapped on the reading thread, qualified on a worker, written in input order. */
    private record Chunk(List<InputRow> rows, List<RowMapper.Result> mapped, Future<List<Qualification>> decided) {

        static Chunk submit(LeadQualifier qualifier, RowMapper mapper, List<InputRow> rows, ExecutorService pool) {
            List<RowMapper.Result> mapped = new ArrayList<>(rows.size());
            List<Lead> leads = new ArrayList<>(rows.size());
            for (InputRow row : rows) {
                RowMapper.Result r = row.cells().isEmpty() && !row.problems().isEmpty() ? null : mapper.map(row.line(), row.cells());
                mapped.add(r);
                if (readable(row, r)) {
                    leads.add(r.lead());
                }
            }
            Future<List<Qualification>> decided = pool.submit(() -> leads.isEmpty() ? List.of() : qualifier.qualifyAll(leads));
            return new Chunk(rows, mapped, decided);
        }

        void write(LeadQualifier qualifier, RowMapper mapper, FunnelCounter counter, DecisionSink sink) throws IOException {
            List<Qualification> decisions;
            try {
                decisions = decided.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("qualifying a chunk failed", e.getCause());
            }
            int next = 0;
            for (int i = 0; i < rows.size(); i++) {
                InputRow row = rows.get(i);
                RowMapper.Result r = mapped.get(i);
                Qualification q;
                String note = row.note();
                if (readable(row, r)) {
                    q = decisions.get(next++);
                    if (q.outcome() == Outcome.INVALID) {
                        List<FieldError> named = new ArrayList<>(q.fieldErrors().size());
                        for (FieldError e : q.fieldErrors()) {
                            named.add(new FieldError(mapper.columnOf(e.field()), e.code()));
                        }
                        q = new Qualification(q.leadId(), q.outcome(), q.exclusions(), q.urgency(), q.route(), q.reasons(),
                                named, q.fingerprint());
                    }
                } else {
                    List<FieldError> errors = new ArrayList<>(row.problems());
                    if (r != null) {
                        errors.addAll(r.errors());
                    }
                    if (hasReplacementCharacter(row)) {
                        errors.add(new FieldError("row", "BAD_ENCODING"));
                        note = note != null ? note
                                : "bytes that are not valid in the input encoding; try --encoding Shift_JIS (or windows-31j)";
                    }
                    String id = r == null ? null : r.lead().id();
                    q = new Qualification(id, Outcome.INVALID, List.of(), Urgency.UNKNOWN, Route.NONE, List.of(), errors,
                            qualifier.fingerprint());
                }
                InputRow shown = note == row.note() ? row : new InputRow(row.line(), row.cells(), row.problems(), note, row.json());
                counter.add(row.line(), r == null ? null : r.lead(), q, Decisions.errors(row.line(), q.fieldErrors(), note));
                sink.write(shown, q);
            }
        }

        private static boolean readable(InputRow row, RowMapper.Result r) {
            return r != null && r.errors().isEmpty() && row.problems().isEmpty() && !hasReplacementCharacter(row);
        }
    }

    private static boolean hasReplacementCharacter(InputRow row) {
        for (String cell : row.cells()) {
            if (cell.indexOf('\uFFFD') >= 0) {
                return true;
            }
        }
        return false;
    }

    private DecisionSink openSink(boolean jsonOut, Charset charset, boolean bom, char delim, List<String> header)
            throws IOException {
        if (out == null) {
            return DecisionSink.none();
        }
        OutputStream stream;
        if (out.equals("-")) {
            stream = new FilterOutputStreamNoClose(parent.stdout());
        } else {
            Path path = Path.of(out);
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            stream = Files.newOutputStream(path);
        }
        if (bom) {
            stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(stream, charset), 1 << 16);
        return jsonOut ? DecisionSink.jsonLines(w, header) : DecisionSink.csv(w, delim, header);
    }

    private void writeReport(LeadQualifier qualifier, ColumnMapping mapping, FunnelCounter counter, String sourceName,
                             Instant now, double seconds) throws IOException {
        Path target = report.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try (Writer w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            HtmlReport.write(w, counter, new HtmlReport.Context(sourceName, mapping.describe(), now.toString(),
                    qualifier.fingerprint(), ruleSet.policyLabel(), qualifier.rules(), seconds));
        }
    }

    private void printSummary(PrintWriter w, LeadQualifier qualifier, ColumnMapping mapping, FunnelCounter counter,
                              String sourceName, Instant now, double buildSeconds, double seconds) {
        FunnelReport funnel = counter.toReport();
        w.printf(Locale.ROOT, "%s: %,d rows (%s), decided as of %s%n", sourceName, counter.total(), mapping.describe(), now);
        w.printf(Locale.ROOT, "rule set %s, policy %s%n", qualifier.fingerprint(), ruleSet.policyLabel());
        w.println();
        w.print(funnel.toText());
        w.println();
        w.printf(Locale.ROOT, "rules built in %.1f s; %,d rows read, decided and written in %.1f s (%,.0f rows/s)%n",
                buildSeconds, counter.total(), seconds, seconds > 0 ? counter.total() / seconds : 0.0);
        if (out != null && !out.equals("-")) {
            w.println("decisions: " + out);
        }
        if (report != null) {
            w.println("report:    " + report);
        }
        if (counter.invalid() > 0) {
            w.printf(Locale.ROOT, "%,d rows INVALID: see decision_errors for line and column%n", counter.invalid());
        }
        if (counter.errors() > 0) {
            w.printf(Locale.ROOT, "%,d rows ERROR: a rule failed on them (see decision_reasons)%n", counter.errors());
        }
        w.flush();
    }

    private static Charset charset(String name, String option) throws UsageProblem {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageProblem(option + ": unknown encoding '" + name + "'");
        }
    }

    private char delimiter() throws UsageProblem {
        String d = delimiter;
        if (d.equalsIgnoreCase("tab") || d.equals("\\t") || d.equals("\t")) {
            return '\t';
        }
        if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
            throw new UsageProblem("--delimiter must be one character (or 'tab'), got '" + d + "'");
        }
        return d.charAt(0);
    }

    private static boolean isJsonl(String value, String option) throws UsageProblem {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "jsonl", "ndjson", "json" -> true;
            default -> throw new UsageProblem(option + " must be csv or jsonl, got '" + value + "'");
        };
    }

    private static boolean endsWithJsonl(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    static Instant parseAsOf(String text, ZoneId zone) throws UsageProblem {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new UsageProblem("--as-of: expected an ISO instant like 2026-11-28T00:00:00Z or a date like 2026-11-28, got '"
                    + text + "'");
        }
    }

    /** Drops a UTF-8 byte-order mark when reading UTF-8; returns whether there was one. */
    private static boolean skipUtf8Bom(BufferedInputStream in, Charset charset) throws IOException {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return false;
        }
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return true;
        }
        in.reset();
        return false;
    }

    /** Counts bytes read, for the progress bar's percentage. */
    static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Standard output must stay open after the sink closes. */
    static final class FilterOutputStreamNoClose extends java.io.FilterOutputStream {
        FilterOutputStreamNoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

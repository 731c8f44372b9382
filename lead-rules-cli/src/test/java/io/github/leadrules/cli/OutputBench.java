package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.cli.columns.RowMapper;
import io.github.leadrules.cli.io.DecisionSink;
import io.github.leadrules.cli.io.Decisions;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.reports.FunnelTally;
import picocli.CommandLine;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Not a test: times (in CPU time of its thread) the output stage of qualify alone (laying out rows and decisions as CSV bytes,
 * and the funnel tally) over rows decided once, in one JVM. Run by hand:
 * {@code java -cp … io.github.leadrules.cli.OutputBench FILE.csv ROUNDS [qualify options]}.
 */
public final class OutputBench {

    public static void main(String[] args) throws Exception {
        String file = args[0];
        int rounds = Integer.parseInt(args[1]);
        List<String> cliArgs = new ArrayList<>(List.of("qualify", file, "--as-of", "2026-11-28T00:00:00Z"));
        cliArgs.addAll(List.of(args).subList(2, args.length));
        CommandLine cl = new CommandLine(new LeadRulesCli());
        CommandLine.ParseResult parsed = cl.parseArgs(cliArgs.toArray(String[]::new));
        QualifyCommand q = (QualifyCommand) parsed.subcommand().commandSpec().userObject();
        LeadInputOptions.Settings settings = q.inputOptions.settings(file);
        List<List<InputRow>> chunksShown = new ArrayList<>();
        List<List<InputRow>> chunksIn = new ArrayList<>();
        List<List<Qualification>> chunksDecided = new ArrayList<>();
        List<List<String>> chunksErrors = new ArrayList<>();
        List<String> header;
        try (LeadInput source = LeadInput.open(file, settings, System.in)) {
            LeadQualifier qualifier = q.ruleSet.build(Clock.fixed(settings.asOf(), ZoneOffset.UTC),
                    io.github.leadrules.account.AccountDirectory.empty(), RuleSetOptions.unavailableFields(source.mapping()));
            source.missingValues(qualifier.policy());
            header = source.header();
            RowMapper mapper = source.mapper();
            List<InputRow> chunk = new ArrayList<>();
            InputRow row;
            while (true) {
                row = source.next();
                if (row != null) {
                    chunk.add(row);
                }
                if (chunk.size() == 1000 || row == null && !chunk.isEmpty()) {
                    List<ReadRow> reads = new ArrayList<>();
                    List<io.github.leadrules.model.Lead> leads = new ArrayList<>();
                    for (InputRow in : chunk) {
                        ReadRow read = ReadRow.of(in, mapper);
                        reads.add(read);
                        if (read.readable()) {
                            leads.add(read.lead());
                        }
                    }
                    List<Qualification> ds = qualifier.qualifyAll(leads);
                    List<InputRow> shown = new ArrayList<>();
                    List<Qualification> written = new ArrayList<>();
                    List<String> errors = new ArrayList<>();
                    int next = 0;
                    for (ReadRow read : reads) {
                        InputRow r = read.row();
                        Qualification d;
                        if (read.readable()) {
                            d = ds.get(next++);
                            if (d.outcome() == Outcome.INVALID) {
                                d = new Qualification(d.leadId(), d.outcome(), d.exclusions(), d.urgency(), d.route(), d.reasons(),
                                        ReadRow.inColumns(d.fieldErrors(), mapper), d.fingerprint());
                            }
                        } else {
                            d = read.invalid(read.lead() == null ? null : read.lead().id(), qualifier.fingerprint());
                        }
                        String note = read.note();
                        shown.add(note == r.note() ? r : new InputRow(r.line(), r.cells(), r.problems(), note, r.json()));
                        written.add(d);
                        errors.add(Decisions.errors(r.line(), d.fieldErrors(), note));
                    }
                    chunksIn.add(chunk);
                    chunksShown.add(shown);
                    chunksDecided.add(written);
                    chunksErrors.add(errors);
                    chunk = new ArrayList<>();
                }
                if (row == null) {
                    break;
                }
            }
        }
        long rows = chunksShown.stream().mapToLong(List::size).sum();
        System.out.println("rows " + rows);
        if (System.getProperty("identity") != null) {
            java.util.Map<String, java.util.Set<Integer>> ids = new java.util.TreeMap<>();
            for (int c = 0; c < 20; c++) {
                for (Qualification d : chunksDecided.get(c)) {
                    for (io.github.leadrules.model.Reason r : d.reasons()) {
                        ids.computeIfAbsent("id " + r.ruleId(), k -> new java.util.HashSet<>()).add(System.identityHashCode(r.ruleId()));
                        ids.computeIfAbsent("msg " + r.ruleId() + ": " + r.message(), k -> new java.util.HashSet<>()).add(System.identityHashCode(r.message()));
                    }
                    if (d.route().team() != null) {
                        ids.computeIfAbsent("team " + d.route().team(), k -> new java.util.HashSet<>()).add(System.identityHashCode(d.route().team()));
                    }
                    if (d.route().nurtureTrack() != null) {
                        ids.computeIfAbsent("track " + d.route().nurtureTrack(), k -> new java.util.HashSet<>()).add(System.identityHashCode(d.route().nurtureTrack()));
                    }
                    ids.computeIfAbsent("fp", k -> new java.util.HashSet<>()).add(System.identityHashCode(d.fingerprint()));
                }
            }
            ids.forEach((k, v) -> System.out.println(v.size() + " instances: " + k));
            return;
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            DecisionSink sink = DecisionSink.csv(OutputStream.nullOutputStream(), StandardCharsets.UTF_8, false,
                    settings.delimiter(), header, q.csvOptions.escapeFormulas, "out.csv");
            long echoNs = 0;
            long renderNs = 0;
            long tallyNs = 0;
            long bytes = 0;
            long warmed = 0;
            FunnelTally tally = new FunnelTally();
            for (int c = 0; c < chunksShown.size(); c++) {
                // qualify lays out a chunk's rows while they are in the cache, just read and decided: so here too
                warmed += warm(chunksIn.get(c), chunksDecided.get(c));
                long t0 = cpu.getCurrentThreadCpuTime();
                DecisionSink.EchoedCells echo = sink.echo(chunksIn.get(c).size());
                for (InputRow r : chunksIn.get(c)) {
                    echo.add(r);
                }
                long t1 = cpu.getCurrentThreadCpuTime();
                List<byte[]> out = sink.render(chunksShown.get(c), chunksDecided.get(c), echo);
                long t2 = cpu.getCurrentThreadCpuTime();
                List<InputRow> shown = chunksShown.get(c);
                List<Qualification> decided = chunksDecided.get(c);
                List<String> errors = chunksErrors.get(c);
                for (int i = 0; i < shown.size(); i++) {
                    tally.add(shown.get(i).line(), null, decided.get(i), errors.get(i));
                }
                long t3 = cpu.getCurrentThreadCpuTime();
                echoNs += t1 - t0;
                renderNs += t2 - t1;
                tallyNs += t3 - t2;
                for (byte[] b : out) {
                    bytes += b.length;
                    sha.update(b);
                }
            }
            System.out.printf("round %d: echo %.0f ns/row, render %.0f ns/row, tally %.0f ns/row, %d bytes, sha %s, total %d %s%n",
                    round, echoNs / (double) rows, renderNs / (double) rows, tallyNs / (double) rows, bytes,
                    HexFormat.of().formatHex(sha.digest()).substring(0, 16), tally.total(), warmed == 42 ? "" : "");
        }
    }

    /** Reads every cell and decision of a chunk, so that they are in the cache. */
    private static long warm(List<InputRow> rows, List<Qualification> decisions) {
        long sum = 0;
        for (InputRow row : rows) {
            for (String cell : row.cells()) {
                sum += cell.isEmpty() ? 0 : cell.charAt(cell.length() - 1) + cell.charAt(0);
            }
        }
        for (Qualification q : decisions) {
            for (io.github.leadrules.model.Reason r : q.reasons()) {
                sum += r.message().charAt(r.message().length() - 1) + r.ruleId().length();
            }
            sum += q.outcome().ordinal() + q.urgency().score() + q.route().destination().ordinal() + q.fingerprint().length();
        }
        return sum;
    }
}

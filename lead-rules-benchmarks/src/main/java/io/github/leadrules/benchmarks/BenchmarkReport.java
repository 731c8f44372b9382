package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark command: runs the JMH benchmarks and the start-up harness, then prints one table
 * with the library, the plain-Java ceiling, their ratio and the targets.
 *
 * <pre>
 * java -jar lead-rules-benchmarks/target/benchmarks.jar            # quick mode, under 3 minutes on 2 cores
 * java -jar lead-rules-benchmarks/target/benchmarks.jar --full     # longer runs, two forks each (about 12 minutes)
 * java -cp lead-rules-benchmarks/target/benchmarks.jar org.openjdk.jmh.Main -h   # plain JMH
 * </pre>
 *
 * Options: {@code --quick} (default), {@code --full}, {@code --startup-runs N},
 * {@code --no-startup}, {@code --jmh-verbose}, {@code --cli} (also the command line's rows, {@link CliReport};
 * needs the distribution built), {@code --cli-only}.
 */
public final class BenchmarkReport {

    private final boolean full;
    private final boolean verbose;
    private final int startupRuns;
    private final List<StartupHarness.Result> startupVariants = new ArrayList<>();
    private final Map<String, RunResult> results = new HashMap<>();
    /** Start-up with the packaged rules precompiled and from DRL (issue 12), or null. */
    private PrecompiledStartup.Comparison precompiledStartup;

    private BenchmarkReport(boolean full, boolean verbose, int startupRuns) {
        this.full = full;
        this.verbose = verbose;
        this.startupRuns = startupRuns;
    }

    /** Runs everything and prints the table. */
    public static void main(String[] args) throws Exception {
        boolean full = false;
        boolean verbose = false;
        boolean variants = false;
        boolean jmh = true;
        boolean cli = false;
        int startupRuns = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> full = false;
                case "--full" -> full = true;
                case "--jmh-verbose" -> verbose = true;
                case "--no-startup" -> startupRuns = 0;
                case "--startup-variants" -> variants = true;
                case "--startup-only" -> jmh = false;
                case "--startup-runs" -> startupRuns = Integer.parseInt(args[++i]);
                case "--cli" -> cli = true;
                case "--cli-only" -> {
                    cli = true;
                    jmh = false;
                    startupRuns = 0;
                }
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; use --quick, --full, --startup-runs N, --no-startup, --startup-variants, --startup-only, --cli, --cli-only, --jmh-verbose");
                    System.exit(2);
                }
            }
        }
        if (startupRuns < 0) {
            startupRuns = full ? 11 : 5;
        }
        long started = System.nanoTime();
        BenchmarkReport report = new BenchmarkReport(full, verbose, startupRuns);
        if (jmh) {
            report.runJmh();
        }
        StartupHarness.Result startup = startupRuns == 0 ? null : StartupHarness.measure(startupRuns, List.of());
        if (variants && startupRuns > 0) {
            report.measureStartupVariants(startupRuns);
        }
        if (startupRuns > 0 && (jmh || startup != null)) {
            System.out.println("measuring start-up with the packaged rules precompiled and from DRL …");
            report.precompiledStartup = PrecompiledStartup.measure(full ? startupRuns : Math.min(startupRuns, 3));
        }
        String table = jmh || startup != null ? report.table(startup, (System.nanoTime() - started) / 1_000_000_000L) : "";
        if (cli) {
            // The command line's rows (launcher, main job, missing input, CLI vs qualifyAll): CliReport.
            table = table + (table.isEmpty() ? "" : "\n") + CliReport.measure(full ? 7 : 5, full ? 3 : 1, 1_000_000,
                    Runtime.getRuntime().availableProcessors());
        }
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target", "benchmark-report.txt");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, table);
        }
    }

    /** What the JVM can do for start-up without any change to the library: C1 only, and class-data sharing. */
    private void measureStartupVariants(int runs) throws IOException, InterruptedException {
        System.out.println("measuring start-up variants …");
        Path archive = StartupHarness.createCdsArchive(Path.of(System.getProperty("java.io.tmpdir"),
                "lead-rules-startup-" + ProcessHandle.current().pid() + ".jsa"));
        try {
            startupVariants.add(StartupHarness.measure(runs, List.of("-XX:TieredStopAtLevel=1")));
            startupVariants.add(StartupHarness.measure(runs, List.of("-XX:SharedArchiveFile=" + archive)));
            startupVariants.add(StartupHarness.measure(runs, List.of("-XX:SharedArchiveFile=" + archive,
                    "-XX:TieredStopAtLevel=1")));
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private void runJmh() throws RunnerException {
        // Drools and its generated condition classes take about 10 s of a 2-core machine to reach steady
        // state (measured: 26k, 80k, 119k, then 150-168k leads/s in consecutive 3 s iterations on 2 threads),
        // so warm-up is long even in quick mode.
        TimeValue warmup = full ? TimeValue.seconds(5) : TimeValue.milliseconds(2_500);
        TimeValue measure = TimeValue.seconds(full ? 5 : 2);
        // With the GC profiler: its allocation per operation is the allocation per lead.
        run(ThroughputBenchmark.class, base().warmupIterations(full ? 4 : 3).measurementIterations(full ? 5 : 3)
                .warmupTime(warmup).measurementTime(measure).addProfiler(GCProfiler.class));
        run(SignalsBenchmark.class, base().warmupIterations(full ? 4 : 3).measurementIterations(full ? 5 : 3)
                .warmupTime(warmup).measurementTime(measure));
        run(LatencyBenchmark.class, base().warmupIterations(full ? 4 : 3).measurementIterations(full ? 5 : 3)
                .warmupTime(warmup).measurementTime(TimeValue.seconds(full ? 10 : 2)));
        run(RuleBaseBuildBenchmark.class, base().warmupIterations(full ? 5 : 2).measurementIterations(full ? 10 : 5));
    }

    private ChainedOptionsBuilder base() {
        return new OptionsBuilder()
                .forks(full ? 2 : 1)
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .shouldFailOnError(true)
                .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
    }

    private void run(Class<?> benchmark, ChainedOptionsBuilder options) throws RunnerException {
        System.out.println("running " + benchmark.getSimpleName() + " …");
        Collection<RunResult> runs = new Runner(options.include(benchmark.getName() + "\\.").build()).run();
        for (RunResult r : runs) {
            String label = r.getParams().getBenchmark();
            results.put(label.substring(label.lastIndexOf('.') + 1), r);
        }
    }

    private Result<?> primary(String method) {
        RunResult r = results.get(method);
        if (r == null) {
            throw new IllegalStateException("no result for " + method + "; have " + results.keySet());
        }
        return r.getPrimaryResult();
    }

    private double percentile(String method, double p) {
        return primary(method).getStatistics().getPercentile(p);
    }

    private String table(StartupHarness.Result startup, long seconds) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"measure", "library", "ceiling", "library/ceiling", "target", "met"});
        if (!results.isEmpty()) {
            jmhRows(rows);
        }
        if (startup != null) {
            double median = startup.medianMs();
            rows.add(new String[] {"JVM start to first qualification (ms, median of " + startup.runs().size() + ")",
                    fmt(median, 0), "", "", "< 1000 ms", median < 1000 ? "yes" : "NO"});
        }
        for (StartupHarness.Result v : startupVariants) {
            double median = v.medianMs();
            String flags = String.join(" ", v.jvmArgs()).replaceAll("-XX:SharedArchiveFile=\\S+", "AppCDS")
                    .replace("-XX:TieredStopAtLevel=1", "C1 only");
            rows.add(new String[] {"  … with " + flags + " (ms)", fmt(median, 0), "", "", "< 1000 ms",
                    median < 1000 ? "yes" : "NO"});
        }
        // The library-side targets of issue 12: allocation, throughput against the baseline commit,
        // and the packaged rules precompiled against compiled from DRL.
        rows.addAll(LibraryTargets.rows(results, precompiledStartup));
        return render(rows, startup, seconds);
    }

    private void jmhRows(List<String[]> rows) {
        throughputRow(rows, "batch throughput, 1 thread (leads/s)", "library1Thread", "ceiling1Thread");
        throughputRow(rows, "batch throughput, 2 threads (leads/s)", "library2Threads", "ceiling2Threads");
        rows.add(SignalsBenchmark.reportRow(primary("packagedRulesAlone").getScore(), primary("with50Signals").getScore(),
                results.get("alternating").getSecondaryResults().get("signalsNanos").getScore()
                        / results.get("alternating").getSecondaryResults().get("packagedNanos").getScore()));
        double p50 = percentile("libraryQualify", 50);
        double p99 = percentile("libraryQualify", 99);
        double c50 = percentile("ceilingQualify", 50);
        double c99 = percentile("ceilingQualify", 99);
        rows.add(new String[] {"single-lead qualify p50 (µs)", fmt(p50, 1), fmt(c50, 1), ratio(p50 / c50), "", ""});
        rows.add(new String[] {"single-lead qualify p99 (µs)", fmt(p99, 1), fmt(c99, 1), ratio(p99 / c99), "< 1000 µs",
                p99 < 1000 ? "yes" : "NO"});
        rows.add(new String[] {"rule-base build, packaged rules (ms)", fmt(primary("packagedRules").getScore(), 0),
                "", "", "", ""});
        rows.add(new String[] {"rule-base build, + " + RuleBaseBuildBenchmark.HOST_RULES + " host rules (ms)",
                fmt(primary("packagedPlusHostRules").getScore(), 0), "", "", "", ""});
        rows.add(new String[] {"rule-base build, same rules again (reused, ms)",
                fmt(primary("packagedRulesReused").getScore(), 1), "", "", "", ""});
    }

    private String render(List<String[]> rows, StartupHarness.Result startup, long seconds) {
        StringBuilder out = new StringBuilder();
        out.append("lead-rules benchmarks (").append(full ? "full" : "quick").append(" mode, ").append(seconds)
                .append(" s) — ").append(machine()).append('\n');
        out.append(BenchmarkData.LEADS).append(" generated leads (seed ").append(SampleLeads.STANDARD_SEED)
                .append("), ").append(packagedRuleCount()).append(" packaged rules, qualifyAll slices of ")
                .append(ThroughputBenchmark.SLICE).append(", library batch size 200 (default)\n\n");
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            out.append("| ");
            for (int i = 0; i < row.length; i++) {
                out.append(i == 0 ? pad(row[i], widths[i]) : padLeft(row[i], widths[i])).append(" | ");
            }
            out.setLength(out.length() - 1);
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int w : widths) {
                    out.append("-".repeat(w + 2)).append('|');
                }
                out.append('\n');
            }
        }
        if (startup != null) {
            out.append(String.format(Locale.ROOT, "%nstart-up breakdown (medians): JVM to main %.0f ms, build %.0f ms, "
                            + "first qualify %.0f ms%n", startup.median(StartupHarness.Run::jvmToMainMs),
                    startup.median(StartupHarness.Run::buildMs), startup.median(StartupHarness.Run::firstQualifyMs)));
        }
        out.append("library/ceiling: how many times the library's time per lead exceeds hand-written Java's.\n");
        return out.toString();
    }

    private void throughputRow(List<String[]> rows, String label, String library, String ceiling) {
        double lib = primary(library).getScore();
        double ceil = primary(ceiling).getScore();
        double ratio = ceil / lib;
        rows.add(new String[] {label, fmt(lib, 0), fmt(ceil, 0), ratio(ratio), "≤ 20×", ratio <= 20 ? "yes" : "NO"});
    }

    private static int packagedRuleCount() {
        try {
            return LeadQualifier.builder().build().rules().size();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip() + ", ").orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux: the core count and the JVM still say enough
        }
        return cpu + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version");
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value).replace(',', ' ');
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.1f×", value);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }
}

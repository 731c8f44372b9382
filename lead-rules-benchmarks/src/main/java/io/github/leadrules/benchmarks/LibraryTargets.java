package io.github.leadrules.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The library-side rows of the benchmark report (issue 12): throughput against the baseline commit
 * (measured by {@code compare-baseline.sh}, which builds both in one run), allocation per lead from
 * JMH's GC profiler, and the packaged rules precompiled against compiled from DRL, for the
 * rule-base build and for JVM start to first qualification.
 */
final class LibraryTargets {

    /** Bytes per lead the library may allocate in {@code qualifyAll}. */
    static final double MAX_BYTES_PER_LEAD = 8 * 1024;
    /** Library batch throughput against the baseline commit. */
    static final double MIN_BASELINE_RATIO = 1.5;
    /** Where {@code compare-baseline.sh} leaves its medians, relative to the benchmark module. */
    static final Path BASELINE_FILE = Path.of("target", "baseline-comparison.properties");

    private LibraryTargets() {
    }

    /**
     * The rows: label, library, ceiling, ratio, target, met.
     *
     * @param results JMH results by benchmark method (library1Thread carries the GC profiler's
     *                secondary results), may be empty
     * @param startup the start-up comparison, or null when start-up was not measured
     */
    static List<String[]> rows(Map<String, RunResult> results, PrecompiledStartup.Comparison startup) {
        List<String[]> rows = new ArrayList<>();
        RunResult library = results.get("library1Thread");
        if (library != null) {
            Result<?> norm = library.getSecondaryResults().get("gc.alloc.rate.norm");
            if (norm == null) {
                norm = library.getSecondaryResults().get("·gc.alloc.rate.norm");
            }
            if (norm != null) {
                double bytes = norm.getScore();
                rows.add(new String[] {"allocation per lead, qualifyAll (B)", fmt(bytes), "", "",
                        "≤ " + fmt(MAX_BYTES_PER_LEAD) + " B", met(bytes <= MAX_BYTES_PER_LEAD)});
            }
        }
        rows.add(baselineRow());
        rows.add(signalsVsBaselineRow(baselineProperties()));
        RunResult fromDrl = results.get("packagedRulesFromDrl");
        if (fromDrl != null) {
            rows.add(new String[] {"rule-base build, packaged rules from DRL (ms)", fmt(fromDrl.getPrimaryResult().getScore()),
                    "", "", "", ""});
        }
        if (startup != null) {
            rows.add(new String[] {"JVM start to first qualification, packaged rules precompiled (ms, median of "
                    + startup.precompiled().runs().size() + ")", fmt(startup.precompiled().medianMs()), "", "", "", ""});
            rows.add(new String[] {"JVM start to first qualification, packaged rules from DRL (ms, median of "
                    + startup.fromDrl().runs().size() + ")", fmt(startup.fromDrl().medianMs()), "", "", "", ""});
        }
        return rows;
    }

    /** Throughput against the baseline, from the last run of compare-baseline.sh. */
    static String[] baselineRow() {
        Properties p = baselineProperties();
        String ratio = p.getProperty("ratio");
        String target = "≥ " + MIN_BASELINE_RATIO + "×";
        if (ratio == null) {
            return new String[] {"batch throughput vs baseline 4e174ee", "not measured", "", "", target,
                    "run compare-baseline.sh"};
        }
        double r = Double.parseDouble(ratio);
        return new String[] {"batch throughput vs " + p.getProperty("baseline.commit", "?")
                + " (compare-baseline.sh, rounds " + p.getProperty("roundRatios", "?") + ")",
                String.format(Locale.ROOT, "%.2f×", r), "", "", target, met(r >= MIN_BASELINE_RATIO)};
    }

    /**
     * Issue 11's row: per-lead time of this tree with {@value SignalsBenchmark#SIGNALS} policy
     * signals over the baseline's packaged rules alone, in thread CPU time, from the same run of
     * compare-baseline.sh (its {@code signals.*} keys).
     */
    static String[] signalsVsBaselineRow(Properties p) {
        String ratio = p.getProperty("signals.ratio");
        String target = "≤ " + SignalsBenchmark.TARGET + "×";
        String label = "per-lead time + " + SignalsBenchmark.SIGNALS + " policy signals vs "
                + p.getProperty("baseline.commit", "baseline 4e174ee") + " packaged rules, CPU";
        if (ratio == null) {
            return new String[] {label, "not measured", "", "", target, "run compare-baseline.sh"};
        }
        double r = Double.parseDouble(ratio);
        return new String[] {label + " (compare-baseline.sh, rounds " + p.getProperty("signals.roundRatios", "?")
                + "; wall " + p.getProperty("signals.wallRatio", "?") + "×)",
                String.format(Locale.ROOT, "%.2f×", r), "", "", target, met(r <= SignalsBenchmark.TARGET)};
    }

    /** The last run of compare-baseline.sh, or nothing. */
    private static Properties baselineProperties() {
        Properties p = new Properties();
        if (Files.isRegularFile(BASELINE_FILE)) {
            try (Reader in = Files.newBufferedReader(BASELINE_FILE, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                p.clear();
            }
        }
        return p;
    }

    private static String met(boolean met) {
        return met ? "met" : "not met";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value).replace(',', ' ');
    }
}

package io.github.leadrules.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code qualify}, {@code diff} and {@code backtest} stream: memory does not grow with the file.
 * Each test generates a file, runs the CLI in a separate JVM with a small heap, and checks that
 * every row came back (qualify) or was counted (diff, backtest). The rates printed are
 * informational (they depend on the machine and its load); nothing asserts on time.
 */
class StreamingMemoryTest {

    private static final Pattern RATE = Pattern.compile("rows read, decided and written in ([0-9.]+) s \\(([0-9,]+) rows/s\\)");
    private static final Pattern CHANGED = Pattern.compile("Compared ([0-9]+) leads: ([0-9]+) decided differently");

    @TempDir
    static Path shared;

    private static String classpath;

    @TempDir
    Path dir;

    @BeforeAll
    static void copyClasspath() throws IOException {
        classpath = ChildJvm.privateClasspath(shared);
    }

    /** 30 000 rows in 64 MB of heap: keeping decisions in memory would need several times that. */
    @Test
    void thirtyThousandRowsStreamThroughSixtyFourMegabytesOfHeap() throws Exception {
        qualify(30_000, "-Xmx64m");
    }

    /** Holding 20 000 leads and their decisions, as diff and backtest once did, runs out of 64 MB. */
    @Test
    void aDiffOfTwentyThousandRowsRunsInSixtyFourMegabytesOfHeap() throws Exception {
        diff(20_000, "-Xmx64m");
    }

    @Test
    void aBacktestOfTwentyThousandRowsRunsInSixtyFourMegabytesOfHeap() throws Exception {
        backtest(20_000, "-Xmx64m");
    }

    /** The issue's figure: 1 000 000 rows under -Xmx256m. Several minutes on a laptop; run with -Dgroups=large. */
    @Test
    @Tag("large")
    void oneMillionRowsStreamThroughTwoHundredFiftySixMegabytesOfHeap() throws Exception {
        qualify(1_000_000, "-Xmx256m");
    }

    @Test
    @Tag("large")
    void aDiffOfOneMillionRowsRunsInTwoHundredFiftySixMegabytesOfHeap() throws Exception {
        diff(1_000_000, "-Xmx256m");
    }

    @Test
    @Tag("large")
    void aBacktestOfOneMillionRowsRunsInTwoHundredFiftySixMegabytesOfHeap() throws Exception {
        backtest(1_000_000, "-Xmx256m");
    }

    private void qualify(int rows, String heap) throws Exception {
        Path output = dir.resolve("decisions-" + rows + ".csv");
        Run run = run(heap, "qualify", ChildJvm.sampleLeads(shared, rows).toString(), "--as-of", Cli.AS_OF,
                "--out", output.toString());
        assertThat(run.exitCode()).as(run.log()).isEqualTo(ExitCodes.SOME_INVALID);
        assertThat(run.log()).containsPattern("Leads submitted +" + rows + "\\R");
        assertThat(dataLines(output)).isEqualTo(rows);
        Matcher m = RATE.matcher(run.log());
        assertThat(m.find()).as(run.log()).isTrue();
        System.out.printf(Locale.ROOT, "qualify streamed %,d rows with %s: %s rows/s over %s s of qualifying (%.1f s wall, JVM start and rule build included)%n",
                rows, heap, m.group(2), m.group(1), run.seconds());
    }

    private void diff(int rows, String heap) throws Exception {
        Path changed = dir.resolve("changed-" + rows + ".csv");
        Path report = dir.resolve("diff-" + rows + ".html");
        Run run = run(heap, "diff", ChildJvm.sampleLeads(shared, rows).toString(), "--as-of", Cli.AS_OF,
                "--disable-rule", "EXC-TOO-SMALL", "--out", changed.toString(), "--report", report.toString());
        assertThat(run.exitCode()).as(run.log()).isEqualTo(ExitCodes.OK);
        Matcher m = CHANGED.matcher(run.log());
        assertThat(m.find()).as(run.log()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(rows);
        long changedLeads = Long.parseLong(m.group(2));
        assertThat(changedLeads).isPositive();
        // Every changed lead is in the CSV, written as it came; the page lists at most the first thousand.
        assertThat(dataLines(changed)).isEqualTo(changedLeads);
        String page = Files.readString(report);
        assertThat(page.split("<tr><td class=\"n\">", -1).length - 1).isEqualTo(Math.min(changedLeads, 1_000));
        System.out.printf(Locale.ROOT, "diff compared %,d rows with %s: %,d changed (%.1f s wall, JVM start and two rule builds included)%n",
                rows, heap, changedLeads, run.seconds());
    }

    private void backtest(int rows, String heap) throws Exception {
        Path report = dir.resolve("backtest-" + rows + ".html");
        Run run = run(heap, "backtest", ChildJvm.sampleLeads(shared, rows).toString(), "--as-of", Cli.AS_OF,
                "--outcome-column", "converted", "--report", report.toString());
        assertThat(run.exitCode()).as(run.log()).isEqualTo(ExitCodes.OK);
        assertThat(run.log()).contains("Backtest of " + rows + " leads: ");
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>");
        System.out.printf(Locale.ROOT, "backtest of %,d rows with %s (%.1f s wall, JVM start and rule build included)%n",
                rows, heap, run.seconds());
    }

    private record Run(int exitCode, String log, double seconds) {
    }

    private Run run(String heap, String... args) throws Exception {
        Path log = dir.resolve("cli.log");
        long started = System.nanoTime();
        Process process = ChildJvm.start(classpath, heap, log, new ArrayList<>(List.of(args)));
        boolean finished = process.waitFor(60, TimeUnit.MINUTES);
        double wall = (System.nanoTime() - started) / 1e9;
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("finished").isTrue();
        return new Run(process.exitValue(), Files.readString(log), wall);
    }

    private static long dataLines(Path csv) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return r.lines().count() - 1;
        }
    }
}

package io.github.leadrules.cli;

import io.github.leadrules.cli.sample.SampleGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
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
 * {@code qualify} streams: memory does not grow with the file. Each test generates a file, runs the
 * CLI in a separate JVM with a small heap, and checks that every row came back. The rate printed
 * is informational (it depends on the machine and its load); nothing asserts on time.
 */
class StreamingMemoryTest {

    private static final Pattern RATE = Pattern.compile("rows read, decided and written in ([0-9.]+) s \\(([0-9,]+) rows/s\\)");

    @TempDir
    Path dir;

    /** 30 000 rows in 64 MB of heap: keeping decisions in memory would need several times that. */
    @Test
    void thirtyThousandRowsStreamThroughSixtyFourMegabytesOfHeap() throws Exception {
        run(30_000, "-Xmx64m");
    }

    /** The issue's figure: 1 000 000 rows under -Xmx256m. Several minutes on a laptop; run with -Dgroups=large. */
    @Test
    @Tag("large")
    void oneMillionRowsStreamThroughTwoHundredFiftySixMegabytesOfHeap() throws Exception {
        run(1_000_000, "-Xmx256m");
    }

    private void run(int rows, String heap) throws Exception {
        Path input = dir.resolve("leads-" + rows + ".csv");
        try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            // Half a percent of malformed rows, so INVALID rows stream through too.
            new SampleGenerator(42, SampleGenerator.DEFAULT_AS_OF, 0.005).write(w, rows);
        }
        Path output = dir.resolve("decisions-" + rows + ".csv");
        String classpath = privateClasspath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap, "-XX:+ExitOnOutOfMemoryError",
                "-cp", classpath, LeadRulesCli.class.getName(),
                "qualify", input.toString(), "--as-of", Cli.AS_OF, "--out", output.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cli.log").toFile()).start();
        long started = System.nanoTime();
        boolean finished = process.waitFor(60, TimeUnit.MINUTES);
        double wall = (System.nanoTime() - started) / 1e9;
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("cli.log"));
        assertThat(finished).as("finished").isTrue();
        assertThat(process.exitValue()).as(log).isEqualTo(ExitCodes.SOME_INVALID);
        assertThat(log).containsPattern("Leads submitted +" + rows + "\\R");
        assertThat(dataLines(output)).isEqualTo(rows);
        Matcher m = RATE.matcher(log);
        assertThat(m.find()).as(log).isTrue();
        System.out.printf(Locale.ROOT, "qualify streamed %,d rows with %s: %s rows/s over %s s of qualifying (%.1f s wall, JVM start and rule build included)%n",
                rows, heap, m.group(2), m.group(1), wall);
    }

    /**
     * The test classpath with its jars copied into the temp folder: the local Maven repository is
     * shared, and a jar replaced there by a parallel build while the child JVM runs would break it.
     */
    private String privateClasspath() throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path jars = Files.createDirectories(dir.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                Path copy = jars.resolve((n++) + "-" + p.getFileName());
                Files.copy(p, copy);
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static long dataLines(Path csv) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return r.lines().count() - 1;
        }
    }
}

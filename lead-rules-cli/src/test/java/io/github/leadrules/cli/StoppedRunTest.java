package io.github.leadrules.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A run stopped from outside — out of memory, or by a signal such as Ctrl-C — leaves no partial
 * file and an older output as it was. Each test runs the CLI in a separate JVM.
 */
class StoppedRunTest {

    @TempDir
    static Path shared;

    private static String classpath;

    @TempDir
    Path dir;

    @BeforeAll
    static void copyClasspath() throws IOException {
        classpath = ChildJvm.privateClasspath(shared);
    }

    @Test
    void runningOutOfMemoryPrintsOneLineWithTheFixAndWritesNoFile() throws Exception {
        // 30 000 rows in one chunk do not fit in 64 MB of heap.
        Path input = ChildJvm.sampleLeads(shared, 30_000);
        Path out = Cli.write(dir.resolve("decisions.csv"), "last month's decisions\n");
        Path log = dir.resolve("cli.log");

        Process process = ChildJvm.start(classpath, "-Xmx64m", log, List.of("qualify", input.toString(),
                "--as-of", Cli.AS_OF, "--chunk", "100000", "--threads", "1", "--out", out.toString()));
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();

        String printed = Files.readString(log);
        assertThat(process.exitValue()).as(printed).isEqualTo(ExitCodes.FAILED);
        List<String> lines = printed.lines().filter(l -> l.contains("memory")).toList();
        // The heap the JVM reports is 64 MB or a little less, depending on the garbage collector.
        assertThat(lines).as(printed).singleElement().asString().matches("lead-rules qualify ran out of memory "
                + "\\(maximum heap [56][0-9] MB\\); no output file was written\\. Give Java more: "
                + "java -Xmx1g -jar lead-rules\\.jar qualify …, or use fewer --threads or a smaller --chunk");
        assertThat(printed).doesNotContain("java.lang.OutOfMemoryError").doesNotContain("\tat ");
        assertThat(Files.readString(out)).isEqualTo("last month's decisions\n");
        assertThat(OutputFilesTest.filesIn(dir)).containsExactlyInAnyOrder("cli.log", "decisions.csv");
    }

    @Test
    void aRunStoppedBySignalHalfWayRemovesItsTemporaryFileAndKeepsTheOlderOutput() throws Exception {
        assumeFalse(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win"),
                "Windows stops a process without running its shutdown hooks");
        Path out = Cli.write(dir.resolve("decisions.csv"), "last month's decisions\n");
        Path log = dir.resolve("cli.log");

        // The leads come from standard input, which stays open: the run is surely half-way when stopped.
        Process process = ChildJvm.start(classpath, "-Xmx128m", log, List.of("qualify", "-", "--as-of", Cli.AS_OF,
                "--out", out.toString()));
        OutputStream stdin = process.getOutputStream();
        stdin.write("""
                id,company_name,email,employee_count,country,inquiry_type
                L-4001,サンプル工業株式会社,taro.sato@sample-kogyo.example,1200,JP,demo
                L-4002,Globex Corporation,anna.lewis@globex.example,2500,US,demo
                """.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (temporaryFiles().isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(temporaryFiles()).as(Files.readString(log)).hasSize(1);

        process.destroy();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("stopped").isTrue();

        assertThat(process.exitValue()).isNotZero();
        assertThat(temporaryFiles()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo("last month's decisions\n");
    }

    private List<String> temporaryFiles() throws IOException {
        return OutputFilesTest.filesIn(dir).stream().filter(n -> n.startsWith(".decisions.csv.")).toList();
    }
}

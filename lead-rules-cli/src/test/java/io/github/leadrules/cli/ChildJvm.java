package io.github.leadrules.cli;

import io.github.leadrules.cli.sample.SampleGenerator;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the command line in a separate JVM, for what only a real process shows: a small heap,
 * running out of memory, being stopped by a signal.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * The test classpath with its jars copied into {@code dir}: the local Maven repository is
     * shared, and a jar replaced there by a parallel build while the child JVM runs would break it.
     */
    static String privateClasspath(Path dir) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path jars = Files.createDirectories(dir.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                Path copy = jars.resolve((n++) + "-" + p.getFileName());
                Files.copy(p, copy);
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** {@code java HEAP -cp CLASSPATH LeadRulesCli ARGS…}, output and errors into {@code log}. */
    static Process start(String classpath, String heap, Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-cp", classpath, LeadRulesCli.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Writes {@code rows} sample leads (seed 42), half a percent of them malformed, with their outcome column. */
    static Path sampleLeads(Path dir, int rows) throws IOException {
        Path input = dir.resolve("leads-" + rows + ".csv");
        if (!Files.exists(input)) {
            try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
                new SampleGenerator(42, SampleGenerator.DEFAULT_AS_OF, 0.005).write(w, rows);
            }
        }
        return input;
    }
}

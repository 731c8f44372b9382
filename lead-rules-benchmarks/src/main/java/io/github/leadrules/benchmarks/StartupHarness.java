package io.github.leadrules.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JVM start to first qualification: starts {@link StartupProbe} in fresh {@code java} processes,
 * one after another, and times each from {@link ProcessBuilder#start()} to the probe's
 * {@value StartupProbe#READY} line. Not JMH: the point is a cold JVM every time.
 */
public final class StartupHarness {

    /** One run: wall time from process start to the first qualification, and the probe's breakdown. */
    public record Run(double wallMs, long jvmToMainMs, long buildMs, long firstQualifyMs) {
    }

    /** The runs of one configuration. */
    public record Result(List<String> jvmArgs, List<Run> runs) {

        /** The median wall time in milliseconds. */
        public double medianMs() {
            return median(runs.stream().mapToDouble(Run::wallMs).toArray());
        }

        /** The median of one breakdown part. */
        public double median(java.util.function.ToLongFunction<Run> part) {
            return median(runs.stream().mapToDouble(r -> part.applyAsLong(r)).toArray());
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    private static final Pattern BREAKDOWN = Pattern.compile(
            "BREAKDOWN jvmToMainMs=(-?\\d+) buildMs=(\\d+) firstQualifyMs=(\\d+)");

    private StartupHarness() {
    }

    /** Runs the probe {@code runs} times with the given extra JVM arguments, on this JVM's class path. */
    public static Result measure(int runs, List<String> jvmArgs) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Run> out = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmArgs);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupProbe.class.getName()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            long started = System.nanoTime();
            Process process = builder.start();
            double wallMs = Double.NaN;
            Run run = null;
            StringBuilder transcript = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith(StartupProbe.READY) && Double.isNaN(wallMs)) {
                        wallMs = (System.nanoTime() - started) / 1e6;
                    }
                    Matcher m = BREAKDOWN.matcher(line);
                    if (m.find()) {
                        run = new Run(wallMs, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                                Long.parseLong(m.group(3)));
                    }
                    transcript.append(line).append('\n');
                }
            }
            int exit = process.waitFor();
            if (exit != 0 || run == null) {
                throw new IllegalStateException("start-up probe failed (exit " + exit + "):\n" + transcript);
            }
            out.add(run);
        }
        return new Result(List.copyOf(jvmArgs), out);
    }

    /**
     * Creates a dynamic class-data-sharing archive of everything the probe loads (JDK 13+
     * {@code -XX:ArchiveClassesAtExit}), for {@code -XX:SharedArchiveFile}. A host can do the same
     * with its own start-up path; the archive belongs to one JVM build and one class path.
     */
    public static Path createCdsArchive(Path archive) throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + archive, "-cp",
                System.getProperty("java.class.path"), StartupProbe.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0 || !Files.exists(archive)) {
            throw new IllegalStateException("could not create the CDS archive " + archive);
        }
        return archive;
    }

    /** Prints the median of {@code runs} (default 5) fresh processes; extra arguments go to the JVM. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> jvmArgs = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Result result = measure(runs, jvmArgs);
        for (Run r : result.runs()) {
            System.out.printf("run: %.0f ms (JVM to main %d ms, build %d ms, first qualify %d ms)%n",
                    r.wallMs(), r.jvmToMainMs(), r.buildMs(), r.firstQualifyMs());
        }
        System.out.printf("median JVM start to first qualification: %.0f ms %s%n", result.medianMs(), jvmArgs);
    }
}

package io.github.leadrules.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JVM start to first qualification with the packaged rules precompiled ({@link StartupProbe}, as
 * shipped) and compiled from DRL at run time ({@link DrlStartupProbe}), in fresh JVMs with no flags,
 * alternating the two so that a busy moment of the machine hurts both alike.
 *
 * <pre>
 * java -cp lead-rules-benchmarks/target/benchmarks.jar io.github.leadrules.benchmarks.PrecompiledStartup [runs]
 * </pre>
 */
public final class PrecompiledStartup {

    private static final Pattern BREAKDOWN = Pattern.compile(
            "BREAKDOWN jvmToMainMs=(-?\\d+) buildMs=(\\d+) firstQualifyMs=(\\d+)");

    /** The runs both ways. */
    public record Comparison(StartupHarness.Result precompiled, StartupHarness.Result fromDrl) {
    }

    private PrecompiledStartup() {
    }

    /** Runs each probe {@code runs} times, alternating. */
    public static Comparison measure(int runs) throws IOException, InterruptedException {
        List<StartupHarness.Run> precompiled = new ArrayList<>();
        List<StartupHarness.Run> fromDrl = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            precompiled.add(run(StartupProbe.class));
            fromDrl.add(run(DrlStartupProbe.class));
        }
        return new Comparison(new StartupHarness.Result(List.of(), precompiled),
                new StartupHarness.Result(List.of(), fromDrl));
    }

    private static StartupHarness.Run run(Class<?> probe) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = null;
        long started = System.nanoTime();
        process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), probe.getName())
                .redirectErrorStream(true).start();
        double wallMs = Double.NaN;
        StartupHarness.Run run = null;
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
                    run = new StartupHarness.Run(wallMs, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3)));
                }
                transcript.append(line).append('\n');
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || run == null) {
            throw new IllegalStateException(probe.getSimpleName() + " failed (exit " + exit + "):\n" + transcript);
        }
        return run;
    }

    /** Prints both medians and the build part of each. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Comparison c = measure(runs);
        System.out.printf(Locale.ROOT, "JVM start to first qualification, median of %d: precompiled %.0f ms (build %.0f ms),"
                        + " from DRL %.0f ms (build %.0f ms)%n", runs, c.precompiled().medianMs(),
                c.precompiled().median(StartupHarness.Run::buildMs), c.fromDrl().medianMs(),
                c.fromDrl().median(StartupHarness.Run::buildMs));
    }
}

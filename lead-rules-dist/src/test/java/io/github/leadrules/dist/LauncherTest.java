package io.github.leadrules.dist;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code bin/lead-rules} as built: it runs the CLI with a class-data archive from a per-user
 * cache, and whatever state that cache is in — absent, unwritable, corrupt, stale — a run does
 * what {@code java -jar lead-rules.jar} does. Most cases run the launcher over a stand-in jar
 * ({@link FakeCli}) so that each run is short; one runs the real CLI on real leads.
 */
class LauncherTest {

    private static final Path DIST = Path.of(System.getProperty("lead-rules.dist", "target/lead-rules"));
    private static final String JAVA_HOME = System.getProperty("java.home");
    private static final int FEATURE = Runtime.version().feature();

    @TempDir
    Path dir;

    private Path home;
    private Path cache;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void installACopyOfTheDistribution() throws IOException {
        home = Files.createDirectories(dir.resolve("lead-rules"));
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(DIST.resolve("bin/lead-rules"), home.resolve("bin/lead-rules"));
        Files.copy(DIST.resolve("lib/VERSION"), home.resolve("lib/VERSION"));
        cache = dir.resolve("cache");
        env.put("JAVA_HOME", JAVA_HOME);
        env.put("LEAD_RULES_CACHE_DIR", cache.toString());
    }

    @Test
    void theBuiltScriptIsExecutableAndKnowsItsVersion() throws IOException {
        assertThat(Files.getPosixFilePermissions(DIST.resolve("bin/lead-rules"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(DIST.resolve("lib/VERSION")).strip()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(DIST.resolve("lib/lead-rules.jar")).isRegularFile();
        assertThat(DIST.resolve("bin/lead-rules.cmd")).isRegularFile();
    }

    @Test
    void theFirstQualifyRecordsAnArchiveTheNextUsesItAndBothDecideLikeJavaDashJar() throws Exception {
        Files.copy(DIST.resolve("lib/lead-rules.jar"), home.resolve("lib/lead-rules.jar"));
        Path leads = Files.writeString(dir.resolve("leads.csv"), """
                id,company_name,email,employee_count,inquiry_type,purchase_timeframe
                L-0001,サンプル工業株式会社,taro.yamada@sample-kogyo.co.jp,1200,demo,within 3 months
                L-0002,Northwind Traders Ltd,jane.doe@northwind.example,15,white paper,
                L-0003,株式会社青葉電機,a.kobayashi@aoba-denki.example,300,見積依頼,1ヶ月以内
                """, StandardCharsets.UTF_8);
        List<String> qualify = List.of("qualify", leads.toString(), "--as-of", "2026-11-28T00:00:00Z", "--out", "-");

        Run plain = run(List.of(java(), "-jar", home.resolve("lib/lead-rules.jar").toString()), qualify);
        Run first = launcher(qualify);
        assertThat(archives()).as(first.err()).hasSize(1);
        env.put("LEAD_RULES_CDS", "verbose");
        Run second = launcher(qualify);

        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(first.out()).isEqualTo(plain.out()).contains("L-0001", "L-0003", "decision_outcome");
        assertThat(second.out()).isEqualTo(plain.out());
        assertThat(second.err()).contains("lead-rules launcher: using " + archives().get(0));
    }

    @Test
    void anAbsentCacheFolderIsMadeByTheFirstCommandThatBuildsRules() throws Exception {
        fakeJar();
        Run run = launcher(List.of("validate", "--policy", "policy.yaml"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("fake-cli validate --policy policy.yaml\n");
        assertThat(archives()).hasSize(1);
    }

    @Test
    void aCallThatBuildsNoRulesRecordsNothingSoTheArchiveIsNotThin() throws Exception {
        fakeJar();
        assertThat(launcher(List.of("--version")).out()).isEqualTo("fake-cli --version\n");
        assertThat(launcher(List.of("sample", "-n", "10")).exit()).isZero();
        assertThat(archives()).isEmpty();
    }

    @Test
    void aRunThatFailsRecordsNothingAndKeepsItsExitCode() throws Exception {
        fakeJar();
        Run failed = launcher(List.of("qualify", "missing.csv", "exit=1"));
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(archives()).isEmpty();
        assertThat(tree(cache)).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));

        Run someInvalid = launcher(List.of("qualify", "leads.csv", "exit=2"));
        assertThat(someInvalid.exit()).isEqualTo(2);
        assertThat(archives()).hasSize(1);
    }

    @Test
    void anUnwritableCacheNeverFailsARun() throws Exception {
        fakeJar();
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        env.put("LEAD_RULES_CACHE_DIR", file.resolve("lead-rules").toString());
        env.put("LEAD_RULES_CDS", "verbose");
        Run run = launcher(List.of("qualify", "leads.csv"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("fake-cli qualify leads.csv\n");
        assertThat(run.err()).contains("is not writable; running without a class-data archive");
    }

    @Test
    void anUnwritableCacheNamedByXdgCacheHomeNeverFailsARunAndSaysNothingUnlessAsked() throws Exception {
        fakeJar();
        env.remove("LEAD_RULES_CACHE_DIR");
        env.put("XDG_CACHE_HOME", Files.writeString(dir.resolve("xdg"), "x").toString());
        Run run = launcher(List.of("qualify", "leads.csv"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("fake-cli qualify leads.csv\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aCorruptArchiveNeverFailsARunAndIsRecordedAgain() throws Exception {
        fakeJar();
        launcher(List.of("rules"));
        Path archive = archives().get(0);
        long size = Files.size(archive);
        byte[] garbage = "not an archive".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        archive.toFile().setWritable(true);
        Files.write(archive, garbage);

        env.put("LEAD_RULES_CDS", "verbose");
        Run run = launcher(List.of("rules"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("fake-cli rules\n");
        assertThat(run.err()).contains("recording " + archive + " (stale)");
        assertThat(Files.size(archive)).isNotEqualTo(garbage.length).isPositive();

        // Garbage of the very size recorded goes unnoticed by the launcher; the JVM ignores it.
        archive.toFile().setWritable(true);
        Files.write(archive, new byte[(int) Files.size(archive)]);
        Run unnoticed = launcher(List.of("rules"));
        assertThat(unnoticed.exit()).isZero();
        assertThat(unnoticed.out()).isEqualTo("fake-cli rules\n");
        assertThat(size).isPositive();
    }

    @Test
    void anArchiveOlderThanTheJarIsStaleAndRecordedAgain() throws Exception {
        fakeJar();
        launcher(List.of("diff", "leads.csv"));
        Path archive = archives().get(0);
        Files.setLastModifiedTime(home.resolve("lib/lead-rules.jar"), FileTime.from(Instant.now().plusSeconds(60)));

        env.put("LEAD_RULES_CDS", "verbose");
        Run run = launcher(List.of("diff", "leads.csv"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("fake-cli diff leads.csv\n");
        assertThat(run.err()).contains("recording " + archive + " (stale)");
        awaitArchive(archive, Files.getLastModifiedTime(home.resolve("lib/lead-rules.jar")));
    }

    @Test
    void theCacheIsTurnedOffByAnEnvironmentVariableOrAnOption() throws Exception {
        fakeJar();
        env.put("LEAD_RULES_CDS", "off");
        Run off = launcher(List.of("qualify", "leads.csv"));
        env.remove("LEAD_RULES_CDS");
        Run option = launcher(List.of("--no-cds", "qualify", "leads.csv", "--", "--no-cds"));
        assertThat(off.out()).isEqualTo("fake-cli qualify leads.csv\n");
        assertThat(option.out()).isEqualTo("fake-cli qualify leads.csv -- --no-cds\n");
        assertThat(cache).doesNotExist();
    }

    @Test
    void anInputUpTo200MegabytesRunsOnTheClientCompilerALargerOneOnTheServerCompilerAndStandardInputOnTheDefault()
            throws Exception {
        fakeJar();
        long limit = 200L * 1024 * 1024;
        Path below = sparse("below.csv", limit - 1);
        Path at = sparse("at.csv", limit);
        Path above = sparse("above.csv", limit + 1);

        assertThat(compiler("qualify", below.toString())).isEqualTo("jvm: -XX:TieredStopAtLevel=1");
        assertThat(compiler("qualify", at.toString())).isEqualTo("jvm: -XX:TieredStopAtLevel=1");
        assertThat(compiler("qualify", above.toString())).isEqualTo("jvm: -XX:-TieredCompilation");
        assertThat(compiler("diff", below.toString(), "--base-policy", above.toString())).isEqualTo("jvm: -XX:-TieredCompilation");
        assertThat(compiler("qualify", "-")).isEqualTo("jvm:");
        assertThat(compiler("qualify", "-", "--accounts", above.toString())).isEqualTo("jvm: -XX:-TieredCompilation");
        assertThat(compiler("--version")).isEqualTo("jvm: -XX:TieredStopAtLevel=1");
        // The user's own options come after the launcher's, so they win.
        env.put("LEAD_RULES_JAVA_OPTS", "-XX:+TieredCompilation");
        assertThat(compiler("qualify", above.toString())).isEqualTo("jvm: -XX:-TieredCompilation -XX:+TieredCompilation");
        env.put("LEAD_RULES_CDS", "off");
        assertThat(compiler("qualify", below.toString())).isEqualTo("jvm: -XX:TieredStopAtLevel=1 -XX:+TieredCompilation");
    }

    @Test
    void argumentsWithSpacesAndQuotesArePassedAsTheyAre() throws Exception {
        fakeJar();
        env.put("LEAD_RULES_CACHE_DIR", dir.resolve("a cache folder").toString());
        Run run = launcher(List.of("qualify", "leads 2026 \"Q4\".csv", "--zone", "Asia/Tokyo"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("fake-cli qualify leads 2026 \"Q4\".csv --zone Asia/Tokyo\n");
        assertThat(tree(dir.resolve("a cache folder"))).anyMatch(p -> p.toString().endsWith(FEATURE >= 25 ? ".aot" : ".jsa"));
    }

    @Test
    void javaNamesTheJavaToRunAndAMissingOneIsReported() throws Exception {
        fakeJar();
        env.put("JAVA", dir.resolve("no-such-jdk/bin/java").toString());
        Run run = launcher(List.of("--version"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("lead-rules: no java found: install Java 17 or later, or set JAVA_HOME (or JAVA)");
    }

    @Test
    void aJavaWithoutABaseClassDataArchiveRunsWithoutOneAndWithoutWarnings() throws Exception {
        assumeTrue(FEATURE < 25, "Java 25's AOT cache needs no base archive");
        fakeJar();
        // A runtime like a jlink'ed one: a java, a release file, no lib/server/classes.jsa.
        Path runtime = Files.createDirectories(dir.resolve("runtime/bin"));
        Path javaScript = Files.writeString(runtime.resolve("java"), "#!/bin/sh\nexec '" + java() + "' \"$@\"\n");
        javaScript.toFile().setExecutable(true);
        Files.copy(Path.of(JAVA_HOME, "release"), dir.resolve("runtime/release"));
        env.put("JAVA_HOME", dir.resolve("runtime").toString());

        Run run = launcher(List.of("qualify", "leads.csv"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("fake-cli qualify leads.csv\n");
        assertThat(run.err()).isEmpty();
        assertThat(archives()).isEmpty();
    }

    // --- helpers

    private record Run(int exit, String out, String err) {
    }

    private static String java() {
        return Path.of(JAVA_HOME, "bin", "java").toString();
    }

    private Run launcher(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/lead-rules").toString()));
        return run(command, args);
    }

    private Run run(List<String> command, List<String> args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(command);
        all.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(all).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("LEAD_RULES_") || k.equals("JAVA") || k.equals("XDG_CACHE_HOME"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The launcher's choice of compiler for these arguments: FakeCli's {@code jvm:} line. */
    private String compiler(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("show-jvm");
        Run run = launcher(all);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out().lines().filter(l -> l.startsWith("jvm:")).findFirst().orElseThrow();
    }

    /** A file of {@code size} bytes that takes no room on disk. */
    private Path sparse(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    /** The archives in the cache, waiting for one made in the background (Java 25+) when there is none yet. */
    private List<Path> archives() throws IOException, InterruptedException {
        for (int i = 0; i < (FEATURE >= 25 ? 600 : 1); i++) {
            List<Path> found = tree(cache).stream()
                    .filter(p -> p.getFileName().toString().matches(".*-\\d+\\.(jsa|aot)")).toList();
            if (!found.isEmpty() || FEATURE < 25) {
                return found;
            }
            Thread.sleep(100);
        }
        return List.of();
    }

    private static void awaitArchive(Path archive, FileTime newerThan) throws IOException, InterruptedException {
        for (int i = 0; i < 600 && !(Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(newerThan) >= 0); i++) {
            if (FEATURE < 25) {
                // recorded before the launcher returned; a touch in the future cannot be caught up with
                break;
            }
            Thread.sleep(100);
        }
        assertThat(archive).exists();
    }

    private static List<Path> tree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    /** lib/lead-rules.jar as a jar of {@link FakeCli} alone. */
    private void fakeJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeCli.class.getName());
        String entry = FakeCli.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(home.resolve("lib/lead-rules.jar"));
             JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new JarEntry(entry));
            try (var in = FakeCli.class.getClassLoader().getResourceAsStream(entry)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("no " + entry));
                }
                in.transferTo(jar);
            }
            jar.closeEntry();
        }
        // The jar must not look newer than an archive recorded within the same second.
        Files.setLastModifiedTime(home.resolve("lib/lead-rules.jar"), FileTime.from(Instant.now().minusSeconds(60)));
    }
}

package io.github.leadrules.architecture;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.architecture.modulepath.ModulePathHost;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core is a named module, {@code io.github.leadrules}, that does not export its internal
 * packages, and it works on the module path: a host on the class path qualifies leads with the
 * packaged rules, the shipped domain lists and a rule of its own.
 */
class ModulePathTest {

    /** What the core needs at run time (Drools and its dependencies, SLF4J, SnakeYAML), by repository path. */
    private static final List<String> RUNTIME = List.of("/org/drools/", "/org/kie/", "/org/mvel/", "/org/antlr/",
            "/com/thoughtworks/xstream/", "/io/github/x-stream/", "/xmlpull/", "/commons-codec/", "/org/eclipse/jdt/",
            "/org/slf4j/slf4j-api/", "/org/yaml/");

    @Test
    void aHostOnTheClassPathUsesTheNamedCoreModuleFromTheModulePath() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String core = Path.of(LeadQualifier.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String host = Path.of(ModulePathHost.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> modulePath = new ArrayList<>();
        modulePath.add(core);
        for (String entry : classpath.split(File.pathSeparator)) {
            String unix = entry.replace(File.separatorChar, '/');
            if (RUNTIME.stream().anyMatch(unix::contains)) {
                modulePath.add(entry);
            }
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, modulePath), "--add-modules", "io.github.leadrules",
                "-cp", host, ModulePathHost.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("module io.github.leadrules automatic=false exports internal=false exports rules=true")
                .contains("lead L-7001 QUALIFIED [URG-DECISION-MAKER, URG-SALES-REQUEST, URG-TIMEFRAME-1-MONTH, RTE-FIELD-SALES]")
                .contains("lead L-7002 EXCLUDED [EXC-FREEMAIL-NO-COMPANY, EXC-PARTNER-REGISTERED, RTE-EXCLUDED-NOWHERE]");
    }
}

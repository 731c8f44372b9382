package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Rule-base build time ({@code LeadQualifier.Builder.build()}: compile, check, catalogue) in a
 * warmed-up JVM, with the 38 packaged rules alone and with {@value #HOST_RULES} generated host
 * rules added. The first build in a fresh JVM is slower; the start-up harness measures that one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleBaseBuildBenchmark {

    /** Host rules added in {@link #packagedPlusHostRules()}. */
    public static final int HOST_RULES = 200;

    private String hostRules;

    /** Generates the host rules' text once. */
    @Setup(Level.Trial)
    public void setUp() {
        hostRules = HostRules.generate(HOST_RULES);
    }

    @Benchmark
    public LeadQualifier packagedRules() {
        return SampleLeads.standard().qualifierBuilder().build();
    }

    @Benchmark
    public LeadQualifier packagedPlusHostRules() {
        return SampleLeads.standard().qualifierBuilder().addRulesText("host-rules.drl", hostRules).build();
    }
}

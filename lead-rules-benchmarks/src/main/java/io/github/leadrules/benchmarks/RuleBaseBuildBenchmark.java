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
 * warmed-up JVM, with the 38 packaged rules alone (precompiled, as shipped, and compiled from their
 * DRL text) and with {@value #HOST_RULES} generated host rules added. The first build in a fresh JVM is slower; the start-up harness measures that one.
 *
 * <p>The library reuses a compiled rule base when the rule texts are the same (qualifiers that differ
 * in policy only); every invocation here adds a host file with a fresh comment, so each one really
 * compiles. {@link #packagedRulesReused()} measures the reuse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleBaseBuildBenchmark {

    /** Host rules added in {@link #packagedPlusHostRules()}. */
    public static final int HOST_RULES = 200;

    private String hostRules;
    private long builds;

    /** Generates the host rules' text once. */
    @Setup(Level.Trial)
    public void setUp() {
        hostRules = HostRules.generate(HOST_RULES);
    }

    @Benchmark
    public LeadQualifier packagedRules() {
        return SampleLeads.standard().qualifierBuilder().addRulesText("fresh.drl", "package com.example.fresh;\n" + freshComment()).build();
    }

    /**
     * The packaged rules compiled from their DRL text, as every build did before they shipped
     * precompiled: each stage replaced by its own packaged text (with a fresh comment).
     */
    @Benchmark
    public LeadQualifier packagedRulesFromDrl() {
        return PackagedDrl.allStagesFromDrl(SampleLeads.standard().qualifierBuilder(), freshComment()).build();
    }

    @Benchmark
    public LeadQualifier packagedPlusHostRules() {
        return SampleLeads.standard().qualifierBuilder().addRulesText("host-rules.drl", hostRules + freshComment()).build();
    }

    @Benchmark
    public LeadQualifier packagedRulesReused() {
        return SampleLeads.standard().qualifierBuilder().build();
    }

    /** A DRL comment never seen before, so that the library cannot reuse an earlier rule base. */
    private String freshComment() {
        return "// build " + (++builds) + " at " + System.nanoTime() + "\n";
    }
}

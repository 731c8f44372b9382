package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.policy.LeadPolicy;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every command that builds a rule set shares: the policy file, host rule files and
 * disabled rule ids. Policy and rule problems surface as the core's {@code PolicyFileException} and
 * {@code InvalidRulesException}, which name file, line and key or rule.
 */
public final class RuleSetOptions {

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file (YAML): the defaults adjusted by every key it sets. Default: the shipped defaults.")
    Path policy;

    @Option(names = "--rules", paramLabel = "FILE|DIR",
            description = "Host DRL file, or a folder of .drl files; repeatable. Rules are code: load only files you trust.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--disable-rule", paramLabel = "ID", description = "Switch off a rule by its id, e.g. EXC-STUDENT; repeatable.")
    List<String> disabled = new ArrayList<>();

    /** The policy: the file's, or the defaults. */
    LeadPolicy loadPolicy() {
        return policy == null ? LeadPolicy.defaults() : LeadPolicy.load(policy);
    }

    /** A description of where the policy came from, for summaries. */
    String policyLabel() {
        return policy == null ? "defaults" : policy.toString();
    }

    /** Builds the qualifier: compiles the packaged and host rules once. */
    LeadQualifier build(Clock clock) {
        return build(clock, loadPolicy());
    }

    /** Builds the qualifier with an already loaded policy. */
    LeadQualifier build(Clock clock, LeadPolicy policy) {
        LeadQualifier.Builder b = LeadQualifier.builder().policy(policy).clock(clock);
        for (Path p : rules) {
            b.addRules(p);
        }
        disabled.forEach(b::disableRule);
        return b.build();
    }
}

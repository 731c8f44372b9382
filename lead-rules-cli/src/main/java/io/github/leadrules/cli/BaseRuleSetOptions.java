package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.policy.LeadPolicy;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule set {@code diff} compares against: the same three options as {@link RuleSetOptions},
 * prefixed with {@code --base-}. Without any, the base is the packaged rules with the default policy.
 */
public final class BaseRuleSetOptions {

    @Option(names = "--base-policy", paramLabel = "FILE",
            description = "Policy file (YAML) of the base rule set. Default: the shipped defaults.")
    Path policy;

    @Option(names = "--base-rules", paramLabel = "FILE|DIR",
            description = "Host DRL file or folder of the base rule set; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--base-disable-rule", paramLabel = "ID", description = "Switch off a rule in the base rule set; repeatable.")
    List<String> disabled = new ArrayList<>();

    /** Where the base policy came from, for summaries. */
    String policyLabel() {
        return policy == null ? "defaults" : policy.toString();
    }

    /** A one-line description: policy, host rules and disabled ids. */
    String describe() {
        return describe(policyLabel(), rules, disabled);
    }

    /** Builds the base qualifier. */
    LeadQualifier build(Clock clock) {
        LeadQualifier.Builder b = LeadQualifier.builder()
                .policy(policy == null ? LeadPolicy.defaults() : LeadPolicy.load(policy)).clock(clock);
        rules.forEach(b::addRules);
        disabled.forEach(b::disableRule);
        return b.build();
    }

    /** "policy P, rules a.drl, b.drl, disabled X" (parts left out when empty). */
    static String describe(String policyLabel, List<Path> rules, List<String> disabled) {
        StringBuilder sb = new StringBuilder("policy ").append(policyLabel);
        if (!rules.isEmpty()) {
            sb.append(", rules ").append(String.join(", ", rules.stream().map(Path::toString).toList()));
        }
        if (!disabled.isEmpty()) {
            sb.append(", disabled ").append(String.join(", ", disabled));
        }
        return sb.toString();
    }
}

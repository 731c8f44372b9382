package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.account.AccountDirectory;
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

    /** A one-line description: policy, host rules and disabled ids. */
    String describe() {
        return RuleSetOptions.describe(RuleSetOptions.policyLabel(policy), rules, disabled);
    }

    /** Builds the base qualifier, looking leads up in {@code accounts} (the same as the candidate's). */
    LeadQualifier build(Clock clock, AccountDirectory accounts, java.util.Set<String> unavailable) {
        return RuleSetOptions.build(clock, policy == null ? null : LeadPolicy.load(policy), accounts, rules, disabled,
                unavailable);
    }
}

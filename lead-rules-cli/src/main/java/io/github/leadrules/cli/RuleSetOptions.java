package io.github.leadrules.cli;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.cli.columns.ColumnMapping;
import io.github.leadrules.cli.columns.Field;
import io.github.leadrules.policy.LeadPolicy;
import picocli.CommandLine.Option;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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
        return loadPolicy(policy);
    }

    /** A description of where the policy came from, for summaries. */
    String policyLabel() {
        return policyLabel(policy);
    }

    /** A one-line description: policy, host rules and disabled ids. */
    String describe() {
        return describe(policyLabel(), rules, disabled);
    }

    /** Builds the qualifier: compiles the packaged and host rules once. */
    LeadQualifier build(Clock clock) {
        return build(clock, AccountDirectory.empty());
    }

    /** Builds the qualifier, looking leads up in {@code accounts}. */
    LeadQualifier build(Clock clock, AccountDirectory accounts) {
        return build(clock, accounts, Set.of());
    }

    /**
     * Builds the qualifier for an input that cannot provide the {@code unavailable} standard fields
     * (see {@link #unavailableFields}).
     */
    LeadQualifier build(Clock clock, AccountDirectory accounts, Set<String> unavailable) {
        return build(clock, policy == null ? null : LeadPolicy.load(policy), accounts, rules, disabled, unavailable);
    }

    /**
     * The standard fields an input with this column mapping cannot provide, for the packaged rules
     * that decide on a field's absence: e-mail and phone (EXC-NO-CONTACT), company name
     * (EXC-FREEMAIL-NO-COMPANY). A column that is mapped but blank is provided, and empty.
     */
    static Set<String> unavailableFields(ColumnMapping mapping) {
        Set<String> out = new LinkedHashSet<>();
        if (mapping.index(Field.EMAIL) < 0) {
            out.add("email");
        }
        if (mapping.index(Field.PHONE) < 0) {
            out.add("phone");
        }
        if (mapping.index(Field.COMPANY_NAME) < 0) {
            out.add("company.name");
        }
        return out;
    }

    /** Builds the qualifier with an already loaded policy. */
    LeadQualifier build(Clock clock, LeadPolicy policy, AccountDirectory accounts) {
        return build(clock, policy, accounts, rules, disabled);
    }

    /** The policy file's policy, or the defaults when there is no file. */
    static LeadPolicy loadPolicy(Path file) {
        return file == null ? LeadPolicy.defaults() : LeadPolicy.load(file);
    }

    /** Where a policy came from: the file, or "defaults". */
    static String policyLabel(Path file) {
        return file == null ? "defaults" : file.toString();
    }

    /** Builds a qualifier from a policy, an account directory, host rule files and disabled rule ids. */
    /**
     * Rule sets built by this JVM (read by tests that prove a command checks its inputs before it
     * builds any rules).
     */
    static final AtomicInteger RULE_SETS_BUILT = new AtomicInteger();

    /**
     * Refuses a missing or unreadable policy file or --rules path before any rule work, with the
     * same message a missing input gets.
     */
    static void checkReadable(Path policy, List<Path> rules)
            throws NoSuchFileException, AccessDeniedException {
        if (policy != null) {
            checkReadable(policy, false);
        }
        for (Path p : rules) {
            checkReadable(p, true);
        }
    }

    private static void checkReadable(Path file, boolean folderAllowed) throws NoSuchFileException, AccessDeniedException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isReadable(file) || (!folderAllowed && Files.isDirectory(file))) {
            throw new AccessDeniedException(file.toString());
        }
    }

    /**
     * Builds a qualifier; a null policy means the shipped defaults, which the library then loads
     * while it compiles the rules instead of before.
     */
    static LeadQualifier build(Clock clock, LeadPolicy policy, AccountDirectory accounts, List<Path> rules, List<String> disabled) {
        return build(clock, policy, accounts, rules, disabled, Set.of());
    }

    /** Like {@link #build(Clock, LeadPolicy, AccountDirectory, List, List)}, for an input without some fields. */
    static LeadQualifier build(Clock clock, LeadPolicy policy, AccountDirectory accounts, List<Path> rules,
                               List<String> disabled, Set<String> unavailable) {
        RULE_SETS_BUILT.incrementAndGet();
        LeadQualifier.Builder b = LeadQualifier.builder().accounts(accounts).clock(clock).unavailableFields(unavailable);
        if (policy != null) {
            b.policy(policy);
        }
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

package io.github.leadrules.cli;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Stage;
import io.github.leadrules.policy.PolicyFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code lead-rules rules}: the effective rule catalogue (packaged and host rules and the policy's
 * signals, minus disabled ones) as marketing and sales read the agreement: id, stage, name and the
 * business comment; {@code --drl} prints the DRL generated from the policy's signals.
 */
@Command(name = "rules", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = LeadRulesCli.Version.class,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        description = "List the effective rules: id, stage, name and what each means. Exit code 1 when the policy or rules do not build.")
final class RulesCommand implements Callable<Integer> {

    @ParentCommand
    LeadRulesCli parent;

    @Option(names = "--format", paramLabel = "text|markdown", defaultValue = "text",
            description = "text (default) or markdown (a table for a wiki or README).")
    String format;

    @Option(names = "--drl",
            description = "Print the DRL generated from the policy's signals (--policy) instead of the list.")
    boolean drl;

    @Mixin
    RuleSetOptions ruleSet;

    @Override
    public Integer call() {
        // Options and files first: a typo is reported before the rules are built.
        boolean markdown;
        switch (format.toLowerCase(Locale.ROOT)) {
            case "markdown", "md" -> markdown = true;
            case "text" -> markdown = false;
            default -> {
                parent.err().println("lead-rules rules: --format must be text or markdown, got '" + CommandErrors.printable(format) + "'");
                return ExitCodes.FAILED;
            }
        }
        LeadQualifier qualifier;
        try {
            RuleSetOptions.checkReadable(ruleSet.policy, ruleSet.rules);
            qualifier = ruleSet.build(Clock.systemUTC());
        } catch (PolicyFileException | InvalidRulesException e) {
            parent.err().println("lead-rules rules: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (NoSuchFileException e) {
            parent.err().println("lead-rules rules: no such file: " + CommandErrors.printable(e.getFile()));
            return ExitCodes.FAILED;
        } catch (AccessDeniedException e) {
            parent.err().println("lead-rules rules: permission denied: " + CommandErrors.printable(e.getFile()));
            return ExitCodes.FAILED;
        }
        PrintWriter out = parent.out();
        if (drl) {
            // Printed from the policy the rules were built with, so what it shows is what runs.
            if (qualifier.policy().signals().isEmpty()) {
                out.println("// The policy (" + ruleSet.policyLabel() + ") has no signals: no rules are generated.");
            } else {
                out.print(qualifier.policy().signalsDrl());
            }
            out.flush();
            return ExitCodes.OK;
        }
        List<RuleDescription> rules = qualifier.rules();
        if (markdown) {
            markdown(out, rules);
        } else {
            text(out, rules);
        }
        out.printf(Locale.ROOT, "%n%d rules; rule set %s; policy %s%n", rules.size(), qualifier.fingerprint(),
                ruleSet.policyLabel());
        out.flush();
        return ExitCodes.OK;
    }

    private static void text(PrintWriter out, List<RuleDescription> rules) {
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10) + 2;
        Stage current = null;
        for (RuleDescription r : rules) {
            if (r.stage() != current) {
                current = r.stage();
                out.println((current == rules.get(0).stage() ? "" : "\n") + current);
            }
            out.printf(Locale.ROOT, "  %-" + width + "s%s%n", r.id(), r.name());
            if (!r.description().isEmpty()) {
                out.printf(Locale.ROOT, "  %-" + width + "s%s%n", "", r.description());
            }
            if (!r.source().startsWith("io/github/leadrules/rules/")) {
                out.printf(Locale.ROOT, "  %-" + width + "s(%s:%d)%n", "", r.source(), r.line());
            }
        }
    }

    private static void markdown(PrintWriter out, List<RuleDescription> rules) {
        out.println("| id | stage | rule | what it means |");
        out.println("| --- | --- | --- | --- |");
        for (RuleDescription r : rules) {
            out.printf("| `%s` | %s | %s | %s |%n", r.id(), r.stage().name().toLowerCase(Locale.ROOT), cell(r.name()),
                    cell(r.description()));
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}

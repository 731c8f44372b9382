package io.github.leadrules.cli;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.cli.columns.MapFile;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.PolicyFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code lead-rules validate}: checks the policy file, the host rule files, a column map and the
 * accounts and recent-leads files, without qualifying anything; every problem is reported with its file and line.
 */
@Command(name = "validate", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = LeadRulesCli.Version.class,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        description = {"Check a policy file, rule files, a column map, an accounts file and a recent-leads file; "
                + "report every problem with file and line.",
                "Exit code 0 when all are fine, 1 when there are problems."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    LeadRulesCli parent;

    @Option(names = "--map", paramLabel = "FILE", description = "A column map to check too.")
    Path map;

    @Mixin
    RuleSetOptions ruleSet;

    @Mixin
    AccountOptions accounts;

    @Override
    public Integer call() {
        PrintWriter out = parent.out();
        PrintWriter err = parent.err();
        boolean ok = true;
        if (map != null) {
            try {
                MapFile m = MapFile.load(map);
                out.printf(Locale.ROOT, "map %s: %d fields, %d attributes%n", map, m.fields().size(), m.attributes().size());
            } catch (MapFile.MapFileException e) {
                err.println(e.getMessage());
                ok = false;
            } catch (IOException e) {
                err.println(map + ": cannot read the file: " + e.getClass().getSimpleName());
                ok = false;
            }
        }
        if (accounts.accounts != null) {
            ok &= check(out, err, accounts.accounts, () -> "accounts " + accounts.accounts + ": "
                    + AccountOptions.describe(AccountsFile.load(accounts.accounts)));
        }
        if (accounts.recentLeads != null) {
            ok &= check(out, err, accounts.recentLeads, () -> String.format(Locale.ROOT, "recent leads %s: %,d leads",
                    accounts.recentLeads, RecentLeadsFile.load(accounts.recentLeads, ZoneOffset.UTC,
                            InMemoryAccountDirectory.builder())));
        }
        // Named files first: a missing one is reported before any rule is built, and then no rule
        // is built (the rule set it names cannot be checked without it).
        boolean filesFound = true;
        for (Path p : ruleSet.rules) {
            if (!Files.exists(p)) {
                err.println(p + ": no such file");
                filesFound = false;
            } else if (Files.isDirectory(p) && countDrl(p) == 0) {
                err.println(p + ": the folder holds no .drl file");
                ok = false;
            }
        }
        if (ruleSet.policy != null && !Files.exists(ruleSet.policy)) {
            err.println(ruleSet.policy + ": no such file");
            filesFound = false;
        }
        ok &= filesFound;
        LeadPolicy policy = null;
        if (filesFound && ruleSet.policy != null) {
            try {
                policy = ruleSet.loadPolicy();
                out.printf(Locale.ROOT, "policy %s: ok%n", ruleSet.policyLabel());
            } catch (PolicyFileException e) {
                err.println(e.getMessage());
                ok = false;
            }
        }
        if (filesFound) {
            if (ruleSet.policy == null) {
                out.printf(Locale.ROOT, "policy %s: ok%n", ruleSet.policyLabel());
            }
            try {
                // A policy file with problems is reported above; the rules are still checked, with the defaults.
                LeadQualifier q = ruleSet.build(Clock.systemUTC(), policy, AccountDirectory.empty());
                long host = q.rules().stream().filter(r -> !r.source().startsWith("io/github/leadrules/rules/")).count();
                out.printf(Locale.ROOT, "rules: %d in force (%d packaged, %d from --rules, %d disabled); rule set %s%n",
                        q.rules().size(), q.rules().size() - host, host, ruleSet.disabled.size(), q.fingerprint());
            } catch (InvalidRulesException e) {
                err.println(e.getMessage());
                ok = false;
            }
        }
        if (ok) {
            out.println("OK");
        } else {
            err.println("validate: problems found");
        }
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Reads a data file; prints what it holds, or its problems. */
    private static boolean check(PrintWriter out, PrintWriter err, Path file, DataCheck check) {
        try {
            out.println(check.run());
            return true;
        } catch (UsageProblem e) {
            err.println(e.getMessage());
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
        } catch (IOException e) {
            err.println(file + ": cannot read the file: " + e.getClass().getSimpleName());
        }
        return false;
    }

    /** Loads a data file and describes what it holds. */
    @FunctionalInterface
    private interface DataCheck {
        String run() throws IOException, UsageProblem;
    }

    private static long countDrl(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".drl")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}

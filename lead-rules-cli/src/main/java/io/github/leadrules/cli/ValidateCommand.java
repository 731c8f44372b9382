package io.github.leadrules.cli;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.cli.io.Decisions;
import io.github.leadrules.cli.io.InputRow;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.PolicyFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code lead-rules validate}: refuses everything {@code qualify} would refuse, with the same
 * message, without deciding anything. It checks the options, the policy file, the host rule
 * files, the column map and the accounts and recent-leads files and, given an INPUT, the export
 * itself: its encoding, its header against the presets or the map, and every row, listing the rows
 * {@code qualify} would make INVALID exactly as {@code qualify} names them in {@code decision_errors}.
 * Unlike {@code qualify} it does not stop at the first problem: every problem is reported. The
 * checks are {@code qualify}'s own ({@link LeadInputOptions#settings}, {@link AccountsFile},
 * {@link RecentLeadsFile}, {@link RuleSetOptions#checkReadable}, {@link LeadInput#open}, the policy
 * load and rule build, {@link ReadRow#errorsUnder}), and every message goes through
 * {@link CommandErrors#message}.
 */
@Command(name = "validate", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = LeadRulesCli.Version.class,
        exitCodeOnInvalidInput = ExitCodes.FAILED, exitCodeOnExecutionException = ExitCodes.FAILED,
        description = {"Check, without deciding anything, what qualify would refuse: the options, a policy file, rule files, "
                + "a column map, an accounts file, a recent-leads file and, given INPUT, the lead export itself "
                + "(encoding, header, every row). Every problem is reported, each with the message qualify would print.",
                "With INPUT, the --map file is checked against the export's header, and every row qualify would make INVALID "
                        + "is listed with its line, columns and codes, as in qualify's decision_errors (under the --policy "
                        + "file's fields and missingValues, as of --as-of). Without INPUT, --map is checked on its own "
                        + "(keys, long forms, date formats, value maps), not against a header: whether its columns exist "
                        + "and its formats and values read the cells needs INPUT.",
                "Rows the rules themselves fail on (qualify's ERROR) are not predicted: no rule runs.",
                "Exit codes: 0 all fine; 1 a problem that would stop qualify (on stderr); 2 nothing would stop qualify, "
                        + "but some rows would be INVALID (on stdout)."})
final class ValidateCommand implements Callable<Integer> {

    /** At most this many kinds of row problem are counted in the closing summary. */
    static final int MAX_KINDS_LISTED = 20;

    @ParentCommand
    LeadRulesCli parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT",
            description = "A lead export to check as qualify would read it: a .csv or .jsonl file, or - for standard input.")
    String input;

    @Mixin
    LeadInputOptions inputOptions;

    @Mixin
    RuleSetOptions ruleSet;

    @Mixin
    AccountOptions accounts;

    private PrintWriter out;
    private PrintWriter err;
    private int problems;

    @Override
    public Integer call() {
        out = parent.out();
        err = parent.err();
        // The same checks, in the same order, as qualify; each problem is reported and the checks go on.
        LeadInputOptions.Settings settings = null;
        try {
            settings = inputOptions.settings(input == null ? "" : input);
            if (settings.map() != null) {
                out.printf(Locale.ROOT, "map %s: %d fields, %d attributes%s%n", inputOptions.map,
                        settings.map().fields().size(), settings.map().attributes().size(),
                        input == null ? " (not checked against a header: give INPUT)" : "");
            }
        } catch (IOException | UsageProblem e) {
            problem(e);
        }
        checkAccounts(settings == null ? ZoneOffset.UTC : settings.zone());

        // A missing policy or rule file is reported before any rule is built, and then no rule is
        // built (the rule set it names cannot be checked without it).
        boolean policyFound = readable(ruleSet.policy, List.of());
        boolean rulesFound = true;
        for (Path p : ruleSet.rules) {
            rulesFound &= readable(null, List.of(p));
        }

        LeadInput source = null;
        if (input != null && settings != null) {
            try {
                source = LeadInput.open(input, settings, System.in);
                out.printf(Locale.ROOT, "input %s: %s%n", source.sourceName(), source.mapping().describe());
            } catch (IOException | UsageProblem e) {
                problem(e);
            }
        }
        try {
            LeadPolicy policy = null;
            boolean policyOk = policyFound;
            if (policyFound && ruleSet.policy != null) {
                try {
                    policy = ruleSet.loadPolicy();
                } catch (PolicyFileException e) {
                    problem(e);
                    policyOk = false;
                }
            }
            if (policyOk) {
                out.printf(Locale.ROOT, "policy %s: ok%n", ruleSet.policyLabel());
            }
            Instant now = settings == null ? Instant.now() : settings.asOf();
            if (policyFound && rulesFound) {
                buildRules(now, policy);
            }
            long invalid = 0;
            if (source != null && policyOk) {
                invalid = checkRows(source, policy == null ? LeadPolicy.defaults() : policy, now);
            }
            if (problems > 0) {
                err.println("validate: problems found");
                out.flush();
                return ExitCodes.FAILED;
            }
            if (invalid > 0) {
                out.flush();
                return ExitCodes.SOME_INVALID;
            }
            out.println("OK");
            out.flush();
            return ExitCodes.OK;
        } finally {
            close(source);
        }
    }

    /** Loads the accounts and recent-leads files, each on its own, as qualify loads them. */
    private void checkAccounts(ZoneId zone) {
        if (accounts.accounts != null) {
            try {
                out.println("accounts " + accounts.accounts + ": " + AccountOptions.describe(AccountsFile.load(accounts.accounts)));
            } catch (IOException | UsageProblem e) {
                problem(e);
            }
        }
        if (accounts.recentLeads != null) {
            try {
                int n = RecentLeadsFile.load(accounts.recentLeads, zone, InMemoryAccountDirectory.builder());
                out.printf(Locale.ROOT, "recent leads %s: %,d leads%n", accounts.recentLeads, n);
            } catch (IOException | UsageProblem e) {
                problem(e);
            }
        }
    }

    /** Whether the policy file (or, with a null policy, the rule paths) can be read; reports it when not. */
    private boolean readable(Path policy, List<Path> rules) {
        try {
            RuleSetOptions.checkReadable(policy, rules);
            return true;
        } catch (IOException e) {
            problem(e);
            return false;
        }
    }

    /** Builds the rules; a policy file with problems is reported already, and the rules are checked with the defaults. */
    private void buildRules(Instant now, LeadPolicy policy) {
        try {
            LeadQualifier q = ruleSet.build(Clock.fixed(now, ZoneOffset.UTC), policy, AccountDirectory.empty());
            long host = q.rules().stream().filter(r -> !r.source().startsWith("io/github/leadrules/rules/")).count();
            out.printf(Locale.ROOT, "rules: %d in force (%d packaged, %d from --rules, %d disabled); rule set %s%n",
                    q.rules().size(), q.rules().size() - host, host, ruleSet.disabled.size(), q.fingerprint());
        } catch (InvalidRulesException e) {
            problem(e);
        }
    }

    /**
     * Reads every row as qualify does (the policy's placeholders blanked, its fields typed) and
     * lists those qualify would make INVALID, in its {@code decision_errors} form.
     *
     * @return how many rows would be INVALID
     */
    private long checkRows(LeadInput source, LeadPolicy policy, Instant now) {
        source.missingValues(policy);
        long rows = 0;
        long invalid = 0;
        Map<String, Long> kinds = new HashMap<>();
        try {
            InputRow row;
            while ((row = source.next()) != null) {
                rows++;
                ReadRow read = source.read(row);
                List<FieldError> errors = read.errorsUnder(policy, now, source.mapper());
                if (!errors.isEmpty()) {
                    invalid++;
                    out.println(Decisions.errors(row.line(), errors, read.note()));
                    errors.stream().map(e -> e.field() + " " + e.code()).distinct().forEach(k -> kinds.merge(k, 1L, Long::sum));
                }
            }
        } catch (IOException e) {
            problem(e);
            return invalid;
        }
        if (invalid == 0) {
            out.printf(Locale.ROOT, "input %s: %,d rows, none INVALID%n", source.sourceName(), rows);
            return 0;
        }
        out.printf(Locale.ROOT, "input %s: %,d of %,d rows INVALID (listed above with line and column; qualify would exit with code %d)%n",
                source.sourceName(), invalid, rows, ExitCodes.SOME_INVALID);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(kinds.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        sorted.stream().limit(MAX_KINDS_LISTED).forEach(k -> out.printf(Locale.ROOT, "  %s: %,d row%s%n", k.getKey(), k.getValue(),
                k.getValue() == 1 ? "" : "s"));
        if (sorted.size() > MAX_KINDS_LISTED) {
            out.printf(Locale.ROOT, "  … and %d other kinds%n", sorted.size() - MAX_KINDS_LISTED);
        }
        return invalid;
    }

    /** Reports a problem with qualify's message for it. */
    private void problem(Exception e) {
        problems++;
        err.println(CommandErrors.prefix("validate") + CommandErrors.message(e));
    }

    private void close(LeadInput source) {
        if (source == null) {
            return;
        }
        try {
            source.close();
        } catch (IOException e) {
            problem(e);
        }
    }
}

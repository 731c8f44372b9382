package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A typo is reported at once: every command checks its input, its named files and its options
 * before it builds any rules (a build costs seconds in a fresh JVM). "Before" is observed through
 * {@link RuleSetOptions#RULE_SETS_BUILT}, not through timing.
 */
class ChecksBeforeRulesTest {

    private static final String HEADER = "id,company_name,email,employee_count,inquiry_type\n";
    private static final String LEAD = "L-7001,株式会社北斗精機,sato.kenji@hokuto-seiki.example,240,demo\n";

    @TempDir
    Path dir;

    private Path leads() {
        return Cli.write(dir.resolve("leads.csv"), HEADER + LEAD);
    }

    private Path missing() {
        return dir.resolve("missing.csv");
    }

    @Test
    void qualifyReportsAMissingInputWithoutBuildingRules() {
        Cli.Result result = withoutRuleBuild(() -> Cli.qualify(missing()));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("lead-rules qualify: no such file").contains("missing.csv");
        assertThat(result.out()).doesNotContain("rules built");
    }

    @Test
    void diffReportsAMissingInputWithoutBuildingEitherRuleSet() {
        Cli.Result result = withoutRuleBuild(() -> Cli.run("diff", missing().toString(), "--as-of", Cli.AS_OF,
                "--disable-rule", "EXC-STUDENT"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("lead-rules diff: no such file").contains("missing.csv");
    }

    @Test
    void backtestReportsAMissingInputWithoutBuildingRules() {
        Cli.Result result = withoutRuleBuild(() -> Cli.run("backtest", missing().toString(), "--as-of", Cli.AS_OF,
                "--outcome-column", "converted"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("lead-rules backtest: no such file").contains("missing.csv");
    }

    @Test
    void aMissingPolicyOrRulesFileIsReportedBeforeTheBuild() {
        Path input = leads();
        Path policy = dir.resolve("lead-policy.yaml");
        Path rules = dir.resolve("our-rules.drl");

        Cli.Result noPolicy = withoutRuleBuild(() -> Cli.qualify(input, "--policy", policy.toString()));
        Cli.Result noRules = withoutRuleBuild(() -> Cli.qualify(input, "--rules", rules.toString()));
        Cli.Result noBasePolicy = withoutRuleBuild(() -> Cli.run("diff", input.toString(), "--as-of", Cli.AS_OF,
                "--base-policy", policy.toString()));
        Cli.Result noRulesForBacktest = withoutRuleBuild(() -> Cli.run("backtest", input.toString(), "--as-of", Cli.AS_OF,
                "--outcome-column", "inquiry_type", "--rules", rules.toString()));

        assertThat(noPolicy.err()).contains("no such file").contains("lead-policy.yaml");
        assertThat(noRules.err()).contains("no such file").contains("our-rules.drl");
        assertThat(noBasePolicy.err()).contains("no such file").contains("lead-policy.yaml");
        assertThat(noRulesForBacktest.err()).contains("no such file").contains("our-rules.drl");
        assertThat(noPolicy.exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void missingAccountsRecentLeadsAndMapFilesAreReportedBeforeTheBuild() {
        Path input = leads();

        Cli.Result noAccounts = withoutRuleBuild(() -> Cli.qualify(input, "--accounts", dir.resolve("accounts.csv").toString()));
        Cli.Result noRecent = withoutRuleBuild(() -> Cli.qualify(input, "--recent-leads", dir.resolve("recent.csv").toString()));
        Cli.Result noMap = withoutRuleBuild(() -> Cli.qualify(input, "--map", dir.resolve("columns.yaml").toString()));

        assertThat(noAccounts.err()).contains("accounts.csv");
        assertThat(noRecent.err()).contains("recent.csv");
        assertThat(noMap.err()).contains("columns.yaml");
        assertThat(noAccounts.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(noRecent.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(noMap.exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void badOptionValuesAreReportedBeforeTheBuild() {
        Path input = leads();

        assertThat(withoutRuleBuild(() -> Cli.qualify(input, "--threads", "257")).err()).contains("--threads");
        assertThat(withoutRuleBuild(() -> Cli.qualify(input, "--chunk", "0")).err()).contains("--chunk");
        assertThat(withoutRuleBuild(() -> Cli.qualify(input, "--encoding", "EBCDIC-Klingon")).err()).contains("--encoding");
        assertThat(withoutRuleBuild(() -> Cli.qualify(input, "--zone", "Mars/Olympus_Mons")).exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(withoutRuleBuild(() -> Cli.qualify(input, "--delimiter", "ab")).exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(withoutRuleBuild(() -> Cli.run("qualify", input.toString(), "--as-of", "next tuesday")).exitCode())
                .isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void anOutputThatIsAnInputIsRefusedBeforeTheBuild() {
        Path input = leads();

        Cli.Result result = withoutRuleBuild(() -> Cli.qualify(input, "--out", input.toString()));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("--out");
    }

    @Test
    void rulesChecksItsFormatAndPolicyFileBeforeTheBuild() {
        Cli.Result badFormat = withoutRuleBuild(() -> Cli.run("rules", "--format", "pdf"));
        Cli.Result noPolicy = withoutRuleBuild(() -> Cli.run("rules", "--policy", dir.resolve("lead-policy.yaml").toString()));

        assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(badFormat.err()).contains("--format must be text or markdown");
        assertThat(noPolicy.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(noPolicy.err()).contains("lead-rules rules: no such file").contains("lead-policy.yaml");
    }

    @Test
    void validateReportsMissingRuleAndPolicyFilesWithoutBuildingRules() {
        Cli.Result result = withoutRuleBuild(() -> Cli.run("validate", "--rules", dir.resolve("our-rules.drl").toString(),
                "--policy", dir.resolve("lead-policy.yaml").toString()));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("lead-rules validate: no such file: " + dir.resolve("our-rules.drl"))
                .contains("lead-rules validate: no such file: " + dir.resolve("lead-policy.yaml"));
    }

    @Test
    void sampleNeverBuildsRules() {
        Cli.Result result = withoutRuleBuild(() -> Cli.run("sample", "--count", "-1"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("--count must not be negative");
    }

    @Test
    void theCounterSeesABuildSoTheChecksAboveCanFail() {
        int before = RuleSetOptions.RULE_SETS_BUILT.get();

        Cli.Result result = Cli.qualify(leads());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(RuleSetOptions.RULE_SETS_BUILT.get()).isEqualTo(before + 1);
        assertThat(result.out()).contains("rules built");
    }

    private static Cli.Result withoutRuleBuild(Supplier<Cli.Result> run) {
        int before = RuleSetOptions.RULE_SETS_BUILT.get();
        Cli.Result result = run.get();
        assertThat(RuleSetOptions.RULE_SETS_BUILT.get()).as("rule sets built; stderr: %s", result.err()).isEqualTo(before);
        return result;
    }
}

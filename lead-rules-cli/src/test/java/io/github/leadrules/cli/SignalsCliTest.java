package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signals in the policy file reach every command through {@code --policy} alone: {@code rules}
 * lists them ({@code --drl} prints their generated DRL), {@code qualify}, {@code diff} and
 * {@code backtest} decide with them, {@code validate} reports their mistakes at line and column.
 */
class SignalsCliTest {

    @TempDir
    Path dir;

    private static final String POLICY = """
            version: 1
            signals:
              - id: ACME-ENTERPRISE
                name: Raise urgency for companies of a thousand people and more
                when: {field: company.employeeCount, atLeast: 1000}
                points: 15
                reason: A company of 1000 people or more
              - id: ACME-NO-TITLE
                stage: exclusion
                when:
                  - {field: jobTitle, missing: true}
                  - {field: company.employeeCount, below: 20}
                reason: No title at a small company
            """;

    @Test
    void rulesListsTheSignalsWithThePackagedRules() {
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY);

        Cli.Result result = Cli.run("rules", "--policy", policy.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("EXC-COMPETITOR")
                .containsPattern("ACME-ENTERPRISE +Raise urgency for companies of a thousand people and more\\n"
                        + " +A company of 1000 people or more\\n +\\(policy signals:\\d+\\)")
                .containsPattern("ACME-NO-TITLE +Exclude leads when jobTitle is missing and company.employeeCount below 20");
    }

    @Test
    void rulesDrlPrintsTheGeneratedRules() {
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY);

        Cli.Result result = Cli.run("rules", "--policy", policy.toString(), "--drl");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("""
                // A company of 1000 people or more
                rule "Raise urgency for companies of a thousand people and more"
                    @id("ACME-ENTERPRISE")
                    ruleflow-group "urgency"
                when
                    $lead : LeadContext( employeeCount >= 1000 )
                then
                    $lead.addUrgency(15, "A company of 1000 people or more");
                end
                """).contains("""
                    $lead : LeadContext( key("jobTitle") == null,
                                         employeeCount < 20 )
                then
                    $lead.exclude("No title at a small company");
                """);
        assertThat(Cli.run("rules", "--drl").out()).isEqualTo("// The policy (defaults) has no signals: no rules are generated.\n");
    }

    @Test
    void qualifyDiffAndBacktestDecideWithTheSignalsOfThePolicy() {
        Path input = History.sample(dir, 300);
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY);
        Path out = dir.resolve("decisions.csv");

        Cli.Result qualify = Cli.qualify(input, "--policy", policy.toString(), "--out", out.toString());
        Cli.Result diff = Cli.run("diff", input.toString(), "--as-of", Cli.AS_OF, "--policy", policy.toString(), "--out", "-");
        Cli.Result backtest = Cli.run("backtest", input.toString(), "--as-of", Cli.AS_OF, "--policy", policy.toString(),
                "--outcome-column", "converted");

        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).as(qualify.err()).anyMatch(r -> r.get("decision_reasons").contains("ACME-ENTERPRISE"));
        assertThat(rows).filteredOn(r -> r.get("decision_reasons").contains("ACME-ENTERPRISE"))
                .allSatisfy(r -> assertThat(Integer.parseInt(r.get("employee_count"))).isGreaterThanOrEqualTo(1000));
        assertThat(diff.exitCode()).as(diff.err()).isEqualTo(ExitCodes.OK);
        assertThat(diff.err()).containsPattern("\n  ACME-ENTERPRISE +absent +\\d+ +\\+\\d+\n");
        assertThat(backtest.exitCode()).as(backtest.err()).isEqualTo(ExitCodes.OK);
        assertThat(backtest.out()).contains("ACME-ENTERPRISE");
    }

    @Test
    void validateReportsAMistakenSignalAtItsLineAndColumn() {
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY.replace("field: company.employeeCount, atLeast",
                "field: company.employeCount, atLeast"));

        Cli.Result result = Cli.run("validate", "--policy", policy.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains(policy + ":5:19 signals[0].when.field: ACME-ENTERPRISE: unknown field"
                + " 'company.employeCount' (did you mean company.employeeCount?)");
    }
}

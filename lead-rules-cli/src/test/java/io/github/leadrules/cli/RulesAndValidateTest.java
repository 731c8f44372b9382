package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rules} lists the agreement; {@code validate} checks the files that change it. */
class RulesAndValidateTest {

    private static final String HOST_RULE = """
            package io.github.leadrules.rules;

            // Leads from our partner portal never count as new leads: the partner owns them.
            rule "Exclude leads registered by partners"
                @id("EXC-PARTNER-REGISTERED")
                ruleflow-group "exclusion"
            when
                $lead : LeadContext( lead.source == "Partner portal" )
            then
                $lead.exclude("Registered by a partner");
            end
            """;

    @TempDir
    Path dir;

    @Test
    void rulesListsEveryPackagedRuleWithItsStageNameAndMeaning() {
        Cli.Result result = Cli.run("rules");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("EXCLUSION\n", "URGENCY\n", "ROUTING\n")
                .contains("EXC-COMPETITOR").contains("Exclude competitors")
                .contains("Competitors researching us are not buyers (競合).")
                .contains("URG-OWN-INDUSTRY-CASE-STUDY").contains("RTE-STALLED-DEAL-RECYCLE")
                .containsPattern("\\n\\d+ rules; rule set [0-9a-f]+; policy defaults\\n");
    }

    @Test
    void rulesShowsHostRulesWithTheirFileAndLeavesOutDisabledOnes() {
        Path drl = Cli.write(dir.resolve("partner.drl"), HOST_RULE);

        Cli.Result result = Cli.run("rules", "--rules", drl.toString(), "--disable-rule", "EXC-STUDENT", "--format", "markdown");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("| `EXC-PARTNER-REGISTERED` | exclusion | Exclude leads registered by partners | "
                + "Leads from our partner portal never count as new leads: the partner owns them. |")
                .doesNotContain("EXC-STUDENT");
    }

    @Test
    void validateAcceptsTheShippedSamplePolicyAndAHostRuleFolder() {
        Cli.write(dir.resolve("partner.drl"), HOST_RULE);

        Cli.Result result = Cli.run("validate", "--policy", Path.of("..", "samples", "policy.yaml").toString(),
                "--rules", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("policy ../samples/policy.yaml: ok").contains("1 from --rules").endsWith("OK\n");
    }

    @Test
    void validateReportsPolicyAndRuleProblemsTogetherWithFileAndLine() {
        Path policy = Cli.write(dir.resolve("policy.yaml"), "version: 1\ntargetCountries: [JP, Atlantis]\n");
        Path drl = Cli.write(dir.resolve("bad.drl"), HOST_RULE.replace("ruleflow-group \"exclusion\"", "ruleflow-group \"routing\""));

        Cli.Result result = Cli.run("validate", "--policy", policy.toString(), "--rules", drl.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains(policy + ":2").contains("Atlantis")
                .contains(drl + ":4").contains("EXC-PARTNER-REGISTERED is in the routing stage")
                .contains("validate: problems found");
    }

    @Test
    void validateChecksAColumnMap() {
        Path map = Cli.write(dir.resolve("map.properties"), "email = E-mail\ncompany = Organisation\n");

        Cli.Result result = Cli.run("validate", "--map", map.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains(map + ":2: unknown key 'company'");
    }
}

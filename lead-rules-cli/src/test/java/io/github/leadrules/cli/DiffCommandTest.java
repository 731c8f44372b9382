package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lead-rules diff}: what a candidate rule set would change, on a mapped CRM export and on the sample. */
class DiffCommandTest {

    @TempDir
    Path dir;

    @Test
    void switchingOffTheSizeRuleQualifiesExactlyTheTinyFirmAndTheCsvAndPageSayWhy() throws Exception {
        Path input = History.japaneseExport(dir);
        Path changed = dir.resolve("out/changed.csv");
        Path html = dir.resolve("out/diff.html");

        Cli.Result result = Cli.run("diff", input.toString(), "--as-of", Cli.AS_OF, "--map", History.map(dir).toString(),
                "--disable-rule", "EXC-TOO-SMALL", "--out", changed.toString(), "--report", html.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        String out = result.out();
        assertThat(out).contains("base:      rule set ").contains(", policy defaults\n")
                .contains("candidate: rule set ").contains(", policy defaults, disabled EXC-TOO-SMALL\n")
                .contains("1 rows cannot be read as leads; they are INVALID under both")
                .contains("Compared 10 leads: 1 decided differently (10.0%)");
        // Outcome rows are base, columns candidate: one EXCLUDED lead becomes QUALIFIED.
        assertThat(out).containsPattern("\n  QUALIFIED +6 +0 +0 +0 +6\n")
                .containsPattern("\n  EXCLUDED +1 +2 +0 +0 +3\n")
                .containsPattern("\n  total +7 +2 +1 +0 +10\n");
        assertThat(out).containsPattern("\n  EXC-TOO-SMALL +1 +absent +-1\n");
        assertThat(out).contains("  J-06: outcome EXCLUDED -> QUALIFIED; exclusions EXC-TOO-SMALL -> (none); route NONE -> ");

        List<Map<String, String>> rows = Cli.decisions(changed);
        assertThat(rows).hasSize(1);
        Map<String, String> j06 = rows.get(0);
        assertThat(j06).containsEntry("line", "7").containsEntry("lead_id", "J-06")
                .containsEntry("outcome_base", "EXCLUDED").containsEntry("outcome_candidate", "QUALIFIED")
                .containsEntry("route_base", "NONE").containsEntry("exclusions_base", "EXC-TOO-SMALL")
                .containsEntry("exclusions_candidate", "");
        assertThat(j06.get("changed")).startsWith("outcome;exclusions");
        assertThat(j06.get("rules_only_base")).isEqualTo("EXC-TOO-SMALL;RTE-EXCLUDED-NOWHERE");
        assertThat(j06.get("reasons_base")).contains("EXC-TOO-SMALL: Company has 5 employees");
        // No personal data in the CSV: neither the contact's e-mail nor anything but ids, decisions and reasons.
        assertThat(Files.readString(changed)).doesNotContain("aya.kato").doesNotContain("hikari-design.example");

        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<h1>What-if <span class=\"src\">")
                .contains("aria-label=\"Leads per route, base and candidate\"")
                .contains("<div class=\"label\">Decided differently</div><div class=\"value\">1</div>")
                .contains("<td>合同会社ヒカリ&amp;デザイン &lt;Tokyo&gt;</td>")
                .contains("title=\"EXCLUDED → QUALIFIED: 1\"");
        assertThat(page).doesNotContain("<Tokyo>").doesNotContain("<script").doesNotContain("aya.kato");
    }

    @Test
    void aStricterPolicyFileOnTheSampleChangesOnlyLeadsTheSizeRuleNowExcludes() throws Exception {
        Path input = History.sample(dir, 300);
        Path policy = Cli.write(dir.resolve("candidate.yaml"), "version: 1\nminimumEmployees: 50\n");

        Cli.Result result = Cli.run("diff", input.toString(), "--as-of", Cli.AS_OF, "--policy", policy.toString(),
                "--out", "-");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        // The CSV goes to standard output; the matrices to standard error.
        Matcher m = Pattern.compile("Compared 300 leads: (\\d+) decided differently").matcher(result.err());
        assertThat(m.find()).as(result.err()).isTrue();
        int changedLeads = Integer.parseInt(m.group(1));
        assertThat(changedLeads).isPositive();
        Path csv = Cli.write(dir.resolve("changed.csv"), result.out());
        List<Map<String, String>> rows = Cli.decisions(csv);
        assertThat(rows).hasSize(changedLeads);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("outcome_candidate")).isEqualTo("EXCLUDED");
            assertThat(r.get("exclusions_candidate")).contains("EXC-TOO-SMALL");
            assertThat(r.get("rules_only_candidate")).contains("EXC-TOO-SMALL");
        });
        assertThat(result.err()).containsPattern("\n  EXC-TOO-SMALL +\\d+ +\\d+ +\\+" + changedLeads + "\n");
    }

    @Test
    void theSameRuleSetOnBothSidesChangesNothing() {
        Path input = History.japaneseExport(dir);

        Cli.Result result = Cli.run("diff", input.toString(), "--as-of", Cli.AS_OF, "--map", History.map(dir).toString(),
                "--base-disable-rule", "EXC-STUDENT", "--disable-rule", "EXC-STUDENT");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Compared 10 leads: 0 decided differently (0.0%)")
                .contains("Rules that fire differently (leads fired for)\n  (none)\n")
                .doesNotContain("Changed leads");
    }

    @Test
    void aBadBasePolicyFileIsReportedWithItsKey() {
        Path input = History.japaneseExport(dir);
        Path policy = Cli.write(dir.resolve("base.yaml"), "version: 1\nminimumEmployes: 50\n");

        Cli.Result result = Cli.run("diff", input.toString(), "--map", History.map(dir).toString(),
                "--base-policy", policy.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).startsWith("lead-rules diff: ").contains("base.yaml").contains("minimumEmployes");
    }
}

package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lead-rules calibrate} end to end on a generated foreign export read through a column map. */
class CalibrateCommandTest {

    @TempDir
    Path dir;

    private Path export(int rows) throws Exception {
        return ForeignExports.write(dir.resolve("web-leads.csv"), ForeignExports.generate(ForeignExports.Schema.WEB, rows, 7));
    }

    private Path map() {
        return Cli.write(dir.resolve("web-leads.map.yaml"), ForeignExports.map(ForeignExports.Schema.WEB));
    }

    @Test
    void aMappedForeignExportGivesAPolicyFileAndASummaryWithOutOfFoldTiersAndTheLeftOutFields() throws Exception {
        Path input = export(3000);
        Path learned = dir.resolve("out/learned.yaml");

        Cli.Result r = Cli.run("calibrate", input.toString(), "--map", map().toString(), "--outcome-column", "Converted",
                "--out", learned.toString(), "--seed", "42", "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("web-leads.csv: --map file").contains("outcome \"Converted\"")
                .contains("5-fold cross-validation, seed 42")
                .containsPattern("used +lead_origin \\(text\\): \\d+ signals")
                .containsPattern("used +time_on_site \\(number\\)")
                .contains("left out  tags (text): looks filled in after the sale")
                .containsPattern("\n  IMMEDIATE +[\\d,]+ +[\\d.]+% +[\\d.]+% +[\\d.]+ ± +[\\d.]+ +[\\d.]+% ± +[\\d.]+%\n")
                // phone is the only contact column: a row without one is excluded, and the summary says what that cost
                .containsPattern("EXC-NO-CONTACT +\\d+ excluded, +\\d+ converted")
                .contains("written: " + learned);
        String yaml = Files.readString(learned, StandardCharsets.UTF_8);
        assertThat(yaml).contains("fields:\n  \"lead_origin\": text\n").contains("  \"time_on_site\": number\n")
                .contains("    when: {field: \"lead_origin\", equals: \"Lead Add Form\"}")
                .contains("urgencyThresholds:\n  immediate: ").doesNotContain("\"tags\"");
        assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp*");

        Cli.Result again = Cli.run("calibrate", input.toString(), "--map", map().toString(), "--outcome-column", "Converted",
                "--out", dir.resolve("again.yaml").toString(), "--seed", "42", "--as-of", Cli.AS_OF);
        assertThat(Files.readString(dir.resolve("again.yaml"))).isEqualTo(yaml);
        assertThat(again.out().replace("again.yaml", "")).isEqualTo(r.out().replace("out/learned.yaml", ""));
    }

    @Test
    void theBasePolicysSettingsAreKeptAndItsThresholdsReplaced() throws Exception {
        Path policy = Cli.write(dir.resolve("base.yaml"), "# our agreement\nminimumEmployees: 5\nurgencyThresholds: {immediate: 90, high: 60, medium: 30}\n");
        Path learned = dir.resolve("learned.yaml");

        Cli.Result r = Cli.run("calibrate", export(1500).toString(), "--map", map().toString(), "--policy", policy.toString(),
                "--outcome-column", "converted", "--out", learned.toString(), "--folds", "3", "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        String yaml = Files.readString(learned);
        assertThat(yaml).contains("# our agreement\nminimumEmployees: 5\n").doesNotContain("immediate: 90");
        assertThat(r.out()).contains("3-fold cross-validation");
    }

    @Test
    void rowsWithABlankOutcomeAreSkippedAndCountedAndAnUnclearOutcomeNamesItsLineNotItsValue() throws Exception {
        List<ForeignExports.Row> rows = ForeignExports.generate(ForeignExports.Schema.WEB, 600, 3);
        rows.get(10).cells().put("Converted", "");
        rows.get(11).cells().put("Converted", " ");
        Path input = ForeignExports.write(dir.resolve("blanks.csv"), rows);

        Cli.Result ok = Cli.run("calibrate", input.toString(), "--map", map().toString(), "--outcome-column", "Converted",
                "--out", dir.resolve("a.yaml").toString(), "--as-of", Cli.AS_OF);
        assertThat(ok.exitCode()).as(ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).contains("2 rows with a blank outcome skipped");

        rows.get(20).cells().put("Converted", "Maybe-Secret-Value");
        Path unclear = ForeignExports.write(dir.resolve("unclear.csv"), rows);
        Cli.Result bad = Cli.run("calibrate", unclear.toString(), "--map", map().toString(), "--outcome-column", "Converted",
                "--out", dir.resolve("b.yaml").toString(), "--as-of", Cli.AS_OF);
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(bad.err()).contains("1 rows have an outcome that is neither yes nor no in column \"Converted\" (line 22)")
                .contains("--positive").doesNotContain("Maybe-Secret-Value");
        assertThat(dir.resolve("b.yaml")).doesNotExist();
    }

    @Test
    void aMissingOutcomeColumnIsNamedWithTheColumnsFound() throws Exception {
        Cli.Result r = Cli.run("calibrate", export(100).toString(), "--map", map().toString(), "--outcome-column", "IsWon",
                "--out", dir.resolve("x.yaml").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("has no column \"IsWon\"").contains("\"Converted\"");
    }

    @Test
    void helpNamesEveryOption() {
        Cli.Result r = Cli.run("calibrate", "--help");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("--outcome-column", "--positive", "--out", "--folds", "--seed", "--map", "--policy",
                "out-of-fold", "10 % / 30 % / 60 %");
    }

    @Test
    void eachRowIsJudgedAsOfItsSubmissionTimeSoTheColdRuleTakesNothingOffTheHistory() throws Exception {
        Path input = export(1500);   // submitted over the year before --as-of: judged as of --as-of, every row is cold

        Cli.Result r = Cli.run("calibrate", input.toString(), "--map", map().toString(), "--outcome-column", "Converted",
                "--out", dir.resolve("a.yaml").toString(), "--as-of", Cli.AS_OF);
        Cli.Result withoutColdRule = Cli.run("calibrate", input.toString(), "--map", map().toString(), "--outcome-column",
                "Converted", "--out", dir.resolve("b.yaml").toString(), "--as-of", Cli.AS_OF, "--disable-rule", "URG-COLD-ENGAGEMENT");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("1,500 of 1,500 leads judged as of their submission time\n");
        assertThat(r.err()).doesNotContain("warning");
        assertThat(Files.readString(dir.resolve("a.yaml"))).isEqualTo(Files.readString(dir.resolve("b.yaml")));
    }

    @Test
    void aPackagedRuleThatExcludesNearlyEveryLeadIsWarnedAboutOnStandardErrorAndInTheSummary() throws Exception {
        // "unknown" is no placeholder here, so every row outside Singapore (about 95 %) is out of territory
        Path policy = Cli.write(dir.resolve("singapore.yaml"), "targetCountries: [Singapore]\nmissingValues: []\n");

        Cli.Result r = Cli.run("calibrate", export(3000).toString(), "--map", map().toString(), "--policy", policy.toString(),
                "--outcome-column", "Converted", "--out", dir.resolve("sg.yaml").toString(), "--folds", "2", "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).containsPattern("^warning: EXC-OUT-OF-TERRITORY excluded [\\d,]+ of the [\\d,]+ decided leads \\(9\\d %\\)")
                .contains("judged at the wrong time");
        assertThat(r.out()).contains("warnings\n  EXC-OUT-OF-TERRITORY excluded ");
    }
}

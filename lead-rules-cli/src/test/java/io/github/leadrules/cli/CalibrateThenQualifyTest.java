package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The file calibrate writes is an ordinary policy file: qualify and backtest read it as is. */
class CalibrateThenQualifyTest {

    @TempDir
    Path dir;

    @Test
    void qualifyAndBacktestReadTheLearnedFileAndTheForeignExportGetsUrgencyTiers() throws Exception {
        Path input = ForeignExports.write(dir.resolve("web-leads.csv"), ForeignExports.generate(ForeignExports.Schema.WEB, 2000, 11));
        Path map = Cli.write(dir.resolve("web.map.yaml"), ForeignExports.map(ForeignExports.Schema.WEB));
        Path learned = dir.resolve("learned.yaml");
        Cli.Result calibrated = Cli.run("calibrate", input.toString(), "--map", map.toString(), "--outcome-column", "Converted",
                "--out", learned.toString(), "--as-of", Cli.AS_OF);
        assertThat(calibrated.exitCode()).as(calibrated.err()).isEqualTo(ExitCodes.OK);

        Path out = dir.resolve("decisions.csv");
        Cli.Result qualified = Cli.run("qualify", input.toString(), "--map", map.toString(), "--policy", learned.toString(),
                "--as-of", Cli.AS_OF, "--out", out.toString());
        assertThat(qualified.exitCode()).as(qualified.err()).isEqualTo(ExitCodes.OK);
        List<List<String>> rows = Cli.readCsv(out);
        int urgency = rows.get(0).indexOf("decision_urgency");
        int reasons = rows.get(0).indexOf("decision_reasons");
        // out of the box every qualified lead of this export was UNKNOWN; with the learned file it has tiers
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(urgency))
                .contains("IMMEDIATE", "HIGH", "MEDIUM");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(reasons)).anyMatch(r -> r.contains("CAL-"));

        Cli.Result backtest = Cli.run("backtest", input.toString(), "--map", map.toString(), "--policy", learned.toString(),
                "--as-of", Cli.AS_OF, "--outcome-column", "Converted");
        assertThat(backtest.exitCode()).as(backtest.err()).isEqualTo(ExitCodes.OK);
        assertThat(backtest.out()).containsPattern("\n  IMMEDIATE +[\\d,]+ +[\\d,]+ +[\\d.]+% +[\\d.]+x")
                .contains("CAL-LEAD-ORIGIN-LEAD-ADD-FORM");
    }

    @Test
    void theBasePolicysOwnSignalsAreReplacedAndLeftOutOfTheLearning() throws Exception {
        Path input = ForeignExports.write(dir.resolve("web-leads.csv"), ForeignExports.generate(ForeignExports.Schema.WEB, 1500, 5));
        Path map = Cli.write(dir.resolve("web.map.yaml"), ForeignExports.map(ForeignExports.Schema.WEB));
        Path base = Cli.write(dir.resolve("base.yaml"), """
                minimumEmployees: 5
                fields:
                  lead_origin: text
                signals:
                  - id: ACME-IMPORTED
                    stage: exclusion
                    when: {field: lead_origin, equals: Lead Import}
                    reason: Imported lists are not leads
                """);
        Path learned = dir.resolve("learned.yaml");

        Cli.Result r = Cli.run("calibrate", input.toString(), "--map", map.toString(), "--policy", base.toString(),
                "--outcome-column", "Converted", "--out", learned.toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("the base policy's 1 signals are replaced by the learned ones");
        // Lead Import rows were learned from, not excluded by the base's signal
        assertThat(r.out()).doesNotContain("ACME-IMPORTED");
        assertThat(java.nio.file.Files.readString(learned)).contains("minimumEmployees: 5").doesNotContain("ACME-IMPORTED")
                .contains("  \"lead_origin\": text");
    }
}

package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lead-rules backtest}: figures on known outcomes, on the sample and on a mapped CRM export. */
class BacktestCommandTest {

    @TempDir
    Path dir;

    @Test
    void aMappedCrmExportGivesTheHandComputedRatesLiftsAndExclusionCosts() throws Exception {
        Path input = History.japaneseExport(dir);
        Path html = dir.resolve("reports/backtest.html");

        Cli.Result result = Cli.run("backtest", input.toString(), "--as-of", Cli.AS_OF, "--map", History.map(dir).toString(),
                "--outcome-column", "商談結果", "--positive", "受注", "--report", html.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        String out = result.out();
        // 3 of 10 converted: base rate 30%.
        assertThat(out).contains("crm-export.csv: 10 rows (--map file, 10 fields mapped)")
                .contains("outcome \"商談結果\" = \"受注\"")
                .contains("Backtest of 10 leads: 3 converted, base rate 30.0%");
        // Qualified: J-01, J-02, J-03, J-04, J-08, J-09; J-01 and J-02 won → 2/6 = 33.3%, lift 1.11, 2 of 3 conversions.
        assertThat(out).containsPattern("\n  QUALIFIED +6 +2 +33\\.3% +1\\.11x +66\\.7%\n");
        // Excluded: J-05, J-06, J-07; J-06 won anyway → 1/3, lift 1.11, 1 of 3 conversions. J-10 is INVALID.
        assertThat(out).containsPattern("\n  EXCLUDED +3 +1 +33\\.3% +1\\.11x +33\\.3%\n")
                .containsPattern("\n  INVALID +1 +0 +0\\.0% +0\\.00x +0\\.0%\n");
        // The size rule's cost: it alone excluded J-06, which converted: rate 100%, lift 1/0.3 = 3.33.
        assertThat(out).containsPattern("\n  EXC-TOO-SMALL +1 +1 +100\\.0% +3\\.33x +33\\.3% +1 +1\n")
                .containsPattern("\n  EXC-STUDENT +1 +0 +0\\.0% +0\\.00x +0\\.0% +1 +0\n")
                .containsPattern("\n  EXC-COMPETITOR +0 +0 +- +- +0\\.0% +0 +0\n");
        assertThat(out).containsPattern("\n  EXC-COMPETITOR +0 +0 +- +- +0\\.0%  never fired\n");
        assertThat(out).contains("report: " + html);

        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<h1>Backtest <span class=\"src\">")
                .contains("aria-label=\"Lift over the base rate\"")
                .contains("<div class=\"label\">Converted</div><div class=\"value\">3</div><div class=\"sub\">base rate 30.0%</div>")
                .contains("<tr class=\"cost\"><td><code>EXC-TOO-SMALL</code></td>")
                .contains("Outcome: &quot;商談結果&quot; = &quot;受注&quot;");
        assertThat(page).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void theGeneratedSampleSeparatesBuyersFromBrowsersByUrgency() throws Exception {
        Path input = History.sample(dir, 400);
        List<Map<String, String>> rows = Cli.decisions(input);
        long converted = rows.stream().filter(r -> "true".equals(r.get("converted"))).count();

        Cli.Result result = Cli.run("backtest", input.toString(), "--as-of", Cli.AS_OF, "--outcome-column", "converted");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Backtest of 400 leads: " + converted + " converted")
                .contains("By urgency (qualified leads)", "By route (all leads)", "Exclusion cost", "never fired");
        double immediate = lift(result.out(), "IMMEDIATE");
        double low = lift(result.out(), "LOW");
        assertThat(immediate).as("IMMEDIATE lift").isGreaterThan(1.5);
        assertThat(low).as("LOW lift").isLessThan(1.0);
    }

    @Test
    void anOutcomeThatIsNeitherYesNorNoIsAnErrorNamingTheLineButNotTheValueUnlessThePositiveValueIsNamed() {
        Path input = Cli.write(dir.resolve("outcomes.csv"), """
                id,email,company_name,employee_count,country,inquiry_type,stage
                L-1,taro.sato@sample-kogyo.example,サンプル工業株式会社,1200,JP,demo,won
                L-2,emily.smith@acme.example,"Acme Co., Ltd.",250,US,document_request,maybe
                L-3,david.brown@globex.example,Globex Corporation,5000,US,quote,
                """);

        Cli.Result unclear = Cli.run("backtest", input.toString(), "--as-of", Cli.AS_OF, "--outcome-column", "Stage");

        assertThat(unclear.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unclear.err()).contains("1 rows have an outcome that is neither yes nor no in column \"stage\" (line 3)")
                .contains("--positive VALUE");
        // The message names the line and the column, never the cell.
        assertThat(unclear.err()).doesNotContain("maybe");

        Cli.Result named = Cli.run("backtest", input.toString(), "--as-of", Cli.AS_OF, "--outcome-column", "stage",
                "--positive", "WON");
        assertThat(named.exitCode()).as(named.err()).isEqualTo(ExitCodes.OK);
        assertThat(named.out()).contains("Backtest of 3 leads: 1 converted, base rate 33.3%");
    }

    @Test
    void aMissingOutcomeColumnIsAnErrorListingTheColumnsFound() {
        Path input = History.japaneseExport(dir);

        Cli.Result result = Cli.run("backtest", input.toString(), "--map", History.map(dir).toString(),
                "--outcome-column", "converted");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("has no column \"converted\"; columns found: \"リードID\"")
                .contains("\"商談結果\"");
        assertThat(Cli.run("backtest", input.toString()).err()).contains("Missing required option: '--outcome-column=NAME'");
    }

    private static double lift(String text, String level) {
        String section = text.substring(text.indexOf("By urgency"), text.indexOf("By route"));
        for (String line : section.split("\n")) {
            String[] cells = line.strip().split(" +");
            if (cells[0].equals(level)) {
                return Double.parseDouble(cells[4].replace("x", ""));
            }
        }
        throw new AssertionError("no urgency line " + level + " in\n" + section);
    }

    @Test
    void historyIsDecidedAsOfEachLeadsSubmissionTimeUnlessAsOfIsGivenOrJudgeAtSaysOtherwise() throws Exception {
        Path input = ForeignExports.write(dir.resolve("web-leads.csv"), ForeignExports.generate(ForeignExports.Schema.WEB, 400, 5));
        Path map = Cli.write(dir.resolve("web-leads.map.yaml"), ForeignExports.map(ForeignExports.Schema.WEB));
        String cold = "\n  URG-COLD-ENGAGEMENT +";

        Cli.Result byDefault = Cli.run("backtest", input.toString(), "--map", map.toString(), "--outcome-column", "Converted");
        Cli.Result submitted = Cli.run("backtest", input.toString(), "--map", map.toString(), "--outcome-column", "Converted",
                "--as-of", Cli.AS_OF, "--judge-at", "submitted");
        Cli.Result asOf = Cli.run("backtest", input.toString(), "--map", map.toString(), "--outcome-column", "Converted",
                "--as-of", Cli.AS_OF);

        assertThat(byDefault.exitCode()).as(byDefault.err()).isEqualTo(ExitCodes.OK);
        assertThat(byDefault.out()).contains("400 rows (--map file, 6 fields mapped), decided as of each lead's submission time\n")
                .containsPattern(cold + "0 +0 .*never fired");
        assertThat(submitted.out()).contains("decided as of each lead's submission time\n")
                .containsPattern(cold + "0 +0 .*never fired");
        // as of one later day, every lead of the year before is cold
        assertThat(asOf.out()).contains("decided as of 2026-11-28T00:00:00Z\n").containsPattern(cold + "400 ");
    }

    @Test
    void aJudgeAtThatIsNeitherSubmittedNorAsOfIsAUsageError() {
        Cli.Result r = Cli.run("backtest", "leads.csv", "--outcome-column", "converted", "--judge-at", "yesterday");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("--judge-at': expected submitted or as-of, got \"yesterday\"");
    }
}

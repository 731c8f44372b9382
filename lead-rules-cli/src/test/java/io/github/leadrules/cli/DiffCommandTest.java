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

    /**
     * Five leads with a submission time (受付日時): three came in in June 2025, one a week before
     * --as-of, one has none. Judged as of 2026-11-28 the three old ones have gone cold (no
     * engagement for over 90 days, -20); judged as each came in, none has.
     */
    private static final String SUBMITTED_EXPORT = """
            リードID,メールアドレス,会社名,業種,従業員数,国,役職,問い合わせ種別,検討時期,同意,受付日時
            S-01,taro.sato@sample-kogyo.example,サンプル工業株式会社,製造業,1200,日本,情報システム部 担当,デモ依頼,1ヶ月以内,同意,2025-06-02T10:15:00+09:00
            S-02,emily.smith@acme.example,"Acme Co., Ltd.",Manufacturing,250,US,IT Manager,資料請求,半年以内,同意,2025-06-10T16:40:00-05:00
            S-03,hanako.suzuki@miraitech.example,株式会社ミライテック,情報通信業,300,日本,情報システム部 部長,デモ依頼,1ヶ月以内,同意,2025-06-20T09:00:00+09:00
            S-04,naoki.yamada@blueocean-logi.example,株式会社ブルーオーシャン物流,運輸業,300,日本,物流部 課長,資料請求,未定,同意,2026-11-20T14:30:00+09:00
            S-05,david.brown@globex.example,Globex Corporation,Retail,5000,US,Marketing Specialist,ホワイトペーパー,未定,同意,
            """;

    private Path submittedExport() {
        Cli.write(dir.resolve("submitted.map.properties"), History.MAP + "submitted_at = 受付日時\n");
        return Cli.write(dir.resolve("submitted-export.csv"), SUBMITTED_EXPORT);
    }

    @Test
    void withoutTheColdRuleOldLeadsRiseAsOfTodayButNothingChangesWhenEachIsJudgedAsItCameIn() {
        Path input = submittedExport();
        String map = dir.resolve("submitted.map.properties").toString();

        Cli.Result asOf = Cli.run("diff", input.toString(), "--as-of", Cli.AS_OF, "--map", map,
                "--disable-rule", "URG-COLD-ENGAGEMENT", "--judge-at", "as-of");
        Cli.Result byDefault = Cli.run("diff", input.toString(), "--as-of", Cli.AS_OF, "--map", map,
                "--disable-rule", "URG-COLD-ENGAGEMENT");
        Cli.Result submitted = Cli.run("diff", input.toString(), "--as-of", Cli.AS_OF, "--map", map,
                "--disable-rule", "URG-COLD-ENGAGEMENT", "--judge-at", "submitted");

        assertThat(asOf.exitCode()).as(asOf.err()).isEqualTo(ExitCodes.OK);
        // As of --as-of: the three June leads are cold under the base; S-01 (90 -> 70) and S-02
        // (35 -> 15) drop a level, S-03 (105 -> 85) stays IMMEDIATE.
        assertThat(asOf.out()).contains("5 rows (--map file, 11 fields mapped), decided as of 2026-11-28T00:00:00Z\n")
                .contains("Compared 5 leads: 2 decided differently (40.0%)")
                .containsPattern("\n  URG-COLD-ENGAGEMENT +3 +absent +-3\n")
                .contains("  S-01: urgency HIGH -> IMMEDIATE").contains("  S-02: urgency LOW -> MEDIUM")
                .doesNotContain("S-03:").doesNotContain("S-04:").doesNotContain("S-05:");
        // With --as-of and no --judge-at, as backtest: every lead as of --as-of.
        assertThat(byDefault.exitCode()).as(byDefault.err()).isEqualTo(ExitCodes.OK);
        assertThat(byDefault.out()).contains("decided as of 2026-11-28T00:00:00Z\n")
                .contains("Compared 5 leads: 2 decided differently (40.0%)");
        // At submission no lead is cold, under either side: the diff is empty; S-05 has no time.
        assertThat(submitted.exitCode()).as(submitted.err()).isEqualTo(ExitCodes.OK);
        assertThat(submitted.out())
                .contains("5 rows (--map file, 11 fields mapped), decided as of each lead's submission time"
                        + " (1 without one as of 2026-11-28T00:00:00Z)\n")
                .contains("Compared 5 leads: 0 decided differently (0.0%)")
                .doesNotContain("URG-COLD-ENGAGEMENT +");
    }

    @Test
    void theHelpListsJudgeAtWithItsDefault() {
        Cli.Result r = Cli.run("diff", "--help");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("[--judge-at=WHEN]");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("--judge-at=WHEN When each lead is decided, under both rule sets alike:")
                .contains("Default: submitted, or as-of when --as-of is given.");
    }

    @Test
    void aJudgeAtThatIsNeitherSubmittedNorAsOfIsAUsageError() {
        Cli.Result r = Cli.run("diff", "leads.csv", "--judge-at", "今日");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("--judge-at': expected submitted or as-of, got \"今日\"");
    }
}

package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A malformed row is never dropped: it comes back INVALID with its line and the column at fault. */
class MalformedRowsTest {

    @TempDir
    Path dir;

    @Test
    void everyRowComesBackInOrderAndBadRowsNameTheirLineAndColumn() {
        Path input = Cli.write(dir.resolve("leads.csv"), """
                id,company_name,email,employee_count,submitted_at,inquiry_type,engagement
                L-3001,Globex Corporation,anna.lewis@globex.example,2500,2026-11-26T09:00Z,demo,
                L-3002,"Acme Co., Ltd.",tom.clark@acme.example,lots,2026-11-26T09:00Z,demo,
                L-3003,Initech LLC,bob.porter@initech.example,300,2026-11-26T09:00Z,maybe later,
                L-3004,"Contoso
                Holdings Inc.",sam.miller@contoso.example,800,2026-13-45,document_request,
                L-3005,Fabrikam Inc.,eve.smith@fabrikam.example,900,2026-11-26T09:00Z,demo,pricing@yesterday
                L-3006,Northwind Ltd,extra@northwind.example,120,2026-11-26T09:00Z,demo,,unexpected,cells
                L-3007,Tailspin Toys,kim.lee@@tailspin.example,40,2026-11-26T09:00Z,quote,
                L-3008,"Vandelay Industries,jo.walker@vandelay.example,70,2026-11-26T09:00Z,demo,
                L-3009,株式会社ミライテック,ichiro.suzuki@mirai-tech.example,1200,2026-11-26T09:00Z,デモ依頼,

                L-3010,サンプル工業株式会社,jiro.takahashi@sample-kogyo.example,850,2026-11-26T09:00Z,見積依頼,
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SOME_INVALID);
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).extracting(r -> r.get("id")).containsExactly(
                "L-3001", "L-3002", "L-3003", "L-3004", "L-3005", "L-3006", "L-3007", "L-3008", "L-3009", "L-3010");
        assertThat(rows).extracting(r -> r.get("decision_outcome")).containsExactly(
                "QUALIFIED", "INVALID", "INVALID", "INVALID", "INVALID", "INVALID", "INVALID", "INVALID", "QUALIFIED", "QUALIFIED");
        assertThat(rows).extracting(r -> r.get("decision_errors")).containsExactly(
                "",
                "line 3: employee_count NOT_A_NUMBER",
                "line 4: inquiry_type UNKNOWN_VALUE",
                "line 5: submitted_at NOT_A_DATE",
                "line 7: engagement[0] NOT_A_DATE",
                "line 8: row WRONG_FIELD_COUNT (9 fields, the header has 7)",
                "line 9: email MALFORMED",
                "line 10: company_name UNTERMINATED_QUOTE (a quote opened in company_name is never closed; this line was read alone)",
                "",
                "");
        assertThat(rows.get(3).get("company_name")).isEqualTo("Contoso\nHoldings Inc.");
        assertThat(result.out()).contains("Leads submitted                         10")
                .contains("invalid input                          7")
                .contains("7 rows INVALID: see decision_errors for line and column");
    }

    @Test
    void theInvalidRowKeepsItsCellsSoItCanBeFixedAndRerun() {
        Path input = Cli.write(dir.resolve("leads.csv"), """
                id,company_name,email,employee_count
                L-3101,Globex Corporation,anna.lewis@globex.example,"2,500 people or so"
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.qualify(input, "--out", out.toString());

        Map<String, String> row = Cli.decisions(out).get(0);
        assertThat(row.get("company_name")).isEqualTo("Globex Corporation");
        assertThat(row.get("employee_count")).isEqualTo("2,500 people or so");
        assertThat(row.get("decision_outcome")).isEqualTo("INVALID");
        assertThat(row.get("decision_route")).isEqualTo("NONE");
        assertThat(row.get("decision_errors")).isEqualTo("line 2: employee_count NOT_A_NUMBER");
    }

    @Test
    void theShippedSampleWithErrorsExitsTwoAndNamesEachBadLineAndColumnWhileTheOtherRowsAreDecided() {
        Path samples = Path.of("..", "samples");
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(samples.resolve("leads-with-errors.csv"), "--policy", samples.resolve("policy.yaml").toString(),
                "--accounts", samples.resolve("accounts.csv").toString(), "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SOME_INVALID);
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).hasSize(20);
        assertThat(rows).filteredOn(r -> r.get("decision_outcome").equals("INVALID"))
                .extracting(r -> r.get("id") + " " + r.get("decision_errors")).containsExactly(
                        "E-0003 line 4: employee_count NOT_A_NUMBER",
                        "E-0005 line 6: email MALFORMED",
                        "E-0007 line 8: submitted_at NOT_A_DATE",
                        "E-0010 line 11: inquiry_type UNKNOWN_VALUE",
                        "E-0012 line 13: country UNKNOWN_COUNTRY",
                        "E-0014 line 15: row WRONG_FIELD_COUNT (22 fields, the header has 21)",
                        "E-0017 line 18: contact_name UNTERMINATED_QUOTE (a quote opened in contact_name is never closed; "
                                + "this line was read alone)");
        // The readable rows are decided as usual, the known accounts' ones included.
        assertThat(rows.get(0)).containsEntry("decision_outcome", "EXCLUDED").containsEntry("decision_exclusions", "EXC-EXISTING-CUSTOMER")
                .containsEntry("decision_route", "ACCOUNT_OWNER").containsEntry("decision_owner", "k.suzuki");
        assertThat(rows.get(3)).containsEntry("decision_outcome", "QUALIFIED").containsEntry("decision_urgency", "IMMEDIATE")
                .containsEntry("decision_route", "FIELD_SALES");
        assertThat(rows.get(17)).containsEntry("decision_outcome", "QUALIFIED").containsEntry("decision_route", "ACCOUNT_OWNER")
                .containsEntry("decision_owner", "j.walker");
        assertThat(result.out()).contains("invalid input                          7")
                .contains("7 rows INVALID: see decision_errors for line and column");
    }
}

package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --accounts} and {@code --recent-leads}: what the CRM already knows makes the account and
 * duplicate rules fire from the command line; a bad row names its file, line and column.
 */
class AccountsTest {

    /** A customer with an owner, an open opportunity with an owner, a competitor and a partner without one. */
    private static final String ACCOUNTS = """
            account_id,name,domains,relationship,owner
            A-001,サンプル工業株式会社,sample-kogyo.example;sample-kogyo.co.example,CUSTOMER,suzuki
            A-002,Globex Corporation,globex.example,OPEN_OPPORTUNITY,emily.clark
            A-003,ライバルリード株式会社,rival-leads.example,競合,
            A-004,Initech Inc.,initech.example,partner,
            """;

    private static final String LEADS = """
            id,email,company_name,employee_count,country,industry,inquiry_type,submitted_at
            L-6001,taro.sato@mail.sample-kogyo.example,サンプル工業株式会社,1200,JP,製造業,demo,2026-11-27T09:00Z
            L-6002,anna.lewis@globex.example,Globex Corporation,2500,US,Manufacturing,document_request,2026-11-27T09:00Z
            L-6003,ken.tanaka@rival-leads.example,ライバルリード株式会社,300,JP,情報通信業,document_request,2026-11-27T09:00Z
            L-6004,hanako.suzuki@miraitech.example,株式会社ミライテック,300,JP,情報通信業,demo,2026-11-27T09:00Z
            L-6005,bob.porter@initech.example,Initech Inc.,400,US,Software,document_request,2026-11-27T09:00Z
            """;

    @TempDir
    Path dir;

    private Path accounts() {
        return Cli.write(dir.resolve("accounts.csv"), ACCOUNTS);
    }

    @Test
    void withAccountsCustomersGoToTheirOwnerCompetitorsAreExcludedAndOpenOpportunitiesGoToTheirOwner() {
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(Cli.write(dir.resolve("leads.csv"), LEADS), "--accounts", accounts().toString(),
                "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("accounts " + dir.resolve("accounts.csv")
                + " (4 accounts: 1 CUSTOMER, 1 COMPETITOR, 1 OPEN_OPPORTUNITY, 1 PARTNER)");
        List<Map<String, String>> rows = Cli.decisions(out);
        // The customer's subdomain finds the account: excluded from the count, but its owner hears about it.
        assertThat(rows.get(0)).containsEntry("decision_outcome", "EXCLUDED")
                .containsEntry("decision_exclusions", "EXC-EXISTING-CUSTOMER").containsEntry("decision_urgency", "HIGH")
                .containsEntry("decision_route", "ACCOUNT_OWNER").containsEntry("decision_owner", "suzuki");
        assertThat(rows.get(0).get("decision_reasons"))
                .contains("EXC-EXISTING-CUSTOMER: Company is an existing customer (account A-001)")
                .contains("RTE-EXISTING-CUSTOMER-TO-OWNER");
        assertThat(rows.get(1)).containsEntry("decision_outcome", "QUALIFIED").containsEntry("decision_urgency", "MEDIUM")
                .containsEntry("decision_route", "ACCOUNT_OWNER").containsEntry("decision_owner", "emily.clark");
        assertThat(rows.get(1).get("decision_reasons")).contains("RTE-KNOWN-ACCOUNT-OWNER: Known account with an owner");
        // Competitor by account, though the default policy lists no competitor domain.
        assertThat(rows.get(2)).containsEntry("decision_outcome", "EXCLUDED")
                .containsEntry("decision_exclusions", "EXC-COMPETITOR").containsEntry("decision_route", "NONE");
        // An unknown company and a known account without an owner are routed as usual.
        assertThat(rows.get(3)).containsEntry("decision_outcome", "QUALIFIED").containsEntry("decision_route", "FIELD_SALES")
                .containsEntry("decision_owner", "");
        assertThat(rows.get(4)).containsEntry("decision_outcome", "QUALIFIED").containsEntry("decision_route", "INSIDE_SALES")
                .containsEntry("decision_owner", "");
    }

    @Test
    void withoutAccountsTheSameLeadsAreNewLeads() {
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(Cli.write(dir.resolve("leads.csv"), LEADS), "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.decisions(out)).extracting(r -> r.get("decision_outcome"))
                .containsExactly("QUALIFIED", "QUALIFIED", "QUALIFIED", "QUALIFIED", "QUALIFIED");
        assertThat(Cli.decisions(out)).extracting(r -> r.get("decision_route")).doesNotContain("ACCOUNT_OWNER");
    }

    @Test
    void recentLeadsMakeARepeatWithinTheWindowADuplicateButNotAnOlderOne() {
        Path recent = Cli.write(dir.resolve("last-month.csv"), """
                id,email,submitted_at,company_name
                L-5001,hanako.suzuki@miraitech.example,2026-11-20,株式会社ミライテック
                L-5002,Anna.Lewis@Globex.example,2026-09-01T10:00Z,Globex Corporation
                L-5003,,2026-11-21,no e-mail: skipped
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(Cli.write(dir.resolve("leads.csv"), LEADS), "--recent-leads", recent.toString(),
                "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("recent leads " + recent + " (2 leads)");
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows.get(3)).containsEntry("id", "L-6004").containsEntry("decision_outcome", "EXCLUDED")
                .containsEntry("decision_exclusions", "EXC-DUPLICATE").containsEntry("decision_route", "NONE");
        assertThat(rows.get(3).get("decision_reasons"))
                .contains("EXC-DUPLICATE: Same e-mail address came in as a lead within the last 30 days");
        // Anna's earlier lead is older than the 30-day window.
        assertThat(rows.get(1)).containsEntry("decision_outcome", "QUALIFIED").containsEntry("decision_exclusions", "");
    }

    @Test
    void badAccountRowsStopTheRunAndEachIsNamedByFileLineAndColumnButNeverByItsValue() {
        Path bad = Cli.write(dir.resolve("accounts.csv"), """
                account_id,name,domains,relationship,owner
                A-001,サンプル工業株式会社,sample-kogyo.example,CUSTOMER,suzuki
                A-002,Globex Corporation,https://globex.example/,OPEN_OPPORTUNITY,emily.clark
                A-001,Acme Co. Ltd,acme.example,CUSTOMR,
                A-004,,,PROSPECT,
                A-005,Initech Inc.,initech.example;sample-kogyo.example,PARTNER,
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(Cli.write(dir.resolve("leads.csv"), LEADS), "--accounts", bad.toString(),
                "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).startsWith("lead-rules qualify: " + bad + ": 5 problems in the accounts file")
                .contains(bad + ":3: column domains: entry 1 is not a domain")
                .contains(bad + ":4: column account_id: the same id as on line 2")
                .contains(bad + ":4: column relationship: unknown value; expected one of CUSTOMER, COMPETITOR, "
                        + "OPEN_OPPORTUNITY, PROSPECT, PARTNER")
                .contains(bad + ":5: column name: blank, and so are the domains")
                .contains(bad + ":6: column domains: entry 2 is already a domain of the account on line 2")
                .doesNotContain("A-001", "CUSTOMR", "sample-kogyo.example", "globex");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingColumnOrAMalformedRecentLeadIsAnErrorThatNeverEchoesTheAddress() {
        Path noOwner = Cli.write(dir.resolve("accounts.csv"), "account_id,name,domains,relationship\nA-1,Acme,acme.example,CUSTOMER\n");
        Path recent = Cli.write(dir.resolve("recent.csv"), """
                email,submitted_at
                taro.sato@@sample-kogyo.example,2026-11-20
                anna.lewis@globex.example,last week
                """);
        Path leads = Cli.write(dir.resolve("leads.csv"), LEADS);

        Cli.Result missing = Cli.qualify(leads, "--accounts", noOwner.toString());
        Cli.Result malformed = Cli.qualify(leads, "--recent-leads", recent.toString());

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).contains(noOwner + ":1: the accounts file has no column owner; "
                + "expected the header account_id,name,domains,relationship,owner");
        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(malformed.err()).contains(recent + ":2: column email: not an e-mail address")
                .contains(recent + ":3: column submitted_at: not a time")
                .doesNotContain("taro.sato").doesNotContain("anna.lewis");
    }

    @Test
    void theHeaderMayCarryOtherColumnsInAnyOrderAndRelationshipsInJapaneseOrAnyCase() throws Exception {
        Path crmExport = dir.resolve("crm-accounts.csv");
        Files.write(crmExport, ("\uFEFFOwner,Relationship,Account_ID,Industry,Name,Domains\n"
                + "suzuki,既存顧客,A-001,製造業,サンプル工業株式会社,sample-kogyo.example\n"
                + "emily.clark,open-opportunity,A-002,Manufacturing,Globex Corporation,globex.example\n").getBytes(StandardCharsets.UTF_8));

        Cli.Result result = Cli.run("validate", "--accounts", crmExport.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("accounts " + crmExport + ": 2 accounts: 1 CUSTOMER, 1 OPEN_OPPORTUNITY").endsWith("OK\n");
    }

    @Test
    void validateReportsTheAccountsAndRecentLeadsFilesTogether() {
        Path bad = Cli.write(dir.resolve("accounts.csv"), "account_id,name,domains,relationship,owner\n,Acme,acme.example,CUSTOMER,\n");
        Path recent = Cli.write(dir.resolve("recent.csv"), "email,submitted_at\nanna.lewis@globex.example,\n");

        Cli.Result result = Cli.run("validate", "--accounts", bad.toString(), "--recent-leads", recent.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains(bad + ":2: column account_id: blank; every account needs an id")
                .contains(recent + ":2: column submitted_at: blank").contains("validate: problems found");
    }

    @Test
    void diffAndBacktestLookLeadsUpInTheSameAccountsUnderEveryRuleSet() {
        Path leads = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path withOutcome = Cli.write(dir.resolve("history.csv"), LEADS.replace("submitted_at\n", "submitted_at,converted\n")
                .replace("2026-11-27T09:00Z\n", "2026-11-27T09:00Z,false\n"));

        Cli.Result diff = Cli.run("diff", leads.toString(), "--as-of", Cli.AS_OF, "--accounts", accounts().toString(),
                "--disable-rule", "EXC-EXISTING-CUSTOMER");
        Cli.Result backtest = Cli.run("backtest", withOutcome.toString(), "--as-of", Cli.AS_OF, "--accounts", accounts().toString(),
                "--outcome-column", "converted");

        assertThat(diff.exitCode()).as(diff.err()).isEqualTo(ExitCodes.OK);
        assertThat(diff.out()).contains("both:      accounts ")
                .contains("Compared 5 leads: 1 decided differently")
                .contains("  L-6001: outcome EXCLUDED -> QUALIFIED; exclusions EXC-EXISTING-CUSTOMER -> (none)");
        assertThat(backtest.exitCode()).as(backtest.err()).isEqualTo(ExitCodes.OK);
        assertThat(backtest.out()).containsPattern("\n  EXC-EXISTING-CUSTOMER +1 +0 ")
                .containsPattern("\n  EXC-COMPETITOR +1 +0 ");
    }
}

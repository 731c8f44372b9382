package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each known export layout is recognised from its header, and its values are read the CRM's way. */
class ColumnPresetsTest {

    @TempDir
    Path dir;

    @Test
    void aSalesforceLeadExportIsRecognisedAndItsStatusOptOutAndDatesAreRead() {
        Path input = Cli.write(dir.resolve("salesforce-leads.csv"), """
                Id,FirstName,LastName,Email,Phone,Title,Company,Website,Industry,NumberOfEmployees,AnnualRevenue,Country,LeadSource,Status,HasOptedOutOfEmail,CreatedDate,LastActivityDate
                00Q5g00000SFA001,太郎,山田,taro.yamada@sample-kogyo.example,03-1234-5678,情報システム部 部長,サンプル工業株式会社,https://www.sample-kogyo.example,Manufacturing,1200,"3,000,000,000",Japan,Web,Open - Not Contacted,false,2026-11-20T01:00:00.000+0000,
                00Q5g00000SFA002,Emily,Clark,emily.clark@globex-systems.example,+1 415 555 0142,VP of Sales,Globex Corporation,globex-systems.example,Technology,450,,United States,Trade Show,Working - Contacted,false,2026-08-01T09:00:00.000+0000,2026-09-15
                00Q5g00000SFA003,花子,佐藤,hanako.sato@mirai-tech.example,,担当,株式会社ミライテック,,情報通信業,5,,日本,Web,Open - Not Contacted,true,2026-11-25T02:00:00.000+0000,
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Salesforce lead export");
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).hasSize(3);

        Map<String, String> decisionMaker = rows.get(0);
        assertThat(decisionMaker.get("Id")).isEqualTo("00Q5g00000SFA001");
        assertThat(decisionMaker.get("decision_outcome")).isEqualTo("QUALIFIED");
        assertThat(decisionMaker.get("decision_reasons")).contains("URG-DECISION-MAKER");

        Map<String, String> stalled = rows.get(1);
        assertThat(stalled.get("decision_outcome")).isEqualTo("QUALIFIED");
        assertThat(stalled.get("decision_route")).isEqualTo("INSIDE_SALES");
        assertThat(stalled.get("decision_team")).isEqualTo("inside-sales-recycle");
        assertThat(stalled.get("decision_reasons")).contains("RTE-STALLED-DEAL-RECYCLE");

        Map<String, String> optedOutAndTiny = rows.get(2);
        assertThat(optedOutAndTiny.get("decision_outcome")).isEqualTo("EXCLUDED");
        assertThat(optedOutAndTiny.get("decision_exclusions").split(";"))
                .containsExactlyInAnyOrder("EXC-NO-CONSENT", "EXC-TOO-SMALL");
        assertThat(optedOutAndTiny.get("decision_route")).isEqualTo("NONE");
    }

    @Test
    void aHubSpotContactsExportIsRecognisedAndItsLifecycleStageIsRead() {
        Path input = Cli.write(dir.resolve("hubspot-contacts.csv"), """
                Record ID,First Name,Last Name,Email,Phone Number,Job Title,Company Name,Website URL,Industry,Number of Employees,Annual Revenue,Country/Region,Lifecycle Stage,Original Source,Unsubscribed from all email,Create Date,Last Contacted
                5101,Sophie,Walker,sophie.walker@northwind-logistics.example,+44 20 7946 0123,Head of Operations,Northwind Logistics Ltd,northwind-logistics.example,Logistics,3000,,United Kingdom,Sales Qualified Lead,Organic Search,false,2026-11-26 10:15,2026-09-01 09:00
                5102,健,田中,ken.tanaka@gmail.com,,,,,,,,Japan,Subscriber,Offline Sources,,2026-11-27 08:00,
                5103,Liam,Brown,liam.brown@acme-retail.example,,Store Manager,Acme Retail Co.,,Retail,80,,Australia,Lead,Paid Search,true,2026-11-27 11:00,
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("HubSpot contacts export");
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).extracting(r -> r.get("Record ID")).containsExactly("5101", "5102", "5103");

        assertThat(rows.get(0).get("decision_outcome")).isEqualTo("QUALIFIED");
        assertThat(rows.get(0).get("decision_team")).isEqualTo("inside-sales-recycle");
        assertThat(rows.get(0).get("decision_reasons")).contains("RTE-STALLED-DEAL-RECYCLE", "URG-DECISION-MAKER");

        assertThat(rows.get(1).get("decision_outcome")).isEqualTo("EXCLUDED");
        assertThat(rows.get(1).get("decision_exclusions")).isEqualTo("EXC-FREEMAIL-NO-COMPANY");

        assertThat(rows.get(2).get("decision_outcome")).isEqualTo("EXCLUDED");
        assertThat(rows.get(2).get("decision_exclusions")).isEqualTo("EXC-NO-CONSENT");
    }

    @Test
    void theProjectsOwnLayoutReadsInquiryTimeframeBudgetAndEngagement() {
        Path input = Cli.write(dir.resolve("leads.csv"), """
                id,submitted_at,contact_name,email,job_title,company_name,industry,employee_count,country,inquiry_type,purchase_timeframe,budget_status,consent,engagement
                L-1001,2026-11-27T01:00Z,鈴木 一郎,ichiro.suzuki@mirai-tech.example,情報システム部 部長,株式会社ミライテック,製造業,1200,日本,demo,within_1_month,secured,given,pricing@2026-11-20T10:00Z;pricing@2026-11-21T10:00Z;pricing@2026-11-22T10:00Z;case_study:製造業@2026-11-23T09:00Z
                L-1002,2026-11-27T02:00Z,Olivia Moore,olivia.moore@initech-software.example,Marketing Specialist,Initech Software LLC,Software,300,US,white_paper,,,given,content:dx-guide@2026-11-26T09:00Z
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("lead-rules, 14 fields mapped");
        List<Map<String, String>> rows = Cli.decisions(out);

        Map<String, String> hot = rows.get(0);
        assertThat(hot.get("decision_outcome")).isEqualTo("QUALIFIED");
        assertThat(hot.get("decision_urgency")).isEqualTo("IMMEDIATE");
        assertThat(hot.get("decision_horizon")).isEqualTo("WITHIN_1_MONTH");
        assertThat(hot.get("decision_route")).isEqualTo("FIELD_SALES");
        assertThat(hot.get("decision_team")).isEqualTo("field-sales-enterprise");
        assertThat(hot.get("decision_sla_deadline")).isEqualTo("2026-11-28T01:00:00Z");
        assertThat(hot.get("decision_reasons")).contains("URG-SALES-REQUEST", "URG-TIMEFRAME-1-MONTH",
                "URG-BUDGET-SECURED", "URG-DECISION-MAKER", "URG-PRICING-VISITS", "URG-OWN-INDUSTRY-CASE-STUDY");

        Map<String, String> curious = rows.get(1);
        assertThat(curious.get("decision_outcome")).isEqualTo("QUALIFIED");
        assertThat(curious.get("decision_urgency")).isEqualTo("LOW");
        assertThat(curious.get("decision_route")).isEqualTo("NURTURE");
        assertThat(curious.get("decision_nurture_track")).isEqualTo("case-study-information-technology");
        assertThat(curious.get("decision_reasons")).contains("URG-CONTENT-ONLY", "RTE-NURTURE-CASE-STUDY");
    }

    @Test
    void aMapFileNamesTheColumnsOfAnyOtherExportIncludingAttributesForHostRules() {
        Path input = Cli.write(dir.resolve("form-export.csv"), """
                受付番号,受付日時,会社名,部署名,役職,氏名,メールアドレス,業種,従業員数,お問い合わせ種別,導入時期,予算
                F-0001,2026/11/27 10:30,株式会社ミライテック,情報システム部,部長,鈴木 一郎,ichiro.suzuki@mirai-tech.example,製造業,"1,200名",デモ依頼,1ヶ月以内,予算確保済み
                F-0002,2026/11/27 11:00,,,,佐藤 花子,hanako.sato@gmail.com,,,資料請求,未定,
                """);
        Path map = Cli.write(dir.resolve("form-map.yaml"), """
                # our field: their column
                id: 受付番号
                submitted_at: 受付日時
                company_name: 会社名
                job_title: 役職
                contact_name: 氏名
                email: メールアドレス
                industry: 業種
                employee_count: 従業員数
                inquiry_type: お問い合わせ種別
                purchase_timeframe: 導入時期
                budget_status: 予算
                attribute.department: 部署名
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--map", map.toString(), "--zone", "Asia/Tokyo", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("--map file, 11 fields mapped");
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows.get(0).get("decision_outcome")).isEqualTo("QUALIFIED");
        assertThat(rows.get(0).get("decision_urgency")).isEqualTo("IMMEDIATE");
        assertThat(rows.get(0).get("decision_team")).isEqualTo("field-sales-enterprise");
        assertThat(rows.get(1).get("decision_outcome")).isEqualTo("EXCLUDED");
        assertThat(rows.get(1).get("decision_exclusions")).isEqualTo("EXC-FREEMAIL-NO-COMPANY");
        assertThat(rows.get(1).get("部署名")).isEmpty();
    }

    @Test
    void anUnknownHeaderWithoutAMapIsAnErrorListingWhatWasFoundAndWhatWasExpected() {
        Path input = Cli.write(dir.resolve("mystery.csv"), """
                Lead Number,Organisation,E-mail Address
                1,Globex Corporation,someone@globex.example
                """);

        Cli.Result result = Cli.qualify(input, "--out", dir.resolve("out.csv").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err())
                .contains("Cannot recognise the columns of " + input)
                .contains("Columns found: \"Lead Number\", \"Organisation\", \"E-mail Address\"")
                .contains("lead-rules: \"id\", \"email\"")
                .contains("Salesforce lead export: \"LastName\", \"Company\", \"Email\"")
                .contains("HubSpot contacts export: \"First Name\", \"Last Name\", \"Email\"")
                .contains("--map FILE")
                .doesNotContain("someone@globex.example");
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void aMapFileNamingAMissingColumnIsAnErrorNamingIt() {
        Path input = Cli.write(dir.resolve("leads.csv"), "Lead Number,E-mail Address\n1,a@globex.example\n");
        Path map = Cli.write(dir.resolve("map.properties"), "id = Lead Number\nemail = Email\n");

        Cli.Result result = Cli.qualify(input, "--map", map.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("email → \"Email\"").contains("Columns found: \"Lead Number\", \"E-mail Address\"");
    }

    @Test
    void aMapFileWithAnUnknownKeyNamesTheFileLineAndKey() {
        Path input = Cli.write(dir.resolve("leads.csv"), "Lead Number,E-mail Address\n1,a@globex.example\n");
        Path map = Cli.write(dir.resolve("map.yaml"), "id: Lead Number\ne_mail: E-mail Address\n");

        Cli.Result result = Cli.qualify(input, "--map", map.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains(map + ":2: unknown key 'e_mail'");
    }
}

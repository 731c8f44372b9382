package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML report is one self-contained page with the funnel's figures, and data can never inject markup. */
class HtmlReportTest {

    @TempDir
    Path dir;

    private String report() throws Exception {
        Path input = Cli.write(dir.resolve("leads.csv"), """
                id,company_name,job_title,email,industry,employee_count,country,inquiry_type,purchase_timeframe,budget_status
                L-4001,サンプル工業株式会社,製造部 部長,jiro.takahashi@sample-kogyo.example,製造業,850,日本,demo,within_1_month,secured
                L-4002,<script>alert('x')</script> Corp,Engineer,anna.lewis@globex.example,Software,40,US,document_request,,
                L-4003,,Student,ken.tanaka@gmail.com,,,Japan,document_request,,
                L-4004,Globex Corporation,IT Manager,tom.clark@globex.example,Software,5,US,white_paper,,
                L-4005,Acme Co. Ltd,IT Manager,bad@@acme.example,Software,500,US,demo,,
                """);
        Path html = dir.resolve("reports/funnel.html");

        Cli.Result result = Cli.qualify(input, "--report", html.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_INVALID);
        assertThat(result.out()).contains("report:    " + html);
        return Files.readString(html, StandardCharsets.UTF_8);
    }

    @Test
    void theReportShowsTheFunnelExclusionsByReasonUrgencyByRouteAndSampleDecisions() throws Exception {
        String html = report();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        assertThat(html).contains("<h2>Funnel</h2>", "<h2>Exclusions by reason</h2>", "<h2>Urgency by route</h2>",
                "<h2>Invalid rows by column</h2>", "<h2>Sample decisions</h2>");
        assertThat(html).contains("<div class=\"label\">Leads submitted</div><div class=\"value\">5</div>")
                .contains("<div class=\"label\">Valid input</div><div class=\"value\">4</div>")
                .contains("<div class=\"label\">Excluded</div><div class=\"value\">2</div>")
                .contains("<div class=\"label\">Real leads</div><div class=\"value\">2</div>");
        assertThat(html).contains(">EXC-FREEMAIL-NO-COMPANY</text>", ">EXC-STUDENT</text>", ">EXC-TOO-SMALL</text>")
                .contains("Job title marks a student or job seeker");
        assertThat(html).contains("<svg class=\"chart\" role=\"img\"").contains("aria-label=\"Urgency by route\"");
        assertThat(html).contains("<td>サンプル工業株式会社</td>").contains("<td>製造業</td>");
        assertThat(html).contains("email MALFORMED");
    }

    @Test
    void dataIsEscapedSoACompanyNameCannotInjectAScript() throws Exception {
        String html = report();

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Corp");
    }

    @Test
    void theReportIsSelfContainedAndCarriesNoPersonalData() throws Exception {
        String html = report();

        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("src=")
                .doesNotContain("<link").doesNotContain("@import").doesNotContain("url(");
        assertThat(html).doesNotContain("jiro.takahashi").doesNotContain("ken.tanaka@gmail.com");
    }
}

package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code qualify} warns, on stderr and in the HTML report, when one exclusion rule removes more than
 * half of the decided rows: the usual sign of a column that is not mapped or not filled in.
 */
class DominantExclusionWarningTest {

    @TempDir
    Path dir;

    private static final String HEADER = "id,company_name,email,industry,employee_count,country,inquiry_type\n";
    private static final String WITH_EMAIL = ",サンプル工業株式会社,taro.yamada@sample-kogyo.co.jp,製造業,850,日本,demo\n";
    private static final String NO_CONTACT = ",株式会社ひかり物流,,運輸業,250,日本,demo\n";

    private static String rows(int withEmail, int noContact) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < withEmail; i++) {
            sb.append("L-E").append(i).append(WITH_EMAIL);
        }
        for (int i = 0; i < noContact; i++) {
            sb.append("L-N").append(i).append(NO_CONTACT);
        }
        // An invalid row does not count among the decided ones.
        sb.append("L-X,Acme Co. Ltd,bad@@acme.example,Software,500,US,demo\n");
        return sb.toString();
    }

    @Test
    void halfOfTheDecidedRowsExcludedByOneRuleIsNoWarning() throws Exception {
        Path input = Cli.write(dir.resolve("leads.csv"), rows(2, 2));
        Path html = dir.resolve("funnel.html");

        Cli.Result result = Cli.qualify(input, "--out", dir.resolve("decisions.csv").toString(), "--report", html.toString());

        assertThat(result.out()).contains("EXC-NO-CONTACT").doesNotContain("warning");
        assertThat(result.err()).doesNotContain("warning");
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).doesNotContain("class=\"warning\"");
    }

    @Test
    void moreThanHalfIsAWarningOnStderrInTheSummaryAndInTheReport() throws Exception {
        Path input = Cli.write(dir.resolve("leads.csv"), rows(2, 3));
        Path html = dir.resolve("funnel.html");

        Cli.Result result = Cli.qualify(input, "--out", dir.resolve("decisions.csv").toString(), "--report", html.toString());

        String warning = "warning: EXC-NO-CONTACT excluded 3 of 5 leads decided (60.0 %): check that the fields it reads"
                + " are filled in (a column not mapped?)";
        assertThat(result.err()).contains(warning);
        assertThat(result.out()).contains(warning);
        assertThat(Files.readString(html, StandardCharsets.UTF_8))
                .contains("<p class=\"warning\" role=\"alert\"><strong>Warning:</strong> EXC-NO-CONTACT excluded 3 of 5");
    }

    @Test
    void withTheSummaryOnStderrTheWarningIsPrintedOnce() {
        Path input = Cli.write(dir.resolve("leads.csv"), rows(2, 3));

        Cli.Result result = Cli.qualify(input, "--out", "-");

        assertThat(result.err().split("warning: EXC-NO-CONTACT", -1)).hasSize(2);
    }
}

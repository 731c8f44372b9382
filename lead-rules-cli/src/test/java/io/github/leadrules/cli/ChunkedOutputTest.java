package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code qualify} lays out and encodes its output chunk by chunk on worker threads and writes the
 * chunks in input order: the file is the same whatever the chunk size and thread count, and an
 * encoding that starts with a byte-order mark has it once, at the start.
 */
class ChunkedOutputTest {

    private static final String LEADS = """
            id,company_name,job_title,email,industry,employee_count,country,inquiry_type,purchase_timeframe,engagement
            L-3001,サンプル工業株式会社,製造部 部長,jiro.takahashi@sample-kogyo.example,製造業,850,日本,見積依頼,3ヶ月以内,pricing@2026-11-20T10:00Z
            L-3002,株式会社ミライテック,大学院生,misaki.kato@mirai-tech.example,情報通信業,120,日本,資料請求,未定,
            L-3003,Northwind Traders Ltd,"Head of IT, EMEA",jane.doe@northwind.example,Retail,not a number,UK,demo,within 1 month,case_study:retail@2026-11-21T09:00:00Z
            L-3004,Contoso KK,CTO,ken.sato@contoso.example,情報通信業,2400,JP,contact sales,,pricing@2026-11-31T10:00Z
            L-3005,"Fabrikam, Inc.",Buyer,"a.buyer@fabrikam.example",Manufacturing,51-200,US,quote,3 months,content:dx-guide@2026-11-22
            """;

    @TempDir
    Path dir;

    @Test
    void theOutputIsTheSameWhateverTheChunkSizeAndThreadCount() throws Exception {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path oneByOne = dir.resolve("one-by-one.csv");
        Path together = dir.resolve("together.csv");

        Cli.Result a = Cli.qualify(input, "--chunk", "1", "--threads", "3", "--out", oneByOne.toString());
        Cli.Result b = Cli.qualify(input, "--chunk", "1000", "--threads", "1", "--out", together.toString());

        assertThat(a.exitCode()).as(a.err()).isEqualTo(ExitCodes.SOME_INVALID);
        assertThat(b.exitCode()).as(b.err()).isEqualTo(ExitCodes.SOME_INVALID);
        assertThat(Files.readAllBytes(oneByOne)).isEqualTo(Files.readAllBytes(together));
        assertThat(Cli.decisions(oneByOne)).extracting(r -> r.get("id"))
                .containsExactly("L-3001", "L-3002", "L-3003", "L-3004", "L-3005");
        assertThat(Cli.decisions(oneByOne)).extracting(r -> r.get("decision_errors")).containsExactly(
                "", "", "line 4: employee_count NOT_A_NUMBER", "line 5: engagement[0] NOT_A_DATE", "");
    }

    @Test
    void utf16OutputHasOneByteOrderMarkHoweverManyChunks() throws Exception {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path out = dir.resolve("decisions-utf16.csv");

        Cli.Result result = Cli.qualify(input, "--chunk", "1", "--out-encoding", "UTF-16", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_INVALID);
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xFE);
        assertThat(bytes[1] & 0xFF).isEqualTo(0xFF);
        String text = new String(bytes, StandardCharsets.UTF_16);
        assertThat(text).doesNotContain("\uFEFF").startsWith("id,company_name,");
        assertThat(Cli.decisions(out, StandardCharsets.UTF_16)).extracting(r -> r.get("company_name"))
                .containsExactly("サンプル工業株式会社", "株式会社ミライテック", "Northwind Traders Ltd", "Contoso KK", "Fabrikam, Inc.");
    }

    @Test
    void jsonLinesOutputIsTheSameWhateverTheChunkSize() throws Exception {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path small = dir.resolve("small.jsonl");
        Path large = dir.resolve("large.jsonl");

        Cli.qualify(input, "--chunk", "2", "--out", small.toString());
        Cli.qualify(input, "--out", large.toString());

        assertThat(Files.readAllBytes(small)).isEqualTo(Files.readAllBytes(large));
        assertThat(Files.readAllLines(small)).hasSize(5).allSatisfy(l -> assertThat(l).contains("\"decision\":{\"line\":"));
    }
}

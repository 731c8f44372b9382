package io.github.leadrules.cli;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a careless or hostile input file can do to the reading side: repeated header names, byte-order
 * marks other than UTF-8's, workbooks and binary files, escape sequences in names, stray quotes and
 * endless lines. Nothing is lost, nothing hangs, nothing raw reaches the terminal.
 */
class InputFilesTest {

    private static final String LEADS = """
            id,company_name,job_title,email,industry,employee_count,country,inquiry_type
            L-7001,サンプル工業株式会社,製造部 部長,jiro.takahashi@sample-kogyo.example,製造業,850,日本,見積依頼
            L-7002,Globex Corporation,VP of Sales,anna.lewis@globex.example,Technology,2500,US,demo
            """;

    @TempDir
    Path dir;

    @Nested
    class RepeatedHeaderNames {

        @Test
        void aRepeatedColumnThatAFieldReadsIsAnErrorNamingItAndItsPositions() {
            Path input = Cli.write(dir.resolve("leads.csv"), """
                    id,email,company_name,Email
                    L-7101,anna.lewis@globex.example,Globex Corporation,emily.clark@globex.example
                    """);

            Cli.Result result = Cli.qualify(input, "--out", dir.resolve("out.csv").toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).contains("Column \"email\" appears 2 times in the header of " + input + ", at positions 2 and 4"
                            + " (read as email)")
                    .contains("rename or remove the others").doesNotContain("anna.lewis", "emily.clark");
            assertThat(dir.resolve("out.csv")).doesNotExist();
        }

        @Test
        void aRepeatedColumnThatTheMapNamesIsAnError() {
            Path input = Cli.write(dir.resolve("leads.csv"), "受付番号,会社名,メールアドレス,メールアドレス\n1,株式会社ミライテック,a@mirai-tech.example,b@mirai-tech.example\n");
            Path map = Cli.write(dir.resolve("map.yaml"), "id: 受付番号\ncompany_name: 会社名\nemail: メールアドレス\n");

            Cli.Result result = Cli.qualify(input, "--map", map.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).contains("Column \"メールアドレス\" appears 2 times", "at positions 3 and 4");
        }

        @Test
        void aRepeatedColumnThatNoFieldReadsIsPassedThroughEveryTime() throws Exception {
            Path input = Cli.write(dir.resolve("leads.csv"), """
                    id,email,company_name,note,note
                    L-7201,anna.lewis@globex.example,Globex Corporation,first,second
                    """);
            Path csv = dir.resolve("out.csv");
            Path jsonl = dir.resolve("out.jsonl");

            Cli.Result asCsv = Cli.qualify(input, "--out", csv.toString());
            Cli.Result asJson = Cli.qualify(input, "--out", jsonl.toString());

            assertThat(asCsv.exitCode()).as(asCsv.err()).isZero();
            assertThat(Cli.readCsv(csv).get(1)).startsWith("L-7201", "anna.lewis@globex.example", "Globex Corporation", "first", "second");
            assertThat(asJson.exitCode()).as(asJson.err()).isZero();
            assertThat(Files.readString(jsonl)).contains("\"note\":\"first\",\"note (column 5)\":\"second\"");
        }

        @Test
        void aRepeatedOutcomeColumnIsAnErrorForBacktest() {
            Path input = Cli.write(dir.resolve("history.csv"), """
                    id,email,company_name,converted,converted
                    L-7301,anna.lewis@globex.example,Globex Corporation,true,false
                    """);

            Cli.Result result = Cli.run("backtest", input.toString(), "--as-of", Cli.AS_OF, "--outcome-column", "converted");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).contains("Column \"converted\" appears 2 times", "at positions 4 and 5");
        }
    }

    @Nested
    class Encodings {

        @Test
        void utf16AndUtf32WithAByteOrderMarkAreReadAndWrittenBackAsUtf8WithAMark() throws Exception {
            for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("UTF-32LE"),
                    Charset.forName("UTF-32BE"))) {
                Path input = dir.resolve("leads-" + charset.name() + ".csv");
                Files.write(input, ("\uFEFF" + LEADS).getBytes(charset));
                Path out = dir.resolve("decisions-" + charset.name() + ".csv");

                Cli.Result result = Cli.qualify(input, "--out", out.toString());

                assertThat(result.exitCode()).as(charset + ": " + result.err()).isZero();
                byte[] written = Files.readAllBytes(out);
                assertThat(written).as(charset.name()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
                List<Map<String, String>> rows = Cli.decisions(out);
                assertThat(rows).as(charset.name()).extracting(r -> r.get("company_name"))
                        .containsExactly("サンプル工業株式会社", "Globex Corporation");
                assertThat(rows.get(0).get("decision_outcome")).isEqualTo("QUALIFIED");
            }
        }

        @Test
        void aByteOrderMarkWinsOverTheEncodingOption() {
            Path input = dir.resolve("leads-utf16.csv");
            Cli.write(input, "\uFEFF" + LEADS, StandardCharsets.UTF_16LE);

            Cli.Result result = Cli.qualify(input, "--encoding", "Shift_JIS");

            assertThat(result.exitCode()).as(result.err()).isZero();
        }

        @Test
        void anExcelWorkbookIsRefusedWithAHintInsteadOfBeingReadAsText() throws Exception {
            Path xlsx = dir.resolve("leads.xlsx");
            Files.write(xlsx, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 0x1b, '[', '2', 'J'});
            Path xls = dir.resolve("leads.xls");
            Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});

            Cli.Result fromXlsx = Cli.qualify(xlsx);
            Cli.Result fromXls = Cli.qualify(xls);

            assertThat(fromXlsx.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(fromXlsx.err()).contains("is a zip archive, perhaps an Excel workbook (.xlsx)", "CSV UTF-8").doesNotContain("\u001b");
            assertThat(fromXls.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(fromXls.err()).contains("Excel 97-2003 workbook (.xls)");
        }
    }

    @Nested
    class NothingRawReachesTheTerminal {

        @Test
        void escapeSequencesInHeaderNamesAreEscapedInTheError() {
            Path input = Cli.write(dir.resolve("leads.csv"), "Lead\u001b[2J\u001b]0;pwned\u0007,Name\u202e,E-mail\nL-1,a,b\n");

            Cli.Result result = Cli.qualify(input);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).doesNotContain("\u001b", "\u0007", "\u202e")
                    .contains("Columns found: \"Lead\\u001b[2J\\u001b]0;pwned\\u0007\", \"Name\\u202e\", \"E-mail\"");
        }

        @Test
        void aFileWithoutAHeaderLineDoesNotEchoTheFirstLeadsAddressOrPhone() {
            Path input = Cli.write(dir.resolve("leads.csv"),
                    "L-7501,山田太郎,taro.yamada@sample-kogyo.example,03-1234-5678,サンプル工業株式会社\n");

            Cli.Result result = Cli.qualify(input);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).doesNotContain("taro.yamada", "1234-5678")
                    .contains("Columns found: \"L-7501\", \"山田太郎\", (32 characters that look like data), "
                            + "(12 characters that look like data), \"サンプル工業株式会社\"")
                    .contains("The first line looks like data, not a header");
        }

        @Test
        void aBinaryFileIsDescribedNotEchoed() throws Exception {
            byte[] binary = new byte[4096];
            for (int i = 0; i < binary.length; i++) {
                binary[i] = (byte) (i % 256);
            }
            Path input = dir.resolve("leads.csv");
            Files.write(input, binary);

            Cli.Result result = Cli.qualify(input);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err().chars().filter(c -> c < 0x20 && c != '\n' && c != '\r').count()).as(result.err()).isZero();
            assertThat(result.err()).contains("\\u0000\\u0001", "The header holds NUL characters");
        }

        @Test
        void utf16WithoutAByteOrderMarkGetsAHintAboutTheEncoding() {
            Path input = Cli.write(dir.resolve("leads.csv"), LEADS, StandardCharsets.UTF_16LE);

            Cli.Result result = Cli.qualify(input);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).contains("The header holds NUL characters", "--encoding UTF-16LE").doesNotContain("\u0000");
        }

        @Test
        void escapeSequencesInAMapFileAndInOptionValuesAreEscaped() {
            Path input = Cli.write(dir.resolve("leads.csv"), "Lead Number,E-mail Address\n1,a@globex.example\n");
            Path map = Cli.write(dir.resolve("map.properties"), "id = Lead Number\nemail = E-mail\u001b[31m\n");

            Cli.Result badMap = Cli.qualify(input, "--map", map.toString());
            Cli.Result badKey = Cli.qualify(input, "--map", Cli.write(dir.resolve("map2.properties"), "e\u001bmail = x\n").toString());
            Cli.Result badZone = Cli.qualify(input, "--zone", "Asia/\u001b[2JTokyo");
            Cli.Result badEncoding = Cli.qualify(input, "--encoding", "\u001b[2J");

            for (Cli.Result r : List.of(badMap, badKey, badZone, badEncoding)) {
                assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
                assertThat(r.err()).doesNotContain("\u001b").contains("\\u001b");
            }
            assertThat(badMap.err()).contains("email → \"E-mail\\u001b[31m\"");
        }

        @Test
        void anAttributeNameWithEscapeSequencesIsEscapedWhenItsColumnIsRepeated() {
            Path input = Cli.write(dir.resolve("leads.csv"), "id,email,部署名,部署名\nL-1,a@globex.example,営業部,製造部\n");
            Path map = Cli.write(dir.resolve("map.properties"), "attribute.dept\u001b]0;pwned\u0007\u202e = 部署名\n");

            Cli.Result result = Cli.qualify(input, "--map", map.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).doesNotContain("\u001b", "\u0007", "\u202e")
                    .contains("(read as attribute.dept\\u001b]0;pwned\\u0007\\u202e)");
        }
    }

    @Nested
    class BoundedReading {

        @Test
        void twentyThousandStrayQuoteRowsComeBackAsTwentyThousandInvalidRows() {
            Path input = Cli.write(dir.resolve("leads.csv"), "id,email\n" + "L-1,x\",\"\n".repeat(20_000));
            Path out = dir.resolve("out.csv");

            Cli.Result result = Cli.qualify(input, "--out", out.toString());

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_INVALID);
            List<Map<String, String>> rows = Cli.decisions(out);
            assertThat(rows).hasSize(20_000).allSatisfy(r -> assertThat(r.get("decision_errors")).endsWith(
                    "row UNTERMINATED_QUOTE (a quote is never closed; this line was read alone)"));
            assertThat(rows.get(19_999).get("decision_errors")).startsWith("line 20001: ");
        }

        @Test
        void aRowLongerThanTheRecordSizeIsInvalidTooLongAndTheNextRowIsDecided() {
            Path input = Cli.write(dir.resolve("leads.csv"), "id,email,company_name\n"
                    + "L-7401,anna.lewis@globex.example,Globex Corporation\n"
                    + "L-7402,tom.clark@acme.example," + "Acme ".repeat(300) + "\n"
                    + "L-7403,jiro.takahashi@sample-kogyo.example,サンプル工業株式会社\n");
            Path out = dir.resolve("out.csv");

            Cli.Result result = Cli.qualify(input, "--out", out.toString(), "--max-record-size", "1K");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_INVALID);
            List<Map<String, String>> rows = Cli.decisions(out);
            assertThat(rows).extracting(r -> r.get("id") + " " + r.get("decision_outcome")).containsExactly(
                    "L-7401 QUALIFIED", " INVALID", "L-7403 QUALIFIED");
            assertThat(rows.get(1).get("decision_errors"))
                    .isEqualTo("line 3: row TOO_LONG (longer than --max-record-size, 1,024 characters; not read)");
            assertThat(Files.exists(out)).isTrue();
        }

        @Test
        void theRecordSizeOptionTakesCharactersOrKOrMBetweenOneKAndTwoHundredFiftySixM() {
            Path input = Cli.write(dir.resolve("leads.csv"), LEADS);

            for (String ok : List.of("1024", "1K", "4m", "256M")) {
                assertThat(Cli.qualify(input, "--max-record-size", ok).exitCode()).as(ok).isZero();
            }
            for (String bad : List.of("1023", "0", "-1K", "257M", "lots", "99999999999999999999")) {
                Cli.Result r = Cli.qualify(input, "--max-record-size", bad);
                assertThat(r.exitCode()).as(bad).isEqualTo(ExitCodes.FAILED);
                assertThat(r.err()).as(bad).contains("--max-record-size must be a number of characters between 1K and 256M");
            }
        }

        @Test
        void aHeaderLongerThanTheRecordSizeIsAnErrorThatDoesNotEchoIt() {
            Path input = Cli.write(dir.resolve("leads.csv"), "id,email," + "x".repeat(2000) + "\nL-1,a@globex.example,1\n");

            Cli.Result result = Cli.qualify(input, "--max-record-size", "1K");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).contains(":1: the header line is longer than 1,024 characters").doesNotContain("xxxx");
        }
    }

}

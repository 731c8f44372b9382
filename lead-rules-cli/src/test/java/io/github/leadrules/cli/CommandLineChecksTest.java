package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the command line checks before and while it writes: {@code --help} on every command, the
 * years {@code --as-of} may name, an output encoding that cannot hold the data, and messages that
 * name lines and columns but never echo a cell.
 */
class CommandLineChecksTest {

    private static final String LEADS = """
            id,company_name,email,employee_count,country,inquiry_type
            L-7001,Globex Corporation,anna.lewis@globex.example,2500,US,demo
            L-7002,サンプル工業株式会社,taro.sato@sample-kogyo.example,1200,日本,デモ依頼
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"qualify", "rules", "validate", "sample", "diff", "backtest"})
    void helpOnEveryCommandPrintsItsUsageAndExitsZero(String command) {
        Cli.Result longForm = Cli.run(command, "--help");
        Cli.Result shortForm = Cli.run(command, "-h");
        Cli.Result helpCommand = Cli.run("help", command);

        assertThat(longForm.exitCode()).as(longForm.err()).isZero();
        assertThat(longForm.out()).startsWith("Usage: lead-rules " + command);
        assertThat(longForm.err()).isEmpty();
        assertThat(shortForm.out()).isEqualTo(longForm.out());
        assertThat(helpCommand.exitCode()).isZero();
        assertThat(helpCommand.out()).isEqualTo(longForm.out());
    }

    @Test
    void qualifyHelpNamesTheFormulaSwitch() {
        assertThat(Cli.run("qualify", "--help").out()).contains("--[no-]formula-escape");
    }

    @Test
    void anAsOfYearBeyondNineThousandNineHundredNinetyNineIsAUsageErrorNamingTheOption() {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);

        Cli.Result far = Cli.run("qualify", input.toString(), "--as-of", "+99999-01-01T00:00:00Z");
        Cli.Result limitPlusOne = Cli.run("qualify", input.toString(), "--as-of", "+10000-01-01T00:00:00Z");
        Cli.Result limit = Cli.run("qualify", input.toString(), "--as-of", "9999-12-31T00:00:00Z");

        assertThat(far.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(far.err()).isEqualTo("lead-rules qualify: --as-of: the year must be between 1970 and 9999, got 99999\n");
        assertThat(limitPlusOne.err()).contains("--as-of: the year must be between 1970 and 9999, got 10000");
        assertThat(limit.exitCode()).as(limit.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anAsOfYearBefore1970IsAUsageError() {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);

        Cli.Result limitMinusOne = Cli.run("qualify", input.toString(), "--as-of", "1969-12-31");
        Cli.Result yearZero = Cli.run("diff", input.toString(), "--as-of", "0000-01-01");
        Cli.Result negative = Cli.run("backtest", input.toString(), "--outcome-column", "id", "--as-of", "-0001-01-01T00:00:00Z");
        Cli.Result limit = Cli.run("qualify", input.toString(), "--as-of", "1970-01-01");

        assertThat(limitMinusOne.err()).isEqualTo("lead-rules qualify: --as-of: the year must be between 1970 and 9999, got 1969\n");
        assertThat(yearZero.err()).isEqualTo("lead-rules diff: --as-of: the year must be between 1970 and 9999, got 0\n");
        assertThat(negative.err()).isEqualTo("lead-rules backtest: --as-of: the year must be between 1970 and 9999, got -1\n");
        assertThat(limit.exitCode()).as(limit.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void sampleRefusesAnAsOfOutOfRangeToo() {
        Cli.Result result = Cli.run("sample", "--count", "3", "--as-of", "+99999-01-01T00:00:00Z");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).isEqualTo("lead-rules sample: --as-of: the year must be between 1970 and 9999, got 99999\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anOutputEncodingThatCannotHoldJapaneseStopsNamingTheOutputLineAndColumnButNotTheValue() throws IOException {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString(), "--out-encoding", "US-ASCII");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).isEqualTo("lead-rules qualify: cannot write " + out + " in US-ASCII: line 3, column "
                + "\"company_name\" holds a character US-ASCII cannot represent; choose another --out-encoding "
                + "(UTF-8 represents every character)\n");
        assertThat(result.err()).doesNotContain("サンプル");
        assertThat(out).doesNotExist();
        assertThat(OutputFilesTest.filesIn(dir)).containsExactly("leads.csv");
    }

    @Test
    void aJsonLinesOutputInAnEncodingThatCannotHoldJapaneseStopsToo() {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path out = dir.resolve("decisions.jsonl");

        Cli.Result result = Cli.qualify(input, "--out", out.toString(), "--out-encoding", "ISO-8859-1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("cannot write " + out + " in ISO-8859-1: line 3, column \"company_name\"");
        assertThat(out).doesNotExist();
    }

    @Test
    void aCharacterShiftJisCannotHoldIsNamedByColumnAndEverythingElseIsWritten() throws IOException {
        Charset shiftJis = Charset.forName("Shift_JIS");
        Path input = Cli.write(dir.resolve("leads.csv"), """
                id,company_name,email,employee_count,country,inquiry_type
                L-7101,サンプル工業株式会社,taro.sato@sample-kogyo.example,1200,日本,デモ依頼
                L-7102,𠮷野家ホールディングス,ichiro.yoshino@yoshinoya-hd.example,5000,日本,見積依頼
                """);
        Path out = dir.resolve("decisions-sjis.csv");
        Path fine = dir.resolve("decisions-utf8.csv");

        Cli.Result refused = Cli.qualify(input, "--out", out.toString(), "--out-encoding", "Shift_JIS");
        Cli.Result written = Cli.qualify(input, "--out", fine.toString(), "--out-encoding", "UTF-8");

        assertThat(refused.err()).contains("line 3, column \"company_name\" holds a character Shift_JIS cannot represent");
        assertThat(out).doesNotExist();
        assertThat(written.exitCode()).as(written.err()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.decisions(fine).get(1)).containsEntry("company_name", "𠮷野家ホールディングス");
        assertThat(Charset.forName("Shift_JIS").newEncoder().canEncode("サンプル工業株式会社")).isTrue();
        assertThat(shiftJis.newEncoder().canEncode("𠮷")).isFalse();
    }

    @Test
    void asciiOnlyDataIsWrittenInUsAscii() throws IOException {
        Path input = Cli.write(dir.resolve("leads.csv"), """
                id,company_name,email,employee_count,country,inquiry_type
                L-7001,Globex Corporation,anna.lewis@globex.example,2500,US,demo
                """);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString(), "--out-encoding", "US-ASCII");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.decisions(out, StandardCharsets.US_ASCII).get(0)).containsEntry("company_name", "Globex Corporation");
    }

    @Test
    void aMissingOutcomeColumnListsTheColumnsWithControlCharactersEscaped() {
        Path input = Cli.write(dir.resolve("history.csv"), """
                id,company_name,email,employee_count,country,inquiry_type,\u001b[31mstage\u001b[0m
                L-1,サンプル工業株式会社,taro.sato@sample-kogyo.example,1200,JP,demo,won
                """);

        Cli.Result result = Cli.run("backtest", input.toString(), "--outcome-column", "converted");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("has no column \"converted\"; columns found: \"id\", \"company_name\"")
                .contains("\"\\u001b[31mstage\\u001b[0m\"").doesNotContain("\u001b");
    }

    @Test
    void outcomesThatAreNeitherYesNorNoAreCountedAndLocatedByLineWithoutTheirValues() {
        StringBuilder csv = new StringBuilder("id,company_name,email,employee_count,country,inquiry_type,contact_name\n");
        for (int i = 1; i <= 8; i++) {
            csv.append("L-").append(i).append(",Globex Corporation,anna.lewis").append(i)
                    .append("@globex.example,2500,US,demo,Anna Lewis ").append(i).append('\n');
        }
        Path input = Cli.write(dir.resolve("history.csv"), csv.toString());

        Cli.Result result = Cli.run("backtest", input.toString(), "--as-of", Cli.AS_OF, "--outcome-column", "contact_name");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).isEqualTo("lead-rules backtest: 8 rows have an outcome that is neither yes nor no in column "
                + "\"contact_name\" (lines 2, 3, 4, 5, 6, …); name the value that means converted with --positive VALUE\n");
        assertThat(result.err()).doesNotContain("Anna").doesNotContain("Lewis");
    }

    @Test
    void aRulesFormatThatIsNotKnownIsEchoedWithControlCharactersEscaped() {
        Cli.Result result = Cli.run("rules", "--format", "html\u001b]0;pwned\u0007");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("--format must be text or markdown, got 'html\\u001b]0;pwned\\u0007'")
                .doesNotContain("\u001b");
    }
}

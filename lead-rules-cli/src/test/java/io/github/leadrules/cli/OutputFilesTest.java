package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No input is ever overwritten, and an output appears under its final name only when complete:
 * outputs that name an input (or each other) are refused before anything is read, and a run that
 * fails half-way leaves neither a partial file nor a temporary one, and an older file as it was.
 */
class OutputFilesTest {

    private static final String LEADS = """
            id,company_name,email,employee_count,country,inquiry_type,job_title
            L-3001,サンプル工業株式会社,taro.sato@sample-kogyo.example,1200,日本,デモ依頼,情報システム部 部長
            L-3002,Globex Corporation,anna.lewis@globex.example,2500,US,demo,VP of Sales
            L-3003,株式会社ミライテック,hanako.suzuki@miraitech.example,300,日本,見積依頼,DX推進室 室長
            """;

    @TempDir
    Path dir;

    @Test
    void qualifyWithOutEqualToTheInputIsRefusedAndTheInputStaysByteIdentical() throws IOException {
        Path input = Cli.write(dir.resolve("x.csv"), LEADS);
        byte[] before = Files.readAllBytes(input);

        Cli.Result result = Cli.qualify(input, "--out", input.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).isEqualTo("lead-rules qualify: --out " + input + " is the INPUT file " + input
                + "; lead-rules never writes over its input: write the output elsewhere\n");
        assertThat(result.out()).isEmpty();
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactly("x.csv");
    }

    @Test
    void aReportNamedAsTheInputIsRefusedAndTheInputIsNotTurnedIntoHtml() throws IOException {
        Path input = Cli.write(dir.resolve("x.csv"), LEADS);

        Cli.Result result = Cli.qualify(input, "--report", input.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("--report " + input + " is the INPUT file");
        assertThat(Files.readString(input)).isEqualTo(LEADS);
    }

    @Test
    void anOutputSpelledDifferentlyThatNamesTheInputIsRefused() throws IOException {
        Path input = Cli.write(dir.resolve("x.csv"), LEADS);
        Files.createDirectories(dir.resolve("reports"));
        String roundabout = dir.resolve("reports").resolve("..").resolve("x.csv").toString();

        Cli.Result result = Cli.qualify(input, "--out", roundabout);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("is the INPUT file");
        assertThat(Files.readString(input)).isEqualTo(LEADS);
    }

    @Test
    void anOutputThatIsASymbolicLinkToTheInputIsRefused() throws IOException {
        Path input = Cli.write(dir.resolve("x.csv"), LEADS);
        Path link = dir.resolve("latest.csv");
        try {
            Files.createSymbolicLink(link, input);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links on this file system");
        }

        Cli.Result result = Cli.qualify(input, "--out", link.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("--out " + link + " is the INPUT file " + input);
        assertThat(Files.readString(input)).isEqualTo(LEADS);
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void anOutputThatIsAHardLinkToTheInputIsRefused() throws IOException {
        Path input = Cli.write(dir.resolve("x.csv"), LEADS);
        Path link = dir.resolve("copy-of-x.csv");
        try {
            Files.createLink(link, input);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no hard links on this file system");
        }

        Cli.Result result = Cli.qualify(input, "--out", link.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("--out " + link + " is the INPUT file " + input);
        assertThat(Files.readString(input)).isEqualTo(LEADS);
    }

    @Test
    void outAndReportNamingTheSameFileAreRefused() {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path same = dir.resolve("out/result.csv");

        Cli.Result result = Cli.qualify(input, "--out", same.toString(), "--report", dir.resolve("out/./result.csv").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("--report " + dir.resolve("out/./result.csv") + " is the same file as --out " + same)
                .contains("give each output its own file");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void theOverlapIsReportedBeforeAnyOtherFileIsReadOrAnyRuleBuilt() {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path brokenPolicy = Cli.write(dir.resolve("policy.yaml"), "version: 1\nminimumEmploees: 20\n");

        Cli.Result result = Cli.qualify(input, "--out", input.toString(), "--policy", brokenPolicy.toString(),
                "--map", dir.resolve("missing-map.properties").toString());

        assertThat(result.err()).contains("is the INPUT file").doesNotContain("minimumEmploees").doesNotContain("missing-map");
    }

    @Test
    void diffAndBacktestRefuseOutputsThatArePolicyAccountsOrRuleFiles() throws IOException {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS + "");
        Path policy = Cli.write(dir.resolve("policy.yaml"), "version: 1\nminimumEmployees: 50\n");
        Path accounts = Cli.write(dir.resolve("accounts.csv"), """
                account_id,name,domains,relationship,owner
                C-1001,サンプル工業株式会社,sample-kogyo.example,CUSTOMER,k.suzuki
                """);
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Cli.write(rules.resolve("extra.drl"), "package io.github.leadrules.rules;\n");

        Cli.Result diffOverPolicy = Cli.run("diff", input.toString(), "--as-of", Cli.AS_OF, "--base-policy", policy.toString(),
                "--out", policy.toString());
        Cli.Result reportOverAccounts = Cli.run("backtest", input.toString(), "--as-of", Cli.AS_OF, "--outcome-column", "id",
                "--accounts", accounts.toString(), "--report", accounts.toString());
        Cli.Result overRuleFile = Cli.run("diff", input.toString(), "--rules", rules.toString(),
                "--out", rules.resolve("extra.drl").toString());

        assertThat(diffOverPolicy.err()).contains("--out " + policy + " is the --base-policy file " + policy);
        assertThat(reportOverAccounts.err()).contains("--report " + accounts + " is the --accounts file " + accounts);
        assertThat(overRuleFile.err()).contains("is a rule file in the --rules folder " + rules);
        assertThat(List.of(diffOverPolicy.exitCode(), reportOverAccounts.exitCode(), overRuleFile.exitCode()))
                .containsOnly(ExitCodes.FAILED);
        assertThat(Files.readString(policy)).isEqualTo("version: 1\nminimumEmployees: 50\n");
        assertThat(Files.readString(accounts)).startsWith("account_id,name,domains,relationship,owner\n");
    }

    @Test
    void sampleRefusesTwoOutputsNamingTheSameFile() {
        Path file = dir.resolve("leads.csv");

        Cli.Result result = Cli.run("sample", "--count", "10", "--out", file.toString(), "--accounts-out", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("--accounts-out " + file + " is the same file as --out " + file);
        assertThat(file).doesNotExist();
    }

    @Test
    void aSuccessfulRunReplacesAnOlderOutputAndLeavesNoTemporaryFileBehind() throws IOException {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path out = Cli.write(dir.resolve("decisions.csv"), "last month's decisions\n");
        Path report = dir.resolve("funnel.html");

        Cli.Result result = Cli.qualify(input, "--out", out.toString(), "--report", report.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.decisions(out)).extracting(r -> r.get("id")).containsExactly("L-3001", "L-3002", "L-3003");
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("leads.csv", "decisions.csv", "funnel.html");
    }

    @Test
    void aFailureHalfWayLeavesNoPartialFileAndTheOlderOutputIntact() throws IOException {
        // 1 500 English rows are written (more than one chunk, so the temporary file has content),
        // then a Japanese row cannot be written in US-ASCII: the run stops there.
        StringBuilder leads = new StringBuilder("id,company_name,email,employee_count,country,inquiry_type\n");
        for (int i = 1; i <= 1_500; i++) {
            leads.append("L-").append(i).append(",Globex Corporation,anna.lewis").append(i).append("@globex.example,2500,US,demo\n");
        }
        leads.append("L-1501,サンプル工業株式会社,taro.sato@sample-kogyo.example,1200,JP,demo\n");
        Path input = Cli.write(dir.resolve("leads.csv"), leads.toString());
        Path out = Cli.write(dir.resolve("decisions.csv"), "last month's decisions\n");
        Path report = Cli.write(dir.resolve("funnel.html"), "<p>last month</p>\n");

        Cli.Result result = Cli.qualify(input, "--out", out.toString(), "--report", report.toString(),
                "--out-encoding", "US-ASCII", "--chunk", "500");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("line 1502, column \"company_name\"");
        assertThat(Files.readString(out)).isEqualTo("last month's decisions\n");
        assertThat(Files.readString(report)).isEqualTo("<p>last month</p>\n");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("leads.csv", "decisions.csv", "funnel.html");
    }

    @Test
    void aBacktestThatFailsOnItsOutcomesWritesNoReport() throws IOException {
        Path input = Cli.write(dir.resolve("history.csv"), """
                id,company_name,email,employee_count,country,inquiry_type,stage
                L-1,サンプル工業株式会社,taro.sato@sample-kogyo.example,1200,JP,demo,won
                L-2,"Acme Co., Ltd.",emily.smith@acme.example,250,US,document_request,pending review
                """);
        Path report = dir.resolve("reports/backtest.html");

        Cli.Result result = Cli.run("backtest", input.toString(), "--as-of", Cli.AS_OF, "--outcome-column", "stage",
                "--report", report.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(report).doesNotExist();
        assertThat(filesIn(dir.resolve("reports"))).isEmpty();
    }

    @Test
    void anOutputInAFolderThatDoesNotExistYetIsWrittenThere() throws IOException {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path out = dir.resolve("runs/2026-11/decisions.csv");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("id,company_name,");
        assertThat(filesIn(out.getParent())).containsExactly("decisions.csv");
    }

    @Test
    void anOutputThatIsAFolderIsRefused() throws IOException {
        Path input = Cli.write(dir.resolve("leads.csv"), LEADS);
        Path folder = Files.createDirectories(dir.resolve("out"));

        Cli.Result result = Cli.qualify(input, "--out", folder.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("--out " + folder + " is a folder; name a file to write");
    }

    /** The names in a folder, hidden temporary files included. */
    static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

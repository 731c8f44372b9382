package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit code tells a script whether every row was decided. */
class ExitCodesTest {

    private static final String HEADER = "id,company_name,email,employee_count,inquiry_type\n";
    private static final String GOOD = "L-5001,Globex Corporation,anna.lewis@globex.example,2500,demo\n";
    private static final String BAD = "L-5002,Acme Co. Ltd,tom.clark@acme.example,many,demo\n";

    @TempDir
    Path dir;

    @Test
    void zeroWhenEveryRowIsDecided() {
        Cli.Result result = Cli.qualify(Cli.write(dir.resolve("leads.csv"), HEADER + GOOD));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void twoWhenSomeRowsAreInvalidButEveryRowIsWritten() {
        Path out = dir.resolve("out.csv");

        Cli.Result result = Cli.qualify(Cli.write(dir.resolve("leads.csv"), HEADER + GOOD + BAD), "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SOME_INVALID);
        assertThat(Cli.decisions(out)).hasSize(2);
    }

    @Test
    void threeWhenARuleFailsOnSomeRowsAndTheOthersAreStillDecided() {
        Path rules = Cli.write(dir.resolve("broken-at-runtime.drl"), """
                package io.github.leadrules.rules;

                // Fails for one lead, to show that one bad rule run never aborts a batch.
                rule "Fail for lead L-5001"
                    @id("EXC-TEST-FAILURE")
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( leadId == "L-5001" )
                then
                    throw new IllegalStateException("failing on purpose");
                end
                """);
        Path out = dir.resolve("out.csv");

        Cli.Result result = Cli.qualify(Cli.write(dir.resolve("leads.csv"), HEADER + GOOD + BAD
                        + "L-5003,Initech LLC,bob.porter@initech.example,300,quote\n"),
                "--rules", rules.toString(), "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SOME_ERRORS);
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).extracting(r -> r.get("decision_outcome")).containsExactly("ERROR", "INVALID", "QUALIFIED");
        assertThat(result.out()).contains("1 rows ERROR");
    }

    @Test
    void oneWhenTheInputDoesNotExist() {
        Cli.Result result = Cli.qualify(dir.resolve("missing.csv"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("no such file").contains("missing.csv");
    }

    @Test
    void oneWhenTheInputIsEmpty() {
        Cli.Result result = Cli.qualify(Cli.write(dir.resolve("empty.csv"), ""));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("is empty: expected a header line");
    }

    @Test
    void oneForAnUnknownOptionOrABadValue() {
        Path input = Cli.write(dir.resolve("leads.csv"), HEADER + GOOD);

        assertThat(Cli.qualify(input, "--no-such-option").exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(Cli.qualify(input, "--encoding", "EBCDIC-Klingon").err()).contains("--encoding: unknown encoding");
        assertThat(Cli.run("qualify", input.toString(), "--as-of", "next tuesday").exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(Cli.run("no-such-command").exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void oneWhenTheRulesDoNotCompileNamingTheFileAndLine() {
        Path rules = Cli.write(dir.resolve("bad.drl"), """
                package io.github.leadrules.rules;

                rule "Missing its stable id"
                    ruleflow-group "exclusion"
                when
                    $lead : LeadContext( )
                then
                end
                """);

        Cli.Result result = Cli.qualify(Cli.write(dir.resolve("leads.csv"), HEADER + GOOD), "--rules", rules.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains(rules + ":3").contains("has no stable id");
    }

    @Test
    void oneWhenThePolicyFileHasAnUnknownKeyNamingTheFileAndLine() {
        Path policy = Cli.write(dir.resolve("policy.yaml"), "version: 1\nminimumEmploees: 20\n");

        Cli.Result result = Cli.qualify(Cli.write(dir.resolve("leads.csv"), HEADER + GOOD), "--policy", policy.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains(policy + ":2").contains("minimumEmploees");
    }
}

package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A typed attribute read from a column of another name: a cell that does not parse is an error
 * naming the attribute and the column the user's file has, never the cell's value, alike in
 * {@code qualify}'s {@code decision_errors}, on its standard error and in {@code validate}.
 */
class AttributeErrorsNameTheirColumnTest {

    @TempDir
    Path dir;

    /** A CRM export of deals: amounts in yen, contract starts day first; lines 3 and 5 have a bad cell each. */
    private static final String EXPORT = """
            Deal ID,Account,Contact Email,Country,Created,Deal Size (JPY),Contract Start
            D-1,株式会社北斗精機,sato.kenji@hokuto-seiki.example,Japan,2026-11-20T09:00:00Z,4800000,01-12-2026
            D-2,Globex Corporation,anna.lewis@globex.example,US,2026-11-21T10:00:00Z,約500万,15-01-2027
            D-3,さくらリテール株式会社,hanako.sato@sakura-retail.example,Japan,2026-11-22T11:00:00Z,1200000,03-02-2027
            D-4,Acme Industrial Ltd.,j.smith@acme-industrial.example,UK,2026-11-23T12:00:00Z,950000,31-04-2027
            """;

    private static final String MAP = """
            id: Deal ID
            company_name: Account
            email: Contact Email
            country: Country
            submitted_at: Created
            attribute.deal_size: Deal Size (JPY)
            attribute.contract_start: {column: "Contract Start", format: "dd-MM-yyyy"}
            """;

    private static final String POLICY = """
            fields:
              deal_size: integer
              contract_start: date
            """;

    private static final String DEAL_SIZE = "attributes.deal_size (column \"Deal Size (JPY)\")";
    private static final String CONTRACT_START = "attributes.contract_start (column \"Contract Start\")";

    @Test
    void qualifyNamesTheAttributeAndItsColumnAndTheGoodCellsBesideThemPass() {
        Path input = Cli.write(dir.resolve("deals.csv"), EXPORT);
        Path map = Cli.write(dir.resolve("deals.map.yaml"), MAP);
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY);
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--map", map.toString(), "--policy", policy.toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_INVALID);
        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).extracting(r -> "INVALID".equals(r.get("decision_outcome"))).containsExactly(false, true, false, true);
        assertThat(rows.get(1).get("decision_errors")).isEqualTo("line 3: " + DEAL_SIZE + " NOT_A_NUMBER");
        assertThat(rows.get(3).get("decision_errors")).isEqualTo("line 5: " + CONTRACT_START + " NOT_A_DATE");
        assertThat(rows.get(0).get("decision_errors")).isEmpty();
        assertThat(rows.get(2).get("decision_errors")).isEmpty();
        assertThat(result.err()).doesNotContain("約500万", "31-04-2027");
    }

    @Test
    void validateListsTheSameNamesAsQualifyAndNeverTheCell() {
        Path input = Cli.write(dir.resolve("deals.csv"), EXPORT);
        Path map = Cli.write(dir.resolve("deals.map.yaml"), MAP);
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY);

        Cli.Result validate = Cli.run("validate", input.toString(), "--as-of", Cli.AS_OF, "--policy", policy.toString(),
                "--map", map.toString());

        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(ExitCodes.SOME_INVALID);
        assertThat(validate.out().lines().filter(l -> l.startsWith("line "))).containsExactly(
                "line 3: " + DEAL_SIZE + " NOT_A_NUMBER",
                "line 5: " + CONTRACT_START + " NOT_A_DATE");
        assertThat(validate.out()).contains("  " + DEAL_SIZE + " NOT_A_NUMBER: 1 row")
                .doesNotContain("約500万", "31-04-2027");
        assertThat(validate.err()).doesNotContain("約500万", "31-04-2027");
    }

    @Test
    void anAttributeReadFromAColumnOfItsOwnNameIsNamedAsBefore() {
        Path input = Cli.write(dir.resolve("deals.csv"), EXPORT.replace("Deal Size (JPY)", "deal_size"));
        Path map = Cli.write(dir.resolve("deals.map.yaml"), MAP.replace("Deal Size (JPY)", "deal_size"));
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY);

        Cli.Result validate = Cli.run("validate", input.toString(), "--as-of", Cli.AS_OF, "--policy", policy.toString(),
                "--map", map.toString());

        assertThat(validate.out().lines().filter(l -> l.startsWith("line "))).containsExactly(
                "line 3: attributes.deal_size NOT_A_NUMBER",
                "line 5: " + CONTRACT_START + " NOT_A_DATE");
    }

    @Test
    void aColumnNameWithControlCharactersIsEscapedInTheError() {
        Path input = Cli.write(dir.resolve("deals.csv"), EXPORT.replace("Deal Size (JPY)", "Deal Size\u001b[31m"));
        Path map = Cli.write(dir.resolve("deals.map.yaml"), MAP.replace("Deal Size (JPY)", "Deal Size\u001b[31m"));
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY);

        Cli.Result validate = Cli.run("validate", input.toString(), "--as-of", Cli.AS_OF, "--policy", policy.toString(),
                "--map", map.toString());

        assertThat(validate.out()).as(validate.err())
                .contains("line 3: attributes.deal_size (column \"Deal Size\\u001b[31m\") NOT_A_NUMBER")
                .doesNotContain("\u001b");
    }

    @Test
    void aColumnNameLongerThanEightyCharactersIsCutShortInTheError() {
        String column = "Deal Size (JPY) — " + "x".repeat(62) + "y";
        Path input = Cli.write(dir.resolve("deals.csv"), EXPORT.replace("Deal Size (JPY)", column));
        Path map = Cli.write(dir.resolve("deals.map.yaml"), MAP.replace("Deal Size (JPY)", column));
        Path policy = Cli.write(dir.resolve("policy.yaml"), POLICY);

        Cli.Result validate = Cli.run("validate", input.toString(), "--as-of", Cli.AS_OF, "--policy", policy.toString(),
                "--map", map.toString());

        assertThat(column).hasSize(81);
        assertThat(validate.out()).as(validate.err()).contains("line 3: attributes.deal_size (column \""
                + column.substring(0, 80) + "…(81 characters)\") NOT_A_NUMBER");
    }
}

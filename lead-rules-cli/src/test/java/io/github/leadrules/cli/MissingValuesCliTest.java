package io.github.leadrules.cli;

import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placeholder cells ("unknown", "n/a", "不明" …) are blank in every column the CLI reads, the typed
 * ones (numbers, dates, choices) included, with the run's policy's list.
 */
class MissingValuesCliTest {

    @TempDir
    Path dir;

    private static final String HEADER = "id,company_name,email,employee_count,country,submitted_at,budget_status,attribute.time_on_site\n";

    /** One row per default placeholder, in the employee count, country, date, choice and number columns. */
    private static String export() {
        StringBuilder sb = new StringBuilder(HEADER);
        int i = 1;
        for (String p : LeadPolicy.defaults().missingValues()) {
            String cell = p.contains(",") || p.contains("\"") ? "\"" + p.replace("\"", "\"\"") + "\"" : p;
            sb.append("L-").append(i++).append(",サンプル工業株式会社,taro.yamada@sample-kogyo.co.jp,")
                    .append(cell).append(',').append(cell).append(',').append(cell).append(',')
                    .append(cell).append(',').append(cell).append('\n');
        }
        return sb.toString();
    }

    @Test
    void everyDefaultPlaceholderIsBlankInTypedAndTextColumns() {
        Path input = Cli.write(dir.resolve("leads.csv"), export());
        Path policy = Cli.write(dir.resolve("policy.yaml"), "fields:\n  time_on_site: integer\n");
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--policy", policy.toString(), "--out", out.toString());

        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).hasSize(LeadPolicy.defaults().missingValues().size());
        assertThat(rows).extracting(r -> r.get("decision_errors")).as(result.err()).containsOnly("");
        assertThat(rows).extracting(r -> r.get("decision_outcome")).as(result.err()).doesNotContain("INVALID");
    }

    @Test
    void aCompanyThatMerelyContainsAPlaceholderIsKept() {
        Path input = Cli.write(dir.resolve("leads.csv"), HEADER
                + "L-1,Unknown Industries Inc.,ken.ito@unknown-industries.example,unknown,Japan,,,\n");
        Path out = dir.resolve("decisions.csv");

        Cli.qualify(input, "--out", out.toString());

        Map<String, String> row = Cli.decisions(out).get(0);
        assertThat(row.get("company_name")).isEqualTo("Unknown Industries Inc.");
        assertThat(row.get("decision_errors")).isEmpty();
    }

    @Test
    void aPlaceholderRemovedByThePolicyIsReadAsAValueAgain() {
        Path input = Cli.write(dir.resolve("leads.csv"), HEADER
                + "L-1,サンプル工業株式会社,taro.yamada@sample-kogyo.co.jp,select,Japan,,,\n"
                + "L-2,サンプル工業株式会社,taro.yamada@sample-kogyo.co.jp,1200,select,,,\n");
        Path policy = Cli.write(dir.resolve("policy.yaml"), "missingValues:\n  remove: [select]\n");
        Path out = dir.resolve("decisions.csv");

        Cli.qualify(input, "--policy", policy.toString(), "--out", out.toString());

        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows.get(0).get("decision_errors")).isEqualTo("line 2: employee_count NOT_A_NUMBER");
        assertThat(rows.get(1).get("decision_errors")).isEqualTo("line 3: country UNKNOWN_COUNTRY");
    }

    @Test
    void aPlaceholderAddedByThePolicyIsBlank() {
        Path input = Cli.write(dir.resolve("leads.csv"), HEADER
                + "L-1,サンプル工業株式会社,taro.yamada@sample-kogyo.co.jp,TBD,TBD,TBD,TBD,TBD\n");
        Path policy = Cli.write(dir.resolve("policy.yaml"),
                "missingValues:\n  add: [tbd]\nfields:\n  time_on_site: integer\n");
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--policy", policy.toString(), "--out", out.toString());

        assertThat(Cli.decisions(out).get(0).get("decision_errors")).as(result.err()).isEmpty();
    }
}

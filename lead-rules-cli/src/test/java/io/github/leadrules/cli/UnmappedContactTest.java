package io.github.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A natural mapping that names only an id and a company does not exclude every lead for having no
 * contact: the file has no contact column, which says nothing about the leads.
 */
class UnmappedContactTest {

    @TempDir
    Path dir;

    private static final String EXPORT = """
            Prospect ID,Company,Mail
            P-1,サンプル工業株式会社,
            P-2,Mirai Tech Inc.,ken.ito@mirai-tech.example
            """;

    @Test
    void withoutAnyContactColumnMappedNoLeadIsExcludedForHavingNoContact() {
        Path input = Cli.write(dir.resolve("leads.csv"), EXPORT);
        Path map = Cli.write(dir.resolve("map.yaml"), "id: Prospect ID\ncompany_name: Company\n");
        Path out = dir.resolve("decisions.csv");

        Cli.Result result = Cli.qualify(input, "--map", map.toString(), "--out", out.toString());

        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows).extracting(r -> r.get("decision_reasons")).as(result.err())
                .noneMatch(r -> r.contains("EXC-NO-CONTACT"));
        assertThat(result.err()).doesNotContain("warning");
    }

    @Test
    void withTheEmailColumnMappedABlankEmailStillExcludes() {
        Path input = Cli.write(dir.resolve("leads.csv"), EXPORT);
        Path map = Cli.write(dir.resolve("map.yaml"), "id: Prospect ID\ncompany_name: Company\nemail: Mail\n");
        Path out = dir.resolve("decisions.csv");

        Cli.qualify(input, "--map", map.toString(), "--out", out.toString());

        List<Map<String, String>> rows = Cli.decisions(out);
        assertThat(rows.get(0).get("decision_outcome")).isEqualTo("EXCLUDED");
        assertThat(rows.get(0).get("decision_reasons")).contains("EXC-NO-CONTACT");
        assertThat(rows.get(1).get("decision_reasons")).doesNotContain("EXC-NO-CONTACT");
    }
}

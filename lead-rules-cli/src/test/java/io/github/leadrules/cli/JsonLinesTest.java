package io.github.leadrules.cli;

import io.github.leadrules.cli.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON Lines in and out: each object comes back with a "decision" object; a broken line is an INVALID row. */
class JsonLinesTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void jsonLinesInputIsDecidedLineByLineAndEveryKeyIsEchoed() throws Exception {
        Path input = Cli.write(dir.resolve("leads.jsonl"), """
                {"id":"L-6001","company_name":"株式会社ミライテック","email":"ichiro.suzuki@mirai-tech.example","industry":"製造業","employee_count":1200,"inquiry_type":"demo","purchase_timeframe":"within_1_month","engagement":[{"type":"case_study","industry":"製造業","at":"2026-11-20T09:00Z"}],"crm_owner":"team-a"}
                {"id":"L-6002","company_name":"Globex Corporation","email":"anna.lewis@globex.example","employee_count":"many"}
                {"id":"L-6003", broken
                """);
        Path out = dir.resolve("decisions.jsonl");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SOME_INVALID);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        Map<String, Object> first = (Map<String, Object>) Json.parse(lines.get(0));
        assertThat(first).containsEntry("crm_owner", "team-a").containsEntry("company_name", "株式会社ミライテック");
        Map<String, Object> decision = (Map<String, Object>) first.get("decision");
        assertThat(decision).containsEntry("outcome", "QUALIFIED").containsEntry("urgency", "IMMEDIATE")
                .containsEntry("route", "FIELD_SALES").containsEntry("line", new java.math.BigDecimal(1));
        assertThat((List<Object>) decision.get("reasons")).anySatisfy(r ->
                assertThat((Map<String, Object>) r).containsEntry("rule", "URG-OWN-INDUSTRY-CASE-STUDY"));

        Map<String, Object> second = (Map<String, Object>) ((Map<String, Object>) Json.parse(lines.get(1))).get("decision");
        assertThat(second).containsEntry("outcome", "INVALID");
        assertThat((List<Object>) second.get("errors")).containsExactly(Map.of("field", "employee_count", "code", "NOT_A_NUMBER"));

        Map<String, Object> third = (Map<String, Object>) ((Map<String, Object>) Json.parse(lines.get(2))).get("decision");
        assertThat(third).containsEntry("outcome", "INVALID").containsEntry("line", new java.math.BigDecimal(3));
        assertThat((List<Object>) third.get("errors")).containsExactly(Map.of("field", "row", "code", "MALFORMED_JSON"));
    }

    @Test
    void csvInputCanBeWrittenAsJsonLines() throws Exception {
        Path input = Cli.write(dir.resolve("leads.csv"), """
                id,company_name,email,employee_count,inquiry_type
                L-6101,"Acme Co., Ltd.",tom.clark@acme.example,250,quote
                """);
        Path out = dir.resolve("decisions.out");

        Cli.Result result = Cli.qualify(input, "--out", out.toString(), "--format", "jsonl");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(out)).startsWith("{\"id\":\"L-6101\",\"company_name\":\"Acme Co., Ltd.\",")
                .contains("\"decision\":{\"line\":2,\"lead_id\":\"L-6101\",\"outcome\":\"QUALIFIED\"");
    }
}

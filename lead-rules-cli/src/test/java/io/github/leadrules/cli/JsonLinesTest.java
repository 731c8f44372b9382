package io.github.leadrules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.json.LeadRulesJson;
import io.github.leadrules.json.QualificationField;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON Lines in and out: each object comes back with a "decision" object; a broken line is an INVALID row. */
class JsonLinesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<JsonNode> readLines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(MAPPER.readTree(line));
        }
        return out;
    }

    @Test
    void jsonLinesInputIsDecidedLineByLineAndEveryKeyIsEchoed() throws Exception {
        Path input = Cli.write(dir.resolve("leads.jsonl"), """
                {"id":"L-6001","company_name":"株式会社ミライテック","email":"ichiro.suzuki@mirai-tech.example","industry":"製造業","employee_count":1200,"inquiry_type":"demo","purchase_timeframe":"within_1_month","engagement":[{"type":"case_study","industry":"製造業","at":"2026-11-20T09:00Z"}],"crm_owner":"team-a"}
                {"id":"L-6002","company_name":"Globex Corporation","email":"anna.lewis@globex.example","employee_count":"many"}
                {"id":"L-6003", broken
                """);
        Path out = dir.resolve("decisions.jsonl");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SOME_INVALID);
        List<JsonNode> lines = readLines(out);
        assertThat(lines).hasSize(3);
        JsonNode first = lines.get(0);
        assertThat(first.get("crm_owner").asText()).isEqualTo("team-a");
        assertThat(first.get("company_name").asText()).isEqualTo("株式会社ミライテック");
        assertThat(first.get("engagement").get(0).get("type").asText()).isEqualTo("case_study");
        JsonNode decision = first.get("decision");
        assertThat(decision.get("outcome").asText()).isEqualTo("QUALIFIED");
        assertThat(decision.get("urgency").asText()).isEqualTo("IMMEDIATE");
        assertThat(decision.get("route").asText()).isEqualTo("FIELD_SALES");
        assertThat(decision.get("line").asLong()).isEqualTo(1);
        assertThat(decision.get("reasons").findValuesAsText("rule")).contains("URG-OWN-INDUSTRY-CASE-STUDY");

        JsonNode second = lines.get(1).get("decision");
        assertThat(second.get("outcome").asText()).isEqualTo("INVALID");
        assertThat(second.get("errors")).hasToString("[{\"field\":\"employee_count\",\"code\":\"NOT_A_NUMBER\"}]");

        JsonNode third = lines.get(2).get("decision");
        assertThat(third.get("outcome").asText()).isEqualTo("INVALID");
        assertThat(third.get("line").asLong()).isEqualTo(3);
        assertThat(third.get("errors")).hasToString("[{\"field\":\"row\",\"code\":\"MALFORMED_JSON\"}]");
        assertThat(third.get("note").asText()).startsWith("not valid JSON").doesNotContain("broken");
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

    @Test
    void aHugeExponentIsAnInvalidRowNamingTheFieldAndIsNeverExpanded() throws Exception {
        // The 159-byte file that once expanded to a billion digits and ran out of memory.
        Path input = Cli.write(dir.resolve("leads.jsonl"), """
                {"id":"L-6201","company_name":"Globex Corporation","email":"anna.lewis@globex.example","employee_count":1e999999999,"annual_revenue":null}
                {"id":"L-6202","company_name":"サンプル工業株式会社","email":"jiro.takahashi@sample-kogyo.example","annual_revenue":1e999999999}
                {"id":"L-6203","company_name":"Initech LLC","email":"bob.porter@initech.example","employee_count":300,"inquiry_type":"demo"}
                """);
        Path out = dir.resolve("decisions.jsonl");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_INVALID);
        List<JsonNode> lines = readLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("decision").get("errors")).hasToString("[{\"field\":\"employee_count\",\"code\":\"OUT_OF_RANGE\"}]");
        assertThat(lines.get(1).get("decision").get("errors")).hasToString("[{\"field\":\"annual_revenue\",\"code\":\"OUT_OF_RANGE\"}]");
        assertThat(lines.get(2).get("decision").get("outcome").asText()).isEqualTo("QUALIFIED");
        assertThat(Files.readAllLines(out).get(0)).contains("\"employee_count\":1E+999999999");
    }

    @Test
    void everyKindOfBadLineIsOneInvalidRowNamingItsLineAndReadingGoesOn() throws Exception {
        String good = "{\"id\":\"L-6300\",\"company_name\":\"株式会社ミライテック\",\"email\":\"ichiro.suzuki@mirai-tech.example\"}";
        Path input = Cli.write(dir.resolve("leads.jsonl"), good + "\n"
                + "{\"id\":\"L-6301\",\"employee_count\":" + "9".repeat(101) + "}\n"
                + "[\"L-6302\"]\n"
                + "{\"id\":\"L-6303\",\"email\":\"a@globex.example\",\"email\":\"b@globex.example\"}\n"
                + "{\"id\":\"L-6304\",\"attributes\":" + "[".repeat(40) + "]".repeat(40) + "}\n"
                + "{\"id\":\"L-6305\",\"source\":\"" + "x".repeat(2000) + "\"}\n"
                + "\n"
                + "{\"id\":\"L-6306\",\"email\":\"secret.person@initech.example\" oops}\n"
                + good.replace("L-6300", "L-6307") + "\n");
        Path out = dir.resolve("decisions.jsonl");

        Cli.Result result = Cli.qualify(input, "--out", out.toString(), "--max-record-size", "1K");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_INVALID);
        List<JsonNode> decisions = readLines(out).stream().map(l -> l.get("decision")).toList();
        assertThat(decisions).extracting(d -> d.get("line").asLong() + " " + d.get("outcome").asText() + " " + d.get("errors"))
                .containsExactly(
                        "1 QUALIFIED []",
                        "2 INVALID [{\"field\":\"employee_count\",\"code\":\"TOO_LONG\"}]",
                        "3 INVALID [{\"field\":\"row\",\"code\":\"MALFORMED_JSON\"}]",
                        "4 INVALID [{\"field\":\"email\",\"code\":\"DUPLICATE_KEY\"}]",
                        "5 INVALID [{\"field\":\"attributes\",\"code\":\"NESTED_TOO_DEEPLY\"}]",
                        "6 INVALID [{\"field\":\"row\",\"code\":\"TOO_LONG\"}]",
                        "8 INVALID [{\"field\":\"row\",\"code\":\"MALFORMED_JSON\"}]",
                        "9 QUALIFIED []");
        assertThat(Files.readString(out)).doesNotContain("secret.person").doesNotContain("oops");
        assertThat(result.out()).contains("Leads submitted                          8");
    }

    @Test
    void theDecisionObjectIsTheSharedJsonFormOfTheQualificationWithItsLine() throws Exception {
        Path input = Cli.write(dir.resolve("leads.jsonl"),
                "{\"id\":\"L-6401\",\"company_name\":\"Globex Corporation\",\"email\":\"anna.lewis@globex.example\",\"inquiry_type\":\"quote\"}\n");
        Path out = dir.resolve("decisions.jsonl");

        Cli.qualify(input, "--out", out.toString());

        ObjectNode decision = (ObjectNode) readLines(out).get(0).get("decision");
        List<String> keys = new ArrayList<>();
        decision.fieldNames().forEachRemaining(keys::add);
        List<String> expected = new ArrayList<>(List.of("line"));
        Arrays.stream(QualificationField.values()).map(QualificationField::key).forEach(expected::add);
        assertThat(keys).isEqualTo(expected);
        decision.remove("line");
        Qualification q = LeadRulesJson.defaults().readQualification(decision.toString());
        assertThat(q.leadId()).isEqualTo("L-6401");
        assertThat(q.reasonIds()).contains("URG-SALES-REQUEST");
    }

    @Test
    void aLeadWrittenInTheSharedJsonFormIsDecidedByTheCliAsTheLibraryDecidesIt() throws Exception {
        Lead lead = Lead.builder("L-6501")
                .contactName("鈴木一郎").email("ichiro.suzuki@mirai-tech.example").jobTitle("情報システム部 部長")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS).consent(Consent.GIVEN)
                .submittedAt(Instant.parse("2026-11-26T01:00:00Z"))
                .company(new Company("株式会社ミライテック", "mirai-tech.example", "製造業", 1200, 3_000_000_000L, "日本"))
                .engagement(List.of(EngagementEvent.pricingPageVisit(Instant.parse("2026-11-25T10:00:00Z")),
                        EngagementEvent.caseStudyView(Instant.parse("2026-11-25T10:05:00Z"), "製造業", "導入事例"),
                        EngagementEvent.of(EngagementType.SEMINAR_ATTENDED, Instant.parse("2026-11-20T05:00:00Z"))))
                .build();
        Path input = Cli.write(dir.resolve("leads.jsonl"), LeadRulesJson.defaults().writeLead(lead) + "\n");
        Path out = dir.resolve("decisions.jsonl");

        Cli.Result result = Cli.qualify(input, "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        ObjectNode decision = (ObjectNode) readLines(out).get(0).get("decision");
        decision.remove("line");
        Qualification fromCli = LeadRulesJson.defaults().readQualification(decision.toString());
        Qualification fromLibrary = LeadQualifier.builder().clock(Clock.fixed(Instant.parse(Cli.AS_OF), ZoneOffset.UTC))
                .build().qualify(lead);
        assertThat(fromCli).isEqualTo(fromLibrary);
    }
}

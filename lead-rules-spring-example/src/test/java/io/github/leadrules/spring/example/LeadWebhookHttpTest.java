package io.github.leadrules.spring.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The example service over real HTTP on a random loopback port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeadWebhookHttpTest {

    /** A 部長 at サンプル工業 asking for a demo at our trade-show booth, buying within a month. */
    static final String SAMPLE_KOGYO = """
            {"id": "L-1001", "contact_name": "山田 太郎", "email": "taro.yamada@sample-kogyo.co.jp",
             "phone": "03-1234-5678", "job_title": "生産技術部 部長", "source": "trade-show",
             "inquiry_type": "demo", "purchase_timeframe": "WITHIN_1_MONTH", "consent": "GIVEN",
             "company_name": "サンプル工業株式会社", "company_domain": "sample-kogyo.co.jp", "industry": "製造業",
             "employee_count": 1200, "country": "JP"}
            """;
    /** An analyst at a competitor. */
    static final String RIVAL = """
            {"id": "L-1002", "contact_name": "Pat Lee", "email": "pat.lee@rival-leads.example",
             "inquiry_type": "demo", "consent": "GIVEN", "company_name": "Rival Leads Inc.",
             "employee_count": 400, "country": "US"}
            """;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void aLeadPostedAsJsonComesBackDecidedWithItsReasons() throws Exception {
        HttpResponse<String> response = post("/leads", SAMPLE_KOGYO);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode decision = json(response);
        assertThat(decision.get("lead_id").asText()).isEqualTo("L-1001");
        assertThat(decision.get("outcome").asText()).isEqualTo("QUALIFIED");
        assertThat(decision.get("fingerprint").asText()).matches("[0-9a-f]{16}");
        assertThat(decision.get("reasons").toString()).contains("URG-TRADE-SHOW-DEMO")
                .contains("Demo request at our trade-show booth");
    }

    @Test
    void aCompetitorIsExcludedWithTheRuleThatSaidSo() throws Exception {
        JsonNode decision = json(post("/leads", RIVAL));
        assertThat(decision.get("outcome").asText()).isEqualTo("EXCLUDED");
        assertThat(decision.get("exclusions").toString()).contains("EXC-COMPETITOR");
    }

    @Test
    void malformedJsonIsA400WithTheFieldErrorAndNoStackTrace() throws Exception {
        HttpResponse<String> response = post("/leads", "{\"id\": \"L-1003\", \"email\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json(response).get("errors");
        assertThat(texts(errors, "field")).containsExactly("$");
        assertThat(texts(errors, "code")).containsExactly("MALFORMED_JSON");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("trace");
    }

    @Test
    void fieldsOfTheWrongKindAreA400NamingEachFieldButNotItsValue() throws Exception {
        HttpResponse<String> response = post("/leads", """
                {"id": "L-1004", "email": "ichiro.suzuki@hikari-logi.co.jp", "inquiry_type": "carrier-pigeon",
                 "employee_count": "two hundred and fifty", "company_name": "株式会社ひかり物流"}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json(response).get("errors");
        assertThat(texts(errors, "field")).containsExactlyInAnyOrder("inquiry_type", "employee_count");
        assertThat(response.body()).doesNotContain("carrier-pigeon").doesNotContain("two hundred");
    }

    @Test
    void aLeadTheLibraryFindsInvalidIsA400WithItsFieldErrors() throws Exception {
        HttpResponse<String> response = post("/leads", """
                {"id": "L-1005", "email": "not-an-address", "inquiry_type": "demo", "company_name": "Acme Co., Ltd."}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(texts(json(response).get("errors"), "code")).contains("MALFORMED");
        assertThat(response.body()).doesNotContain("not-an-address");
    }

    @Test
    void aBatchIsDecidedInOrderWithAnUnreadableLeadInvalidInItsPlace() throws Exception {
        HttpResponse<String> response = post("/leads:batch",
                "[" + SAMPLE_KOGYO + ", {\"id\": \"L-2\", \"employee_count\": true}, " + RIVAL + "]");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        JsonNode decisions = body.get("decisions");
        assertThat(texts(decisions, "lead_id")).containsExactly("L-1001", "L-2", "L-1002");
        assertThat(texts(decisions, "outcome")).containsExactly("QUALIFIED", "INVALID", "EXCLUDED");
        assertThat(decisions.get(1).get("errors").toString()).contains("employee_count");
        assertThat(texts(decisions, "fingerprint")).containsOnly(body.get("fingerprint").asText());
    }

    @Test
    void aBatchThatIsNoArrayIsA400() throws Exception {
        HttpResponse<String> response = post("/leads:batch", SAMPLE_KOGYO);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(texts(json(response).get("errors"), "code")).containsExactly("NOT_AN_ARRAY");

        HttpResponse<String> cut = post("/leads:batch", "[" + SAMPLE_KOGYO + ", {\"id\": ");
        assertThat(cut.statusCode()).isEqualTo(400);
        assertThat(texts(json(cut).get("errors"), "code")).containsExactly("MALFORMED_JSON");
    }

    @Test
    void aBatchMayCarryUpTo1000Leads() throws Exception {
        String lead = "{\"id\": \"L-%d\", \"email\": \"buyer%d@sample-kogyo.co.jp\", \"inquiry_type\": \"quote\", "
                + "\"company_name\": \"サンプル工業株式会社\", \"employee_count\": 1200, \"country\": \"JP\"}";
        String atLimit = IntStream.range(0, 1000).mapToObj(i -> lead.formatted(i, i)).collect(Collectors.joining(",", "[", "]"));
        String overLimit = IntStream.range(0, 1001).mapToObj(i -> lead.formatted(i, i)).collect(Collectors.joining(",", "[", "]"));

        HttpResponse<String> ok = post("/leads:batch", atLimit);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("decisions").size()).isEqualTo(1000);
        HttpResponse<String> tooMany = post("/leads:batch", overLimit);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(texts(json(tooMany).get("errors"), "code")).containsExactly("TOO_MANY");
    }

    @Test
    void theRulesServingAreListedWithTheHostRule() throws Exception {
        HttpResponse<String> response = get("/rules");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(texts(body.get("rules"), "id")).contains("URG-TRADE-SHOW-DEMO", "EXC-COMPETITOR");
        assertThat(body.get("fingerprint").asText()).isEqualTo(json(post("/leads", SAMPLE_KOGYO)).get("fingerprint").asText());
    }

    @Test
    void actuatorReportsTheRulesHealthAndTheDecisionMetrics() throws Exception {
        post("/leads", RIVAL);

        JsonNode health = json(get("/actuator/health"));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("leadrules").get("details").get("fingerprint").asText())
                .matches("[0-9a-f]{16}");
        JsonNode decisions = json(get("/actuator/metrics/leadrules.decisions?tag=outcome:EXCLUDED"));
        assertThat(decisions.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(texts(json(get("/actuator/leadrules")).get("rules"), "id")).contains("URG-TRADE-SHOW-DEMO");
    }

    @Test
    void aBatchBodyOfUpTo16MiBIsReadAndALargerOneIs413() throws Exception {
        String atLimit = " ".repeat(LeadController.MAX_BODY_BYTES);
        HttpResponse<String> read = post("/leads:batch", atLimit);
        assertThat(read.statusCode()).as("read, then found to be no JSON").isEqualTo(400);
        assertThat(texts(json(read).get("errors"), "code")).containsExactly("MALFORMED_JSON");

        HttpResponse<String> tooLarge = post("/leads:batch", atLimit + " ");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(texts(json(tooLarge).get("errors"), "code")).containsExactly("TOO_LONG");
    }

    @Test
    void aSingleLeadOver1MiBIsA400ForTheWholeDocument() throws Exception {
        HttpResponse<String> response = post("/leads", "{\"id\": \"L-1006\", \"job_title\": \""
                + "部".repeat(400_000) + "\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(texts(json(response).get("errors"), "code")).containsExactly("TOO_LONG");
    }

    @Test
    void anEmptyBodyIsA400() throws Exception {
        HttpResponse<String> response = post("/leads", "");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(texts(json(response).get("errors"), "field")).containsExactly("$");
    }

    @Test
    void aWrongMethodIsAnErrorWithoutAStackTrace() throws Exception {
        HttpResponse<String> response = get("/leads");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }
}

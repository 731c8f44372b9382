package io.github.leadrules.json;

import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.SalesStatus;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared JSON form: round trips for every field, and bad documents become errors naming the key. */
class LeadRulesJsonTest {

    private static final LeadRulesJson JSON = LeadRulesJson.defaults();

    static Lead japaneseLeadWithEveryField() {
        return Lead.builder("L-1001")
                .contactName("山田太郎")
                .email("taro.yamada@sample-kogyo.example")
                .phone("03-1234-5678")
                .jobTitle("情報システム部 部長")
                .source("展示会")
                .inquiryType(InquiryType.DEMO)
                .purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS)
                .budgetStatus(BudgetStatus.SECURED)
                .consent(Consent.GIVEN)
                .salesStatus(SalesStatus.HANDED_TO_SALES)
                .lastSalesActivity(Instant.parse("2026-11-18T08:30:00Z"))
                .submittedAt(Instant.parse("2026-11-20T01:00:00Z"))
                .company(new Company("サンプル工業株式会社", "sample-kogyo.example", "製造業", 1200, 15_000_000_000L, "日本"))
                .engagement(List.of(
                        EngagementEvent.pricingPageVisit(Instant.parse("2026-11-20T10:00:00Z")),
                        EngagementEvent.caseStudyView(Instant.parse("2026-11-21T09:00:00Z"), "製造業", "導入事例: 東邦ロジテック"),
                        new EngagementEvent(EngagementType.PAGE_VISIT, Instant.parse("2026-11-21T09:05:00Z"), "/features", null),
                        new EngagementEvent(EngagementType.CONTENT_VIEW, Instant.parse("2026-11-22T00:00:00Z"), "DXガイド", null),
                        EngagementEvent.of(EngagementType.EMAIL_OPEN, Instant.parse("2026-11-23T00:00:00Z")),
                        EngagementEvent.of(EngagementType.SEMINAR_ATTENDED, Instant.parse("2026-11-24T05:00:00Z"))))
                .attribute("department", "情報システム部")
                .attribute("crm_owner", "k.suzuki")
                .build();
    }

    @Nested
    class RoundTrips {

        @Test
        void aJapaneseLeadWithEveryFieldComesBackEqual() {
            Lead lead = japaneseLeadWithEveryField();

            LeadReading read = JSON.readLead(JSON.writeLead(lead));

            assertThat(read.errors()).isEmpty();
            assertThat(read.lead()).isEqualTo(lead);
        }

        @Test
        void anEnglishLeadWithOnlyAFewFieldsComesBackEqualAsBytes() {
            Lead lead = Lead.builder("L-2002").email("anna.lewis@globex.example")
                    .company(Company.builder().name("Globex Corporation").country("US").employeeCount(2500).build())
                    .inquiryType(InquiryType.QUOTE).build();

            LeadReading read = JSON.readLead(JSON.writeLeadUtf8(lead));

            assertThat(read.isValid()).isTrue();
            assertThat(read.lead()).isEqualTo(lead);
        }

        @Test
        void aLeadIsWrittenWithTheCliColumnNamesAndLowerCaseWords() {
            String json = JSON.writeLead(japaneseLeadWithEveryField());

            assertThat(json).startsWith("{\"id\":\"L-1001\",\"contact_name\":\"山田太郎\",\"email\":")
                    .contains("\"inquiry_type\":\"demo\"", "\"purchase_timeframe\":\"within_3_months\"",
                            "\"company_name\":\"サンプル工業株式会社\"", "\"employee_count\":1200",
                            "\"annual_revenue\":15000000000", "{\"type\":\"case_study\",\"at\":\"2026-11-21T09:00:00Z\"",
                            "\"attributes\":{\"department\":\"情報システム部\",\"crm_owner\":\"k.suzuki\"}");
            for (LeadField field : LeadField.values()) {
                assertThat(json).as(field.key()).contains("\"" + field.key() + "\":");
            }
        }

        @Test
        void aQualificationWithEveryFieldComesBackEqual() {
            Qualification q = excludedCustomer();

            Qualification read = JSON.readQualification(JSON.writeQualification(q));

            assertThat(read).isEqualTo(q);
            assertThat(JSON.readQualification(JSON.writeQualificationUtf8(q))).isEqualTo(q);
        }

        @Test
        void anInvalidQualificationWithoutALeadIdComesBackEqual() {
            Qualification q = new Qualification(null, Outcome.INVALID, List.of(), Urgency.UNKNOWN, Route.NONE, List.of(),
                    List.of(new FieldError("employee_count", "OUT_OF_RANGE"), new FieldError("engagement[1].at", "NOT_A_DATE")),
                    "rs-1a2b3c");

            assertThat(JSON.readQualification(JSON.writeQualification(q))).isEqualTo(q);
        }

        @Test
        void aQualificationIsWrittenWithEveryKeyInOrder() {
            String json = JSON.writeQualification(excludedCustomer());

            List<String> keys = Arrays.stream(QualificationField.values()).map(QualificationField::key).toList();
            int last = -1;
            for (String key : keys) {
                int at = json.indexOf("\"" + key + "\":");
                assertThat(at).as(key).isGreaterThan(last);
                last = at;
            }
            assertThat(json).startsWith("{\"lead_id\":\"L-1001\",\"outcome\":\"EXCLUDED\",\"exclusions\":[\"EXC-EXISTING-CUSTOMER\"]");
        }

        @Test
        void lineAndParagraphSeparatorsAreEscapedSoAWrittenLeadStaysOneLine() {
            Lead lead = Lead.builder("L-3003").jobTitle("Head of IT\u2028Ops\u2029").source("web\nform").build();

            String json = JSON.writeLead(lead);

            assertThat(json).doesNotContain("\u2028", "\u2029", "\n").contains("\\u2028", "\\u2029", "\\n");
            assertThat(JSON.readLead(json).lead()).isEqualTo(lead);
        }

        private Qualification excludedCustomer() {
            Reason excluded = new Reason("EXC-EXISTING-CUSTOMER", Stage.EXCLUSION, "The company is an existing customer");
            Reason urgent = new Reason("URG-SALES-REQUEST", Stage.URGENCY, "Asked for a demo");
            Reason routed = new Reason("RTE-EXISTING-CUSTOMER-TO-OWNER", Stage.ROUTING, "Existing customer: to the account owner");
            Route route = new Route(Destination.ACCOUNT_OWNER, "account-owners", "k.suzuki", null,
                    Instant.parse("2026-11-28T09:00:00Z"), new Reason("ASSIGN-ACCOUNT-OWNER", Stage.ROUTING, "The account's owner"));
            return new Qualification("L-1001", Outcome.EXCLUDED, List.of(excluded),
                    new Urgency(UrgencyLevel.HIGH, PurchaseTimeframe.WITHIN_3_MONTHS, 45, List.of("URG-SALES-REQUEST")),
                    route, List.of(excluded, urgent, routed), List.of(), "rs-9f8e7d");
        }
    }

    @Nested
    class BoundedReading {

        @Test
        void aHugeExponentIsOutOfRangeForItsFieldAndIsNeverExpanded() {
            LeadReading read = JSON.readLead("{\"id\":\"L-1\",\"company_name\":\"Acme Co., Ltd.\",\"employee_count\":1e999999999,"
                    + "\"annual_revenue\":-1E999999999}");

            assertThat(read.errors()).containsExactly(new FieldError("employee_count", "OUT_OF_RANGE"),
                    new FieldError("annual_revenue", "OUT_OF_RANGE"));
            assertThat(read.lead().id()).isEqualTo("L-1");
            assertThat(read.lead().company().name()).isEqualTo("Acme Co., Ltd.");
            assertThat(read.lead().company().employeeCount()).isNull();
        }

        @Test
        void aTinyExponentIsNotAnInteger() {
            assertThat(JSON.readLead("{\"id\":\"L-1\",\"employee_count\":1e-999999999}").errors())
                    .containsExactly(new FieldError("employee_count", "NOT_AN_INTEGER"));
        }

        @Test
        void integralNumbersInOtherNotationsAreRead() {
            Lead lead = JSON.readLead("{\"id\":\"L-1\",\"employee_count\":1.2e3,\"annual_revenue\":5000000.00}").lead();

            assertThat(lead.company().employeeCount()).isEqualTo(1200);
            assertThat(lead.company().annualRevenue()).isEqualTo(5_000_000L);
        }

        @Test
        void employeeCountsAreReadUpToTheLargestIntAndNoFurther() {
            assertThat(JSON.readLead("{\"id\":\"L-1\",\"employee_count\":2147483646}").lead().company().employeeCount())
                    .isEqualTo(Integer.MAX_VALUE - 1);
            assertThat(JSON.readLead("{\"id\":\"L-1\",\"employee_count\":2147483647}").lead().company().employeeCount())
                    .isEqualTo(Integer.MAX_VALUE);
            assertThat(JSON.readLead("{\"id\":\"L-1\",\"employee_count\":2147483648}").errors())
                    .containsExactly(new FieldError("employee_count", "OUT_OF_RANGE"));
        }

        @Test
        void aNumberLongerThanTheLimitIsTooLongAndNamesItsField() {
            LeadRulesJson json = LeadRulesJson.withLimits(JsonLimits.defaults().withMaxNumberLength(20));
            String nineteen = "1".repeat(19);

            assertThat(json.readLead("{\"id\":\"L-1\",\"annual_revenue\":" + nineteen + "}").errors()).isEmpty();
            assertThat(json.readLead("{\"id\":\"L-1\",\"annual_revenue\":" + nineteen + "0}").errors())
                    .containsExactly(new FieldError("annual_revenue", "OUT_OF_RANGE"));
            assertThat(json.readLead("{\"id\":\"L-1\",\"annual_revenue\":" + nineteen + "00}").errors())
                    .containsExactly(new FieldError("annual_revenue", "TOO_LONG"));
        }

        @Test
        void aMillionDigitNumberIsTooLongUnderTheDefaultLimits() {
            LeadReading read = JSON.readLead("{\"id\":\"L-1\",\"employee_count\":" + "9".repeat(1_000_000) + "}");

            assertThat(read.errors()).containsExactly(new FieldError("employee_count", "TOO_LONG"));
        }

        @Test
        void aStringLongerThanTheLimitIsTooLongAndNamesItsField() {
            LeadRulesJson json = LeadRulesJson.withLimits(JsonLimits.defaults().withMaxStringLength(10));

            assertThat(json.readLead("{\"id\":\"L-1\",\"job_title\":\"" + "部".repeat(9) + "\"}").errors()).isEmpty();
            assertThat(json.readLead("{\"id\":\"L-1\",\"job_title\":\"" + "部".repeat(10) + "\"}").errors()).isEmpty();
            assertThat(json.readLead("{\"id\":\"L-1\",\"job_title\":\"" + "部".repeat(11) + "\"}").errors())
                    .containsExactly(new FieldError("job_title", "TOO_LONG"));
        }

        @Test
        void aDocumentLongerThanTheLimitIsTooLong() {
            LeadRulesJson json = LeadRulesJson.withLimits(JsonLimits.defaults().withMaxDocumentLength(1000));
            String lead = "{\"id\":\"L-1\",\"source\":\"";

            assertThat(json.readLead(lead + "x".repeat(1000 - lead.length() - 2) + "\"}").errors()).isEmpty();
            assertThat(json.readLead(lead + "x".repeat(2000) + "\"}").errors()).extracting(FieldError::code)
                    .containsExactly("TOO_LONG");
        }

        @Test
        void nestingDeeperThanTheLimitIsRefusedNamingTheKeyItHangsFrom() {
            LeadRulesJson json = LeadRulesJson.withLimits(JsonLimits.defaults().withMaxNestingDepth(4));

            // The lead object, the attributes object and two levels inside it: four.
            assertThat(json.readLead("{\"id\":\"L-1\",\"attributes\":{\"a\":[[1]]}}").errors())
                    .containsExactly(new FieldError("attributes.a", "WRONG_TYPE"));
            assertThat(json.readLead("{\"id\":\"L-1\",\"attributes\":{\"a\":[[[1]]]}}").errors())
                    .containsExactly(new FieldError("attributes", "NESTED_TOO_DEEPLY"));
        }

        @Test
        void tenThousandNestedArraysAreRefusedWithoutExhaustingTheStack() {
            LeadReading read = JSON.readLead("{\"id\":\"L-1\",\"attributes\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");

            assertThat(read.errors()).containsExactly(new FieldError("attributes", "NESTED_TOO_DEEPLY"));
        }
    }

    @Nested
    class BadDocuments {

        @Test
        void textThatIsNotJsonIsMalformedForTheWholeDocument() {
            for (String text : List.of("", "   ", "{\"id\":\"L-6003\", broken", "{\"id\":\"L-1\"} trailing", "<lead/>",
                    "{\"id\":\"L-1\",\"employee_count\":12x}")) {
                LeadReading read = JSON.readLead(text);
                assertThat(read.errors()).as(text).hasSize(1);
                assertThat(read.errors().get(0).code()).as(text).isEqualTo("MALFORMED_JSON");
                assertThat(read.lead().id()).isNull();
            }
        }

        @Test
        void jsonThatIsNotAnObjectIsRefusedForTheWholeDocument() {
            assertThat(JSON.readLead("[{\"id\":\"L-1\"}]").errors()).containsExactly(new FieldError("$", "NOT_AN_OBJECT"));
            assertThat(JSON.readLead("\"L-1\"").errors()).containsExactly(new FieldError("$", "NOT_AN_OBJECT"));
        }

        @Test
        void aNumberWhoseExponentNoDecimalCanHoldIsMalformedNamingItsKey() {
            for (String number : List.of("1e-99999998889", "1e99999999999", "-2.5E+2147483648")) {
                assertThat(JSON.readLead("{\"id\":\"L-1\",\"employee_count\":" + number + "}").errors()).as(number)
                        .containsExactly(new FieldError("employee_count", "MALFORMED_JSON"));
            }
        }

        @Test
        void aKeyGivenTwiceIsRefusedNamingTheKey() {
            assertThat(JSON.readLead("{\"id\":\"L-1\",\"email\":\"a@globex.example\",\"email\":\"b@globex.example\"}").errors())
                    .containsExactly(new FieldError("email", "DUPLICATE_KEY"));
        }

        @Test
        void valuesOfTheWrongTypeAreErrorsNamingEachFieldAndTheRestIsStillRead() {
            LeadReading read = JSON.readLead("""
                    {"id":"L-4004","company_name":"株式会社ミライテック","email":["ichiro@mirai-tech.example"],
                     "employee_count":"many","annual_revenue":12.5,"inquiry_type":"coffee","submitted_at":"yesterday",
                     "engagement":[{"type":"pricing","at":"2026-11-20T10:00:00Z"},{"type":"pricing"},"page",
                                   {"type":"teleport","at":"2026-11-20T10:00:00Z"}],
                     "attributes":{"department":{"name":"IT"},"seats":40},"unknown_key":{"kept":"out"}}
                    """);

            assertThat(read.errors()).containsExactly(
                    new FieldError("email", "WRONG_TYPE"),
                    new FieldError("inquiry_type", "UNKNOWN_VALUE"),
                    new FieldError("submitted_at", "NOT_A_DATE"),
                    new FieldError("employee_count", "WRONG_TYPE"),
                    new FieldError("annual_revenue", "NOT_AN_INTEGER"),
                    new FieldError("engagement[1].at", "REQUIRED"),
                    new FieldError("engagement[2]", "WRONG_TYPE"),
                    new FieldError("engagement[3].type", "UNKNOWN_VALUE"),
                    new FieldError("attributes.department", "WRONG_TYPE"));
            Lead lead = read.lead();
            assertThat(lead.id()).isEqualTo("L-4004");
            assertThat(lead.company().name()).isEqualTo("株式会社ミライテック");
            assertThat(lead.engagement()).extracting(EngagementEvent::type).containsExactly(EngagementType.PRICING_PAGE_VISIT);
            assertThat(lead.attributes()).containsExactly(java.util.Map.entry("seats", "40"));
        }

        @Test
        void enumWordsAndEngagementTypesAreReadInAnyCaseAndByTheirModelNames() {
            Lead lead = JSON.readLead("""
                    {"id":1234,"inquiry_type":"CONTACT_SALES","purchase_timeframe":"Within-1-Month","consent":"opted out",
                     "submitted_at":"2026-11-20T19:00:00+09:00",
                     "engagement":[{"type":"CASE_STUDY_VIEW","at":"2026-11-20T10:00:00Z","industry":"Manufacturing"}]}
                    """).lead();

            assertThat(lead.id()).isEqualTo("1234");
            assertThat(lead.inquiryType()).isEqualTo(InquiryType.CONTACT_SALES);
            assertThat(lead.purchaseTimeframe()).isEqualTo(PurchaseTimeframe.WITHIN_1_MONTH);
            assertThat(lead.consent()).isEqualTo(Consent.OPTED_OUT);
            assertThat(lead.submittedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
            assertThat(lead.engagement().get(0).type()).isEqualTo(EngagementType.CASE_STUDY_VIEW);
        }

        @Test
        void nullIsTheSameAsAbsent() {
            LeadReading read = JSON.readLead("{\"id\":\"L-5005\",\"email\":null,\"employee_count\":null,\"engagement\":null}");

            assertThat(read.errors()).isEmpty();
            assertThat(read.lead()).isEqualTo(Lead.builder("L-5005").build());
        }

        @Test
        void anUnreadableLeadBecomesAnInvalidQualificationWithItsErrors() {
            LeadReading read = JSON.readLead("{\"id\":\"L-6006\",\"employee_count\":1e999999999}");

            Qualification q = read.invalid("rs-1");

            assertThat(q.outcome()).isEqualTo(Outcome.INVALID);
            assertThat(q.leadId()).isEqualTo("L-6006");
            assertThat(q.fieldErrors()).containsExactly(new FieldError("employee_count", "OUT_OF_RANGE"));
        }

        @Test
        void aBadQualificationFailsNamingTheKeyButNotTheValue() {
            String json = JSON.writeQualification(new Qualification("L-7", Outcome.QUALIFIED, List.of(), Urgency.UNKNOWN,
                    Route.NONE, List.of(new Reason("URG-X", Stage.URGENCY, "m")), List.of(), "rs-1"))
                    .replace("\"URGENCY\"", "\"secret-value\"");

            assertThatThrownBy(() -> JSON.readQualification(json)).isInstanceOf(JsonReadException.class)
                    .hasMessage("reasons[0].stage UNKNOWN_VALUE").hasMessageNotContaining("secret");
            assertThatThrownBy(() -> JSON.readQualification("{\"outcome\":")).isInstanceOf(JsonReadException.class)
                    .hasMessage("$ MALFORMED_JSON");
        }
    }

    @Test
    void oneInstanceIsSharedSafelyByManyThreads() throws Exception {
        Lead lead = japaneseLeadWithEveryField();
        String expected = JSON.writeLead(lead);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        if (!JSON.readLead(expected.getBytes(StandardCharsets.UTF_8)).lead().equals(lead)
                                || !JSON.writeLead(lead).equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void limitsBelowOneAreRefusedNamingTheLimit() {
        assertThatThrownBy(() -> JsonLimits.defaults().withMaxNumberLength(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxNumberLength must be at least 1, got 0");
    }
}

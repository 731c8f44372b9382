package io.github.leadrules;

import io.github.leadrules.model.Company;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.github.leadrules.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input never throws: it yields an INVALID qualification naming each bad field with a stable
 * code, and a batch keeps its size and order around it. Valid but unusual input (full-width text,
 * absent optional fields) is not mistaken for bad input. No reason message carries personal data.
 */
class BadInputTest {

    private static final String HUGE = "あ".repeat(50_000) + "x".repeat(50_000);

    /** One bad field on an otherwise valid lead, and the one error it must cause. */
    static Stream<Arguments> oneBadField() {
        return Stream.of(
                bad("blank id", Lead.builder("   ").email("taro.yamada@sample-kogyo.co.jp").build(), "id", "REQUIRED"),
                bad("100 000-character id", Lead.builder(HUGE).email("taro.yamada@sample-kogyo.co.jp").build(), "id", "TOO_LONG"),
                bad("id with a line break", Lead.builder("JP-1\n2026-11-28 INFO forged").email("a.b@sample-kogyo.co.jp").build(),
                        "id", "CONTROL_CHARACTERS"),
                bad("100 000-character contact name", with(b -> b.contactName(HUGE)), "contactName", "TOO_LONG"),
                bad("100 000-character e-mail", with(b -> b.email(HUGE + "@sample-kogyo.co.jp")), "email", "TOO_LONG"),
                bad("100 000-character phone", with(b -> b.phone(HUGE)), "phone", "TOO_LONG"),
                bad("100 000-character job title", with(b -> b.jobTitle(HUGE)), "jobTitle", "TOO_LONG"),
                bad("100 000-character source", with(b -> b.source(HUGE)), "source", "TOO_LONG"),
                bad("100 000-character company name", withCompany(c -> c.name(HUGE)), "company.name", "TOO_LONG"),
                bad("100 000-character company domain", withCompany(c -> c.domain(HUGE + ".co.jp")), "company.domain", "TOO_LONG"),
                bad("100 000-character industry", withCompany(c -> c.industry(HUGE)), "company.industry", "TOO_LONG"),
                bad("100 000-character country", withCompany(c -> c.country(HUGE)), "company.country", "TOO_LONG"),
                bad("100 000-character engagement detail",
                        with(b -> b.engagement(new EngagementEvent(EngagementType.CONTENT_VIEW, NOW.minusSeconds(60), HUGE, null))),
                        "engagement[0].detail", "TOO_LONG"),
                bad("100 000-character engagement industry",
                        with(b -> b.engagement(EngagementEvent.caseStudyView(NOW.minusSeconds(60), HUGE, "case study"))),
                        "engagement[0].industry", "TOO_LONG"),
                bad("100 000-character attribute value", with(b -> b.attribute("campaign", HUGE)), "attributes.campaign", "TOO_LONG"),
                bad("100 000-character attribute name", with(b -> b.attribute(HUGE, "spring-fair")), "attributes", "TOO_LONG"),
                bad("attribute name with a control character", with(b -> b.attribute("camp\u0000aign", "x")),
                        "attributes", "CONTROL_CHARACTERS"),
                bad("null attribute name", with(b -> b.attribute(null, "x")), "attributes", "REQUIRED"),
                bad("e-mail without a domain", with(b -> b.email("taro.yamada@")), "email", "MALFORMED"),
                bad("e-mail without a local part", with(b -> b.email("@sample-kogyo.co.jp")), "email", "MALFORMED"),
                bad("e-mail with two @", with(b -> b.email("taro@@sample-kogyo.co.jp")), "email", "MALFORMED"),
                bad("e-mail with a space", with(b -> b.email("taro yamada@sample-kogyo.co.jp")), "email", "MALFORMED"),
                bad("e-mail with a double dot", with(b -> b.email("taro..yamada@sample-kogyo.co.jp")), "email", "MALFORMED"),
                bad("e-mail with a one-label domain", with(b -> b.email("taro@localhost")), "email", "MALFORMED"),
                bad("e-mail at an IP address", with(b -> b.email("taro@192.168.0.1")), "email", "MALFORMED"),
                bad("phone that is words", with(b -> b.phone("call me after five")), "phone", "MALFORMED"),
                bad("company domain that is not a domain", withCompany(c -> c.domain("our company")), "company.domain", "MALFORMED"),
                bad("negative employee count", withCompany(c -> c.employeeCount(-1)), "company.employeeCount", "NEGATIVE"),
                bad("negative revenue", withCompany(c -> c.annualRevenue(-5_000_000L)), "company.annualRevenue", "NEGATIVE"),
                bad("NUL in the company name", withCompany(c -> c.name("サンプル\u0000工業")), "company.name", "CONTROL_CHARACTERS"),
                bad("terminal escape in the job title", with(b -> b.jobTitle("\u001B[31m部長\u001B[0m")), "jobTitle", "CONTROL_CHARACTERS"),
                bad("unpaired surrogate in the contact name", with(b -> b.contactName("山田\uD800太郎")), "contactName", "CONTROL_CHARACTERS"),
                bad("DEL in the source", with(b -> b.source("web\u007Fform")), "source", "CONTROL_CHARACTERS"),
                bad("control character in the e-mail", with(b -> b.email("taro\u0007@sample-kogyo.co.jp")), "email", "CONTROL_CHARACTERS"),
                bad("submitted two days in the future", with(b -> b.submittedAt(NOW.plus(Duration.ofDays(2)))), "submittedAt", "IN_FUTURE"),
                bad("sales activity next month", with(b -> b.lastSalesActivity(NOW.plus(Duration.ofDays(30)))),
                        "lastSalesActivity", "IN_FUTURE"),
                bad("engagement next week", with(b -> b.engagement(EngagementEvent.pricingPageVisit(NOW.plus(Duration.ofDays(7))))),
                        "engagement[0].at", "IN_FUTURE"),
                bad("submitted in year 0000", with(b -> b.submittedAt(Instant.parse("0000-06-01T09:00:00Z"))),
                        "submittedAt", "TOO_EARLY"),
                bad("submitted in a negative year", with(b -> b.submittedAt(Instant.parse("-0044-03-15T12:00:00Z"))),
                        "submittedAt", "TOO_EARLY"),
                bad("submitted one second before 1900", with(b -> b.submittedAt(Instant.parse("1899-12-31T23:59:59Z"))),
                        "submittedAt", "TOO_EARLY"),
                bad("submitted at the earliest instant there is", with(b -> b.submittedAt(Instant.MIN)), "submittedAt", "TOO_EARLY"),
                bad("sales activity in year 0000", with(b -> b.lastSalesActivity(Instant.parse("0000-01-01T00:00:00Z"))),
                        "lastSalesActivity", "TOO_EARLY"),
                bad("engagement in a negative year", with(b -> b.engagement(EngagementEvent.pricingPageVisit(
                        Instant.parse("-0001-12-31T00:00:00Z")))), "engagement[0].at", "TOO_EARLY"),
                bad("unknown country", withCompany(c -> c.country("Atlantis")), "company.country", "UNKNOWN_COUNTRY"),
                bad("null engagement element", with(b -> b.engagement(Arrays.asList(
                        EngagementEvent.pricingPageVisit(NOW.minus(Duration.ofDays(1))), null))), "engagement[1]", "REQUIRED"),
                bad("too many engagement events", with(b -> b.engagement(manyEvents(10_001))), "engagement", "TOO_MANY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBadField")
    void oneBadFieldMakesTheLeadInvalidNamingThatFieldAndCode(String description, Lead lead, FieldError expected) {
        Qualification q = qualifyWithoutThrowing(lead);
        assertInvalid(q, expected);
        assertThat(q.leadId()).isEqualTo(lead.id() == null || lead.id().length() > 128 ? null : lead.id());
        Fixtures.assertNoPersonalData(lead, q);
    }

    @Test
    void aLeadWithoutIdIsInvalidAndHasNoId() {
        Lead lead = Lead.builder(null).email("taro.yamada@sample-kogyo.co.jp").build();
        Qualification q = qualifyWithoutThrowing(lead);
        assertInvalid(q, new FieldError("id", "REQUIRED"));
        assertThat(q.leadId()).isNull();
    }

    @Test
    void aNullLeadIsInvalid() {
        Qualification q = qualifyWithoutThrowing(null);
        assertInvalid(q, new FieldError("lead", "REQUIRED"));
        assertThat(q.leadId()).isNull();
    }

    @Test
    void anEngagementEventWithoutTypeAndTimeNamesBothFields() {
        Lead lead = with(b -> b.engagement(new EngagementEvent(null, null, "/pricing", null)));
        assertInvalid(qualifyWithoutThrowing(lead),
                new FieldError("engagement[0].type", "REQUIRED"), new FieldError("engagement[0].at", "REQUIRED"));
    }

    @Test
    void everyBadFieldOfOneLeadIsReportedInFieldOrder() {
        Lead lead = Lead.builder("JP-BAD-1")
                .contactName("山田\u0000太郎").email("taro.yamada@").phone("call me")
                .submittedAt(NOW.plus(Duration.ofDays(3)))
                .company(Company.builder().name("サンプル工業株式会社").employeeCount(-10).annualRevenue(-1L).country("Atlantis").build())
                .build();
        assertInvalid(qualifyWithoutThrowing(lead),
                new FieldError("contactName", "CONTROL_CHARACTERS"),
                new FieldError("email", "MALFORMED"),
                new FieldError("phone", "MALFORMED"),
                new FieldError("submittedAt", "IN_FUTURE"),
                new FieldError("company.employeeCount", "NEGATIVE"),
                new FieldError("company.annualRevenue", "NEGATIVE"),
                new FieldError("company.country", "UNKNOWN_COUNTRY"));
    }

    @Test
    void aHugeValueInEveryTextFieldAtOnceIsReportedFieldByField() {
        Lead lead = Lead.builder("JP-HUGE")
                .contactName(HUGE).email(HUGE).phone(HUGE).jobTitle(HUGE).source(HUGE)
                .engagement(new EngagementEvent(EngagementType.CASE_STUDY_VIEW, NOW.minusSeconds(5), HUGE, HUGE))
                .attribute("campaign", HUGE)
                .company(new Company(HUGE, HUGE, HUGE, 10, 1L, HUGE))
                .build();
        Qualification q = qualifyWithoutThrowing(lead);
        assertThat(q.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(q.fieldErrors()).extracting(FieldError::field).containsExactly("contactName", "email", "phone",
                "jobTitle", "source", "company.name", "company.domain", "company.industry", "company.country",
                "engagement[0].detail", "engagement[0].industry", "attributes.campaign");
        assertThat(q.fieldErrors()).extracting(FieldError::code).containsOnly("TOO_LONG");
        assertThat(q.toString()).hasSizeLessThan(5_000);
    }

    // ------------------------------------------------------------------ valid, however unusual

    @Test
    void aLeadTypedEntirelyInFullWidthIsValidAndDecidedLikeItsHalfWidthTwin() {
        Lead halfWidth = Fixtures.manufacturerDemo("JP-FW-1");
        Lead fullWidth = Lead.builder("JP-FW-1")
                .contactName("山田　太郎").email("ｔａｒｏ．ｙａｍａｄａ＠ｓａｍｐｌｅ－ｋｏｇｙｏ．ｃｏ．ｊｐ")
                .phone("０３－１２３４－５６７８").jobTitle("生産技術部　部長").source("ｗｅｂ－ｆｏｒｍ")
                .inquiryType(halfWidth.inquiryType()).purchaseTimeframe(halfWidth.purchaseTimeframe())
                .consent(halfWidth.consent()).submittedAt(halfWidth.submittedAt())
                .company(Company.builder().name("サンプル工業株式会社").domain("ｓａｍｐｌｅ－ｋｏｇｙｏ．ｃｏ．ｊｐ")
                        .industry("製造業").employeeCount(1200).country("ＪＰ").build())
                .build();
        Qualification q = qualifyWithoutThrowing(fullWidth);
        assertThat(q.fieldErrors()).isEmpty();
        assertThat(q).isEqualTo(Fixtures.qualifier().qualify(halfWidth));
    }

    @ParameterizedTest(name = "submitted at {0}")
    @ValueSource(strings = {"1900-01-01T00:00:00Z", "1900-01-01T00:00:01Z"})
    void datesFromTheFirstSecondOf1900OnAreValid(String submittedAt) {
        Lead lead = with(b -> b.submittedAt(Instant.parse(submittedAt))
                .lastSalesActivity(Instant.parse(submittedAt))
                .engagement(EngagementEvent.pricingPageVisit(Instant.parse(submittedAt))));
        assertThat(qualifyWithoutThrowing(lead).fieldErrors()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+81 3-1234-5678", "(03) 1234 5678", "090.1234.5678", "03-1234-5678 ext. 12", "０９０１２３４５６７８"})
    void everydayPhoneFormatsAreValid(String phone) {
        assertThat(qualifyWithoutThrowing(with(b -> b.phone(phone))).fieldErrors()).isEmpty();
    }

    @Test
    void absentOptionalFieldsAreNotErrors() {
        List<Lead> sparse = List.of(
                Lead.builder("JP-SPARSE-1").email("taro.yamada@sample-kogyo.co.jp").build(),
                Lead.builder("JP-SPARSE-2").phone("03-1234-5678").company(new Company(null, null, null, null, null, null)).build(),
                Lead.builder("JP-SPARSE-3").attribute("utm_source", null).build(),
                new Lead("JP-SPARSE-4", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        for (Qualification q : Fixtures.qualifier().qualifyAll(sparse)) {
            assertThat(q.outcome()).as(q.leadId()).isIn(Outcome.QUALIFIED, Outcome.EXCLUDED);
            assertThat(q.fieldErrors()).isEmpty();
        }
    }

    @Test
    void emojiTabsAndSubmissionsWithinTheClockToleranceAreValid() {
        Lead lead = withCompany(c -> c.name("🍣 Sushi Tech 株式会社"))
                .toBuilder().jobTitle("部長\t(営業)").submittedAt(NOW.plus(Duration.ofHours(12))).build();
        assertThat(qualifyWithoutThrowing(lead).fieldErrors()).isEmpty();
    }

    // ------------------------------------------------------------------ batches

    @Test
    void aBatchMixingBadAndGoodLeadsKeepsItsSizeAndOrderAndDecidesEachAsAlone() {
        List<Lead> batch = new ArrayList<>();
        batch.add(Fixtures.manufacturerDemo("JP-GOOD-1"));
        batch.add(null);
        oneBadField().forEach(a -> batch.add((Lead) a.get()[1]));
        batch.add(Fixtures.documentRequestAlone("JP-GOOD-2"));
        batch.add(Lead.builder(null).email("taro.yamada@sample-kogyo.co.jp").build());
        batch.add(Fixtures.existingCustomer("JP-GOOD-3"));
        batch.add(null);

        List<Qualification> all = new ArrayList<>();
        assertThatCode(() -> all.addAll(Fixtures.qualifier().qualifyAll(batch))).doesNotThrowAnyException();

        assertThat(all).hasSameSizeAs(batch);
        for (int i = 0; i < batch.size(); i++) {
            Lead lead = batch.get(i);
            assertThat(all.get(i)).as("position %d", i).isEqualTo(Fixtures.qualifier().qualify(lead));
            Fixtures.assertNoPersonalData(lead, all.get(i));
        }
        assertThat(all.get(0).outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(all.get(1).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(all.get(all.size() - 4).outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(all.get(all.size() - 2).outcome()).isEqualTo(Outcome.EXCLUDED);
    }

    @Test
    void leadsSharingAnIdAreEachQualified() {
        List<Lead> twins = List.of(Fixtures.manufacturerDemo("JP-TWIN"), Fixtures.freeMailNoCompany("JP-TWIN"));
        assertThat(Fixtures.qualifier().qualifyAll(twins)).extracting(Qualification::outcome)
                .containsExactly(Outcome.QUALIFIED, Outcome.EXCLUDED);
    }

    // ------------------------------------------------------------------ helpers

    private static Arguments bad(String description, Lead lead, String field, String code) {
        return arguments(description, lead, new FieldError(field, code));
    }

    /** A valid lead (サンプル工業's 部長 asking for a demo) with one change. */
    private static Lead with(UnaryOperator<Lead.Builder> change) {
        return change.apply(Fixtures.manufacturerDemo("JP-BAD").toBuilder()).build();
    }

    private static Lead withCompany(UnaryOperator<Company.Builder> change) {
        Company company = change.apply(Fixtures.sampleKogyo().toBuilder()).build();
        return Fixtures.manufacturerDemo("JP-BAD").toBuilder().company(company).build();
    }

    private static List<EngagementEvent> manyEvents(int n) {
        List<EngagementEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(EngagementEvent.of(EngagementType.PAGE_VISIT, NOW.minusSeconds(i + 1)));
        }
        return events;
    }

    private static Qualification qualifyWithoutThrowing(Lead lead) {
        Qualification[] out = new Qualification[1];
        assertThatCode(() -> out[0] = Fixtures.qualifier().qualify(lead)).doesNotThrowAnyException();
        return out[0];
    }

    private static void assertInvalid(Qualification q, FieldError... expected) {
        assertThat(q.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(q.fieldErrors()).containsExactly(expected);
        assertThat(q.urgency()).isEqualTo(Urgency.UNKNOWN);
        assertThat(q.route()).isEqualTo(Route.NONE);
        assertThat(q.exclusions()).isEmpty();
        assertThat(q.fingerprint()).isEqualTo(Fixtures.qualifier().fingerprint());
        assertThat(q.reasons()).hasSize(expected.length).allSatisfy(r -> {
            assertThat(r.stage()).isEqualTo(Stage.VALIDATION);
            assertThat(r.ruleId()).startsWith("VAL-");
        });
        for (int i = 0; i < expected.length; i++) {
            assertThat(q.reasons().get(i).message()).contains(expected[i].field(), expected[i].code());
        }
    }
}

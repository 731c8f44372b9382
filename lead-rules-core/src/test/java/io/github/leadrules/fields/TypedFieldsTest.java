package io.github.leadrules.fields;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.rules.LeadContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Typed fields: the policy declares how an attribute reads, validation reads it once (a value that
 * does not read is a field error), rules compare typed values, and the text-versus-number trap is
 * a build error.
 */
class TypedFieldsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final LeadPolicy POLICY = LeadPolicy.defaults().toBuilder()
            .field("time_on_site", FieldType.integer())
            .field("score", FieldType.number())
            .field("converted", FieldType.flag())
            .field("first_visit", FieldType.date("dd-MM-yyyy", "yyyy-MM-dd"))
            .field("origin", FieldType.choice("demo", "Reference", "other"))
            .field("landing_page", FieldType.text())
            .build();

    private static final String HEADER = """
            package com.example.leads;

            import io.github.leadrules.rules.LeadContext;

            """;

    private static final String LONG_VISIT = HEADER + """
            // Long visits on the site show real interest.
            rule "Long visit"
                @id("ACME-LONG-VISIT")
                ruleflow-group "urgency"
            when
                $lead : LeadContext( number("time_on_site") >= 900 )
            then
                $lead.addUrgency(20, "Spent at least 15 minutes on the site");
            end

            rule "Referred"
                @id("ACME-REFERRED")
                ruleflow-group "urgency"
            when
                $lead : LeadContext( text("origin") == "Reference", flag("converted") != true,
                                     date("first_visit") != null, date("first_visit").isAfter(java.time.LocalDate.of(2017, 12, 30)) )
            then
                $lead.addUrgency(30, "Came by reference");
            end
            """;

    private static Lead lead(String id, Map<String, String> attributes) {
        Lead.Builder b = Lead.builder(id).email("tanaka@sample-kogyo.co.jp").jobTitle("部長")
                .inquiryType(InquiryType.DEMO)
                .company(Company.builder().name("サンプル工業株式会社").employeeCount(250).country("JP").build());
        attributes.forEach(b::attribute);
        return b.build();
    }

    private static List<FieldError> errors(String field, String value) {
        return FieldError.validate(lead("L-1", Map.of(field, value)), POLICY.fields(), NOW);
    }

    @ParameterizedTest(name = "time_on_site {0}: long visit fires {1}")
    @CsvSource({"899, false", "900, true", "901, true", "96, false", "1500, true", "'1,500', true", "９００, true"})
    void aNumberFieldComparesAsANumberAtTheThreshold(String seconds, boolean fires) {
        LeadQualifier qualifier = LeadQualifier.builder().clock(CLOCK).policy(POLICY)
                .addRulesText("rules/acme.drl", LONG_VISIT).build();

        Qualification q = qualifier.qualify(lead("L-1", Map.of("time_on_site", seconds)));

        assertThat(q.outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(q.hasReason("ACME-LONG-VISIT")).isEqualTo(fires);
    }

    @Test
    void aMissingOrBlankNumberDoesNotMatchAndIsNoError() {
        LeadQualifier qualifier = LeadQualifier.builder().clock(CLOCK).policy(POLICY)
                .addRulesText("rules/acme.drl", LONG_VISIT).build();

        Qualification absent = qualifier.qualify(lead("L-1", Map.of()));
        Qualification blank = qualifier.qualify(lead("L-2", Map.of("time_on_site", "  ")));

        assertThat(absent.outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(absent.hasReason("ACME-LONG-VISIT")).isFalse();
        assertThat(blank.outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(blank.hasReason("ACME-LONG-VISIT")).isFalse();
    }

    @ParameterizedTest(name = "{0} / {1} / {2}: referred fires {3}")
    @CsvSource({
            "reference, no, 31-12-2017, true",
            "Reference, いいえ, 2017-12-31, true",
            "Reference, はい, 31-12-2017, false",
            "Reference, no, 30-12-2017, false",
            "demo, no, 31-12-2017, false"})
    void choiceFlagAndDateFieldsCompareTyped(String origin, String converted, String firstVisit, boolean fires) {
        LeadQualifier qualifier = LeadQualifier.builder().clock(CLOCK).policy(POLICY)
                .addRulesText("rules/acme.drl", LONG_VISIT).build();

        Qualification q = qualifier.qualify(lead("L-1", Map.of("origin", origin, "converted", converted,
                "first_visit", firstVisit)));

        assertThat(q.outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(q.hasReason("ACME-REFERRED")).isEqualTo(fires);
    }

    @Test
    void aValueThatDoesNotReadAsItsTypeMakesTheLeadInvalidWithAFieldError() {
        LeadQualifier qualifier = LeadQualifier.builder().clock(CLOCK).policy(POLICY).build();

        Qualification q = qualifier.qualify(lead("L-1", Map.of("time_on_site", "15 minutes",
                "first_visit", "2017/12/31", "converted", "maybe", "origin", "Lead Add Form")));

        assertThat(q.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(q.fieldErrors()).extracting(FieldError::toString).containsExactlyInAnyOrder(
                "attributes.time_on_site:NOT_A_NUMBER", "attributes.first_visit:NOT_A_DATE",
                "attributes.converted:NOT_A_FLAG", "attributes.origin:NOT_A_CHOICE");
        assertThat(q.explain()).doesNotContain("15 minutes", "Lead Add Form");
    }

    @Test
    void aNumberHasAtMostOneHundredDigits() {
        assertThat(errors("score", "9".repeat(100))).isEmpty();
        assertThat(errors("score", "9".repeat(99) + ".5")).isEmpty();
        assertThat(errors("score", "9".repeat(101))).containsExactly(new FieldError("attributes.score", FieldError.NOT_A_NUMBER));
    }

    @ParameterizedTest(name = "score \"{0}\" reads: {1}")
    @CsvSource(delimiter = '|', value = {
            "900|true", "-1.5|true", "+3|true", "'1,500.25'|true", "0.5|true", ".5|true",
            "1e3|false", "1,50|false", "12 345|false", "NaN|false", "Infinity|false", "0x10|false", "--1|false", "1.2.3|false"})
    void numberSpellings(String value, boolean reads) {
        assertThat(errors("score", value)).hasSize(reads ? 0 : 1);
    }

    @ParameterizedTest(name = "time_on_site \"{0}\" reads: {1}")
    @CsvSource({"900, true", "900.0, true", "900.5, false", "-3, true"})
    void anIntegerFieldRefusesAFraction(String value, boolean reads) {
        assertThat(errors("time_on_site", value)).hasSize(reads ? 0 : 1);
    }

    @ParameterizedTest(name = "flag \"{0}\" is {1}")
    @CsvSource({"yes, true", "YES, true", "y, true", "true, true", "1, true", "on, true", "はい, true",
            "no, false", "N, false", "false, false", "0, false", "off, false", "いいえ, false", "ｙｅｓ, true"})
    void flagSpellings(String value, boolean expected) {
        LeadContext context = LeadContext.of(lead("L-1", Map.of("converted", value)), POLICY,
                InMemoryAccountDirectory.builder().build(), NOW);

        assertThat(context.flag("converted")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "flag \"{0}\" is no flag")
    @CsvSource({"maybe", "2", "t", "ok", "true!"})
    void anythingElseIsNotAFlag(String value) {
        assertThat(errors("converted", value)).containsExactly(new FieldError("attributes.converted", FieldError.NOT_A_FLAG));
    }

    @ParameterizedTest(name = "first_visit \"{0}\" reads: {1}")
    @CsvSource({"31-12-2017, true", "01-01-1900, true", "2017-12-31, true", "29-02-2024, true",
            "29-02-2023, false", "31-04-2026, false", "32-01-2026, false", "00-01-2026, false", "31-13-2026, false",
            "31/12/2017, false", "1-1-2026, false", "2017-12-31T00:00, false"})
    void datesReadStrictlyInTheirFormats(String value, boolean reads) {
        assertThat(errors("first_visit", value)).hasSize(reads ? 0 : 1);
    }

    @Test
    void anIsoDateAlwaysReadsWhateverTheFormats() {
        LeadPolicy dayFirst = LeadPolicy.defaults().toBuilder().field("first_visit", FieldType.date("dd/MM/yyyy")).build();

        assertThat(FieldError.validate(lead("L-1", Map.of("first_visit", "2017-12-31")), dayFirst.fields(), NOW)).isEmpty();
        assertThat(FieldError.validate(lead("L-1", Map.of("first_visit", "31/12/2017")), dayFirst.fields(), NOW)).isEmpty();
        assertThat(FieldError.validate(lead("L-1", Map.of("first_visit", "12/31/2017")), dayFirst.fields(), NOW))
                .containsExactly(new FieldError("attributes.first_visit", FieldError.NOT_A_DATE));
    }

    @Test
    void theContextGivesTypedValues() {
        LeadContext context = LeadContext.of(lead("L-1", Map.of("time_on_site", "1,500", "score", "2.50",
                        "first_visit", "31-12-2017", "origin", "ＤＥＭＯ", "landing_page", " /pricing ")), POLICY,
                InMemoryAccountDirectory.builder().build(), NOW);

        assertThat(context.number("time_on_site")).isEqualTo(new BigDecimal("1500"));
        assertThat(context.number("score")).isEqualByComparingTo("2.5");
        assertThat(context.date("first_visit")).isEqualTo(LocalDate.of(2017, 12, 31));
        assertThat(context.text("origin")).isEqualTo("demo");
        assertThat(context.text("landing_page")).isEqualTo("/pricing");
        assertThat(context.flag("converted")).isNull();
    }

    @Test
    void readingAnUndeclaredFieldOrTheWrongTypeIsAClearError() {
        LeadContext context = LeadContext.of(lead("L-1", Map.of("time_on_site", "900")), POLICY,
                InMemoryAccountDirectory.builder().build(), NOW);

        assertThatThrownBy(() -> context.number("visits"))
                .hasMessageContaining("number(\"visits\")").hasMessageContaining("no such field is declared");
        assertThatThrownBy(() -> context.date("time_on_site"))
                .hasMessageContaining("declared as integer").hasMessageContaining("read it with number(...)");
    }

    @Test
    void comparingAnAttributesTextWithANumberIsABuildErrorWithFileAndLine() {
        String trap = HEADER + """
                rule "Long visit"
                    @id("ACME-LONG-VISIT")
                    ruleflow-group "urgency"
                when
                    $lead : LeadContext( attribute("time_on_site") >= 900 )
                then
                    $lead.addUrgency(20, "Long visit");
                end
                """;

        assertThatThrownBy(() -> LeadQualifier.builder().clock(CLOCK).policy(LeadPolicy.defaults())
                .addRulesText("rules/acme.drl", trap).build())
                .isInstanceOf(InvalidRulesException.class)
                .satisfies(e -> {
                    InvalidRulesException.Problem p = ((InvalidRulesException) e).problems().get(0);
                    assertThat(p.file()).isEqualTo("rules/acme.drl");
                    assertThat(p.line()).isEqualTo(9);
                    assertThat(p.rule()).isEqualTo("Long visit");
                    assertThat(p.message()).contains("compares text").contains("time_on_site: number")
                            .contains("number(\"time_on_site\")");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "attribute(\"time_on_site\") > 5",
            "attribute(\"time_on_site\") == 900",
            "900 <= attribute(\"time_on_site\")",
            "lead.attributes[\"time_on_site\"] >= 900",
            "attribute(\"plan\") < \"m\""})
    void everyTextComparisonOfAnAttributeIsRefused(String condition) {
        String rule = HEADER + "rule \"R\"\n    @id(\"ACME-R\")\n    ruleflow-group \"urgency\"\nwhen\n"
                + "    $lead : LeadContext( " + condition + " )\nthen\n    $lead.addUrgency(1, \"r\");\nend\n";

        assertThatThrownBy(() -> LeadQualifier.builder().clock(CLOCK).addRulesText("rules/r.drl", rule).build())
                .isInstanceOf(InvalidRulesException.class).hasMessageContaining("compares text");
    }

    @Test
    void textEqualityAndCommentsAreNotTheTrap() {
        String rule = HEADER + """
                rule "Partner"
                    @id("ACME-PARTNER")
                    ruleflow-group "urgency"
                when
                    // attribute("time_on_site") >= 900 would compare text
                    $lead : LeadContext( attribute("partner") == "yes", attribute("tier") != "C" )
                then
                    $lead.addUrgency(5, "attribute(\\"x\\") >= 1 in a message is fine");
                end
                """;

        LeadQualifier qualifier = LeadQualifier.builder().clock(CLOCK).addRulesText("rules/partner.drl", rule).build();

        assertThat(qualifier.qualify(lead("L-1", Map.of("partner", "yes"))).hasReason("ACME-PARTNER")).isTrue();
    }

    @Test
    void aTypedReadOfAnUndeclaredFieldOrTheWrongTypeIsABuildError() {
        String rule = HEADER + """
                rule "Visits"
                    @id("ACME-VISITS")
                    ruleflow-group "urgency"
                when
                    $lead : LeadContext( number("visits") >= 3, flag("origin") == true )
                then
                    $lead.addUrgency(5, "visits");
                end
                """;

        assertThatThrownBy(() -> LeadQualifier.builder().clock(CLOCK).policy(POLICY)
                .addRulesText("rules/visits.drl", rule).build())
                .isInstanceOf(InvalidRulesException.class)
                .satisfies(e -> assertThat(((InvalidRulesException) e).problems())
                        .extracting(p -> p.file() + ":" + p.line() + ": " + p.message())
                        .containsExactly(
                                "rules/visits.drl:9: number(\"visits\"): no field visits is declared; declare it in the"
                                        + " policy's fields: section (declared: converted, first_visit, landing_page,"
                                        + " origin, score, time_on_site)",
                                "rules/visits.drl:9: flag(\"origin\"): the field is declared as choice; read it with"
                                        + " text(\"origin\")"));
    }

    @Test
    void aFieldNameThatIsNoLiteralIsCheckedWhenTheRuleRunsAndStopsTheLeadAsError() {
        String rule = HEADER + """
                rule "Named by the lead"
                    @id("ACME-NAMED")
                    ruleflow-group "urgency"
                when
                    $lead : LeadContext( number(leadId) != null )
                then
                    $lead.addUrgency(5, "named");
                end
                """;
        LeadQualifier qualifier = LeadQualifier.builder().clock(CLOCK).policy(POLICY)
                .addRulesText("rules/named.drl", rule).build();

        Qualification q = qualifier.qualify(lead("L-UNDECLARED", Map.of()));

        assertThat(q.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(q.explain()).contains("no such field is declared");
    }

    @Test
    void declaredFieldsArePartOfTheFingerprint() {
        LeadPolicy other = POLICY.toBuilder().field("time_on_site", FieldType.number()).build();

        assertThat(other.canonicalText()).isNotEqualTo(POLICY.canonicalText());
        assertThat(LeadPolicy.defaults().canonicalText()).doesNotContain("fields=");
        assertThat(POLICY.toBuilder().build()).isEqualTo(POLICY);
    }

    @Test
    void aFieldTypeChecksItsOptions() {
        assertThatThrownBy(() -> FieldType.date()).hasMessageContaining("at least one format");
        assertThatThrownBy(() -> FieldType.date("MM-yyyy")).hasMessageContaining("a day");
        assertThatThrownBy(() -> FieldType.choice("demo", "DEMO")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new FieldType(FieldType.Kind.NUMBER, List.of("yyyy"), List.of()))
                .hasMessageContaining("only a date field");
        assertThatThrownBy(() -> LeadPolicy.defaults().toBuilder().field(" x", FieldType.text()).build())
                .hasMessageContaining("surrounding spaces");
    }
}

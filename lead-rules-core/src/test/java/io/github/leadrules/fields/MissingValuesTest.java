package io.github.leadrules.fields;

import io.github.leadrules.Fixtures;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.PolicyFileException;
import io.github.leadrules.rules.LeadContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Placeholder values ("unknown", "n/a", "不明" …) are blank before validation, for every standard
 * text field and every attribute; the list is the policy's.
 */
class MissingValuesTest {

    private static final LeadPolicy POLICY = LeadPolicy.defaults().toBuilder()
            .field("time_on_site", FieldType.integer())
            .build();

    private static final LeadQualifier QUALIFIER = Fixtures.builder().policy(POLICY).build();

    static Stream<String> defaultPlaceholders() {
        return LeadPolicy.defaults().missingValues().stream();
    }

    private static Lead withCountry(String country) {
        Lead demo = Fixtures.manufacturerDemo("lead-1");
        return demo.toBuilder().company(demo.company().toBuilder().country(country).build()).build();
    }

    private static LeadContext context(Lead lead, LeadPolicy policy) {
        return LeadContext.of(lead, policy, AccountDirectory.empty(), Fixtures.NOW);
    }

    @Test
    void theDefaultListHoldsTheUsualPlaceholdersOfExportsAndForms() {
        assertThat(LeadPolicy.defaults().missingValues())
                .contains("unknown", "n/a", "-", "--", "select", "不明", "なし")
                .doesNotContain("none", "na");
    }

    @ParameterizedTest
    @MethodSource("defaultPlaceholders")
    void aCountryThatIsAPlaceholderIsMissingNotUnknown(String placeholder) {
        Qualification q = QUALIFIER.qualify(withCountry(placeholder));

        assertThat(q.outcome()).isNotEqualTo(Outcome.INVALID);
        assertThat(q.fieldErrors()).isEmpty();
        assertThat(context(withCountry(placeholder), POLICY).getCountryCode()).isNull();
    }

    @ParameterizedTest
    @MethodSource("defaultPlaceholders")
    void aNumberAttributeThatIsAPlaceholderIsMissingNotMalformed(String placeholder) {
        Lead lead = Fixtures.manufacturerDemo("lead-1").toBuilder().attribute("time_on_site", placeholder).build();

        assertThat(QUALIFIER.qualify(lead).fieldErrors()).isEmpty();
        LeadContext c = context(lead, POLICY);
        assertThat(c.number("time_on_site")).isNull();
        assertThat(c.getLead().attributes()).doesNotContainKey("time_on_site");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unknown", "UNKNOWN", " n/a ", "N/A", "Ｕｎｋｎｏｗｎ", "ｎ／ａ", "－", "Please  Select"})
    void placeholdersMatchIgnoringCaseWidthAndSpaces(String placeholder) {
        assertThat(LeadPolicy.defaults().isMissingValue(placeholder)).isTrue();
        assertThat(QUALIFIER.qualify(withCountry(placeholder)).fieldErrors()).isEmpty();
    }

    @Test
    void aPlaceholderSurroundedByAnyWhiteSpaceIsStillOneAndTheWhiteSpaceAloneIsNot() {
        LeadPolicy p = LeadPolicy.defaults();
        int spaces = 0;
        for (char c = 0; c < 0xFFFF; c++) {
            if (!Character.isWhitespace(c)) {
                continue;
            }
            spaces++;
            String w = String.valueOf(c);
            assertThat(p.isMissingValue(w + "unknown" + w)).as("U+%04X", (int) c).isTrue();
            assertThat(p.isMissingValue(w + w + "不明" + w)).as("U+%04X", (int) c).isTrue();
            assertThat(p.isMissingValue(w + "n/a!" + w)).as("U+%04X", (int) c).isFalse();
            assertThat(p.isMissingValue(w)).as("U+%04X", (int) c).isFalse();
        }
        assertThat(spaces).isGreaterThan(20);
        assertThat(p.isMissingValue("\u00A0n/a")).as("a no-break space is no white space to Java, but NFKC makes it one").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"不明", "　不明　", "なし", "未記入", "ゼロ", "セ\u3099ロ", "ｾﾞﾛ", " ゼロ\u3000"})
    void japanesePlaceholdersMatchWhateverTheirWidthSpacingOrComposition(String placeholder) {
        LeadPolicy p = LeadPolicy.defaults().toBuilder()
                .missingValues(Stream.concat(LeadPolicy.defaults().missingValues().stream(), Stream.of("ゼロ")).toList())
                .build();
        assertThat(p.isMissingValue(placeholder)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"不明点サポート担当", "山田　太郎", "セロ", "ゼ ロ", "ゼロ番地", "サンプル株式会社", "な", "未"})
    void japaneseValuesThatAreNoPlaceholderAreKept(String value) {
        LeadPolicy p = LeadPolicy.defaults().toBuilder()
                .missingValues(Stream.concat(LeadPolicy.defaults().missingValues().stream(), Stream.of("ゼロ")).toList())
                .build();
        assertThat(p.isMissingValue(value)).isFalse();
    }

    @Test
    void aRealValueThatMerelyContainsAPlaceholderIsKept() {
        Lead demo = Fixtures.manufacturerDemo("lead-1");
        Lead lead = demo.toBuilder()
                .company(demo.company().toBuilder().name("Unknown Industries Inc.").industry("N/A Logistics").build())
                .jobTitle("不明点サポート担当").attribute("note", "select customer")
                .build();

        LeadContext c = context(lead, POLICY);

        assertThat(c.getLead().company().name()).isEqualTo("Unknown Industries Inc.");
        assertThat(c.getLead().company().industry()).isEqualTo("N/A Logistics");
        assertThat(c.getLead().jobTitle()).isEqualTo("不明点サポート担当");
        assertThat(c.getLead().attributes()).containsEntry("note", "select customer");
        assertThat(c.getCompanyKey()).isNotNull();
    }

    @Test
    void everyStandardTextFieldIsBlankedButTheIdIsNot() {
        Lead lead = Lead.builder("unknown")
                .contactName("不明").email("n/a").phone("-").jobTitle("なし").source("select")
                .company(Company.builder().name("N/A").domain("unknown").industry("--").country("不明").build())
                .build();

        Lead seen = context(lead, POLICY).getLead();

        assertThat(seen.id()).isEqualTo("unknown");
        assertThat(seen.contactName()).isNull();
        assertThat(seen.email()).isNull();
        assertThat(seen.phone()).isNull();
        assertThat(seen.jobTitle()).isNull();
        assertThat(seen.source()).isNull();
        assertThat(seen.company().name()).isNull();
        assertThat(seen.company().domain()).isNull();
        assertThat(seen.company().industry()).isNull();
        assertThat(seen.company().country()).isNull();
    }

    @Test
    void aLeadWithoutPlaceholdersIsTheSameLead() {
        Lead lead = Fixtures.manufacturerDemo("lead-1");

        assertThat(context(lead, POLICY).getLead()).isSameAs(lead);
    }

    @Test
    void withAnEmptyListACountryUnknownIsAnUnknownCountryAgain() {
        LeadPolicy off = POLICY.toBuilder().missingValues(List.of()).build();

        Qualification q = Fixtures.builder().policy(off).build().qualify(withCountry("unknown"));

        assertThat(q.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(q.fieldErrors()).extracting(e -> e.field() + ":" + e.code())
                .containsExactly("company.country:UNKNOWN_COUNTRY");
    }

    @Test
    void thePolicyFileAddsAndRemovesPlaceholders() {
        LeadPolicy p = LeadPolicy.load(new StringReader("""
                missingValues:
                  add: [TBD, 未定]
                  remove: ["-", unknown]
                """), "policy.yaml");

        assertThat(p.isMissingValue("tbd")).isTrue();
        assertThat(p.isMissingValue("未定")).isTrue();
        assertThat(p.isMissingValue("-")).isFalse();
        assertThat(p.isMissingValue("Unknown")).isFalse();
        assertThat(p.isMissingValue("n/a")).isTrue();
        assertThat(Fixtures.builder().policy(p).build().qualify(withCountry("unknown")).outcome())
                .isEqualTo(Outcome.INVALID);
    }

    @Test
    void thePolicyFileReplacesTheListWithAList() {
        LeadPolicy p = LeadPolicy.load(new StringReader("missingValues: [不明]\n"), "policy.yaml");

        assertThat(p.missingValues()).containsExactly("不明");
        assertThat(p.isMissingValue("n/a")).isFalse();
    }

    @Test
    void aBlankOrTooLongPlaceholderIsAPolicyErrorWithItsLine() {
        assertThatThrownBy(() -> LeadPolicy.load(new StringReader("missingValues:\n  add: [\"  \"]\n"), "policy.yaml"))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("missingValues.add")
                .hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> LeadPolicy.load(new StringReader("missingValues: [" + "x".repeat(101) + "]\n"),
                "policy.yaml"))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("at most 100 characters");
        assertThatThrownBy(() -> LeadPolicy.defaults().toBuilder().missingValues(List.of(" ")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missingValues");
    }

    @Test
    void theListIsPartOfTheFingerprintWhenItDiffersFromTheDefault() {
        LeadPolicy defaults = LeadPolicy.defaults();
        List<String> reversed = new ArrayList<>(defaults.missingValues());
        Collections.reverse(reversed);
        LeadPolicy reordered = defaults.toBuilder().missingValues(reversed).build();
        LeadPolicy added = defaults.toBuilder()
                .missingValues(Stream.concat(defaults.missingValues().stream(), Stream.of("tbd")).toList()).build();

        assertThat(reordered.canonicalText()).isEqualTo(defaults.canonicalText());
        assertThat(added.canonicalText()).isNotEqualTo(defaults.canonicalText()).contains("missingValues=");
        assertThat(defaults.canonicalText()).doesNotContain("missingValues=");
    }

    static Stream<Arguments> leadsWithAndWithoutProblems() {
        Lead demo = Fixtures.manufacturerDemo("lead-1");
        return Stream.of(
                Arguments.of("a placeholder country", withCountry("unknown"), List.of()),
                Arguments.of("a placeholder of this policy in a number attribute",
                        demo.toBuilder().attribute("time_on_site", "未定").build(), List.of()),
                Arguments.of("a placeholder e-mail address", demo.toBuilder().email("n/a").build(), List.of()),
                Arguments.of("a number attribute that is no number",
                        demo.toBuilder().attribute("time_on_site", "15分").build(),
                        List.of(new FieldError("attributes.time_on_site", FieldError.NOT_A_NUMBER))),
                Arguments.of("a country that is none", withCountry("Atlantis"),
                        List.of(new FieldError("company.country", FieldError.UNKNOWN_COUNTRY))),
                Arguments.of("a malformed e-mail address beside a placeholder country",
                        withCountry("不明").toBuilder().email("sato.kenji@").build(),
                        List.of(new FieldError("email", FieldError.MALFORMED))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leadsWithAndWithoutProblems")
    void fieldErrorValidateWithThePolicyFindsExactlyWhatTheQualifierFinds(String what, Lead lead, List<FieldError> expected) {
        LeadPolicy p = POLICY.toBuilder()
                .missingValues(Stream.concat(POLICY.missingValues().stream(), Stream.of("未定")).toList()).build();
        Qualification q = Fixtures.builder().policy(p).build().qualify(lead);

        assertThat(FieldError.validate(lead, p, Fixtures.NOW)).isEqualTo(expected).isEqualTo(q.fieldErrors());
        assertThat(q.outcome() == Outcome.INVALID).isEqualTo(!expected.isEmpty());
    }

    @Test
    void withoutThePolicyFieldErrorValidateDoesNotBlankPlaceholders() {
        assertThat(FieldError.validate(withCountry("unknown"), POLICY.fields(), Fixtures.NOW))
                .containsExactly(new FieldError("company.country", FieldError.UNKNOWN_COUNTRY));
        assertThat(FieldError.validate(withCountry("unknown"), POLICY, Fixtures.NOW)).isEmpty();
    }
}

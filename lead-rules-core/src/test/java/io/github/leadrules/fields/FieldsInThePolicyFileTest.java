package io.github.leadrules.fields;

import io.github.leadrules.model.FieldType;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.PolicyFileException;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy file's {@code fields:} section: short and long forms, and mistakes with line and column. */
class FieldsInThePolicyFileTest {

    private static LeadPolicy load(String yaml) {
        return LeadPolicy.load(new StringReader(yaml), "policy.yaml");
    }

    private static List<String> problems(String yaml) {
        try {
            load(yaml);
        } catch (PolicyFileException e) {
            return e.problems().stream().map(p -> p.line() + ":" + p.column() + " " + p.key() + ": " + p.message()).toList();
        }
        throw new AssertionError("the policy loaded, but it should not have");
    }

    @Test
    void theExampleDeclaresEveryType() {
        LeadPolicy policy = LeadPolicy.load(Path.of("../examples/policy/lead-policy.yaml"));

        assertThat(policy.fields()).containsEntry("time_on_site", FieldType.integer())
                .containsEntry("converted", FieldType.flag())
                .containsEntry("first_visit", FieldType.date("dd-MM-yyyy", "yyyy-MM-dd"))
                .containsEntry("origin", FieldType.choice("demo", "reference", "seminar", "other"));
        assertThat(policy.fields().keySet()).containsExactly("time_on_site", "pages_per_visit", "converted",
                "first_visit", "origin", "landing_page");
    }

    @Test
    void shortAndLongFormsMeanTheSame() {
        LeadPolicy policy = load("""
                fields:
                  visits: {type: Integer}
                  signed_up: date
                  closed_on: {type: date, format: "dd/MM/yyyy"}
                """);

        assertThat(policy.fields()).containsEntry("visits", FieldType.integer())
                .containsEntry("signed_up", FieldType.date("yyyy-MM-dd"))
                .containsEntry("closed_on", FieldType.date("dd/MM/yyyy"));
        assertThat(policy).isEqualTo(LeadPolicy.defaults().toBuilder().field("visits", FieldType.integer())
                .field("signed_up", FieldType.date("yyyy-MM-dd")).field("closed_on", FieldType.date("dd/MM/yyyy")).build());
    }

    @Test
    void mistakesNameTheKeyWithLineAndColumn() {
        assertThat(problems("""
                fields:
                  time_on_site: numbr
                  origin: {type: choice}
                  first_visit: {type: date, formats: ["MM-yyyy"]}
                  converted: {type: flag, values: [yes]}
                  plan: {type: choice, values: [basic, Basic]}
                  visits: {kind: integer}
                """)).containsExactly(
                "2:17 fields.time_on_site: unknown field type 'numbr' (expected one of text, number, integer, flag, date, choice) (did you mean number?)",
                "3:11 fields.origin: a choice field needs at least one value",
                "4:38 fields.first_visit: a date format needs a year (yyyy), a month (MM) and a day (dd)",
                "5:35 fields.converted: only a choice field has values",
                "6:32 fields.plan: duplicate choice (values are matched ignoring case)",
                "7:12 fields.visits.kind: unknown key (expected type, formats, values)");
    }

    @Test
    void aFieldWithoutATypeSaysSo() {
        assertThat(problems("fields:\n  origin: {values: [demo]}\n")).containsExactly(
                "2:11 fields.origin.type: missing (one of text, number, integer, flag, date, choice)");
    }

    @Test
    void aFieldsSectionMustBeAMapping() {
        assertThat(problems("fields: [time_on_site]\n")).singleElement().asString()
                .startsWith("1:9 fields: expected a mapping");
    }
}

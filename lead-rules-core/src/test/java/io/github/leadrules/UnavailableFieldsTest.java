package io.github.leadrules;

import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A packaged rule does not decide on the absence of a field the leads' source cannot provide at all
 * (an export without contact columns), and still does when the field could be there and is blank.
 */
class UnavailableFieldsTest {

    /** A サンプル工業 lead as an export with neither e-mail nor phone column gives it. */
    private static Lead withoutContact() {
        Lead demo = Fixtures.manufacturerDemo("JP-U01");
        return demo.toBuilder().email(null).phone(null).build();
    }

    private static List<String> exclusions(LeadQualifier qualifier, Lead lead) {
        Qualification q = qualifier.qualify(lead);
        return q.exclusions().stream().map(Reason::ruleId).toList();
    }

    @Test
    void byDefaultALeadWithNeitherEmailNorPhoneIsExcluded() {
        assertThat(exclusions(Fixtures.qualifier(), withoutContact())).containsExactly("EXC-NO-CONTACT");
    }

    @Test
    void whenTheSourceHasNoContactFieldsNoContactIsNotAReasonToExclude() {
        LeadQualifier q = Fixtures.builder().unavailableFields(List.of("email", "phone")).build();

        assertThat(exclusions(q, withoutContact())).isEmpty();
        assertThat(q.qualify(withoutContact()).outcome().name()).isEqualTo("QUALIFIED");
    }

    @Test
    void whenTheSourceHasAnEmailFieldABlankEmailStillExcludes() {
        // No phone column, but an e-mail column left blank: the lead truly has no way to reach it.
        LeadQualifier q = Fixtures.builder().unavailableFields(List.of("phone")).build();

        assertThat(exclusions(q, withoutContact())).containsExactly("EXC-NO-CONTACT");
    }

    @Test
    void aFreeMailLeadIsNotExcludedForAMissingCompanyWhenTheSourceHasNoCompanyName() {
        LeadQualifier without = Fixtures.builder().unavailableFields(List.of("company.name")).build();

        assertThat(exclusions(Fixtures.qualifier(), Fixtures.freeMailNoCompany("JP-U02")))
                .contains("EXC-FREEMAIL-NO-COMPANY");
        assertThat(exclusions(without, Fixtures.freeMailNoCompany("JP-U02")))
                .doesNotContain("EXC-FREEMAIL-NO-COMPANY");
    }

    @Test
    void theOptionDescribesTheInputNotThePolicySoTheFingerprintStays() {
        LeadQualifier q = Fixtures.builder().unavailableFields(List.of("email", "phone")).build();

        assertThat(q.fingerprint()).isEqualTo(Fixtures.qualifier().fingerprint());
    }

    @Test
    void aNameThatIsNoStandardFieldIsRefused() {
        assertThatThrownBy(() -> LeadQualifier.builder().unavailableFields(List.of("e-mail")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a standard field: e-mail");
    }
}

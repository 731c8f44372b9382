package io.github.leadrules.boundary;

import io.github.leadrules.Fixtures;
import io.github.leadrules.Qualifier;
import io.github.leadrules.ReloadableLeadQualifier;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.Segment;
import io.github.leadrules.rules.LeadContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What hosts get through public API instead of internal classes: the field check and its codes,
 * the facts a rule sees for a lead, one {@link Qualifier} type, and a readable decision.
 */
class PublicSeamsTest {

    @Test
    void validateFindsTheFieldErrorsTheQualifierReportsWithTheSameCodes() {
        Lead lead = Fixtures.manufacturerDemo("JP-S01").toBuilder().email("taro.yamada@")
                .submittedAt(Fixtures.NOW.plusSeconds(3 * 86_400)).build();

        List<FieldError> errors = FieldError.validate(lead, Fixtures.NOW);

        assertThat(errors).containsExactly(new FieldError("email", FieldError.MALFORMED),
                new FieldError("submittedAt", FieldError.IN_FUTURE));
        assertThat(errors).isEqualTo(Fixtures.qualifier().qualify(lead).fieldErrors());
        assertThat(FieldError.validate(Fixtures.manufacturerDemo("JP-S02"), Fixtures.NOW)).isEmpty();
        assertThat(FieldError.validate(null, Fixtures.NOW)).containsExactly(new FieldError("lead", FieldError.REQUIRED));
    }

    @Test
    void theFieldCodesKeepTheirStrings() {
        assertThat(List.of(FieldError.REQUIRED, FieldError.TOO_LONG, FieldError.MALFORMED, FieldError.NEGATIVE,
                FieldError.CONTROL_CHARACTERS, FieldError.UNKNOWN_COUNTRY, FieldError.IN_FUTURE, FieldError.TOO_EARLY,
                FieldError.TOO_MANY)).containsExactly("REQUIRED", "TOO_LONG", "MALFORMED", "NEGATIVE",
                "CONTROL_CHARACTERS", "UNKNOWN_COUNTRY", "IN_FUTURE", "TOO_EARLY", "TOO_MANY");
    }

    @Test
    void leadContextOfShowsTheNormalisedFactsAndTheMatchedAccount() {
        Lead customer = Fixtures.existingCustomer("JP-S03");

        LeadContext c = LeadContext.of(customer, Fixtures.POLICY, Fixtures.ACCOUNTS, Fixtures.NOW);

        assertThat(c.getLeadId()).isEqualTo("JP-S03");
        assertThat(c.getEmailDomain()).isEqualTo("mirai-tech.co.jp");
        assertThat(c.getCountryCode()).isEqualTo("JP");
        assertThat(c.isCustomerAccount()).isTrue();
        assertThat(c.getAccount().id()).isEqualTo("A-1001");
        assertThat(c.getNow()).isEqualTo(Fixtures.NOW);
        assertThat(LeadContext.of(Fixtures.manufacturerDemo("JP-S04"), Fixtures.POLICY, Fixtures.ACCOUNTS, Fixtures.NOW)
                .getSegment()).isEqualTo(Segment.ENTERPRISE);
    }

    @Test
    void leadContextOfRefusesAnInvalidLeadNamingFieldsAndCodesButNoValue() {
        Lead bad = Fixtures.manufacturerDemo("JP-S05").toBuilder().email("taro.yamada@").build();

        assertThatThrownBy(() -> LeadContext.of(bad, Fixtures.POLICY, Fixtures.ACCOUNTS, Fixtures.NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email:MALFORMED")
                .hasMessageNotContaining("taro");
    }

    @Test
    void leadContextHasNoPublicConstructor() {
        assertThat(Arrays.stream(LeadContext.class.getDeclaredConstructors())
                .filter(k -> Modifier.isPublic(k.getModifiers()))).isEmpty();
    }

    @Test
    void bothQualifiersAreQualifiersAndAnswerAlike() {
        Lead lead = Fixtures.manufacturerDemo("JP-S06");
        try (ReloadableLeadQualifier reloadable = ReloadableLeadQualifier.create(Fixtures::qualifier)) {
            for (Qualifier q : List.<Qualifier>of(Fixtures.qualifier(), reloadable)) {
                assertThat(q.qualify(lead)).isEqualTo(Fixtures.qualifier().qualify(lead));
                assertThat(q.rules()).isEqualTo(Fixtures.qualifier().rules());
                assertThat(q.fingerprint()).isEqualTo(Fixtures.qualifier().fingerprint());
                assertThat(q.trace(List.of(lead)).get(0).fired("RTE-FIELD-SALES")).isTrue();
            }
        }
    }

    @Test
    void explainPrintsOutcomeUrgencyRouteAndOneReasonALine() {
        Qualification q = Fixtures.qualifier().qualify(Fixtures.manufacturerDemo("JP-S07"));

        List<String> lines = q.explain().lines().toList();

        assertThat(lines.get(0)).isEqualTo("outcome  QUALIFIED");
        assertThat(lines.get(1)).isEqualTo("urgency  " + q.urgency().level() + ", horizon WITHIN_1_MONTH (score "
                + q.urgency().score() + ")");
        assertThat(lines.get(2)).startsWith("route    FIELD_SALES, team ").contains(", SLA deadline "
                + q.route().slaDeadline());
        assertThat(lines.get(3)).isEqualTo("reasons");
        assertThat(lines.subList(4, lines.size())).hasSize(q.reasons().size());
        for (int i = 0; i < q.reasons().size(); i++) {
            assertThat(lines.get(4 + i)).startsWith("  " + q.reasons().get(i).ruleId() + " ")
                    .endsWith(" " + q.reasons().get(i).message());
        }
        assertThat(q.explain()).endsWith("\n").doesNotContain("taro").doesNotContain("山田");
    }

    @Test
    void explainShowsAnInvalidLeadsFieldReasonsAndNoRoute() {
        Qualification q = Fixtures.qualifier().qualify(Lead.builder("JP-S08").email("taro.yamada@").build());

        assertThat(q.explain()).startsWith("outcome  INVALID\nurgency  UNKNOWN, horizon UNKNOWN (score 0)\nroute    NONE\nreasons\n")
                .contains("  VAL-MALFORMED ").contains("Field email is invalid: MALFORMED");
    }

}

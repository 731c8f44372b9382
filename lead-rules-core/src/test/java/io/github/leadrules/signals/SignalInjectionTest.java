package io.github.leadrules.signals;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.PackagedRules;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Stage;
import io.github.leadrules.policy.Condition;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Signal;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No policy value can change the generated DRL's meaning: quotes, backslashes, line breaks,
 * {@code end}, {@code $}, Java and DRL keywords, Unicode escapes and non-Latin text in names,
 * reasons, values and field names all come back as the same text, in one rule each.
 */
class SignalInjectionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);

    static final String NAME = "Say \"hi\" \\ end rule \"x\" when then $lead.exclude(\"pwned\"); end";
    static final String REASON = "Line one\nend\nrule \"evil\" when then $lead.exclude(\"x\"); insert(new Object());"
            + " drools.halt(); update($lead); \\u0022 \\\" \t 紹介経由 🚀 ${x} @{x} */ //";
    static final String SOURCE = "Ref\"er\\ence end $lead \\u0022 \" + System.exit(1) + \" 紹介";
    static final String KEYWORD = "\"); System.exit(1); (\"";
    static final String FIELD = "how \"did\" you\\hear $end";

    static LeadPolicy policy() {
        return LeadPolicy.defaults().toBuilder()
                .field(FIELD, FieldType.text())
                .signal(Signal.urgency("ACME-QUOTED").name(NAME).when(Condition.equalTo("source", SOURCE)).points(30)
                        .reason(REASON).build())
                .signal(Signal.urgency("ACME-KEYWORD").when(Condition.containsAny(FIELD, KEYWORD, "end\"")).points(7)
                        .reason("Keyword \"quoted\"").build())
                .signal(Signal.exclusion("ACME-NEVER").when(Condition.in("source", "\") || true || (\"", "x\" || \"\" == \""))
                        .reason("Never \" fires").build())
                .build();
    }

    static Lead lead(String id, String source, String heard) {
        Lead.Builder b = Lead.builder(id).email("j.smith@harbor-robotics.com").jobTitle("Engineer").source(source)
                .company(Company.builder().name("Harbor Robotics Inc.").employeeCount(50).country("US").build());
        if (heard != null) {
            b.attribute(FIELD, heard);
        }
        return b.build();
    }

    @Test
    void valuesFullOfDrlAndJavaSyntaxComeBackAsTheSameTextPastTheJitThreshold() {
        LeadQualifier qualifier = LeadQualifier.builder().policy(policy()).clock(CLOCK).build();
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            leads.add(lead("L-M" + i, SOURCE.toUpperCase(java.util.Locale.ROOT), "they said " + KEYWORD.toUpperCase(java.util.Locale.ROOT)));
            leads.add(lead("L-N" + i, "Reference", "a colleague"));
        }

        List<Qualification> results = qualifier.qualifyAll(leads);

        for (int i = 0; i < results.size(); i += 2) {
            Qualification match = results.get(i);
            Qualification miss = results.get(i + 1);
            assertThat(match.outcome()).isEqualTo(Outcome.QUALIFIED);
            assertThat(match.urgency().score()).isEqualTo(37);
            assertThat(match.reasons()).contains(new Reason("ACME-QUOTED", Stage.URGENCY, REASON),
                    new Reason("ACME-KEYWORD", Stage.URGENCY, "Keyword \"quoted\""));
            assertThat(miss.outcome()).isEqualTo(Outcome.QUALIFIED);
            assertThat(miss.urgency().score()).isZero();
            assertThat(miss.reasonIds()).noneMatch(id -> id.startsWith("ACME-"));
        }
    }

    @Test
    void eachSignalIsOneRuleWithItsNameAsWritten() {
        List<RuleDescription> rules = LeadQualifier.builder().policy(policy()).clock(CLOCK).build().rules();

        assertThat(rules).hasSize(PackagedRules.byStage(Stage.EXCLUSION).size() + PackagedRules.byStage(Stage.URGENCY).size()
                + PackagedRules.byStage(Stage.ROUTING).size() + 3);
        assertThat(rules).filteredOn(r -> r.id().equals("ACME-QUOTED")).singleElement()
                .extracting(RuleDescription::name).isEqualTo(NAME);
    }

    @Test
    void controlCharactersThatNoEscapeMakesHarmlessAreRefusedBeforeAnyDrlIsWritten() {
        assertThatThrownBy(() -> Signal.urgency("ACME-BELL").when(Condition.equalTo("source", "Web")).points(1)
                .reason("ring\u0007").build()).hasMessageStartingWith("reason: must not contain control or format characters");
        assertThatThrownBy(() -> Signal.urgency("ACME-TWO-LINES").name("one\nrule").when(Condition.equalTo("source", "Web"))
                .points(1).build()).hasMessageStartingWith("name: ");
        assertThatThrownBy(() -> LeadPolicy.defaults().toBuilder().signal(Signal.urgency("ACME-RTL")
                .when(Condition.equalTo("source", "Web\u202E")).points(1).build()).build())
                .hasMessageContaining("a value must not contain control or format characters");
    }
}

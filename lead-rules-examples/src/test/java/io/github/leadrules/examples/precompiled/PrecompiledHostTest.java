package io.github.leadrules.examples.precompiled;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The example host's rules, precompiled by this module's build, decide as their DRL says. */
class PrecompiledHostTest {

    private static final Clock CLOCK = Clock.fixed(PrecompiledHost.NOW, ZoneOffset.UTC);

    @Test
    void theBuildShipsTheHostRulesModelBesideTheirDrl() {
        ClassLoader loader = PrecompiledHost.class.getClassLoader();

        assertThat(loader.getResource(PrecompiledHost.MODEL)).isNotNull();
        assertThat(loader.getResource(PrecompiledHost.RULES)).isNotNull();
    }

    @Test
    void aLiveWebinarAttendeeGetsTheHostRulesUrgency() {
        Qualification q = PrecompiledHost.qualifier(CLOCK).qualify(PrecompiledHost.webinarAttendee());

        assertThat(q.reasonIds()).contains("PC-URG-WEBINAR");
        assertThat(q.reasons()).anySatisfy(r -> assertThat(r.message()).isEqualTo("Attended the live webinar"));
    }

    @Test
    void thePrecompiledRulesDecideAsTheSameDrlCompiledAtStartUp() {
        LeadQualifier precompiled = PrecompiledHost.qualifier(CLOCK);
        LeadQualifier fromDrl = LeadQualifier.builder().addRules(PrecompiledHost.RULES).clock(CLOCK).build();

        assertThat(precompiled.qualify(PrecompiledHost.webinarAttendee()))
                .isEqualTo(fromDrl.qualify(PrecompiledHost.webinarAttendee()));
        assertThat(precompiled.rules()).isEqualTo(fromDrl.rules());
        assertThat(precompiled.fingerprint()).isEqualTo(fromDrl.fingerprint());
    }

    @Test
    void aDrlFileTheModelWasNotBuiltFromIsAStaleBuildError() {
        assertThatThrownBy(() -> LeadQualifier.builder()
                .addPrecompiledRules(PrecompiledHost.MODEL, PrecompiledHost.RULES,
                        "io/github/leadrules/examples/precompiled/not-in-the-model.drl")
                .build())
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("Raise urgency for partner referrals")
                .hasMessageContaining("is not in the precompiled model " + PrecompiledHost.MODEL);
    }

    @Test
    void aModelListThatIsNotOnTheClassPathIsABuildError() {
        assertThatThrownBy(() -> LeadQualifier.builder()
                .addPrecompiledRules("META-INF/kie/com.example/missing/drools-model", PrecompiledHost.RULES)
                .build())
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("META-INF/kie/com.example/missing/drools-model")
                .hasMessageContaining("no such resource on the classpath");
    }
}

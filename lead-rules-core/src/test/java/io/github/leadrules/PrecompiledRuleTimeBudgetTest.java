package io.github.leadrules;

import io.github.leadrules.internal.RuleWatchdog;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Stage;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule time budget names the stuck rule on the precompiled path as it does on the DRL path
 * ({@link RuleTimeBudgetTest}): a host's own rules precompiled into Drools' executable model
 * ({@code addPrecompiledRules}), whose conditions run in generated lambda classes
 * ({@code com.example.looping.P3A.LambdaPredicate…}) that name no rule themselves. The model is
 * generated here in memory, as kie-maven-plugin generates it into a host's jar.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PrecompiledRuleTimeBudgetTest {

    private static final Duration BUDGET = Duration.ofMillis(800);
    private static final String DRL = "com/example/looping/precompiled-looping.drl";
    private static final ReleaseId MODULE = KieServices.get().newReleaseId("com.example", "looping-rules", "1.0.0");
    private static final String MODEL = "META-INF/kie/com.example/looping-rules/drools-model";

    private static LeadQualifier looping;

    @BeforeAll
    static void build() throws IOException {
        KieServices kie = KieServices.get();
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(MODULE);
        files.write("src/main/resources/" + DRL, read(DRL));
        KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        // the generated classes and the model list, as a host's jar holds them
        ClassLoader hostJar = kie.newKieContainer(MODULE).getClassLoader();

        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(hostJar);
        try {
            looping = Fixtures.builder().policy(Fixtures.POLICY.toBuilder().ruleTimeBudget(BUDGET).build())
                    .addPrecompiledRules(MODEL, DRL).build();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @BeforeEach
    void armTheLoops() {
        HostLoops.arm();
    }

    @AfterEach
    void releaseTheLoops() {
        HostLoops.release();
        assertThat(RuleWatchdog.shared().stuck()).as("stuck sessions left behind").isZero();
    }

    @Test
    void aPrecompiledRuleWhoseConditionCallsALoopingMethodYieldsErrorNamingTheRule() {
        Qualification q = looping.qualify(looping("JP-P01", "loop-condition"));

        assertError(q, "JP-P01", "URG-HOST-WAIT-CONDITION", Stage.EXCLUSION);
        // Conditions of every stage are evaluated as the exclusion stage starts. From DRL, MVEL names
        // no rule here (RuleTimeBudgetTest: ENGINE, "stuck in HostLoops.spin"); the model's lambda does.
        assertThat(q.reasons().get(0).message()).isEqualTo("A condition of rule 'Ask a helper that never returns'"
                + " (URG-HOST-WAIT-CONDITION) did not finish within the rule time budget of 800ms during the exclusion"
                + " stage; stopped");
    }

    @Test
    void aPrecompiledRuleWhoseEvalLoopsYieldsErrorNamingTheRuleEvenWithAJapaneseName() {
        Qualification q = looping.qualify(looping("JP-P02", "loop-eval"));

        assertError(q, "JP-P02", "RTE-HOST-WAIT-EVAL", Stage.ROUTING);
        assertThat(q.reasons().get(0).message()).isEqualTo("A condition of rule 'CRM 照会 (eval) を待つ: #1'"
                + " (RTE-HOST-WAIT-EVAL) did not finish within the rule time budget of 800ms during the routing stage;"
                + " stopped");
    }

    @Test
    void aPrecompiledRuleThatLoopsInItsActionYieldsErrorNamingTheRule() {
        Qualification q = looping.qualify(looping("JP-P03", "loop-action"));

        assertError(q, "JP-P03", "EXC-HOST-WAIT-ACTION", Stage.EXCLUSION);
        assertThat(q.reasons().get(0).message())
                .isEqualTo("Rule 'Wait in the action until the CRM answers' (EXC-HOST-WAIT-ACTION) did not finish its"
                        + " action within the rule time budget of 800ms in the exclusion stage; stopped");
    }

    @Test
    void noMessageNamesAGeneratedClass() {
        Qualification q = looping.qualify(looping("JP-P04", "loop-condition"));

        assertThat(q.reasons().get(0).message()).doesNotContain("Lambda").doesNotContain("com.example.looping.P");
    }

    private static Lead looping(String id, String qa) {
        return Fixtures.documentRequestAlone(id).toBuilder().attribute("qa", qa).build();
    }

    private static void assertError(Qualification q, String leadId, String ruleId, Stage stage) {
        assertThat(q.leadId()).isEqualTo(leadId);
        assertThat(q.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(q.reasons()).hasSize(1);
        assertThat(q.reasons().get(0).ruleId()).isEqualTo(ruleId);
        assertThat(q.reasons().get(0).stage()).isEqualTo(stage);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PrecompiledRuleTimeBudgetTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

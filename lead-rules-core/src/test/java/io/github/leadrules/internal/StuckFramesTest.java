package io.github.leadrules.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a stuck thread's stack is read (the real stacks are exercised in {@code RuleTimeBudgetTest})
 * and how a budget is written in a reason.
 */
class StuckFramesTest {

    @Test
    void aRuleNameIsWrittenIntoAClassNameTheWayTheDrlCompilerDoesIt() {
        assertThat(StuckFrames.legalName("Wait in the action")).isEqualTo("Wait_in_the_action");
        assertThat(StuckFrames.legalName("CRM 照会 (eval) を待つ: #1"))
                .isEqualTo("CRM_照会_$u40$eval$u41$_を待つ$u58$_$u35$1");
        assertThat(StuckFrames.legalName("price $ check")).isEqualTo("price__dollar__check");
    }

    @Test
    void aStackWithoutEngineFramesNamesNothing() {
        StackTraceElement[] stack = {
                new StackTraceElement("com.example.Host", "spin", "Host.java", 10),
                new StackTraceElement("java.lang.Thread", "run", "Thread.java", 840)};

        assertThat(StuckFrames.entry(stack, null)).isEqualTo(StuckFrames.Entry.UNKNOWN);
    }

    @Test
    void theFirstFrameTheEngineCalledPastReflectionIsNamed() {
        StackTraceElement[] stack = {
                new StackTraceElement("com.example.Crm", "poll", "Crm.java", 3),
                new StackTraceElement("com.example.Host", "lookUp", "Host.java", 10),
                new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 569),
                new StackTraceElement("org.mvel2.MVEL", "executeExpression", "MVEL.java", 946),
                new StackTraceElement("org.drools.core.reteoo.AlphaNode", "assertObject", "AlphaNode.java", 124),
                new StackTraceElement("io.github.leadrules.internal.Pipeline", "fire", "Pipeline.java", 246),
                new StackTraceElement("java.lang.Thread", "run", "Thread.java", 840)};

        assertThat(StuckFrames.entry(stack, null).method()).isEqualTo("com.example.Host.lookUp");
    }

    @Test
    void aBudgetIsWrittenAsThePolicyFileWritesIt() {
        assertThat(Pipeline.budgetText(Duration.ofMillis(200))).isEqualTo("200ms");
        assertThat(Pipeline.budgetText(Duration.ofMillis(1_500))).isEqualTo("1500ms");
        assertThat(Pipeline.budgetText(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(Pipeline.budgetText(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Pipeline.budgetText(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Pipeline.budgetText(Duration.ofHours(1))).isEqualTo("1h");
    }
}

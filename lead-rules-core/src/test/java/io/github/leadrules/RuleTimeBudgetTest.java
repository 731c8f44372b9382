package io.github.leadrules;

import io.github.leadrules.internal.RuleWatchdog;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise 4, in time: a host rule that loops inside its action or its condition yields ERROR for
 * the lead it matched, naming the rule where that can be known, and every other lead of the batch
 * gets exactly the decision it gets without the looping lead; the call returns. The budget is 800 ms (wide enough that a loaded machine never stops a lead that is merely slow)
 * here; the loops ({@link HostLoops}) ignore interrupts and halt like {@code while (true) {}}, and are
 * let go after each test. The timeout is a hang guard, not a speed assertion.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RuleTimeBudgetTest {

    private static final Duration BUDGET = Duration.ofMillis(800);

    private static final String LOOPING_RULES = """
            package com.example.looping;

            import io.github.leadrules.rules.LeadContext;
            import io.github.leadrules.HostLoops;

            function boolean waitForTheCrm(LeadContext lead) {
                return HostLoops.spin(lead);
            }

            // Polls the CRM until it answers (a host bug: it never does).
            rule "Wait in the action until the CRM answers"
                @id("EXC-HOST-WAIT-ACTION")
                ruleflow-group "exclusion"
            when
                $lead : LeadContext( attribute("qa") == "loop-action" )
            then
                while (!HostLoops.released()) { }
            end

            // Asks a host helper that never returns.
            rule "Ask a helper that never returns"
                @id("URG-HOST-WAIT-CONDITION")
                ruleflow-group "urgency"
            when
                $lead : LeadContext( attribute("qa") == "loop-condition", HostLoops.spin(this) )
            then
                $lead.addUrgency(1, "never reached");
            end

            // 条件の eval が返らない (a Japanese rule name, with punctuation).
            rule "CRM 照会 (eval) を待つ: #1"
                @id("RTE-HOST-WAIT-EVAL")
                ruleflow-group "routing"
            when
                $lead : LeadContext( attribute("qa") == "loop-eval" )
                eval( waitForTheCrm($lead) )
            then
            end
            """;

    private static LeadQualifier looping;
    private static List<Lead> goodLeads;

    @BeforeAll
    static void build() {
        looping = Fixtures.builder().policy(Fixtures.POLICY.toBuilder().ruleTimeBudget(BUDGET).build())
                .addRulesText("host/looping.drl", LOOPING_RULES).build();
        goodLeads = new ArrayList<>(List.of(
                Fixtures.manufacturerDemo("JP-G01"), Fixtures.documentRequestAlone("JP-G02"),
                Fixtures.documentRequestWithCaseStudy("EN-G03"), Fixtures.existingCustomer("JP-G04"),
                Fixtures.freeMailNoCompany("JP-G05"), Fixtures.student("JP-G06"), Fixtures.whitePaper("JP-G07"),
                Fixtures.competitor("JP-G08")));
        goodLeads.addAll(Fixtures.crowd(40, 11L));
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
    void aRuleThatLoopsInItsActionYieldsErrorNamingTheRule() {
        Qualification q = looping.qualify(looping("JP-L01", "loop-action"));

        assertError(q, "JP-L01", "EXC-HOST-WAIT-ACTION", Stage.EXCLUSION);
        assertThat(q.reasons().get(0).message())
                .isEqualTo("Rule 'Wait in the action until the CRM answers' (EXC-HOST-WAIT-ACTION) did not finish its"
                        + " action within the rule time budget of 800ms in the exclusion stage; stopped");
    }

    @Test
    void aRuleWhoseConditionCallsALoopingMethodYieldsErrorNamingTheMethod() {
        Qualification q = looping.qualify(looping("JP-L02", "loop-condition"));

        assertError(q, "JP-L02", "ENGINE", Stage.EXCLUSION);
        // Conditions of every stage are evaluated as the exclusion stage starts; MVEL names no rule.
        assertThat(q.reasons().get(0).message()).isEqualTo("A rule condition did not finish within the rule time"
                + " budget of 800ms during the exclusion stage (stuck in io.github.leadrules.HostLoops.spin); stopped");
    }

    @Test
    void aRuleWhoseEvalLoopsYieldsErrorNamingTheRuleEvenWithAJapaneseName() {
        Qualification q = looping.qualify(looping("JP-L03", "loop-eval"));

        assertError(q, "JP-L03", "RTE-HOST-WAIT-EVAL", Stage.ROUTING);
        assertThat(q.reasons().get(0).message()).startsWith("A condition of rule 'CRM 照会 (eval) を待つ: #1' (RTE-HOST-WAIT-EVAL)"
                + " did not finish within the rule time budget of 800ms during the routing stage");
    }

    @Test
    void theOtherLeadsOfTheBatchGetExactlyTheDecisionsTheyGetWithoutTheLoopingLeads() {
        List<Lead> batch = new ArrayList<>(goodLeads);
        batch.add(2, looping("JP-L01", "loop-action"));
        batch.add(17, looping("JP-L02", "loop-condition"));
        batch.add(looping("JP-L03", "loop-eval"));

        List<Qualification> mixed = looping.qualifyAll(batch);

        assertThat(mixed).extracting(Qualification::leadId).containsExactlyElementsOf(batch.stream().map(Lead::id).toList());
        assertThat(mixed).filteredOn(q -> q.leadId().startsWith("JP-L")).extracting(q -> q.reasons().get(0).ruleId())
                .containsExactly("EXC-HOST-WAIT-ACTION", "ENGINE", "RTE-HOST-WAIT-EVAL");
        assertThat(mixed).filteredOn(q -> q.leadId().startsWith("JP-L")).extracting(Qualification::outcome)
                .containsOnly(Outcome.ERROR);
        HostLoops.release(); // the good leads alone must not need the loops' help
        HostLoops.arm();
        List<Qualification> goodOnly = looping.qualifyAll(goodLeads);
        assertThat(mixed.stream().filter(q -> !q.leadId().startsWith("JP-L")).toList()).isEqualTo(goodOnly);
        assertThat(goodOnly).extracting(Qualification::outcome).doesNotContain(Outcome.ERROR);
    }

    @Test
    void aLoopingLeadInABatchIsDecidedExactlyAsWhenItIsQualifiedAlone() {
        Lead action = looping("JP-L01", "loop-action");
        Lead condition = looping("JP-L02", "loop-condition");

        List<Qualification> inBatch = looping.qualifyAll(List.of(goodLeads.get(0), action, condition, goodLeads.get(1)));

        assertThat(inBatch.get(1)).isEqualTo(looping.qualify(action));
        assertThat(inBatch.get(2)).isEqualTo(looping.qualify(condition));
    }

    @Test
    void traceReportsTheRulesThatFiredForTheOtherLeads() {
        List<Lead> batch = List.of(goodLeads.get(0), looping("JP-L01", "loop-action"), goodLeads.get(1));

        List<QualificationTrace> traces = looping.trace(batch);

        assertThat(traces.get(1).qualification().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(traces.get(1).firedRuleIds()).isEmpty();
        HostLoops.release();
        HostLoops.arm();
        assertThat(List.of(traces.get(0), traces.get(2)))
                .isEqualTo(looping.trace(List.of(goodLeads.get(0), goodLeads.get(1))));
    }

    @Test
    void aReloadableQualifierServesTheLoopingLeadAsErrorThenDecidesItOnceTheRuleIsDisabled() throws Exception {
        try (ReloadableLeadQualifier reloadable = ReloadableLeadQualifier.create(() -> Fixtures.builder()
                .policy(Fixtures.POLICY.toBuilder().ruleTimeBudget(BUDGET).build()).addRulesText("host/looping.drl", LOOPING_RULES).build())) {
            Lead lead = looping("JP-L01", "loop-action");

            assertThat(reloadable.qualifyAll(List.of(lead, goodLeads.get(0)))).extracting(Qualification::outcome)
                    .containsExactly(Outcome.ERROR, Outcome.QUALIFIED);

            ReloadableLeadQualifier.ReloadResult result = reloadable.reload(() -> Fixtures.builder()
                    .policy(Fixtures.POLICY.toBuilder().ruleTimeBudget(BUDGET).build()).addRulesText("host/looping.drl", LOOPING_RULES)
                    .disableRule("EXC-HOST-WAIT-ACTION").build()).get(30, TimeUnit.SECONDS);

            assertThat(result.succeeded()).isTrue();
            Qualification q = reloadable.qualify(lead);
            assertThat(q.outcome()).isNotEqualTo(Outcome.ERROR);
            assertThat(q.fingerprint()).isEqualTo(result.fingerprint());
        }
    }

    @Test
    void onlyHostRulesAreWatchedThePackagedRulesAloneRunOnTheCallingThread() {
        assertThat(LeadPolicy.defaults().ruleTimeBudget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(looping.watchesRuleTime()).isTrue();
        assertThat(Fixtures.builder().replaceStageText(Stage.ROUTING, "host/routing.drl", """
                package com.example.routing;
                import io.github.leadrules.rules.Assessment;

                // Every lead goes to inside sales.
                rule "Inside sales takes every lead"
                    @id("RTE-HOST-ALL-INSIDE")
                    ruleflow-group "routing"
                when
                    $a : Assessment( )
                then
                    $a.routeToTeam(io.github.leadrules.model.Destination.INSIDE_SALES, "inside-sales", "All leads");
                end
                """).build().watchesRuleTime()).isTrue();
        assertThat(Fixtures.qualifier().watchesRuleTime()).isFalse();
        assertThat(Fixtures.builder().disableRule("EXC-STUDENT").build().watchesRuleTime()).isFalse();
        assertThat(Fixtures.qualifier().qualifyAll(goodLeads)).extracting(Qualification::outcome)
                .doesNotContain(Outcome.ERROR);
    }

    // ------------------------------------------------------------------ helpers

    /** A valid lead that only the looping rule with this attribute value matches. */
    private static Lead looping(String id, String qa) {
        return Fixtures.documentRequestAlone(id).toBuilder().attribute("qa", qa).build();
    }

    private static void assertError(Qualification q, String leadId, String ruleId, Stage stage) {
        assertThat(q.leadId()).isEqualTo(leadId);
        assertThat(q.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(q.urgency()).isEqualTo(Urgency.UNKNOWN);
        assertThat(q.route()).isEqualTo(Route.NONE);
        assertThat(q.exclusions()).isEmpty();
        assertThat(q.reasons()).hasSize(1);
        Reason reason = q.reasons().get(0);
        assertThat(reason.ruleId()).isEqualTo(ruleId);
        assertThat(reason.stage()).isEqualTo(stage);
        assertThat(q.fingerprint()).isEqualTo(looping.fingerprint());
        Fixtures.assertNoPersonalData(Fixtures.documentRequestAlone(leadId), q);
    }
}

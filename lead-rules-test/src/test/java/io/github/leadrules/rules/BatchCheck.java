package io.github.leadrules.rules;

import io.github.leadrules.PackagedRules;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Stage;
import io.github.leadrules.test.RuleVerifier;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch check every DRL file gets: each rule of a stage must fire for exactly the leads the
 * table says, whether the leads share one rule session or each has its own, and still after
 * Drools has JIT-compiled the rule's constraints. Drools 10.2 compiles a constraint in the
 * background once it has been evaluated 20 times; a defect in that compiled code (seen with
 * {@code str[startsWith]}) only shows after it, so every rule runs over the whole table, in both
 * modes, twice: hundreds of evaluations of every condition on each rule base. (Measured once by
 * reflection into the rule bases: after the three batch checks, all 56 alpha constraints of both
 * rule bases were JIT-compiled, and the second round's assertions ran on the compiled code.)
 */
final class BatchCheck {

    private static final int ROUNDS = 2;

    private BatchCheck() {
    }

    static void assertEveryRuleOfStage(Stage stage, List<RuleFixtures.Expectation> table) {
        Set<String> ruleIds = PackagedRules.byStage(stage);
        assertThat(table).as("leads in the %s table", stage).hasSizeGreaterThanOrEqualTo(60);
        for (RuleFixtures.Expectation e : table) {
            assertThat(ruleIds).as("expected rules of lead %s belong to the %s stage", e.lead().id(), stage)
                    .containsAll(e.fires());
        }
        // A rule that fires for every lead, or for none, is not told apart from a broken one.
        Map<String, Long> counts = RuleFixtures.firingCounts(table, ruleIds);
        assertThat(counts).as("leads of the %s table each rule must fire for", stage)
                .allSatisfy((id, n) -> assertThat(n).as(id).isBetween(2L, table.size() - 2L));

        List<Lead> leads = RuleFixtures.leads(table);
        for (int round = 1; round <= ROUNDS; round++) {
            check(RuleFixtures.batched(), "round " + round + ", one shared session", ruleIds, table, leads);
            check(RuleFixtures.oneLeadPerSession(), "round " + round + ", one lead per session", ruleIds, table, leads);
        }
    }

    private static void check(RuleVerifier verifier, String mode, Set<String> ruleIds,
                              List<RuleFixtures.Expectation> table, List<Lead> leads) {
        for (String id : ruleIds) {
            verifier.rule(id).given(leads).as(mode).firesOnlyFor(RuleFixtures.leadsFiring(table, id));
        }
    }
}

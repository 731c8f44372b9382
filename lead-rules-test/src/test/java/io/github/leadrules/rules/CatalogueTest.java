package io.github.leadrules.rules;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.PackagedRules;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.model.Stage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rule catalogue as marketing and sales read it: the ids in the compiled rule base and in
 * {@link PackagedRules} agree both ways, and every rule has its one-line business comment, a
 * sentence for a name, and an id whose prefix names its stage.
 */
class CatalogueTest {

    private static final List<RuleDescription> RULES = LeadQualifier.builder().build().rules();

    private static final Map<Stage, String> PREFIX = Map.of(
            Stage.EXCLUSION, "EXC-", Stage.URGENCY, "URG-", Stage.ROUTING, "RTE-");
    private static final Map<Stage, String> FILE = Map.of(
            Stage.EXCLUSION, "io/github/leadrules/rules/exclusion.drl",
            Stage.URGENCY, "io/github/leadrules/rules/urgency.drl",
            Stage.ROUTING, "io/github/leadrules/rules/routing.drl");

    @Test
    void compiledRuleBaseAndPackagedRulesNameTheSameIdsBothWays() {
        Set<String> compiled = new LinkedHashSet<>();
        RULES.forEach(r -> compiled.add(r.id()));

        Set<String> missingFromClass = new LinkedHashSet<>(compiled);
        missingFromClass.removeAll(PackagedRules.ALL);
        Set<String> missingFromRuleBase = new LinkedHashSet<>(PackagedRules.ALL);
        missingFromRuleBase.removeAll(compiled);

        assertThat(missingFromClass).as("rules in the DRL files without a PackagedRules constant").isEmpty();
        assertThat(missingFromRuleBase).as("PackagedRules constants without a rule in the DRL files").isEmpty();
        assertThat(RULES).as("one rule per id").hasSameSizeAs(compiled);
    }

    @Test
    void byStageAgreesWithTheStageEachRuleRunsIn() {
        for (Stage stage : Stage.ruleStages()) {
            List<String> compiled = RULES.stream().filter(r -> r.stage() == stage).map(RuleDescription::id).toList();
            assertThat(PackagedRules.byStage(stage)).as("PackagedRules.byStage(%s)", stage)
                    .containsExactlyInAnyOrderElementsOf(compiled);
        }
        assertThat(PackagedRules.byStage(Stage.VALIDATION)).isEmpty();
        assertThat(PackagedRules.byStage(Stage.ENGINE)).isEmpty();
    }

    @Test
    void everyRuleHasItsBusinessCommentASentenceNameAndAnIdNamingItsStage() {
        assertThat(RULES).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.description()).as("%s: the one-line business comment above the rule", rule.id())
                    .isNotBlank()
                    .doesNotContain("\n");
            assertThat(rule.name()).as("%s: the rule's name reads as a sentence", rule.id())
                    .matches("\\p{Lu}\\S*( \\S+)+")
                    .doesNotEndWith(".");
            assertThat(rule.id()).as("%s: the id's prefix names the %s stage", rule.id(), rule.stage())
                    .startsWith(PREFIX.get(rule.stage()))
                    .matches("(EXC|URG|RTE)(-[A-Z0-9]+)+");
            assertThat(rule.source()).as("%s: the packaged file of its stage", rule.id())
                    .isEqualTo(FILE.get(rule.stage()));
            assertThat(rule.line()).as("%s: the line of its rule keyword", rule.id()).isPositive();
        });
    }

    @Test
    void everyConstantIsNamedAfterItsIdAndListedInAll() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field field : PackagedRules.class.getDeclaredFields()) {
            int m = field.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && field.getType() == String.class) {
                String id = (String) field.get(null);
                assertThat(field.getName()).as("constant for %s", id).isEqualTo(id.replace('-', '_'));
                constants.add(id);
            }
        }
        assertThat(constants).containsExactlyElementsOf(PackagedRules.ALL);
    }

    @Test
    void allIsUnmodifiable() {
        assertThatThrownBy(() -> PackagedRules.ALL.add("EXC-ANYTHING")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> PackagedRules.byStage(Stage.URGENCY).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}

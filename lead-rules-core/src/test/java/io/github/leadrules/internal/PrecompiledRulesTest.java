package io.github.leadrules.internal;

import io.github.leadrules.LeadQualifier;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which rules of a built rule base come from the executable model generated at build time and
 * which are compiled from DRL at run time. (That both decide alike is shown on the 100 000
 * benchmark leads by {@code PrecompiledRulesAgreementTest} in lead-rules-benchmarks.)
 */
class PrecompiledRulesTest {

    private static final String TOKYO_DESK = """
            package io.github.leadrules.rules;

            import io.github.leadrules.model.Destination;

            // Large Japanese companies go to the enterprise desk in Tokyo.
            rule "Send large Japanese companies to the Tokyo desk"
                @id("RTE-HOST-TOKYO-DESK")
                ruleflow-group "routing"
                salience 85
            when
                $a : Assessment( !excluded, context.countryCode == "JP" )
            then
                $a.routeToTeam(Destination.FIELD_SALES, "tokyo-enterprise", "Large Japanese companies go to the Tokyo desk");
            end
            """;

    @Test
    void theJarListsTheGeneratedModelOfThePackagedRules() {
        assertThat(PrecompiledRules.packagedModelClasses()).isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("io.github.leadrules.rules.Rules"));
    }

    @Test
    void withThePackagedStagesAloneEveryRuleRunsFromThePrecompiledModel() {
        Map<String, Boolean> precompiled = precompiledByRule(build(packaged()));

        assertThat(precompiled).hasSize(countRules(packaged())).doesNotContainValue(false);
    }

    @Test
    void aHostRuleInThePackagedRulesPackageIsCompiledOnTopOfThePrecompiledOnes() {
        List<RuleSource> sources = new ArrayList<>(packaged());
        sources.add(new RuleSource("rules/tokyo-desk.drl", TOKYO_DESK, false));

        Map<String, Boolean> precompiled = precompiledByRule(build(sources));

        assertThat(precompiled).containsEntry("Send large Japanese companies to the Tokyo desk", false)
                .hasSize(countRules(packaged()) + 1);
        assertThat(precompiled.entrySet().stream().filter(Map.Entry::getValue).count()).isEqualTo(countRules(packaged()));
    }

    @Test
    void aReplacedStageBringsBackTheDrlPathForAllPackagedRules() {
        List<RuleSource> sources = new ArrayList<>(packaged());
        RuleSource routing = sources.get(2);
        sources.set(2, new RuleSource("rules/our-routing.drl", routing.text(), false));

        Map<String, Boolean> precompiled = precompiledByRule(build(sources));

        assertThat(precompiled).hasSize(countRules(packaged())).doesNotContainValue(true);
    }

    @Test
    void precompiledRuleBasesAreNotSharedBetweenDifferentRuleSets() {
        KieBase plain = build(packaged()).kieBase();
        List<RuleSource> sources = new ArrayList<>(packaged());
        sources.add(new RuleSource("rules/tokyo-desk.drl", TOKYO_DESK, false));
        build(sources);
        CompiledRules withDisabled = CompiledRules.build(packaged(), Set.of("EXC-STUDENT"), () -> "policy", Map.of());

        assertThat(precompiledByRule(build(packaged()))).hasSize(countRules(packaged()));
        assertThat(withDisabled.rules()).extracting(r -> r.id()).doesNotContain("EXC-STUDENT");
        assertThat(plain.getRule("io.github.leadrules.rules", "Send large Japanese companies to the Tokyo desk")).isNull();
    }

    private static CompiledRules build(List<RuleSource> sources) {
        return CompiledRules.build(sources, Set.of(), () -> "policy", Map.of());
    }

    /** Rule name to whether its consequence is the executable model's (a lambda, not generated Java). */
    private static Map<String, Boolean> precompiledByRule(CompiledRules rules) {
        Map<String, Boolean> out = new TreeMap<>();
        for (KiePackage pkg : rules.kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String consequence = ((RuleImpl) rule).getConsequence().getClass().getName();
                out.put(rule.getName(), consequence.startsWith("org.drools.modelcompiler."));
            }
        }
        return out;
    }

    private static int countRules(List<RuleSource> sources) {
        int n = 0;
        for (RuleSource source : sources) {
            n += DrlScanner.scan(source.text()).size();
        }
        return n;
    }

    private static List<RuleSource> packaged() {
        List<RuleSource> out = new ArrayList<>();
        for (String resource : LeadQualifier.PACKAGED_RULES) {
            try (InputStream in = LeadQualifier.class.getClassLoader().getResourceAsStream(resource)) {
                out.add(new RuleSource(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}

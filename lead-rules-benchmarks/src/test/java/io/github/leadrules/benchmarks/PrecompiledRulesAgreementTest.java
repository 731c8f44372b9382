package io.github.leadrules.benchmarks;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged rules ship twice: as DRL text, and as Drools' executable model generated from that
 * text when lead-rules-core is built. A qualifier whose stages are all the packaged ones runs the
 * precompiled model; one whose stages are replaced (here: by the very same packaged text) compiles
 * the DRL at run time, as every qualifier did before. Both must decide the 100 000 benchmark leads
 * identically, with and without host rules, including a host rule in the packaged rules' own
 * package.
 */
class PrecompiledRulesAgreementTest {

    private static final int LEADS = 100_000;

    /** Host rules in the packaged rules' package that change decisions of many sample leads. */
    private static final String HOST_RULES_IN_PACKAGED_PACKAGE = """
            package io.github.leadrules.rules;

            import io.github.leadrules.model.Destination;

            // Leads from large Japanese companies go to the enterprise desk in Tokyo.
            rule "Send large Japanese companies to the Tokyo desk"
                @id("RTE-HOST-TOKYO-DESK")
                ruleflow-group "routing"
                salience 85
            when
                $a : Assessment( !excluded, context.countryCode == "JP", context.employeeCount != null, context.employeeCount >= 1000 )
            then
                $a.routeToTeam(Destination.FIELD_SALES, "tokyo-enterprise", "Large Japanese companies go to the Tokyo desk");
            end

            // Manufacturers buy in this quarter's budget round.
            rule "Raise urgency for manufacturers"
                @id("URG-HOST-MANUFACTURING")
                ruleflow-group "urgency"
            when
                $lead : LeadContext( industryKey == "manufacturing" )
            then
                $lead.addUrgency(7, "Manufacturers buy in this quarter's budget round");
            end
            """;

    private static SampleLeads world;

    @BeforeAll
    static void world() {
        world = SampleLeads.standard();
    }

    @Test
    void precompiledAndDrlCompiledPackagedRulesDecideEveryBenchmarkLeadAlike() {
        LeadQualifier precompiled = world.qualifierBuilder().build();
        LeadQualifier compiled = allStagesFromDrl(world.qualifierBuilder()).build();

        Map<String, Integer> reasons = agree(precompiled, compiled);

        assertThat(reasons.keySet()).containsAll(precompiled.rules().stream().map(r -> r.id()).toList());
        assertThat(precompiled.fingerprint()).isEqualTo(compiled.fingerprint());
    }

    @Test
    void withHostRulesInAnotherPackageAndInThePackagedRulesPackageBothPathsDecideAlike() {
        LeadQualifier precompiled = withHostRules(world.qualifierBuilder()).build();
        LeadQualifier compiled = withHostRules(allStagesFromDrl(world.qualifierBuilder())).build();

        Map<String, Integer> reasons = agree(precompiled, compiled);

        // The host rules in the packaged package decide for real, on both paths.
        assertThat(reasons.getOrDefault("RTE-HOST-TOKYO-DESK", 0)).isGreaterThan(100);
        assertThat(reasons.getOrDefault("URG-HOST-MANUFACTURING", 0)).isGreaterThan(100);
        assertThat(precompiled.rules()).extracting(r -> r.id()).contains("RTE-HOST-TOKYO-DESK", "EXC-HOST-BLOCKED-000");
        assertThat(precompiled.rules()).hasSameSizeAs(compiled.rules());
    }

    @Test
    void aDisabledPackagedRuleIsGoneOnThePrecompiledPathAsOnTheDrlPath() {
        LeadQualifier precompiled = world.qualifierBuilder().disableRule("EXC-STUDENT").build();
        LeadQualifier compiled = allStagesFromDrl(world.qualifierBuilder()).disableRule("EXC-STUDENT").build();

        Map<String, Integer> reasons = agree(precompiled, compiled, 20_000);

        assertThat(reasons).doesNotContainKey("EXC-STUDENT");
        assertThat(precompiled.rules()).extracting(r -> r.id()).doesNotContain("EXC-STUDENT");
    }

    private static LeadQualifier.Builder withHostRules(LeadQualifier.Builder builder) {
        return builder.addRulesText("host-rules.drl", HostRules.generate(40))
                .addRulesText("tokyo-desk.drl", HOST_RULES_IN_PACKAGED_PACKAGE);
    }

    /** Every stage replaced by the packaged text itself: the qualifier compiles the DRL at run time. */
    private static LeadQualifier.Builder allStagesFromDrl(LeadQualifier.Builder builder) {
        Stage[] stages = {Stage.EXCLUSION, Stage.URGENCY, Stage.ROUTING};
        for (int i = 0; i < stages.length; i++) {
            String resource = LeadQualifier.PACKAGED_RULES.get(i);
            builder.replaceStageText(stages[i], resource, packagedText(resource));
        }
        return builder;
    }

    private static String packagedText(String resource) {
        try (InputStream in = LeadQualifier.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Qualifies the benchmark leads with both; returns how often each reason came up. */
    private static Map<String, Integer> agree(LeadQualifier precompiled, LeadQualifier compiled) {
        return agree(precompiled, compiled, LEADS);
    }

    private static Map<String, Integer> agree(LeadQualifier precompiled, LeadQualifier compiled, int count) {
        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        int chunk = 10_000;
        for (int from = 0; from < count; from += chunk) {
            List<Lead> leads = new ArrayList<>(chunk);
            for (int i = from; i < from + chunk; i++) {
                leads.add(world.lead(i));
            }
            List<Qualification> expected = compiled.qualifyAll(leads);
            List<Qualification> actual = precompiled.qualifyAll(leads);
            for (int i = 0; i < leads.size(); i++) {
                Qualification e = expected.get(i);
                e.reasonIds().forEach(id -> reasons.merge(id, 1, Integer::sum));
                if (!e.equals(actual.get(i)) && disagreements.size() < 10) {
                    disagreements.add("DRL-compiled: " + e + "\nprecompiled:  " + actual.get(i));
                }
            }
        }
        assertThat(disagreements).as("leads the precompiled rules decide differently").isEmpty();
        return reasons;
    }
}

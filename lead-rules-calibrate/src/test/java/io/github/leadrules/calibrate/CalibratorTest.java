package io.github.leadrules.calibrate;

import io.github.leadrules.calibrate.Condition.Operator;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.UrgencyLevel;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalibratorTest {

    private static Calibration calibrate(List<HistoricalLead> leads, long seed) {
        return Calibrator.builder().qualifier(Fixtures.qualifier()).seed(seed).build().calibrate(leads);
    }

    @Test
    void theSameLeadsAndSeedGiveTheSameFileAndFiguresByteForByte() {
        List<HistoricalLead> leads = Fixtures.planted(1500, 11);

        Calibration first = calibrate(leads, 42);
        Calibration second = calibrate(leads, 42);

        assertThat(second).isEqualTo(first);
        assertThat(second.policyYaml(null)).isEqualTo(first.policyYaml(null));
        assertThat(second.summary()).isEqualTo(first.summary());
    }

    @Test
    void anotherSeedDealsOtherFoldsButLearnsTheSameSignalsFromAllLeads() {
        List<HistoricalLead> leads = Fixtures.planted(1500, 11);

        Calibration a = calibrate(leads, 42);
        Calibration b = calibrate(leads, 43);

        assertThat(b.signals()).isEqualTo(a.signals());
        assertThat(b.tiers()).isNotEqualTo(a.tiers());
    }

    @Test
    void plantedPropensitiesComeOutAsSignalsAndTheNoiseFieldGivesNone() {
        Calibration c = calibrate(Fixtures.planted(3000, 5), 1);

        LearnedSignal reference = signalFor(c, "origin", "Reference");
        assertThat(reference.points()).isPositive();
        // the lowest-converting origin is where the field's points start: 0, no signal
        assertThat(c.signals()).noneMatch(s -> s.condition().values().contains("Ads"));
        assertThat(c.signals()).noneMatch(s -> s.condition().field().equals("region"));
        assertThat(c.fieldReports()).filteredOn(f -> f.field().equals("region")).singleElement()
                .satisfies(f -> assertThat(f.note()).contains("no value or range converts differently"));
        List<LearnedSignal> ranges = c.signals().stream().filter(s -> s.condition().field().equals("time_on_site")).toList();
        assertThat(ranges).isNotEmpty();
        assertThat(ranges).extracting(LearnedSignal::points).isSorted();
        assertThat(ranges.get(ranges.size() - 1).condition().operator()).isEqualTo(Operator.AT_LEAST);
        TierStatistics immediate = c.tiers().get(0);
        TierStatistics low = c.tiers().get(3);
        assertThat(immediate.level()).isEqualTo(UrgencyLevel.IMMEDIATE);
        assertThat(immediate.liftMean()).isGreaterThan(2.0);
        assertThat(low.liftMean()).isLessThan(0.7);
        assertThat(c.summary()).contains("tiers out of fold").contains("IMMEDIATE").contains("±");
    }

    private static LearnedSignal signalFor(Calibration c, String field, String value) {
        return c.signals().stream().filter(s -> s.condition().field().equals(field)
                && s.condition().values().contains(value)).findFirst().orElseThrow();
    }

    @Test
    void aFieldThatAloneSeparatesTheOutcomeIsLeftOutAndNamed() {
        List<HistoricalLead> leads = new ArrayList<>();
        Random r = new Random(3);
        for (HistoricalLead h : Fixtures.planted(1000, 3)) {
            // the CRM stage, filled in once the deal closed: it "predicts" the outcome almost perfectly
            String stage = h.converted() ^ r.nextDouble() < 0.01 ? "Closed Won" : "Open";
            leads.add(new HistoricalLead(h.lead().toBuilder().attribute("deal_stage", stage).build(), h.converted()));
        }

        Calibration c = calibrate(leads, 1);

        assertThat(c.signals()).noneMatch(s -> s.condition().field().equals("deal_stage"));
        assertThat(c.fields()).doesNotContainKey("deal_stage");
        assertThat(c.fieldReports()).filteredOn(f -> f.field().equals("deal_stage")).singleElement()
                .satisfies(f -> assertThat(f.note()).startsWith("looks filled in after the sale"));
        assertThat(c.summary()).contains("left out  deal_stage (text): looks filled in after the sale");
        assertThat(c.signals()).anyMatch(s -> s.condition().field().equals("origin"));
    }

    @Test
    void blankAndPlaceholderValuesAreAMissingBinWhereTheyCarrySignal() {
        List<HistoricalLead> leads = new ArrayList<>();
        Random r = new Random(9);
        for (int i = 0; i < 1200; i++) {
            int kind = r.nextInt(3);
            // an unsubscribe reason is blank (or "n/a") for the leads that stayed, and they buy more
            String reason = kind == 0 ? "" : kind == 1 ? "n/a" : "too many e-mails " + i;
            double p = kind == 2 ? 0.06 : 0.35;
            leads.add(new HistoricalLead(Fixtures.lead(i, Map.of("unsubscribe_reason", reason)), r.nextDouble() < p));
        }

        Calibration c = calibrate(leads, 1);

        assertThat(c.signals()).filteredOn(s -> s.condition().field().equals("unsubscribe_reason"))
                .singleElement().satisfies(s -> {
                    assertThat(s.condition().operator()).isEqualTo(Operator.MISSING);
                    assertThat(s.points()).isPositive();
                    assertThat(s.support()).isBetween(700, 900);
                });
        assertThat(c.policyYaml(null)).contains("when: {field: \"unsubscribe_reason\", missing: true}");
    }

    @Test
    void hostileValuesAndFieldNamesAreWrittenAsScalarsThatReadBackUnchanged() {
        List<String> hostile = List.of("He said \"buy\"", "#1 partner", "key: value", "two\nlines", "- dash first",
                "*star", "&anchor", "{brace}, [list]", "back\\slash", "tab\there", "'single'", "% percent", "@at `tick`",
                "? question", "| pipe", "> fold", "!tag", "line\u2028sep", "null", "true", "~", "0x1F", "ｆｕｌｌ");
        String field = "weird: \"name\" # x";
        List<HistoricalLead> leads = new ArrayList<>();
        Random r = new Random(1);
        int n = 0;
        for (int v = 0; v < hostile.size(); v++) {
            for (int i = 0; i < 60; i++) {
                // alternate values convert at 60 % and 5 %: every value is its own bin
                boolean y = r.nextDouble() < (v % 2 == 0 ? 0.6 : 0.05);
                leads.add(new HistoricalLead(Fixtures.lead(n++, Map.of(field, hostile.get(v))), y));
            }
        }

        Calibration c = calibrate(leads, 1);
        String yaml = c.policyYaml(null);
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);

        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) doc.get("fields");
        assertThat(fields).containsOnlyKeys(field);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> signals = (List<Map<String, Object>>) doc.get("signals");
        List<Object> written = new ArrayList<>();
        for (Map<String, Object> s : signals) {
            @SuppressWarnings("unchecked")
            Map<String, Object> when = (Map<String, Object>) s.get("when");
            assertThat(when.get("field")).isEqualTo(field);
            Object value = when.containsKey("equals") ? when.get("equals") : when.get("in");
            if (value instanceof List<?> list) {
                written.addAll(list);
            } else if (value != null) {
                written.add(value);
            }
        }
        List<Object> learned = new ArrayList<>();
        c.signals().forEach(s -> {
            if (s.condition().operator() == Operator.EQUALS || s.condition().operator() == Operator.IN) {
                learned.addAll(s.condition().values());
            }
        });
        assertThat(written).isEqualTo(learned).isNotEmpty().allMatch(v -> v instanceof String);
        assertThat(learned).contains("He said \"buy\"", "#1 partner", "~", "full", "line\u2028sep")
                // the policy refuses control characters in values: such a value is pooled, never written
                .doesNotContain("two\nlines", "tab\there")
                // "null" is one of the default placeholders: a missing value, not a category
                .doesNotContain("null");
        assertThat(yaml.lines().filter(l -> l.startsWith("  # ")))
                .allMatch(l -> l.matches("  # support \\d+, conversion [0-9.]+ %, lift [0-9.]+"));
    }

    @Test
    void convertedLeadsThatThePackagedExclusionRulesThrowAwayAreCountedPerRule() {
        List<HistoricalLead> leads = new ArrayList<>(Fixtures.planted(400, 2));
        for (int i = 0; i < 10; i++) {
            Lead test = Lead.builder("T-" + i).email("tanaka" + i + "@example.com")
                    .company(Company.builder().name("テスト送信 " + i).build()).build();
            leads.add(new HistoricalLead(test, i < 3));
        }

        Calibration c = calibrate(leads, 1);

        assertThat(c.excluded()).isEqualTo(10);
        assertThat(c.learnedFrom()).isEqualTo(400);
        assertThat(c.exclusions()).filteredOn(e -> e.ruleId().equals("EXC-TEST-SUBMISSION")).singleElement()
                .satisfies(e -> {
                    assertThat(e.excluded()).isEqualTo(10);
                    assertThat(e.converted()).isEqualTo(3);
                    assertThat(e.conversionRate()).isEqualTo(0.3);
                });
        assertThat(c.summary()).contains("EXC-TEST-SUBMISSION").contains("10 excluded,      3 converted (30.0 %");
    }

    @Test
    void tooFewLeadsOrNoConversionIsAClearErrorWithoutValues() {
        List<HistoricalLead> allLost = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            allLost.add(Fixtures.lost(i, Map.of("origin", "Web")));
        }
        assertThatThrownBy(() -> calibrate(allLost, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no qualified lead converted: nothing to learn from");
        assertThatThrownBy(() -> calibrate(allLost.subList(0, 3), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 leads qualify under the base rules: too few to learn from in 5 folds");
    }

    @Test
    void aBasePolicysFieldsSignalsAndThresholdsBlocksAreReplacedAndTheRestKeptAsWritten() {
        String base = """
                # Acme's policy
                minimumEmployees: 20
                fields:
                  legacy: text
                  # a comment inside the block
                signals:
                - id: OLD-ONE
                  when: {field: legacy, equals: x}
                  points: 5

                # routing comes next
                urgencyThresholds: {immediate: 90, high: 60, medium: 30}
                targetCountries: [Japan]
                """;
        Calibration c = CalibratorArithmeticTest.handCheckedCalibrator().calibrate(CalibratorArithmeticTest.twentyLeads());

        String yaml = c.policyYaml(base);

        assertThat(yaml).contains("# Acme's policy\nminimumEmployees: 20\n\n# routing comes next\ntargetCountries: [Japan]\n");
        assertThat(yaml).doesNotContain("legacy").doesNotContain("OLD-ONE").doesNotContain("immediate: 90")
                .doesNotContain("a comment inside the block");
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        assertThat(doc).containsKeys("minimumEmployees", "targetCountries", "fields", "signals", "urgencyThresholds");
        assertThat(doc.get("urgencyThresholds")).isEqualTo(Map.of("immediate", 53, "high", 30, "medium", 9));
    }

    @Test
    void numbersAreWrittenPlainWithoutExponent() {
        Map<String, Object> m = new HashMap<>();
        m.put("x", new BigDecimal("1E+3"));
        assertThat(io.github.leadrules.calibrate.internal.PolicyWriter.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
        Condition between = new Condition("revenue", Operator.BETWEEN, List.of(new BigDecimal("1E+3"), new BigDecimal("2500.50")));
        assertThat(io.github.leadrules.calibrate.internal.Summary.describe(between)).isEqualTo("1000 ≤ revenue < 2500.5");
    }
}

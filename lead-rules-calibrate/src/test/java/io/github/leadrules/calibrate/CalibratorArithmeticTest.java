package io.github.leadrules.calibrate;

import io.github.leadrules.calibrate.Condition.Operator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Calibrate's arithmetic checked by hand on 20 leads: 6 converted, base rate p₀ = 6/20 = 0.3.
 * Settings: minimum support 3, prior weight m = 4, significance |z| ≥ 1, 2 quantile ranges,
 * 10 points per doubling of the odds, shares 10 % / 30 % / 60 %.
 *
 * <pre>
 * row    origin     time_on_site  converted
 * 1–4    Reference  900           yes
 * 5      Web        700           yes
 * 6      Web        300           yes
 * 7      Reference  650           no
 * 8–11   Web        800           no
 * 12–15  Web        200           no
 * 16–20  Ads        100           no
 * </pre>
 */
class CalibratorArithmeticTest {

    static List<HistoricalLead> twentyLeads() {
        List<HistoricalLead> leads = new ArrayList<>();
        int n = 1;
        for (int i = 0; i < 4; i++) {
            leads.add(Fixtures.won(n++, Map.of("origin", "Reference", "time_on_site", "900")));
        }
        leads.add(Fixtures.won(n++, Map.of("origin", "Web", "time_on_site", "700")));
        leads.add(Fixtures.won(n++, Map.of("origin", "Web", "time_on_site", "300")));
        leads.add(Fixtures.lost(n++, Map.of("origin", "Reference", "time_on_site", "650")));
        for (int i = 0; i < 4; i++) {
            leads.add(Fixtures.lost(n++, Map.of("origin", "Web", "time_on_site", "800")));
        }
        for (int i = 0; i < 4; i++) {
            leads.add(Fixtures.lost(n++, Map.of("origin", "Web", "time_on_site", "200")));
        }
        for (int i = 0; i < 5; i++) {
            leads.add(Fixtures.lost(n++, Map.of("origin", "Ads", "time_on_site", "100")));
        }
        return leads;
    }

    static Calibrator handCheckedCalibrator() {
        return Calibrator.builder().qualifier(Fixtures.qualifier()).folds(2).seed(7).minimumSupport(3).priorWeight(4)
                .significance(1.0).quantileBins(2).pointsPerDoubling(10).build();
    }

    @Test
    void countsRatesShrunkEstimatesPointsAndThresholdsAreTheHandComputedOnes() {
        Calibration c = handCheckedCalibrator().calibrate(twentyLeads());

        assertThat(c.rows()).isEqualTo(20);
        assertThat(c.learnedFrom()).isEqualTo(20);
        assertThat(c.converted()).isEqualTo(6);
        assertThat(c.baseRate()).isEqualTo(0.3);

        // origin: 3 values with the support, so Bonferroni asks |z| ≥ 1.617 (two-sided p of 1.0 is 0.3173; / 3 = 0.1058).
        // Each value against all other leads (two-proportion z, pooled rate 0.3):
        //   Reference 4/5 = 0.8 vs 2/15:  z = (0.8 − 0.1333) / √(0.3·0.7·(1/5 + 1/15)) = 2.82  → own bin
        //   Web      2/10 = 0.2 vs 4/10:  z = (0.2 − 0.4) / √(0.21·(1/10 + 1/10))      = −0.98 → pooled ("other")
        //   Ads       0/5 = 0   vs 6/15:  z = (0 − 0.4) / 0.2366                        = −1.69 → own bin
        // shrunk rate p̂ = (k + m·p₀) / (n + m) = (k + 1.2) / (n + 4); evidence e = log₂(odds(p̂) / odds(0.3)):
        //   Ads       (0 + 1.2) / 9  = 0.1333: odds 0.1538 / 0.4286 = 0.3590 → e = −1.478
        //   Reference (4 + 1.2) / 9  = 0.5778: odds 1.3684 / 0.4286 = 3.1930 → e =  1.675
        //   other     (2 + 1.2) / 14 = 0.2286: odds 0.2963 / 0.4286 = 0.6914 → e = −0.532
        // points = round(10 · (e − lowest e of the field)): Ads 0 (no signal), Reference round(31.53) = 32, other round(9.46) = 9
        // time_on_site, 2 quantile ranges: the cut is the 11th smallest of the 20 values, 650:
        //   below 650: 100×5, 200×4, 300 → 1/10; from 650: 650, 700, 800×4, 900×4 → 5/10
        //   one pair: z = (0.1 − 0.5) / √(0.21·0.2) = −1.95, |z| ≥ 1 and the rates rise: both ranges stay
        //   below 650: (1 + 1.2) / 14 = 0.1571 → e = −1.201; from 650: (5 + 1.2) / 14 = 0.4429 → e = 0.891
        //   points: below 650 0 (no signal), from 650 round(10 · 2.092) = 21
        assertThat(c.signals()).extracting(LearnedSignal::id, s -> s.condition().operator(), s -> s.condition().values(),
                        LearnedSignal::points, LearnedSignal::support, LearnedSignal::conversions)
                .containsExactly(
                        tuple("CAL-ORIGIN-REFERENCE", Operator.EQUALS, List.of("Reference"), 32, 5, 4),
                        tuple("CAL-ORIGIN-OTHER", Operator.NOT_IN, List.of("Ads", "Reference"), 9, 10, 2),
                        tuple("CAL-TIME-ON-SITE-R2", Operator.AT_LEAST, List.of(new BigDecimal("650")), 21, 10, 5));
        assertThat(c.signals().get(0).conversionRate()).isEqualTo(0.8);
        assertThat(c.signals().get(0).lift()).isCloseTo(0.8 / 0.3, org.assertj.core.data.Offset.offset(1e-12));

        // Scores: Reference & from 650: 32 + 21 = 53 (rows 1–4, 7); Web & from 650: 9 + 21 = 30 (rows 5, 8–11);
        // Web & below 650: 9 (rows 6, 12–15); Ads & below 650: 0, no signal (rows 16–20).
        // Ascending: 0 ×5, 9 ×5, 30 ×5, 53 ×5.
        //   medium, top 60 % = 12 leads: the 12th from the top is 9
        //   high,   top 30 % =  6 leads: the 6th from the top is 30
        //   immediate, top 10 % = 2 leads: 53
        assertThat(c.thresholds()).isEqualTo(new UrgencyThresholds(53, 30, 9));
        // the e-mail is always there and every company name is different: neither says anything
        assertThat(c.fieldReports()).extracting(FieldReport::field, FieldReport::kind, FieldReport::signals)
                .containsExactly(tuple("company.name", "text", 0), tuple("email", "presence", 0),
                        tuple("origin", "text", 2), tuple("time_on_site", "number", 1));
        assertThat(c.fields()).containsOnlyKeys("origin", "time_on_site");
    }

    @Test
    void theWrittenPolicyDeclaresTheInferredFieldsAndCarriesEachSignalWithItsFigures() {
        Calibration c = handCheckedCalibrator().calibrate(twentyLeads());

        String yaml = c.policyYaml(null);

        assertThat(yaml).contains("""
                fields:
                  "origin": text
                  "time_on_site": number
                """);
        assertThat(yaml).contains("""
                  # support 5, conversion 80.0 %, lift 2.67
                  - id: CAL-ORIGIN-REFERENCE
                    name: "Calibrated CAL-ORIGIN-REFERENCE: origin = \\"Reference\\""
                    stage: urgency
                    reason: "origin = \\"Reference\\" (calibrated: conversion 80.0 %, lift 2.67)"
                    when: {field: "origin", equals: "Reference"}
                    points: 32
                """);
        assertThat(yaml).contains("""
                    when: {field: "origin", notIn: ["Ads", "Reference"]}
                    points: 9
                """);
        assertThat(yaml).contains("""
                    when: {field: "time_on_site", atLeast: 650}
                    points: 21
                """);
        assertThat(yaml).doesNotContain("below");
        assertThat(yaml).endsWith("""
                urgencyThresholds:
                  immediate: 53
                  high: 30
                  medium: 9
                """);
    }
}

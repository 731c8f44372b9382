package io.github.leadrules.calibrate;

import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** History is judged as it stood when each lead came in, not as of one later day. */
class JudgedAtSubmissionTest {

    private static final Instant NOW = Fixtures.CLOCK.instant();

    private static Calibration calibrate(List<HistoricalLead> leads) {
        return Calibrator.builder().qualifier(Fixtures.qualifier()).seed(7).build().calibrate(leads);
    }

    /** The same leads, each submitted {@code age(i)} before the clock's now. */
    private static List<HistoricalLead> submitted(List<HistoricalLead> leads, boolean old) {
        List<HistoricalLead> out = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            HistoricalLead h = leads.get(i);
            // old: spread over the year and a half before the clock (every one far beyond the 90 cold days)
            Instant at = old ? NOW.minus(Duration.ofDays(120)).minus(Duration.ofHours(9L * i)) : NOW;
            out.add(new HistoricalLead(h.lead().toBuilder().submittedAt(at).build(), h.converted()));
        }
        return out;
    }

    @Test
    void aHistoryOfOldLeadsLearnsTheSameThresholdsAndSignalsAsTheSameLeadsJudgedFresh() {
        List<HistoricalLead> planted = Fixtures.planted(1500, 11);

        Calibration old = calibrate(submitted(planted, true));
        Calibration fresh = calibrate(submitted(planted, false));

        assertThat(old.thresholds()).isEqualTo(fresh.thresholds());
        assertThat(old.signals()).isEqualTo(fresh.signals());
        assertThat(old.tiers()).isEqualTo(fresh.tiers());
        assertThat(old.judgedAtSubmission()).isEqualTo(1500);
        assertThat(old.warnings()).noneMatch(w -> w.contains("URG-COLD-ENGAGEMENT"));
        assertThat(old.summary()).contains("1,500 of 1,500 leads judged as of their submission time\n");
    }

    @Test
    void leadsWithoutASubmissionTimeAreJudgedAtTheClockAndCounted() {
        List<HistoricalLead> leads = new ArrayList<>(submitted(Fixtures.planted(400, 3), true));
        leads.addAll(Fixtures.planted(400, 4).subList(0, 100));

        Calibration c = calibrate(leads);

        assertThat(c.judgedAtSubmission()).isEqualTo(400);
        assertThat(c.rows()).isEqualTo(500);
        assertThat(c.summary()).contains("400 of 500 leads judged as of their submission time, the others as of the clock\n");
    }

    /** 100 leads, {@code documentRequests} of them asking for documents (URG-DOCUMENT-REQUEST, +25). */
    private static List<HistoricalLead> withDocumentRequests(int documentRequests) {
        List<HistoricalLead> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Lead lead = Fixtures.lead(i, Map.of("origin", i % 3 == 0 ? "Reference" : "Web")).toBuilder()
                    .inquiryType(i < documentRequests ? InquiryType.DOCUMENT_REQUEST : null)
                    .submittedAt(NOW.minus(Duration.ofDays(200 + i))).build();
            out.add(new HistoricalLead(lead, i % 4 == 0));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} of 100 leads: warned {1}")
    @CsvSource({"89, false", "90, true", "91, true"})
    void aPackagedUrgencyRuleFiringForNinetyPercentOfTheLeadsLearnedFromIsWarnedAboutByItsId(int count, boolean warned) {
        Calibration c = calibrate(withDocumentRequests(count));

        assertThat(c.learnedFrom()).isEqualTo(100);
        if (warned) {
            assertThat(c.warnings()).filteredOn(w -> w.startsWith("URG-DOCUMENT-REQUEST fired"))
                    .singleElement().asString()
                    .startsWith("URG-DOCUMENT-REQUEST fired for " + count + " of the 100 leads learned from (" + count + " %)")
                    .contains("judged at the wrong time");
            assertThat(c.summary()).contains("warnings\n  URG-DOCUMENT-REQUEST fired for " + count);
        } else {
            assertThat(c.warnings()).noneMatch(w -> w.contains("URG-DOCUMENT-REQUEST"));
        }
    }

    @ParameterizedTest(name = "{0} of 100 leads excluded: warned {1}")
    @CsvSource({"89, false", "90, true", "91, true"})
    void aPackagedExclusionRuleExcludingNinetyPercentOfTheDecidedLeadsIsWarnedAboutByItsId(int count, boolean warned) {
        List<HistoricalLead> leads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Lead lead = i < count
                    ? Lead.builder("T-" + i).email("tanaka" + i + "@example.com").company(Company.builder().name("テスト送信 " + i).build()).build()
                    : Fixtures.lead(i, Map.of("origin", "Web"));
            leads.add(new HistoricalLead(lead, i % 2 == 0));
        }

        Calibration c = Calibrator.builder().qualifier(Fixtures.qualifier()).folds(2).build().calibrate(leads);

        assertThat(c.excluded()).isEqualTo(count);
        assertThat(c.warnings().stream().anyMatch(w -> w.startsWith("EXC-TEST-SUBMISSION excluded " + count
                + " of the 100 decided leads"))).isEqualTo(warned);
    }
}

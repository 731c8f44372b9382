package io.github.leadrules.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's row for issue 11's "50 signals at most 1.5× the baseline's per-lead time". */
class LibraryTargetsTest {

    @ParameterizedTest(name = "{0}× is {1}")
    @CsvSource({"1.49, met", "1.50, met", "1.51, not met"})
    void theSignalsRowIsMetUpToOneAndAHalfTimesTheBaselinesPerLeadTime(String ratio, String verdict) {
        Properties p = new Properties();
        p.setProperty("baseline.commit", "4e174ee");
        p.setProperty("signals.ratio", ratio);
        p.setProperty("signals.roundRatios", "1.40×, " + ratio + "×, 1.60×");
        p.setProperty("signals.wallRatio", "1.55");

        String[] row = LibraryTargets.signalsVsBaselineRow(p);

        assertThat(row[0]).contains("50 policy signals vs 4e174ee").contains("rounds 1.40×, " + ratio + "×, 1.60×")
                .contains("wall 1.55×");
        assertThat(row[1]).isEqualTo(ratio + "×");
        assertThat(row[4]).isEqualTo("≤ 1.5×");
        assertThat(row[5]).isEqualTo(verdict);
    }

    @Test
    void withoutARunOfCompareBaselineTheSignalsRowSaysHowToMeasureIt() {
        String[] row = LibraryTargets.signalsVsBaselineRow(new Properties());

        assertThat(row[1]).isEqualTo("not measured");
        assertThat(row[5]).isEqualTo("run compare-baseline.sh");
    }
}

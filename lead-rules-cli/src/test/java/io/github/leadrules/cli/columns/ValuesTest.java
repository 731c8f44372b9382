package io.github.leadrules.cli.columns;

import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.SalesStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cells are read the way exports write them, in English and Japanese. */
class ValuesTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void enumWordsAreReadInEnglishJapaneseAndCrmSpelling() throws Values.BadValue {
        assertThat(Values.inquiryType("Request a demo")).isEqualTo(InquiryType.DEMO);
        assertThat(Values.inquiryType("資料請求")).isEqualTo(InquiryType.DOCUMENT_REQUEST);
        assertThat(Values.inquiryType("ＷＥＢＩＮＡＲ")).isEqualTo(InquiryType.SEMINAR);
        assertThat(Values.purchaseTimeframe("3か月以内")).isEqualTo(PurchaseTimeframe.WITHIN_3_MONTHS);
        assertThat(Values.purchaseTimeframe("within_1_month")).isEqualTo(PurchaseTimeframe.WITHIN_1_MONTH);
        assertThat(Values.budgetStatus("予算確保済み")).isEqualTo(BudgetStatus.SECURED);
        assertThat(Values.salesStatus("Open - Not Contacted")).isEqualTo(SalesStatus.NEW);
        assertThat(Values.salesStatus("salesqualifiedlead")).isEqualTo(SalesStatus.HANDED_TO_SALES);
        assertThat(Values.salesStatus("Closed - Not Converted")).isEqualTo(SalesStatus.CLOSED_LOST);
        assertThat(Values.inquiryType("  ")).isNull();
        assertThatThrownBy(() -> Values.inquiryType("maybe later")).isInstanceOf(Values.BadValue.class)
                .extracting(e -> ((Values.BadValue) e).code()).isEqualTo(Values.UNKNOWN_VALUE);
    }

    @Test
    void employeeCountsAcceptSeparatorsUnitsRangesAndUnknown() throws Values.BadValue {
        assertThat(Values.employeeCount("1,200")).isEqualTo(1200);
        assertThat(Values.employeeCount("１２００名")).isEqualTo(1200);
        assertThat(Values.employeeCount("約300人")).isEqualTo(300);
        assertThat(Values.employeeCount("51-200")).isEqualTo(51);
        assertThat(Values.employeeCount("1,000名以上")).isEqualTo(1000);
        assertThat(Values.employeeCount("10000+")).isEqualTo(10000);
        assertThat(Values.employeeCount("不明")).isNull();
        assertThat(Values.employeeCount("-5")).isEqualTo(-5);
        assertThatThrownBy(() -> Values.employeeCount("lots")).isInstanceOf(Values.BadValue.class);
        assertThatThrownBy(() -> Values.employeeCount("12.5")).isInstanceOf(Values.BadValue.class);
    }

    @Test
    void amountsAcceptCurrencySignsAndJapaneseUnits() throws Values.BadValue {
        assertThat(Values.amount("¥1,500,000")).isEqualTo(1_500_000L);
        assertThat(Values.amount("3億円")).isEqualTo(300_000_000L);
        assertThat(Values.amount("5000万円")).isEqualTo(50_000_000L);
        assertThat(Values.amount("$2.5M")).isEqualTo(2_500_000L);
        assertThat(Values.amount("1500000.00")).isEqualTo(1_500_000L);
    }

    @Test
    void timesAreReadInIsoSalesforceAndSpreadsheetStyles() throws Values.BadValue {
        assertThat(Values.instant("2026-11-20T10:00Z", TOKYO)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(Values.instant("2026-11-20T19:00+09:00", TOKYO)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(Values.instant("2026-11-20T10:00:00.000+0000", TOKYO)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(Values.instant("2026/11/20 19:00", TOKYO)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(Values.instant("2026-11-20", ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThatThrownBy(() -> Values.instant("2026/13/45", TOKYO)).isInstanceOf(Values.BadValue.class)
                .extracting(e -> ((Values.BadValue) e).code()).isEqualTo(Values.NOT_A_DATE);
    }

    @Test
    void engagementRoundTripsThroughTheCompactEncoding() throws Values.BadValue {
        String cell = "pricing@2026-11-20T10:00Z;case_study:製造業@2026-11-21T09:00Z;content:dx-guide@2026-11-22T08:30:15Z";

        List<EngagementEvent> events = EngagementCodec.parse(cell, ZoneOffset.UTC);

        assertThat(events).containsExactly(
                new EngagementEvent(EngagementType.PRICING_PAGE_VISIT, Instant.parse("2026-11-20T10:00:00Z"), null, null),
                new EngagementEvent(EngagementType.CASE_STUDY_VIEW, Instant.parse("2026-11-21T09:00:00Z"), null, "製造業"),
                new EngagementEvent(EngagementType.CONTENT_VIEW, Instant.parse("2026-11-22T08:30:15Z"), "dx-guide", null));
        assertThat(EngagementCodec.format(events)).isEqualTo(cell);
    }

    @Test
    void aBadEngagementEntryIsNamedByItsPosition() {
        assertThatThrownBy(() -> EngagementCodec.parse("pricing@2026-11-20;teleport@2026-11-21", ZoneOffset.UTC))
                .isInstanceOf(Values.BadValue.class)
                .satisfies(e -> {
                    assertThat(((Values.BadValue) e).code()).isEqualTo(Values.MALFORMED_EVENT);
                    assertThat(((Values.BadValue) e).where()).isEqualTo("[1]");
                });
    }

    @Test
    void aNumberCellIsReadUpToAHundredCharactersAndNoFurther() throws Values.BadValue {
        String padded = "0".repeat(Values.MAX_NUMBER_CHARS - 4) + "1200";
        assertThat(Values.employeeCount(padded.substring(1))).isEqualTo(1200);
        assertThat(Values.employeeCount(padded)).isEqualTo(1200);
        assertThatThrownBy(() -> Values.employeeCount("0" + padded)).isInstanceOf(Values.BadValue.class)
                .extracting(e -> ((Values.BadValue) e).code()).isEqualTo(Values.TOO_LONG);
        assertThatThrownBy(() -> Values.amount("9".repeat(1_000_000))).isInstanceOf(Values.BadValue.class)
                .extracting(e -> ((Values.BadValue) e).code()).isEqualTo(Values.TOO_LONG);
    }

    @Test
    void hugeExponentsAreOutOfRangeWithoutBeingExpanded() {
        for (String cell : List.of("1e999999999", "-1E999999999", "1e20", "2147483648")) {
            assertThatThrownBy(() -> Values.employeeCount(cell)).as(cell).isInstanceOf(Values.BadValue.class)
                    .extracting(e -> ((Values.BadValue) e).code()).isEqualTo(Values.OUT_OF_RANGE);
        }
        for (String cell : List.of("1e999999999", "¥1e999999999", "9223372036854775808", "10000000000000億円")) {
            assertThatThrownBy(() -> Values.amount(cell)).as(cell).isInstanceOf(Values.BadValue.class)
                    .extracting(e -> ((Values.BadValue) e).code()).isEqualTo(Values.OUT_OF_RANGE);
        }
    }

    @Test
    void numbersInExponentNotationWithinRangeAreRead() throws Values.BadValue {
        assertThat(Values.employeeCount("1.2E3")).isEqualTo(1200);
        assertThat(Values.employeeCount("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(Values.amount("1.5E6")).isEqualTo(1_500_000L);
        assertThat(Values.amount("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Values.amount("1e-999999999")).isZero();
        assertThatThrownBy(() -> Values.employeeCount("1e-999999999")).isInstanceOf(Values.BadValue.class)
                .extracting(e -> ((Values.BadValue) e).code()).isEqualTo(Values.NOT_A_NUMBER);
    }

    /** The common form 2026-11-20T10:00Z is read without a formatter; it must read exactly as ISO does. */
    @Test
    void utcTimesToTheMinuteOrSecondReadAsIsoReadsThemAndImpossibleOnesAreNotDates() throws Exception {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        for (String t : new String[] {"2026-11-20T10:00Z", "2026-11-20T10:00:59Z", "2024-02-29T23:59Z", "0001-01-01T00:00Z",
                "2026-12-31T23:59:59Z"}) {
            assertThat(Values.instant(t, tokyo)).as(t).isEqualTo(java.time.OffsetDateTime.parse(t).toInstant());
        }
        assertThat(Values.instant("2026-11-20t10:00z", tokyo)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(Values.instant(" 2026-11-20T10:00Z ", tokyo)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        // full-width digits go the general way (NFKC) and read the same
        assertThat(Values.instant("２０２６-11-20T10:00Z", tokyo)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        for (String bad : new String[] {"2026-11-31T10:00Z", "2026-02-29T10:00Z", "2026-11-20T24:00Z", "2026-11-20T10:60Z",
                "2026-11-20T10:00:60Z", "2026-13-01T10:00Z", "2026-1a-20T10:00Z"}) {
            assertThatThrownBy(() -> Values.instant(bad, tokyo)).as(bad).isInstanceOf(Values.BadValue.class)
                    .extracting(e -> ((Values.BadValue) e).code()).isEqualTo(Values.NOT_A_DATE);
        }
    }
}

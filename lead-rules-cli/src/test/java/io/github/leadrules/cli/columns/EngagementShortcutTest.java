package io.github.leadrules.cli.columns;

import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcut for engagement cells in the shape this codec writes reads them exactly as the general
 * path does, and leaves every other cell (and every bad one, for its error) to it.
 */
class EngagementShortcutTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** Cells in the standard shape: the shortcut reads them. */
    private static final List<String> STANDARD = List.of(
            "pricing@2026-11-20T10:00Z",
            "pricing@2026-11-20T10:00:30Z",
            "page:/features@2026-11-24T19:24Z;email_open@2026-11-22T04:09Z",
            "case_study:製造業@2026-11-21t09:00z",
            "case_study:物流@2026-11-23T13:38Z;content:dx-guide@2026-11-22T00:00Z;seminar@2026-11-25T01:00Z",
            "content:a@b:c@2026-11-22T00:00Z",
            "content:@2026-11-22T00:00Z",
            "page:/pricing page@2026-11-22T00:00Z",
            "visit@2026-11-22T00:00Z;price@2026-11-22T00:00Z;download@2026-11-22T00:00Z;case@2026-11-22T00:00Z",
            "open@2026-11-22T00:00Z;webinar@2026-11-22T00:00Z;page_visit@2026-11-22T00:00Z",
            "pricing_page_visit@2026-11-22T00:00Z;content_view@2026-11-22T00:00Z;case_study_view:IT@2026-11-22T00:00Z",
            "email_open@2026-11-22T00:00Z;seminar_attended@2026-11-22T00:00Z",
            "pricing@2024-02-29T23:59:59Z",
            "pricing@2000-02-29T00:00Z",
            "pricing@0000-01-01T00:00Z",
            "pricing@2026-12-31T23:59:59Z");

    /** Cells the general path reads (or refuses): the shortcut passes. */
    private static final List<String> OTHERS = List.of(
            "", " ", ";", ";;",
            "pricing@2026-11-20T10:00Z;",
            ";pricing@2026-11-20T10:00Z",
            "pricing@2026-11-20T10:00Z;;page@2026-11-20T10:00Z",
            " pricing@2026-11-20T10:00Z",
            "pricing@2026-11-20T10:00Z ",
            "pricing @2026-11-20T10:00Z",
            "pricing@ 2026-11-20T10:00Z",
            "Pricing@2026-11-20T10:00Z",
            "case-study:IT@2026-11-20T10:00Z",
            "content: dx-guide@2026-11-20T10:00Z",
            "content:dx-guide @2026-11-20T10:00Z",
            "content:dx-guide\u3000@2026-11-20T10:00Z",
            "content:\u3000@2026-11-20T10:00Z",
            "pricing@2026-11-20",
            "pricing@2026/11/20 10:00",
            "pricing@2026-11-20T19:00+09:00",
            "pricing@2026-11-20T10:00:00.000Z",
            "pricing@２０２６-11-20T10:00Z",
            "pricing",
            "@2026-11-20T10:00Z",
            "pricing@",
            "tweet@2026-11-20T10:00Z",
            ":x@2026-11-20T10:00Z",
            "pricing@2026-11-20T10:00Z;tweet@2026-11-20T10:00Z",
            "pricing@2026-13-01T00:00Z",
            "pricing@2026-00-01T00:00Z",
            "pricing@2026-02-29T00:00Z",
            "pricing@1900-02-29T00:00Z",
            "pricing@2026-04-31T00:00Z",
            "pricing@2026-11-00T00:00Z",
            "pricing@2026-11-20T24:00Z",
            "pricing@2026-11-20T23:60Z",
            "pricing@2026-11-20T23:59:60Z",
            "page@2026-11-20T10:00Z;pricing@2026-11-31T10:00Z");

    @Test
    void cellsInTheStandardShapeAreReadByTheShortcutAsTheGeneralPathReadsThem() throws Values.BadValue {
        for (String cell : STANDARD) {
            assertThat(EngagementCodec.standard(cell)).as(cell).isNotNull()
                    .isEqualTo(EngagementCodec.general(cell, TOKYO))
                    .isEqualTo(EngagementCodec.parse(cell, TOKYO));
        }
        assertThat(EngagementCodec.parse("case_study:製造業@2026-11-21t09:00z;content:@2026-11-22T00:00:30Z", TOKYO))
                .containsExactly(
                        new EngagementEvent(EngagementType.CASE_STUDY_VIEW, Instant.parse("2026-11-21T09:00:00Z"), null, "製造業"),
                        new EngagementEvent(EngagementType.CONTENT_VIEW, Instant.parse("2026-11-22T00:00:30Z"), null, null));
    }

    @Test
    void everyOtherCellIsLeftToTheGeneralPathWithItsErrorAndItsPlace() {
        for (String cell : OTHERS) {
            assertThat(EngagementCodec.standard(cell)).as(cell).isNull();
            assertThat(outcome(() -> EngagementCodec.parse(cell, TOKYO))).as(cell)
                    .isEqualTo(outcome(() -> EngagementCodec.general(cell, TOKYO)));
        }
        assertThat(outcome(() -> EngagementCodec.parse("page@2026-11-20T10:00Z;pricing@2026-11-31T10:00Z", TOKYO)))
                .isEqualTo("NOT_A_DATE[1]");
        assertThat(outcome(() -> EngagementCodec.parse("pricing@2026-11-20T10:00Z;tweet@2026-11-20T10:00Z", TOKYO)))
                .isEqualTo("MALFORMED_EVENT[1]");
        assertThat(outcome(() -> EngagementCodec.parse("pricing@2026-11-20T10:00Z;;page@2026-11-20T10:00Z", TOKYO)))
                .isEqualTo("[EngagementEvent[type=PRICING_PAGE_VISIT, at=2026-11-20T10:00:00Z, detail=null, industry=null], "
                        + "EngagementEvent[type=PAGE_VISIT, at=2026-11-20T10:00:00Z, detail=null, industry=null]]");
    }

    private interface Read {
        List<EngagementEvent> read() throws Values.BadValue;
    }

    /** The events read, or the error's code and place. */
    private static String outcome(Read read) {
        try {
            return read.read().toString();
        } catch (Values.BadValue e) {
            return e.code() + e.where();
        }
    }
}

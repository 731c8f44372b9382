package io.github.leadrules.cli.columns;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcuts for the common cells (UTC times, plain digits, cells without surrounding white
 * space) give what the general path gives, at and around every limit they test.
 */
class ValuesShortcutTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void utcTimesAreReadAsIsoReadsThemAndTheOnesIsoRefusesAreNotADate() {
        List<String> cells = new ArrayList<>();
        for (String year : List.of("0000", "1900", "2000", "2024", "2026", "2100", "9999")) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    cells.add(String.format(Locale.ROOT, "%s-%02d-%02dT00:00Z", year, month, day));
                }
            }
        }
        for (int hour = 0; hour <= 24; hour++) {
            for (int minute : new int[] {0, 1, 59, 60}) {
                for (int second : new int[] {0, 59, 60}) {
                    cells.add(String.format(Locale.ROOT, "2026-11-20T%02d:%02d:%02dZ", hour, minute, second));
                    cells.add(String.format(Locale.ROOT, "2026-11-20t%02d:%02dz", hour, minute));
                }
            }
        }
        cells.addAll(List.of("2026-11-2OT10:00Z", "2026-11-20T10:0OZ", "2026-1-20T10:00:00Z", "+2026-11-20T10:00Z"));
        int read = 0;
        for (String cell : cells) {
            String iso;
            try {
                iso = OffsetDateTime.parse(cell.toUpperCase(Locale.ROOT)).toInstant().toString();
                read++;
            } catch (DateTimeException e) {
                iso = Values.NOT_A_DATE;
            }
            assertThat(outcome(cell)).as(cell).isEqualTo(iso);
        }
        assertThat(read).as("cells ISO reads").isGreaterThan(2_000).isLessThan(cells.size() - 500);
        assertThat(outcome("2024-02-29T23:59:59Z")).isEqualTo("2024-02-29T23:59:59Z");
        assertThat(outcome("2026-02-29T00:00Z")).isEqualTo(Values.NOT_A_DATE);
    }

    @Test
    void plainLocalDatesAreReadAsTheFormatterReadsThemDaysPastTheMonthEndIncluded() {
        List<String> cells = new ArrayList<>();
        for (String year : List.of("0000", "2024", "2026", "2100")) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    for (String format : List.of("%s/%02d/%02d", "%s-%d-%d", "%s.%d/%02d")) {
                        cells.add(String.format(Locale.ROOT, format, year, month, day));
                    }
                }
            }
        }
        cells.addAll(List.of("2026/011/20", "2026//11/20", "2026/11//20", "2026/11/200", "20261/1/20", "2026/1a/20",
                "2026/11/2x", "2026/11/20 10:00", "2026_11_20", "２０２６/11/20", "2026/1/"));
        int dates = 0;
        for (String cell : cells) {
            String general = outcome(() -> Values.instantText(cell, TOKYO));
            assertThat(outcome(cell)).as(cell).isEqualTo(general);
            dates += general.equals(Values.NOT_A_DATE) ? 0 : 1;
        }
        assertThat(dates).as("cells that are dates").isGreaterThan(1_500).isLessThan(cells.size() - 300);
        assertThat(outcome("2026/02/30")).as("the last day of February").isEqualTo("2026-02-27T15:00:00Z");
        assertThat(outcome("2026/13/45")).isEqualTo(Values.NOT_A_DATE);
    }

    @Test
    void plainDigitsAreReadAsTheGeneralPathReadsThemUpToTheirLimits() throws Values.BadValue {
        for (String cell : List.of("0", "7", "007", "000000000", "123456789", "999999999", "1000000000",
                "2147483647", "0002147483647")) {
            assertThat(Values.employeeCount(cell)).as(cell).isEqualTo(Values.employeeCountText(cell));
        }
        for (String cell : List.of("0", "7", "007", "123456789012345678", "999999999999999999",
                "1000000000000000000", "9223372036854775807")) {
            assertThat(Values.amount(cell)).as(cell).isEqualTo(Values.amountText(cell));
        }
        assertThat(Values.plainDigits("999999999", 9)).isEqualTo(999_999_999L);
        assertThat(Values.plainDigits("1000000000", 9)).as("beyond the limit: the general path").isEqualTo(-1);
        assertThat(Values.plainDigits("１２", 9)).as("full-width digits: the general path").isEqualTo(-1);
        assertThat(Values.plainDigits("-5", 9)).isEqualTo(-1);
        assertThat(outcomeOfAmount("9223372036854775808")).isEqualTo(Values.OUT_OF_RANGE);
        assertThat(outcomeOfCount("2147483648")).isEqualTo(Values.OUT_OF_RANGE);
    }

    @Test
    void textKeepsACellWithoutSurroundingWhiteSpaceAndStripsEveryOther() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String ch = String.valueOf((char) c);
            for (String cell : List.of(ch, ch + "株" + ch, "x" + ch, ch + "x")) {
                String stripped = cell.strip();
                assertThat(Values.text(cell)).as("U+%04X", c).isEqualTo(stripped.isEmpty() ? null : stripped);
            }
        }
        assertThat(Values.text("\u3000株式会社サンプル\u3000")).isEqualTo("株式会社サンプル");
        assertThat(Values.text("\u00A0x\u00A0")).as("no-break spaces are no white space to strip").isEqualTo("\u00A0x\u00A0");
    }

    private interface Read {
        Instant read() throws Values.BadValue;
    }

    private static String outcome(Read read) {
        try {
            return read.read().toString();
        } catch (Values.BadValue e) {
            return e.code();
        }
    }

    private static String outcome(String cell) {
        try {
            Instant i = Values.instant(cell, TOKYO);
            return i.toString();
        } catch (Values.BadValue e) {
            return e.code();
        }
    }

    private static String outcomeOfAmount(String cell) {
        try {
            return String.valueOf(Values.amount(cell));
        } catch (Values.BadValue e) {
            return e.code();
        }
    }

    private static String outcomeOfCount(String cell) {
        try {
            return String.valueOf(Values.employeeCount(cell));
        } catch (Values.BadValue e) {
            return e.code();
        }
    }
}

package io.github.leadrules.cli.columns;

import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mapper given the policy blanks exactly the cells the policy calls placeholders: its shortcut
 * for ASCII cells longer than the longest placeholder never changes an answer.
 */
class PlaceholderCellsTest {

    /** The longest placeholder here, "ab cd", has 5 characters (4 without its space). */
    private static final LeadPolicy POLICY = LeadPolicy.defaults().toBuilder().missingValues(List.of("tbd", "ab cd", "未定")).build();

    private static final ColumnMapping MAPPING = mapping();

    private static ColumnMapping mapping() {
        try {
            return ColumnMapping.resolve(List.of("id", "email", "job_title"), null, "leads.csv");
        } catch (ColumnMapping.UnknownColumnsException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cellsAroundTheLongestPlaceholderAreBlankedExactlyAsThePolicySays() {
        List<String> cells = List.of(
                "tbd", "TBD", "  tbd  ", "t b d", "tbdx",
                // 4, 5 and 6 characters other than spaces, around the longest placeholder
                "ab cd", "AB CD", "ab\t\tcd", "  ab   cd  ", "abcd", "abcde", "ab cde", "abc def",
                // spaces and controls do not count towards the length
                "ab" + " ".repeat(90) + "cd", "\u001Fab cd\u001F",
                // full-width and Japanese placeholders go the long way
                "ＴＢＤ", "ａｂ　ｃｄ", "未定", " 未定 ", "未定です",
                // what a lead export holds
                "taro.yamada@sample-kogyo.co.jp", "2026-11-20T10:00Z", "090-1234-5678", "CTO", "部長");
        List<String> blanked = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        RowMapper mapper = new RowMapper(MAPPING, ZoneOffset.UTC, POLICY);
        for (String cell : cells) {
            if (mapper.map(2, List.of("L-1", "taro@sample-kogyo.example", cell)).lead().jobTitle() == null) {
                blanked.add(cell);
            }
            if (POLICY.isMissingValue(cell)) {
                expected.add(cell);
            }
        }
        assertThat(blanked).isEqualTo(expected)
                .contains("tbd", "TBD", "ab cd", "AB CD", "ab\t\tcd", "  ab   cd  ", "ab" + " ".repeat(90) + "cd", "ＴＢＤ", "未定", " 未定 ")
                .doesNotContain("tbdx", "abcd", "abcde", "ab cde", "未定です", "CTO");
    }

    @Test
    void twoPoliciesBlankWhatEitherCallsAPlaceholder() {
        LeadPolicy other = LeadPolicy.defaults().toBuilder().missingValues(List.of("to be decided")).build();
        RowMapper mapper = new RowMapper(MAPPING, ZoneOffset.UTC, POLICY, other);
        assertThat(mapper.map(2, List.of("L-1", "taro@sample-kogyo.example", "To Be Decided")).lead().jobTitle()).isNull();
        assertThat(mapper.map(2, List.of("L-1", "taro@sample-kogyo.example", "tbd")).lead().jobTitle()).isNull();
        assertThat(mapper.map(2, List.of("L-1", "taro@sample-kogyo.example", "to be decided!")).lead().jobTitle()).isEqualTo("to be decided!");
    }
}

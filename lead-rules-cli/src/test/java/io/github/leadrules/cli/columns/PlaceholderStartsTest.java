package io.github.leadrules.cli.columns;

import io.github.leadrules.policy.LeadPolicy;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cell is ruled out as a placeholder by its first characters only when no placeholder's key can
 * start with them; the characters the rule trusts are checked on every UTF-16 unit.
 */
class PlaceholderStartsTest {

    private static final LeadPolicy DEFAULTS = LeadPolicy.defaults();
    private static final PlaceholderStarts STARTS = new PlaceholderStarts(DEFAULTS.missingValues());

    @Test
    void settledCharactersAreTheirOwnNormalFormHaveNoCaseAndAreNeverTheSecondCharacterOfAComposition() {
        List<String> wrong = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (!PlaceholderStarts.isSettled((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            int type = Character.getType(c);
            if (!Normalizer.normalize(s, Normalizer.Form.NFKC).equals(s)
                    || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || (c >= 0x80 && !s.toLowerCase(Locale.ROOT).equals(s))) {
                wrong.add(Integer.toHexString(c));
            }
        }
        // Every canonical composition undoes a canonical decomposition: a character that is no
        // decomposition's second (or later) part is never the second character of a composition.
        for (int c = 0; c <= 0xFFFF; c++) {
            String d = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
            for (int i = 1; i < d.length(); i++) {
                if (PlaceholderStarts.isSettled(d.charAt(i))) {
                    wrong.add(Integer.toHexString(c) + " decomposes into " + Integer.toHexString(d.charAt(i)));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(PlaceholderStarts.isSettled('株')).isTrue();
        assertThat(PlaceholderStarts.isSettled('ソ')).isTrue();
        assertThat(PlaceholderStarts.isSettled('ｿ')).as("half-width katakana").isFalse();
        assertThat(PlaceholderStarts.isSettled('\u3099')).as("combining voiced sound mark").isFalse();
        assertThat(PlaceholderStarts.isSettled('\u3000')).as("ideographic space").isFalse();
    }

    @Test
    void cellsStartingLikeNoPlaceholderAreRuledOutAndTheOthersAreLeftToTheCheck() {
        // The defaults' placeholders start with u, n, #, -, ?, s, p, 不, な, 該, 未.
        assertThat(List.of("taro.yamada@sample-kogyo.co.jp", "090-1234-5678", "2026-11-20T10:00Z", "Japan", "JP",
                "情報通信業", "株式会社サンプル工業", "ソニー", "x", "1", "given", "document_request"))
                .allSatisfy(cell -> assertThat(STARTS.rulesOut(cell)).as(cell).isTrue());
        assertThat(List.of("unknown", "Unknown", "UNKNOWN", "n/a", "N/A", "new", "planned", "Select", "-", "?", "#N/A",
                "不明", "なし", "未入力", "未定", "該当なし",
                // a first character that is no settled one, or followed by one that may compose with it
                "ｕｎｋｎｏｗｎ", "u\u0308nknown", "e\u0301", "ﾅｼ", "\u3000不明",
                // blank starts and controls
                "", " unknown", "\tunknown", "\u0000x", "\u00A0n/a"))
                .allSatisfy(cell -> assertThat(STARTS.rulesOut(cell)).as(cell).isFalse());
    }

    @Test
    void aCellRuledOutIsNeverAPlaceholderOfThePolicy() {
        LeadPolicy policy = DEFAULTS.toBuilder().missingValues(List.of("tbd", "ab cd", "未定", "ＴＢＡ", "①")).build();
        PlaceholderStarts starts = new PlaceholderStarts(policy.missingValues());
        List<String> cells = List.of("tbd", "TBD", "Tbd", "ab cd", "AB CD", "未定", "tba", "TBA", "1", "①", "t\u0301bd",
                "x", "abc", "未", "未定です", "決定", "ab");
        for (String cell : cells) {
            if (starts.rulesOut(cell)) {
                assertThat(policy.isMissingValue(cell)).as(cell).isFalse();
            }
        }
        assertThat(starts.rulesOut("x")).isTrue();
        assertThat(starts.rulesOut("決定")).isTrue();
        assertThat(starts.rulesOut("TBD")).isFalse();
        assertThat(starts.rulesOut("1")).as("① is 1 once normalised").isFalse();
    }
}

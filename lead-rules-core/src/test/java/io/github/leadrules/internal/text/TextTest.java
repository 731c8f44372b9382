package io.github.leadrules.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @Test
    void nfkcTurnsFullWidthLatinIntoAscii() {
        assertThat(Text.nfkc("Ｓｏｎｙ　１２３")).isEqualTo("Sony 123");
    }

    @Test
    void nfkcTurnsHalfWidthKatakanaIntoFullWidthWithComposedVoicingMarks() {
        assertThat(Text.nfkc("ｻﾝﾌﾟﾙ ｶﾀｶﾅ")).isEqualTo("サンプル カタカナ");
    }

    @Test
    void nfkcSpellsOutTheEnclosedCompanyMark() {
        assertThat(Text.nfkc("㈱サンプル")).isEqualTo("(株)サンプル");
    }

    @Test
    void nfkcOfNullIsNull() {
        assertThat(Text.nfkc(null)).isNull();
    }

    @Test
    void keyLowercasesTrimsAndCollapsesWhitespace() {
        assertThat(Text.key("  Acme \t\n Widgets  ")).isEqualTo("acme widgets");
    }

    @Test
    void keyCollapsesIdeographicAndNoBreakSpacesToOneAsciiSpace() {
        assertThat(Text.key("\u3000トヨタ\u3000\u3000自動車\u00A0\u202FJapan\u3000"))
                .isEqualTo("トヨタ 自動車 japan");
    }

    @Test
    void keyOfFullWidthTextEqualsKeyOfHalfWidthText() {
        assertThat(Text.key("ＡＣＭＥ　ＷＩＤＧＥＴＳ")).isEqualTo(Text.key("acme widgets"));
    }

    @Test
    void keyDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(Text.key("INITECH")).isEqualTo("initech");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "\u3000\u3000", "\u00A0"})
    void keyOfNullOrBlankIsNull(String blank) {
        assertThat(Text.key(blank)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme\u0000Corp", "bell\u0007", "\u001B[31mred", "del\u007F", "c1\u0085control"})
    void controlCharactersAreDetected(String text) {
        assertThat(Text.hasControlCharacters(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Acme Corp", "line one\nline two\r\n\ttabbed", "株式会社サンプル", "絵文字 😀 ok", "𠮷野家"})
    void ordinaryTextTabsAndLineBreaksAreNotControlCharacters(String text) {
        assertThat(Text.hasControlCharacters(text)).isFalse();
    }

    @Test
    void nullHasNoControlCharacters() {
        assertThat(Text.hasControlCharacters(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D", "\uDE00", "a\uD83Db", "a\uDE00\uD83D", "end\uD842"})
    void unpairedSurrogatesAreDetected(String text) {
        assertThat(Text.hasControlCharacters(text)).isTrue();
    }
}

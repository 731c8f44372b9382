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

    /**
     * Every character {@link Text#isSettled(char)} accepts is its own NFKC form, is no combining
     * mark and is never a later character of any canonical decomposition (so nothing composes with
     * a character before it): the three facts the fast paths of {@code nfkc} and of the
     * placeholder check rely on.
     */
    @Test
    void settledCharactersAreTheirOwnNfkcFormAndNeverComposeWithTheCharacterBefore() {
        java.util.BitSet later = new java.util.BitSet(0x10000);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                continue;
            }
            String nfd = java.text.Normalizer.normalize(new String(Character.toChars(cp)), java.text.Normalizer.Form.NFD);
            for (int i = 1; i < nfd.length(); i++) {
                later.set(nfd.charAt(i));
            }
        }
        int settled = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            if (!Text.isSettled((char) c)) {
                continue;
            }
            settled++;
            String s = String.valueOf((char) c);
            assertThat(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)).as("U+%04X", c).isEqualTo(s);
            assertThat(later.get(c)).as("U+%04X composes with the character before it", c).isFalse();
            int type = Character.getType(c);
            assertThat(type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK).as("U+%04X is a mark", c).isFalse();
            // the placeholder check skips the white-space look-up for these
            assertThat(c > ' ' && Character.isWhitespace(c)).as("U+%04X is white space", c).isFalse();
        }
        assertThat(settled).isGreaterThan(27_000);
        assertThat(later.get(0x3099)).isTrue(); // the combining voiced sound mark, which is not settled
    }

    @Test
    void textOfSettledCharactersIsLeftAsItIsAndAnythingElseStillNormalises() {
        String japanese = "株式会社サンプル・ソリューションズ 営業部長 ゝゞヽヾ「テスト」、。";
        assertThat(Text.nfkc(japanese)).isSameAs(japanese);
        assertThat(Text.nfkc("カ\u3099")).isEqualTo("ガ");
        assertThat(Text.nfkc("サンプル\uFF08株\uFF09")).isEqualTo("サンプル(株)");
        assertThat(Text.nfkc("ヿ")).isEqualTo("コト");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u007F", "a\u0085b", "\u009F", "東京\u0000"})
    void deleteAndC1ControlsAreControlCharactersToo(String text) {
        assertThat(Text.hasControlCharacters(text)).isTrue();
    }

    /**
     * The fast paths (settled text, ideographic and no-break spaces) give the key the definition
     * gives: NFKC, lower case, whitespace collapsed. Seeded random text from an alphabet of settled
     * characters, spaces of every kind, full-width and half-width forms and combining marks.
     */
    @Test
    void theKeyIsTheKeyOfTheNfkcFormForMixedJapaneseAndLatinText() {
        String alphabet = "aZ09 -.@株式会社サンプル山田太郎ゝヽ「」、。ー・\u3000\u00A0\u2003\t"
                + "ＡＺ０９＠（）ｻﾝﾌﾟﾙﾞ\u3099\u309A\u0301㈱ヿİσΣ";
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261130L);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(1, 12);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            String nfkc = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
            assertThat(Text.key(s)).as("key of %s", s).isEqualTo(Text.key(nfkc));
            assertThat(Text.nfkc(s)).as("nfkc of %s", s).isEqualTo(nfkc);
        }
    }
}

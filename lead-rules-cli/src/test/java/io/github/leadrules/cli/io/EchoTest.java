package io.github.leadrules.cli.io;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Names echoed in messages cannot drive the terminal or reorder what it shows. */
class EchoTest {

    @Test
    void controlAndFormatCharactersAreWrittenAsUnicodeEscapes() {
        assertThat(Echo.escape("Lead\u001b[2J\u0000\u0007\t\r\n\u007f\u0085")).isEqualTo("Lead\\u001b[2J\\u0000\\u0007\\u0009\\u000d\\u000a\\u007f\\u0085");
        assertThat(Echo.escape("名前\u202e\u2066\u200b\u2028\u2029\ufeff")).isEqualTo("名前\\u202e\\u2066\\u200b\\u2028\\u2029\\ufeff");
    }

    @Test
    void japaneseEnglishAndEmojiAreShownAsTheyAre() {
        for (String name : List.of("メールアドレス", "E-mail Address", "Country/Region", "会社名 (株)", "👍 score", "")) {
            assertThat(Echo.escape(name)).isEqualTo(name);
        }
    }

    @Test
    void loneSurrogatesAreEscapedAndPairsAreKept() {
        assertThat(Echo.escape("a\ud83db")).isEqualTo("a\\ud83db");
        assertThat(Echo.escape("a\udc4db")).isEqualTo("a\\udc4db");
        assertThat(Echo.escape("\ud83d\udc4d")).isEqualTo("\ud83d\udc4d");
    }

    @Test
    void aQuotedNameIsCutAfterEightyCharactersSayingHowLongItWas() {
        assertThat(Echo.quoted("x".repeat(80))).isEqualTo("\"" + "x".repeat(80) + "\"");
        assertThat(Echo.quoted("x".repeat(81))).isEqualTo("\"" + "x".repeat(80) + "…(81 characters)\"");
        assertThat(Echo.quoted("x".repeat(79) + "\ud83d\udc4d")).isEqualTo("\"" + "x".repeat(79) + "…(81 characters)\"");
        assertThat(Echo.quoted(List.of("id", "e\u001bmail"))).isEqualTo("\"id\", \"e\\u001bmail\"");
    }
}

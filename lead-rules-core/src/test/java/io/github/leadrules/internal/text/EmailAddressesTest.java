package io.github.leadrules.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.leadrules.internal.text.EmailAddresses.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @Test
    void anOrdinaryAddressSplitsIntoLocalPartAndDomain() {
        assertThat(EmailAddresses.parse("taro.yamada@example.co.jp"))
                .contains(new Parsed("taro.yamada", "example.co.jp"));
    }

    @Test
    void fullWidthAddressTypedWithAJapaneseInputMethodParses() {
        assertThat(EmailAddresses.parse("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ"))
                .contains(new Parsed("taro", "example.co.jp"));
    }

    @Test
    void bothPartsAreLowercased() {
        assertThat(EmailAddresses.parse("Taro.Yamada@Sales.Example.CO.JP"))
                .contains(new Parsed("taro.yamada", "sales.example.co.jp"));
    }

    @Test
    void surroundingWhitespaceIsTrimmed() {
        assertThat(EmailAddresses.parse(" \u3000hanako@example.com\t\n"))
                .contains(new Parsed("hanako", "example.com"));
    }

    @ParameterizedTest(name = "{0} has domain {1}")
    @CsvSource({
        "info@bücher.de, xn--bcher-kva.de",
        "info@例え.テスト, xn--r8jz45g.xn--zckzah",
        "info@日本語.jp, xn--wgv71a119e.jp",
    })
    void internationalisedDomainsComeOutAsPunycode(String email, String domain) {
        assertThat(EmailAddresses.parse(email)).map(Parsed::domain).contains(domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "first.last+tag@example.com", "o'brien@example.ie", "a@example.com", "x_y-z@a-b.example",
        "user@xn--bcher-kva.de", "user@123.example.com"})
    void plausibleAddressesParse(String email) {
        assertThat(EmailAddresses.parse(email)).isPresent();
    }

    @Test
    void aLocalPartOfSixtyFourCharactersIsAccepted() {
        assertThat(EmailAddresses.parse("a".repeat(64) + "@example.com")).isPresent();
    }

    @Test
    void aLocalPartOfSixtyFiveCharactersIsRejected() {
        assertThat(EmailAddresses.parse("a".repeat(65) + "@example.com")).isEmpty();
    }

    @Test
    void aLabelOfSixtyThreeCharactersIsAcceptedAndSixtyFourIsRejected() {
        assertThat(EmailAddresses.parse("a@" + "b".repeat(63) + ".com")).isPresent();
        assertThat(EmailAddresses.parse("a@" + "b".repeat(64) + ".com")).isEmpty();
    }

    @Test
    void aDomainLongerThan253CharactersIsRejected() {
        String label = "a".repeat(60);
        String domain253 = String.join(".", label, label, label, label) + ".a" + "b".repeat(8);
        assertThat(domain253).hasSize(253);
        assertThat(EmailAddresses.parse("x@" + domain253)).isPresent();
        assertThat(EmailAddresses.parse("x@" + domain253 + "c")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ",
        "taro",
        "taro@",
        "@example.com",
        "taro@@example.com",
        "taro@sales@example.com",
        "taro yamada@example.com",
        ".taro@example.com",
        "taro.@example.com",
        "taro..yamada@example.com",
        "たろう@example.com",
        "taro@localhost",
        "taro@example",
        "taro@example..com",
        "taro@.example.com",
        "taro@example.com.",
        "taro@-example.com",
        "taro@example-.com",
        "taro@exa_mple.com",
        "taro@exa mple.com",
        "taro@192.168.0.1",
        "taro@[192.168.0.1]",
        "taro@example.123",
    })
    void implausibleAddressesAreRejected(String email) {
        assertThat(EmailAddresses.parse(email)).isEmpty();
    }

    @Test
    void parsedLeavesTheLocalPartOutOfItsStringForm() {
        Parsed parsed = EmailAddresses.parse("taro.yamada@example.co.jp").orElseThrow();
        assertThat(parsed.toString()).contains("example.co.jp").doesNotContain("taro");
    }

    @Test
    void parsedRequiresBothParts() {
        assertThatNullPointerException().isThrownBy(() -> new Parsed(null, "example.com"));
        assertThatNullPointerException().isThrownBy(() -> new Parsed("taro", null));
    }

    @Test
    void domainAndParentsListsTheDomainThenEachParentDownToTheRegisteredName() {
        assertThat(EmailAddresses.domainAndParents("mail.sales.rival.example"))
                .containsExactly("mail.sales.rival.example", "sales.rival.example", "rival.example");
    }

    @Test
    void domainAndParentsOfATwoLabelDomainIsTheDomainAlone() {
        assertThat(EmailAddresses.domainAndParents("rival.example")).containsExactly("rival.example");
    }

    @Test
    void domainAndParentsIncludesPublicSuffixesLikeCoJp() {
        assertThat(EmailAddresses.domainAndParents("tokyo.example.co.jp"))
                .containsExactly("tokyo.example.co.jp", "example.co.jp", "co.jp");
    }

    @Test
    void domainAndParentsLowercasesAndIgnoresOneTrailingDot() {
        assertThat(EmailAddresses.domainAndParents("Sales.Rival.Example."))
                .containsExactly("sales.rival.example", "rival.example");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "example", "a..example", ".example.com"})
    void domainAndParentsOfNothingOrASingleLabelOrAnEmptyLabelIsEmpty(String domain) {
        assertThat(EmailAddresses.domainAndParents(domain)).isEmpty();
    }

    @Test
    void domainAndParentsMatchesTheDomainThatParseReturns() {
        Parsed parsed = EmailAddresses.parse("ｓｕｚｕｋｉ＠ｍａｉｌ．ｒｉｖａｌ．ｅｘａｍｐｌｅ").orElseThrow();
        assertThat(EmailAddresses.domainAndParents(parsed.domain())).contains("rival.example");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sample.co.jp", "Sample.CO.JP", "ｓａｍｐｌｅ．ｃｏ．ｊｐ",
            "sample.co.jp ", "sample.co.jp\u3000", " sample.co.jp", "サンプル.jp", "例え.テスト", "sample.co.jp.",
            "a@sample.co.jp", "sample＠co.jp", "", " ", "localhost", "192.168.0.1", "-bad-.example", "a..b",
            "sample.co.jp/path", "xn--eckwd4c7c.jp", "sub.mail.sample.co.jp"})
    void aDomainParsesAsTheDomainOfAnAddressAtIt(String text) {
        assertThat(EmailAddresses.parseDomain(text))
                .isEqualTo(EmailAddresses.parse("x@" + text).map(EmailAddresses.Parsed::domain).orElse(null));
    }
}

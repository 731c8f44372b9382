package io.github.leadrules.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one domain check shared by the policy lists, the account directory and the CLI's accounts file. */
class DomainNameTest {

    @ParameterizedTest(name = "{0} is the domain {1}")
    @CsvSource({
            "sample.co.jp, sample.co.jp",
            "Sample.CO.JP, sample.co.jp",
            "@sample.co.jp, sample.co.jp",
            "'  toho-logitech.example  ', toho-logitech.example",
            "ＳＡＭＰＬＥ.co.jp, sample.co.jp",
            "mail_relay.acme.example, mail_relay.acme.example",
            "例え.テスト, 例え.テスト"
    })
    void aDomainAsPeopleWriteItHasOneMatchingKey(String text, String key) {
        assertThat(DomainName.key(text)).contains(key);
    }

    @ParameterizedTest(name = "\"{0}\" is not a domain")
    @ValueSource(strings = {"", " ", "localhost", "https://sample.co.jp", "sample.co.jp/contact", "taro@sample.co.jp",
            ".sample.co.jp", "sample.co.jp.", "sample..co.jp", "sample co.jp", "sample.co.jp:443", "@"})
    void textThatIsNotADomainHasNoKey(String text) {
        assertThat(DomainName.key(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nullIsNotADomain() {
        assertThat(DomainName.key(null)).isEmpty();
    }
}

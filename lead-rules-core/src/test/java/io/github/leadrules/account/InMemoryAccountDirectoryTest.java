package io.github.leadrules.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static io.github.leadrules.account.InMemoryAccountDirectory.companyKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped account directory: accounts found by e-mail domain (subdomains included, any case or
 * width) and by normalised company name (legal forms and widths ignored); recent leads remembered
 * by normalised address for duplicate detection.
 */
class InMemoryAccountDirectoryTest {

    private static final Account SAMPLE = new Account("A-1002", "株式会社サンプル商事", Set.of("sample-shoji.co.jp"),
            Relationship.CUSTOMER, "rep-kato");
    private static final Account ACME = new Account("A-4001", "Acme Co., Ltd.", Set.of("acme-mfg.example", "acme.example"),
            Relationship.PROSPECT, "rep-johnson");

    private static final AccountDirectory DIRECTORY = InMemoryAccountDirectory.builder()
            .add(SAMPLE)
            .add(ACME)
            .recentLead("E.Clark@Umbrella.example", Instant.parse("2026-11-20T03:00:00Z"))
            .recentLead("e.clark@umbrella.example", Instant.parse("2026-11-02T03:00:00Z"))
            .build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample-shoji.co.jp", "mail.sample-shoji.co.jp", "tokyo.sales.sample-shoji.co.jp",
            "SAMPLE-SHOJI.CO.JP", "ｓａｍｐｌｅ－ｓｈｏｊｉ．ｃｏ．ｊｐ"})
    void findsAnAccountByItsDomainOrAnySubdomainInAnyCaseOrWidth(String domain) {
        assertThat(DIRECTORY.findByDomain(domain)).contains(SAMPLE);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"notsample-shoji.co.jp", "sample-shoji.co.jp.evil.example", "co.jp", "jp", " "})
    void doesNotFindAnAccountForLookAlikeOrPublicSuffixDomains(String domain) {
        assertThat(DIRECTORY.findByDomain(domain)).isEmpty();
    }

    @Test
    void findsNothingForNull() {
        assertThat(DIRECTORY.findByDomain(null)).isEmpty();
        assertThat(DIRECTORY.findByCompanyKey(null)).isEmpty();
        assertThat(DIRECTORY.lastLeadAt(null)).isEmpty();
    }

    @Test
    void everyDomainOfAnAccountFindsIt() {
        assertThat(DIRECTORY.findByDomain("acme.example")).contains(ACME);
        assertThat(DIRECTORY.findByDomain("acme-mfg.example")).contains(ACME);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"株式会社サンプル商事", "サンプル商事株式会社", "(株)サンプル商事", "㈱サンプル商事", "ｻﾝﾌﾟﾙ商事(株)",
            "（株）サンプル商事", "株式会社　サンプル商事"})
    void findsAJapaneseAccountByItsNameWhateverTheLegalFormAndWidth(String name) {
        assertThat(DIRECTORY.findByCompanyKey(companyKey(name))).contains(SAMPLE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Acme Co., Ltd.", "ACME CO LTD", "Acme Inc.", "Acme Corporation", "Ａｃｍｅ"})
    void findsAnEnglishAccountByItsNameWhateverTheLegalFormAndWidth(String name) {
        assertThat(DIRECTORY.findByCompanyKey(companyKey(name))).contains(ACME);
    }

    @Test
    void doesNotFindAnAccountByADifferentName() {
        assertThat(DIRECTORY.findByCompanyKey(companyKey("サンプル工業株式会社"))).isEmpty();
        assertThat(DIRECTORY.findByCompanyKey(companyKey("Acme Widgets LLC"))).isEmpty();
    }

    @Test
    void remembersTheLatestRecentLeadPerNormalisedAddress() {
        assertThat(DIRECTORY.lastLeadAt("e.clark@umbrella.example")).contains(Instant.parse("2026-11-20T03:00:00Z"));
        assertThat(DIRECTORY.lastLeadAt("someone.else@umbrella.example")).isEmpty();
    }

    @Test
    void aLaterAccountWinsAConflictingDomainOrName() {
        Account renamed = new Account("A-1002-NEW", "サンプル商事", Set.of("sample-shoji.co.jp"), Relationship.CUSTOMER, "rep-mori");
        AccountDirectory directory = InMemoryAccountDirectory.builder().add(SAMPLE).add(renamed).build();
        assertThat(directory.findByDomain("sample-shoji.co.jp")).contains(renamed);
        assertThat(directory.findByCompanyKey(companyKey("株式会社サンプル商事"))).contains(renamed);
    }

    @Test
    void aMalformedRecentLeadAddressIsRejectedWithoutRepeatingIt() {
        assertThatThrownBy(() -> InMemoryAccountDirectory.builder().recentLead("hanako.sato@", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recentLead")
                .hasMessageNotContaining("hanako");
    }

    @Test
    void aBlankAccountDomainIsRejectedNamingTheAccount() {
        Account broken = new Account("A-9999", "Broken K.K.", Set.of(" "), Relationship.PROSPECT, null);
        assertThatThrownBy(() -> InMemoryAccountDirectory.builder().add(broken))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A-9999").hasMessageContaining("blank domain");
    }

    @Test
    void anAccountDomainWithASchemeOrPathIsRejectedNamingTheAccountNotTheValue() {
        Account pasted = new Account("A-4242", "株式会社サンプル", Set.of("https://sakura-seiki.example/contact"),
                Relationship.CUSTOMER, "suzuki");
        assertThatThrownBy(() -> InMemoryAccountDirectory.builder().add(pasted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A-4242").hasMessageContaining("domain 1 is not a domain name")
                .hasMessageNotContaining("sakura-seiki");
    }

    @Test
    void aDomainWrittenWithAnAtSignOrFullWidthLettersMatchesItsPlainForm() {
        AccountDirectory directory = InMemoryAccountDirectory.builder()
                .add(new Account("A-1001", "株式会社さくら精機", Set.of("@ＳＡＫＵＲＡ-seiki.example"), Relationship.CUSTOMER, "k.suzuki"))
                .build();
        assertThat(directory.findByDomain("sakura-seiki.example")).map(Account::id).contains("A-1001");
    }

    @Test
    void theEmptyDirectoryKnowsNothing() {
        AccountDirectory empty = AccountDirectory.empty();
        assertThat(empty.findByDomain("sample-shoji.co.jp")).isEmpty();
        assertThat(empty.findByCompanyKey(companyKey("株式会社サンプル商事"))).isEmpty();
        assertThat(empty.lastLeadAt("e.clark@umbrella.example")).isEmpty();
    }

    @Test
    void anAccountCopiesItsDomainsAndAnswersWhatItIs() {
        Set<String> domains = new HashSet<>(Set.of("sample-shoji.co.jp"));
        Account account = new Account("A-1", "株式会社サンプル商事", domains, Relationship.CUSTOMER, " ");
        domains.add("other.example");
        assertThat(account.domains()).containsExactly("sample-shoji.co.jp");
        assertThat(account.hasOwner()).isFalse();
        assertThat(account.isCustomer()).isTrue();
        assertThat(account.isCompetitor()).isFalse();
        assertThat(new Account("A-2", "Globex", null, Relationship.COMPETITOR, null).domains()).isEmpty();
        assertThatThrownBy(() -> new Account(null, "x", Set.of(), Relationship.PROSPECT, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("account id");
    }
}

package io.github.leadrules.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainListsTest {

    private static final String TEST_LIST = "io/github/leadrules/internal/text/sample-domains.txt";

    @ParameterizedTest(name = "{0} is free mail")
    @ValueSource(strings = {
        "gmail.com", "yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp", "au.com", "i.softbank.jp",
        "softbank.ne.jp", "ymail.ne.jp", "icloud.com", "outlook.jp", "hotmail.co.jp", "nifty.com",
        "biglobe.ne.jp", "ocn.ne.jp"})
    void japaneseCarriersAndCommonProvidersAreFreeMail(String domain) {
        assertThat(DomainLists.defaultFreeMailDomains()).contains(domain);
    }

    @ParameterizedTest(name = "{0} is disposable")
    @ValueSource(strings = {"mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com"})
    void knownThrowawayServicesAreDisposable(String domain) {
        assertThat(DomainLists.defaultDisposableDomains()).contains(domain);
    }

    @Test
    void aCompanyDomainIsNeitherFreeMailNorDisposable() {
        assertThat(DomainLists.defaultFreeMailDomains()).doesNotContain("example-corp.co.jp");
        assertThat(DomainLists.defaultDisposableDomains()).doesNotContain("example-corp.co.jp");
    }

    @Test
    void majorFreeMailProvidersAreNotDisposable() {
        assertThat(DomainLists.defaultDisposableDomains())
                .doesNotContain("gmail.com", "yahoo.co.jp", "docomo.ne.jp", "outlook.com");
    }

    @Test
    void theDefaultListsAreLargeSnapshotsNotStubs() {
        assertThat(DomainLists.defaultFreeMailDomains()).hasSizeGreaterThan(10_000);
        assertThat(DomainLists.defaultDisposableDomains()).hasSizeGreaterThan(100_000);
    }

    @Test
    void theDefaultListsHoldOnlyLowercaseAsciiDomainsWithoutComments() {
        for (Set<String> list : Set.of(DomainLists.defaultFreeMailDomains(), DomainLists.defaultDisposableDomains())) {
            assertThat(list).allSatisfy(domain -> assertThat(domain)
                    .matches("[a-z0-9-]+(\\.[a-z0-9-]+)+"));
        }
    }

    @Test
    void freeMailIsTheUnionOfTheSnapshotAndTheProjectAdditions() {
        Set<String> snapshot = DomainLists.load(DomainLists.FREE_EMAIL_DOMAINS);
        Set<String> extra = DomainLists.load(DomainLists.FREE_EMAIL_DOMAINS_EXTRA);
        assertThat(DomainLists.defaultFreeMailDomains())
                .containsAll(snapshot)
                .containsAll(extra)
                .hasSize(snapshot.size() + extra.size());
    }

    @Test
    void projectAdditionsDoNotRepeatTheSnapshot() {
        Set<String> snapshot = DomainLists.load(DomainLists.FREE_EMAIL_DOMAINS);
        assertThat(DomainLists.load(DomainLists.FREE_EMAIL_DOMAINS_EXTRA)).doesNotContainAnyElementsOf(snapshot);
    }

    @Test
    void theDefaultListsAreLoadedOnce() {
        assertThat(DomainLists.defaultFreeMailDomains()).isSameAs(DomainLists.defaultFreeMailDomains());
        assertThat(DomainLists.defaultDisposableDomains()).isSameAs(DomainLists.defaultDisposableDomains());
    }

    @Test
    void loadSkipsCommentsAndBlankLinesAndLowercasesAndConvertsToAscii() {
        assertThat(DomainLists.load(TEST_LIST))
                .containsExactlyInAnyOrder("example-corp.co.jp", "mail.example.com", "xn--bcher-kva.de");
    }

    @Test
    void aLeadingSlashInTheResourceNameIsIgnored() {
        assertThat(DomainLists.load("/" + TEST_LIST)).isEqualTo(DomainLists.load(TEST_LIST));
    }

    @Test
    void loadedSetsCannotBeChanged() {
        assertThatThrownBy(() -> DomainLists.load(TEST_LIST).add("rival.example"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DomainLists.defaultFreeMailDomains().remove("gmail.com"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMissingResourceFailsNamingTheResource() {
        assertThatIllegalStateException()
                .isThrownBy(() -> DomainLists.load("io/github/leadrules/domains/no-such-list.txt"))
                .withMessageContaining("io/github/leadrules/domains/no-such-list.txt");
    }

    @Test
    void theShippedListsDigestIsSha256OverTheirResourceBytesEachPrecededByItsLength() throws Exception {
        assertThat(DomainLists.defaultFreeMailDigest())
                .isEqualTo(sha256(DomainLists.FREE_EMAIL_DOMAINS, DomainLists.FREE_EMAIL_DOMAINS_EXTRA));
        assertThat(DomainLists.defaultDisposableDigest()).isEqualTo(sha256(DomainLists.DISPOSABLE_EMAIL_DOMAINS));
        assertThat(DomainLists.defaultFreeMailDigest()).isNotEqualTo(DomainLists.defaultDisposableDigest())
                .matches("[0-9a-f]{64}");
    }

    private static String sha256(String... resources) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (String resource : resources) {
            byte[] bytes;
            try (java.io.InputStream in = DomainListsTest.class.getClassLoader().getResourceAsStream(resource)) {
                bytes = in.readAllBytes();
            }
            sha.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
            sha.update(bytes);
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }
}

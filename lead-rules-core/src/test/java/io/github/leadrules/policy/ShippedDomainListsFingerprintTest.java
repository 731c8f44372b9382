package io.github.leadrules.policy;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.internal.text.DomainLists;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped free-mail and disposable lists stand in a policy's canonical text (and so in the
 * rule-set fingerprint) by the digest of their resource files plus the host's sorted additions and
 * removals: equal lists give equal texts however they were reached, any change gives another text.
 */
class ShippedDomainListsFingerprintTest {

    private static final LeadPolicy DEFAULTS = LeadPolicy.defaults();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void theDefaultsNameTheShippedResourcesByDigestInsteadOfListingTheirDomains() {
        String text = DEFAULTS.canonicalText();
        assertThat(text)
                .contains(DomainLists.defaultFreeMailDigest())
                .contains(DomainLists.defaultDisposableDigest())
                .doesNotContain("gmail.com")
                .doesNotContain("mailinator.com")
                .hasSizeLessThan(5_000);
        assertThat(DEFAULTS.exclusion().freeMailDomains()).isSameAs(DomainLists.defaultFreeMailDomains());
        assertThat(DEFAULTS.exclusion().disposableDomains()).isSameAs(DomainLists.defaultDisposableDomains());
    }

    @Test
    void addingOrRemovingAnyDomainChangesTheCanonicalText() {
        Set<String> texts = new HashSet<>(List.of(DEFAULTS.canonicalText()));
        texts.add(DEFAULTS.toBuilder().addFreeMailDomains("mail.isp-example.jp").build().canonicalText());
        texts.add(DEFAULTS.toBuilder().removeFreeMailDomains("yahoo.co.jp").build().canonicalText());
        texts.add(DEFAULTS.toBuilder().addDisposableDomains("throwaway.example").build().canonicalText());
        texts.add(DEFAULTS.toBuilder().removeDisposableDomains("mailinator.com").build().canonicalText());
        // The same domain in the other list is another policy too.
        texts.add(DEFAULTS.toBuilder().addDisposableDomains("mail.isp-example.jp").build().canonicalText());
        assertThat(texts).hasSize(6);
    }

    @Test
    void changingTheListsChangesTheFingerprint() {
        String shipped = qualifier(DEFAULTS).fingerprint();
        String withAddition = qualifier(DEFAULTS.toBuilder().addFreeMailDomains("mail.isp-example.jp").build()).fingerprint();
        String withRemoval = qualifier(DEFAULTS.toBuilder().removeDisposableDomains("mailinator.com").build()).fingerprint();
        assertThat(List.of(shipped, withAddition, withRemoval)).doesNotHaveDuplicates();
    }

    @Test
    void policiesWithTheSameListsHaveTheSameTextAndFingerprintWhateverTheRoute() {
        LeadPolicy stepByStep = DEFAULTS.toBuilder().addFreeMailDomains("Mail.ISP-Example.jp")
                .removeFreeMailDomains("yahoo.co.jp")
                .addDisposableDomains("throwaway.example").build();
        LeadPolicy otherOrder = DEFAULTS.toBuilder().addDisposableDomains("throwaway.example")
                .removeFreeMailDomains("Yahoo.co.jp")
                .addFreeMailDomains("mail.isp-example.jp").build();
        Set<String> freeMail = new HashSet<>(DomainLists.defaultFreeMailDomains());
        freeMail.remove("yahoo.co.jp");
        freeMail.add("mail.isp-example.jp");
        Set<String> disposable = new HashSet<>(DomainLists.defaultDisposableDomains());
        disposable.add("throwaway.example");
        LeadPolicy replaced = LeadPolicy.builder().freeMailDomains(freeMail).disposableDomains(disposable).build();

        assertThat(otherOrder.canonicalText()).isEqualTo(stepByStep.canonicalText());
        assertThat(replaced.canonicalText()).isEqualTo(stepByStep.canonicalText());
        assertThat(replaced).isEqualTo(stepByStep).hasSameHashCodeAs(stepByStep);
        assertThat(qualifier(replaced).fingerprint()).isEqualTo(qualifier(stepByStep).fingerprint());
        assertThat(replaced.exclusion().freeMailDomains()).isEqualTo(freeMail).hasSameSizeAs(freeMail);
    }

    @Test
    void undoingAChangeOrChangingNothingGivesBackTheDefaults() {
        assertThat(DEFAULTS.toBuilder().addFreeMailDomains("mail.isp-example.jp").removeFreeMailDomains("mail.isp-example.jp").build())
                .isEqualTo(DEFAULTS);
        assertThat(DEFAULTS.toBuilder().removeDisposableDomains("mailinator.com").addDisposableDomains("MAILINATOR.com").build())
                .isEqualTo(DEFAULTS);
        // Adding a shipped domain or removing one that is not listed leaves the list as it was.
        assertThat(DEFAULTS.toBuilder().addFreeMailDomains("gmail.com").removeDisposableDomains("sample-kogyo.co.jp").build())
                .isEqualTo(DEFAULTS);
        LeadPolicy reloaded = LeadPolicy.load(new StringReader("""
                freeMailDomains:
                  add: [mail.isp-example.jp]
                  remove: [mail.isp-example.jp]
                """), "lead-policy.yaml");
        assertThat(reloaded.canonicalText()).isEqualTo(DEFAULTS.canonicalText());
    }

    @Test
    void aPolicyFileAdjustingTheListsEqualsTheSameWithAdjustments() {
        LeadPolicy fromFile = LeadPolicy.load(new StringReader("""
                freeMailDomains:
                  add: [mail.isp-example.jp]
                  remove: [yahoo.co.jp]
                disposableDomains:
                  remove: [mailinator.com]
                """), "lead-policy.yaml");
        LeadPolicy inCode = DEFAULTS.toBuilder().removeFreeMailDomains("yahoo.co.jp").addFreeMailDomains("mail.isp-example.jp")
                .removeDisposableDomains("mailinator.com").build();
        assertThat(fromFile.canonicalText()).isEqualTo(inCode.canonicalText());
        assertThat(fromFile.isFreeMailDomain("yahoo.co.jp")).isFalse();
        assertThat(fromFile.isFreeMailDomain("mail.isp-example.jp")).isTrue();
        assertThat(fromFile.isDisposableDomain("mailinator.com")).isFalse();
    }

    @Test
    void aHostsOwnShortListIsKeptWholeAndComparedByItsDomains() {
        LeadPolicy own = DEFAULTS.toBuilder().freeMailDomains(List.of("gmail.com", "yahoo.co.jp")).build();
        LeadPolicy sameInOtherOrder = DEFAULTS.toBuilder().freeMailDomains(List.of("Yahoo.co.jp", "gmail.com")).build();
        assertThat(own).isEqualTo(sameInOtherOrder).isNotEqualTo(DEFAULTS);
        assertThat(own.canonicalText()).doesNotContain(DomainLists.defaultFreeMailDigest());
        assertThat(own.exclusion().freeMailDomains()).containsExactlyInAnyOrder("gmail.com", "yahoo.co.jp");
        assertThat(own.isFreeMailDomain("outlook.jp")).isFalse();
        // Adding back to a short list stays a short list, equal to the same list given whole.
        assertThat(own.toBuilder().addFreeMailDomains("outlook.jp").build())
                .isEqualTo(DEFAULTS.toBuilder().freeMailDomains(List.of("gmail.com", "yahoo.co.jp", "outlook.jp")).build());
    }

    @Test
    void anAdjustedListAnswersLikeASetAndCannotBeChanged() {
        LeadPolicy policy = DEFAULTS.toBuilder().addFreeMailDomains("mail.isp-example.jp").removeFreeMailDomains("yahoo.co.jp").build();
        Set<String> list = policy.exclusion().freeMailDomains();
        assertThat(list).hasSize(DomainLists.defaultFreeMailDomains().size())
                .contains("mail.isp-example.jp", "gmail.com").doesNotContain("yahoo.co.jp");
        assertThat(list.stream().filter("yahoo.co.jp"::equals)).isEmpty();
        assertThat(policy.isFreeMailDomain("mx.mail.isp-example.jp")).isTrue();
        assertThat(policy.isFreeMailDomain("yahoo.co.jp")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> list.add("rival.example"))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(list::clear)
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static LeadQualifier qualifier(LeadPolicy policy) {
        return LeadQualifier.builder().policy(policy).clock(CLOCK).build();
    }
}

package io.github.leadrules.policy;

import io.github.leadrules.internal.text.Text;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static io.github.leadrules.policy.Checks.countries;
import static io.github.leadrules.policy.Checks.domains;
import static io.github.leadrules.policy.Checks.inDomainSet;
import static io.github.leadrules.policy.Checks.keys;
import static io.github.leadrules.policy.Checks.nonNegative;
import static io.github.leadrules.policy.Checks.positive;

/**
 * The settings exclusion rules read: whose leads are not leads (own, competitor, free-mail,
 * disposable and test domains, test markers, students), where and how big a target company is,
 * duplicates and consent. Immutable; part of a {@link LeadPolicy}, changed through
 * {@link LeadPolicy#toBuilder()}. Text values are stored as matching keys (NFKC, lower case).
 */
public final class ExclusionPolicy {

    /** The exclusion settings; one field per setting. */
    static final class Values extends Settings<Values> {
        Set<String> ownDomains = Set.of();
        Set<String> competitorDomains = Set.of();
        DomainSet.Draft freeMailDomains = new DomainSet.Draft(DomainSet.Shipped::freeMail);
        DomainSet.Draft disposableDomains = new DomainSet.Draft(DomainSet.Shipped::disposable);
        Set<String> testDomains = Set.of();
        Set<String> testMarkers = Set.of();
        List<String> studentMarkers = List.of();
        Set<String> targetCountries = Set.of();
        Set<String> targetIndustries = Set.of();
        int minimumEmployees;
        Duration duplicateWindow;
        boolean requireExplicitConsent;

        @Override
        Values copy() {
            Values c = super.copy();
            c.freeMailDomains = freeMailDomains.copy();
            c.disposableDomains = disposableDomains.copy();
            return c;
        }
    }

    private final Values v;
    private final DomainSet freeMailDomains;
    private final DomainSet disposableDomains;
    private final TitleKeywords studentMatcher;

    /** Checks a copy of the builder's values; {@code industryKey} maps an industry through the aliases. */
    ExclusionPolicy(Values from, Function<String, String> industryKey) {
        v = from.copy();
        v.ownDomains = domains("ownDomains", v.ownDomains);
        v.competitorDomains = domains("competitorDomains", v.competitorDomains);
        freeMailDomains = v.freeMailDomains.build("freeMailDomains");
        v.freeMailDomains = v.freeMailDomains.startingAt(freeMailDomains);
        disposableDomains = v.disposableDomains.build("disposableDomains");
        v.disposableDomains = v.disposableDomains.startingAt(disposableDomains);
        v.testDomains = domains("testDomains", v.testDomains);
        v.testMarkers = keys("testMarkers", v.testMarkers, Text::key);
        v.studentMarkers = List.copyOf(keys("studentMarkers", v.studentMarkers, Text::key));
        studentMatcher = new TitleKeywords(v.studentMarkers);
        v.targetCountries = countries("targetCountries", v.targetCountries);
        v.targetIndustries = keys("targetIndustries", v.targetIndustries, industryKey);
        nonNegative("minimumEmployees", v.minimumEmployees);
        positive("duplicateWindow", v.duplicateWindow);
    }

    /** {@return a copy of the values, for a builder} */
    Values values() {
        return v.copy();
    }

    // ------------------------------------------------------------------ questions

    /**
     * Whether the domain (or a parent of it) is one of the host's own.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is the host's own
     */
    public boolean isOwnDomain(String domain) {
        return inDomainSet(v.ownDomains, domain);
    }

    /**
     * Whether the domain (or a parent of it) is a competitor's.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is a competitor's
     */
    public boolean isCompetitorDomain(String domain) {
        return inDomainSet(v.competitorDomains, domain);
    }

    /**
     * Whether the domain is a free-mail provider's.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is a free-mail provider's
     */
    public boolean isFreeMailDomain(String domain) {
        return freeMailDomains.holdsDomainOrParent(domain);
    }

    /**
     * Whether the domain is a disposable-mail provider's.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is a disposable-mail provider's
     */
    public boolean isDisposableDomain(String domain) {
        return disposableDomains.holdsDomainOrParent(domain);
    }

    /**
     * Whether the domain is reserved for tests (example.com …).
     *
     * @param domain a lower-case domain, or null
     * @return true when it is reserved for tests
     */
    public boolean isTestDomain(String domain) {
        return inDomainSet(v.testDomains, domain);
    }

    /**
     * Whether the whole text (a matching key) is a test marker such as "test" or "テスト".
     *
     * @param key a matching key, or null
     * @return true when it is a test marker
     */
    public boolean isTestMarker(String key) {
        return key != null && v.testMarkers.contains(key);
    }

    /**
     * Whether the job title (a matching key) names a student or job seeker.
     *
     * @param titleKey a job title's matching key, or null
     * @return true when it names a student or job seeker
     */
    public boolean isStudentTitle(String titleKey) {
        return studentMatcher.matches(titleKey);
    }

    /**
     * Whether the lead's country is targeted (true when no targets are set or the country is unknown).
     *
     * @param countryCode an ISO-3166 alpha-2 code, or null
     * @return true when the country is targeted
     */
    public boolean isTargetCountry(String countryCode) {
        return v.targetCountries.isEmpty() || countryCode == null || v.targetCountries.contains(countryCode);
    }

    /**
     * Whether the industry is targeted (true when no targets are set or the industry is unknown).
     *
     * @param industryKey an industry's matching key, or null
     * @return true when the industry is targeted
     */
    public boolean isTargetIndustry(String industryKey) {
        return v.targetIndustries.isEmpty() || industryKey == null || v.targetIndustries.contains(industryKey);
    }

    // ------------------------------------------------------------------ values

    /** {@return the host's own e-mail and web domains} */
    public Set<String> ownDomains() { return v.ownDomains; }
    /** {@return the competitors' domains} */
    public Set<String> competitorDomains() { return v.competitorDomains; }
    /** {@return the free-mail providers' domains} */
    public Set<String> freeMailDomains() { return freeMailDomains.values; }
    /** {@return the disposable-mail providers' domains} */
    public Set<String> disposableDomains() { return disposableDomains.values; }
    /** {@return the domains reserved for tests} */
    public Set<String> testDomains() { return v.testDomains; }
    /** {@return the whole-text test markers, as matching keys} */
    public Set<String> testMarkers() { return v.testMarkers; }
    /** {@return the student and job-seeker keywords, {@code !} marking exceptions} */
    public List<String> studentMarkers() { return v.studentMarkers; }
    /** {@return the targeted countries (ISO-3166 alpha-2); empty for every country} */
    public Set<String> targetCountries() { return v.targetCountries; }
    /** {@return the targeted industries, as keys; empty for every industry} */
    public Set<String> targetIndustries() { return v.targetIndustries; }
    /** {@return the smallest company size that is not excluded; 0 turns the size exclusion off} */
    public int minimumEmployees() { return v.minimumEmployees; }
    /** {@return how long after a lead the same e-mail address counts as a duplicate} */
    public Duration duplicateWindow() { return v.duplicateWindow; }
    /** {@return whether a lead without explicit consent is excluded} */
    public boolean requireExplicitConsent() { return v.requireExplicitConsent; }

    /** {@return the digest standing for the free-mail list in the canonical text} */
    String freeMailDigest() { return freeMailDomains.digest(); }

    /** {@return the digest standing for the disposable-mail list in the canonical text} */
    String disposableDigest() { return disposableDomains.digest(); }
}

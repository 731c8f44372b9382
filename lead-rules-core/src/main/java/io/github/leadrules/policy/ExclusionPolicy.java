package io.github.leadrules.policy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

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

    private final Set<String> ownDomains;
    private final Set<String> competitorDomains;
    private final DomainSet freeMailDomains;
    private final DomainSet disposableDomains;
    private final Set<String> testDomains;
    private final Set<String> testMarkers;
    private final List<String> studentMarkers;
    private final TitleKeywords studentMatcher;
    private final Set<String> targetCountries;
    private final Set<String> targetIndustries;
    private final int minimumEmployees;
    private final Duration duplicateWindow;
    private final boolean requireExplicitConsent;

    /** Checks the builder's exclusion values; {@code industryKey} maps an industry through the aliases. */
    ExclusionPolicy(LeadPolicy.Builder b, java.util.function.Function<String, String> industryKey) {
        ownDomains = domains("ownDomains", b.ownDomains);
        competitorDomains = domains("competitorDomains", b.competitorDomains);
        freeMailDomains = b.freeMailDomains.build("freeMailDomains");
        disposableDomains = b.disposableDomains.build("disposableDomains");
        testDomains = domains("testDomains", b.testDomains);
        testMarkers = keys("testMarkers", b.testMarkers, io.github.leadrules.internal.text.Text::key);
        studentMarkers = List.copyOf(keys("studentMarkers", b.studentMarkers, io.github.leadrules.internal.text.Text::key));
        studentMatcher = new TitleKeywords(studentMarkers);
        targetCountries = countries("targetCountries", b.targetCountries);
        targetIndustries = keys("targetIndustries", b.targetIndustries, industryKey);
        minimumEmployees = nonNegative("minimumEmployees", b.minimumEmployees);
        duplicateWindow = positive("duplicateWindow", b.duplicateWindow);
        requireExplicitConsent = b.requireExplicitConsent;
    }

    /** Copies these values into a builder. */
    void copyTo(LeadPolicy.Builder b) {
        b.ownDomains.addAll(ownDomains);
        b.competitorDomains.addAll(competitorDomains);
        b.freeMailDomains.start(freeMailDomains);
        b.disposableDomains.start(disposableDomains);
        b.testDomains.addAll(testDomains);
        b.testMarkers.addAll(testMarkers);
        b.studentMarkers.addAll(studentMarkers);
        b.targetCountries.addAll(targetCountries);
        b.targetIndustries.addAll(targetIndustries);
        b.minimumEmployees = minimumEmployees;
        b.duplicateWindow = duplicateWindow;
        b.requireExplicitConsent = requireExplicitConsent;
    }

    // ------------------------------------------------------------------ questions

    /**
     * Whether the domain (or a parent of it) is one of the host's own.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is the host's own
     */
    public boolean isOwnDomain(String domain) {
        return inDomainSet(ownDomains, domain);
    }

    /**
     * Whether the domain (or a parent of it) is a competitor's.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is a competitor's
     */
    public boolean isCompetitorDomain(String domain) {
        return inDomainSet(competitorDomains, domain);
    }

    /**
     * Whether the domain is a free-mail provider's.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is a free-mail provider's
     */
    public boolean isFreeMailDomain(String domain) {
        return inDomainSet(freeMailDomains.values, domain);
    }

    /**
     * Whether the domain is a disposable-mail provider's.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is a disposable-mail provider's
     */
    public boolean isDisposableDomain(String domain) {
        return inDomainSet(disposableDomains.values, domain);
    }

    /**
     * Whether the domain is reserved for tests (example.com …).
     *
     * @param domain a lower-case domain, or null
     * @return true when it is reserved for tests
     */
    public boolean isTestDomain(String domain) {
        return inDomainSet(testDomains, domain);
    }

    /**
     * Whether the whole text (a matching key) is a test marker such as "test" or "テスト".
     *
     * @param key a matching key, or null
     * @return true when it is a test marker
     */
    public boolean isTestMarker(String key) {
        return key != null && testMarkers.contains(key);
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
        return targetCountries.isEmpty() || countryCode == null || targetCountries.contains(countryCode);
    }

    /**
     * Whether the industry is targeted (true when no targets are set or the industry is unknown).
     *
     * @param industryKey an industry's matching key, or null
     * @return true when the industry is targeted
     */
    public boolean isTargetIndustry(String industryKey) {
        return targetIndustries.isEmpty() || industryKey == null || targetIndustries.contains(industryKey);
    }

    // ------------------------------------------------------------------ values

    /** {@return the host's own e-mail and web domains} */
    public Set<String> ownDomains() { return ownDomains; }
    /** {@return the competitors' domains} */
    public Set<String> competitorDomains() { return competitorDomains; }
    /** {@return the free-mail providers' domains} */
    public Set<String> freeMailDomains() { return freeMailDomains.values; }
    /** {@return the disposable-mail providers' domains} */
    public Set<String> disposableDomains() { return disposableDomains.values; }
    /** {@return the domains reserved for tests} */
    public Set<String> testDomains() { return testDomains; }
    /** {@return the whole-text test markers, as matching keys} */
    public Set<String> testMarkers() { return testMarkers; }
    /** {@return the student and job-seeker keywords, {@code !} marking exceptions} */
    public List<String> studentMarkers() { return studentMarkers; }
    /** {@return the targeted countries (ISO-3166 alpha-2); empty for every country} */
    public Set<String> targetCountries() { return targetCountries; }
    /** {@return the targeted industries, as keys; empty for every industry} */
    public Set<String> targetIndustries() { return targetIndustries; }
    /** {@return the smallest company size that is not excluded; 0 turns the size exclusion off} */
    public int minimumEmployees() { return minimumEmployees; }
    /** {@return how long after a lead the same e-mail address counts as a duplicate} */
    public Duration duplicateWindow() { return duplicateWindow; }
    /** {@return whether a lead without explicit consent is excluded} */
    public boolean requireExplicitConsent() { return requireExplicitConsent; }

    /** {@return the digest standing for the free-mail list in the canonical text} */
    String freeMailDigest() { return freeMailDomains.digest(); }

    /** {@return the digest standing for the disposable-mail list in the canonical text} */
    String disposableDigest() { return disposableDomains.digest(); }
}

package io.github.leadrules.policy;

import io.github.leadrules.internal.text.Countries;
import io.github.leadrules.internal.text.DomainLists;
import io.github.leadrules.internal.text.EmailAddresses;
import io.github.leadrules.internal.text.Text;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The host's policy: everything a marketing-ops person would change without touching rules. It is
 * immutable; start from {@link #defaults()} and adjust with the {@code with…} methods or a
 * {@link #toBuilder() builder}. Rules read it through {@code LeadContext.policy}.
 *
 * <pre>{@code
 * LeadPolicy policy = LeadPolicy.defaults()
 *     .withOwnDomains("our-saas.co.jp")
 *     .withCompetitorDomains("rival.example", "competitor.co.jp")
 *     .withTargetCountries("JP", "US")
 *     .withMinimumEmployees(20);
 * }</pre>
 *
 * <p>Every value is checked when built; a bad value is an {@link IllegalArgumentException} whose
 * message starts with the policy key, e.g. {@code "targetCountries: unknown country 'Atlantis'"}.
 * Text values used for matching (domains, titles, markers, industries) are stored as matching keys:
 * NFKC-normalised, lower case, trimmed.
 */
public final class LeadPolicy {

    /**
     * The longest duration any setting takes: 36 500 days, about 100 years. Windows and SLAs are
     * added to and taken from lead dates; this keeps that arithmetic far from overflow.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(36_500);

    /**
     * The default {@link #ruleTimeBudget()}: 10 seconds. The whole first batch of 200 leads in a
     * cold JVM takes 0.2–0.4 s on an idle 2-core VM, 0.65 s with the JIT compiler off and up to
     * 1.5 s on a busy one, and its longest quiet stretch is far shorter, so a healthy rule set
     * never comes near it.
     */
    public static final Duration DEFAULT_RULE_TIME_BUDGET = Duration.ofSeconds(10);

    /** The smallest {@link #ruleTimeBudget()}: 100 ms. */
    public static final Duration MIN_RULE_TIME_BUDGET = Duration.ofMillis(100);

    /** The largest {@link #ruleTimeBudget()}: one hour. */
    public static final Duration MAX_RULE_TIME_BUDGET = Duration.ofHours(1);

    private final Set<String> ownDomains;
    private final Set<String> competitorDomains;
    private final DomainList freeMailDomains;
    private final DomainList disposableDomains;
    private final Set<String> testDomains;
    private final Set<String> targetCountries;
    private final Set<String> targetIndustries;
    private final Map<String, String> industryAliases;
    private final int minimumEmployees;
    private final int enterpriseEmployees;
    private final int fieldSalesMinimumEmployees;
    private final int immediateScore;
    private final int highScore;
    private final int mediumScore;
    private final int pricingVisitThreshold;
    private final Duration engagementWindow;
    private final int burstEvents;
    private final Duration burstWindow;
    private final Duration coldAfter;
    private final Duration duplicateWindow;
    private final Duration stalledAfter;
    private final boolean requireExplicitConsent;
    private final List<String> decisionMakerTitles;
    private final List<String> studentMarkers;
    private final Set<String> testMarkers;
    private final Map<Destination, Duration> slas;
    private final Duration immediateSla;
    private final List<Team> teams;
    private final String recycleTeam;
    private final Map<String, String> caseStudyTracks;
    private final Map<InquiryType, String> contentTracks;
    private final String defaultNurtureTrack;
    private final boolean accountOwnerFirst;
    private final Rotation rotation;
    private final Duration ruleTimeBudget;

    private volatile String canonical;

    private final TitleMatcher decisionMakerMatcher;
    private final TitleMatcher studentMatcher;

    private LeadPolicy(Builder b) {
        ownDomains = domains("ownDomains", b.ownDomains);
        competitorDomains = domains("competitorDomains", b.competitorDomains);
        freeMailDomains = b.freeMailDomains.build("freeMailDomains");
        disposableDomains = b.disposableDomains.build("disposableDomains");
        testDomains = domains("testDomains", b.testDomains);
        targetCountries = countries("targetCountries", b.targetCountries);
        industryAliases = aliases(b.industryAliases);
        targetIndustries = keys("targetIndustries", b.targetIndustries, this::industryKey);
        minimumEmployees = nonNegative("minimumEmployees", b.minimumEmployees);
        enterpriseEmployees = positive("enterpriseEmployees", b.enterpriseEmployees);
        fieldSalesMinimumEmployees = nonNegative("fieldSalesMinimumEmployees", b.fieldSalesMinimumEmployees);
        mediumScore = positive("urgencyThresholds.medium", b.mediumScore);
        highScore = positive("urgencyThresholds.high", b.highScore);
        immediateScore = positive("urgencyThresholds.immediate", b.immediateScore);
        if (!(mediumScore < highScore && highScore < immediateScore)) {
            throw new IllegalArgumentException("urgencyThresholds: must rise strictly medium < high < immediate, got "
                    + mediumScore + " / " + highScore + " / " + immediateScore);
        }
        pricingVisitThreshold = positive("pricingVisitThreshold", b.pricingVisitThreshold);
        engagementWindow = positive("engagementWindow", b.engagementWindow);
        burstEvents = positive("burstEvents", b.burstEvents);
        burstWindow = positive("burstWindow", b.burstWindow);
        coldAfter = positive("coldAfter", b.coldAfter);
        duplicateWindow = positive("duplicateWindow", b.duplicateWindow);
        stalledAfter = positive("stalledAfter", b.stalledAfter);
        requireExplicitConsent = b.requireExplicitConsent;
        decisionMakerTitles = List.copyOf(keys("decisionMakerTitles", b.decisionMakerTitles, Text::key));
        studentMarkers = List.copyOf(keys("studentMarkers", b.studentMarkers, Text::key));
        testMarkers = keys("testMarkers", b.testMarkers, Text::key);
        EnumMap<Destination, Duration> sla = new EnumMap<>(Destination.class);
        b.slas.forEach((d, v) -> sla.put(required("slas", d), positive("slas." + d.name().toLowerCase(Locale.ROOT), v)));
        slas = Map.copyOf(sla);
        immediateSla = positive("immediateSla", b.immediateSla);
        teams = List.copyOf(b.teams);
        Set<String> teamNames = new HashSet<>();
        for (Team t : teams) {
            if (!teamNames.add(t.name())) {
                throw new IllegalArgumentException("teams: two teams are named " + PolicyFileException.shorten(t.name())
                        + "; routes and assignment find teams by name");
            }
        }
        recycleTeam = nonBlank("recycleTeam", b.recycleTeam);
        Map<String, String> cs = new TreeMap<>();
        b.caseStudyTracks.forEach((industry, track) -> cs.put(
                requiredKey("caseStudyTracks", industryKey(industry)), nonBlank("caseStudyTracks." + industry, track)));
        caseStudyTracks = Map.copyOf(cs);
        EnumMap<InquiryType, String> ct = new EnumMap<>(InquiryType.class);
        b.contentTracks.forEach((type, track) -> ct.put(required("contentTracks", type),
                nonBlank("contentTracks." + type.name().toLowerCase(Locale.ROOT), track)));
        contentTracks = Map.copyOf(ct);
        defaultNurtureTrack = nonBlank("defaultNurtureTrack", b.defaultNurtureTrack);
        accountOwnerFirst = b.accountOwnerFirst;
        rotation = required("assignment.rotation", b.rotation);
        ruleTimeBudget = required("ruleTimeBudget", b.ruleTimeBudget);
        if (ruleTimeBudget.compareTo(MIN_RULE_TIME_BUDGET) < 0 || ruleTimeBudget.compareTo(MAX_RULE_TIME_BUDGET) > 0) {
            throw new IllegalArgumentException("ruleTimeBudget: must be between 100ms and 1h, got " + ruleTimeBudget);
        }
        decisionMakerMatcher = new TitleMatcher(decisionMakerTitles);
        studentMatcher = new TitleMatcher(studentMarkers);
    }

    /**
     * The shipped preset: free-mail and disposable lists from public snapshots (Japanese providers
     * included), decision-maker titles in Japanese and English, no territory or industry
     * restriction, companies under 10 employees excluded, 1 000 employees and up is enterprise.
     *
     * @return the shipped preset
     */
    public static LeadPolicy defaults() {
        return Defaults.POLICY;
    }

    /**
     * Reads a policy file (YAML): the {@link #defaults()}, adjusted by every key the file sets. The
     * format is documented in {@code docs/policy-file.md}; an annotated example ships as
     * {@code examples/policy/lead-policy.yaml}.
     *
     * <pre>{@code
     * LeadPolicy policy = LeadPolicy.load(Path.of("config/lead-policy.yaml"));
     * }</pre>
     *
     * @param file the policy file
     * @return the policy
     * @throws PolicyFileException listing every unknown key, wrong type and bad value with its line,
     *                             or naming the file when it cannot be read
     */
    public static LeadPolicy load(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return PolicyFile.read(reader, file.toString(), defaults());
        } catch (IOException e) {
            throw new PolicyFileException(List.of(new PolicyFileException.Problem(file.toString(), 0, 0, null,
                    "cannot read the file: " + e.getClass().getSimpleName())));
        }
    }

    /**
     * Reads a policy file from a reader; {@code sourceName} (a path or resource name) is what error
     * messages show. See {@link #load(Path)}.
     *
     * @param reader the policy text
     * @param sourceName the name error messages show
     * @return the policy
     */
    public static LeadPolicy load(Reader reader, String sourceName) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        return PolicyFile.read(reader, sourceName, defaults());
    }

    /**
     * Reads a policy file (YAML) from the classpath, e.g. {@code "config/lead-policy.yaml"}, so that a
     * host can ship its policy inside its jar. See {@link #load(Path)}.
     *
     * @param resource the resource's path on the classpath
     * @return the policy
     * @throws PolicyFileException naming the resource when it is missing, or every problem in it
     */
    public static LeadPolicy loadResource(String resource) {
        Objects.requireNonNull(resource, "resource");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        java.io.InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null) {
            in = LeadPolicy.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new PolicyFileException(List.of(new PolicyFileException.Problem(resource, 0, 0, null,
                    "no such resource on the classpath")));
        }
        try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            return PolicyFile.read(reader, resource, defaults());
        } catch (IOException e) {
            throw new PolicyFileException(List.of(new PolicyFileException.Problem(resource, 0, 0, null,
                    "cannot read the resource: " + e.getClass().getSimpleName())));
        }
    }

    /** {@return a builder holding the {@link #defaults()}} */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** {@return a builder holding this policy's values} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    // ------------------------------------------------------------------ with… adjustments

    /**
     * This policy with the given own-company domains (internal submissions are excluded).
     *
     * @param domains the domains; they replace the current ones
     * @return the new policy
     */
    public LeadPolicy withOwnDomains(String... domains) {
        return toBuilder().ownDomains(List.of(domains)).build();
    }

    /**
     * This policy with the given competitor domains.
     *
     * @param domains the domains; they replace the current ones
     * @return the new policy
     */
    public LeadPolicy withCompetitorDomains(String... domains) {
        return toBuilder().competitorDomains(List.of(domains)).build();
    }

    /**
     * This policy with more free-mail domains.
     *
     * @param domains the domains to add
     * @return the new policy
     */
    public LeadPolicy withFreeMailDomainsAdded(String... domains) {
        Builder b = toBuilder();
        b.freeMailDomains.add(List.of(domains));
        return b.build();
    }

    /**
     * This policy without the given free-mail domains (e.g. a provider you sell to).
     *
     * @param domains the domains to remove
     * @return the new policy
     */
    public LeadPolicy withFreeMailDomainsRemoved(String... domains) {
        Builder b = toBuilder();
        b.freeMailDomains.remove(List.of(domains));
        return b.build();
    }

    /**
     * This policy with more disposable-mail domains.
     *
     * @param domains the domains to add
     * @return the new policy
     */
    public LeadPolicy withDisposableDomainsAdded(String... domains) {
        Builder b = toBuilder();
        b.disposableDomains.add(List.of(domains));
        return b.build();
    }

    /**
     * This policy without the given disposable-mail domains.
     *
     * @param domains the domains to remove
     * @return the new policy
     */
    public LeadPolicy withDisposableDomainsRemoved(String... domains) {
        Builder b = toBuilder();
        b.disposableDomains.remove(List.of(domains));
        return b.build();
    }

    /**
     * This policy with the given target countries (names or codes); none means every country.
     *
     * @param countries the countries; they replace the current ones
     * @return the new policy
     */
    public LeadPolicy withTargetCountries(String... countries) {
        return toBuilder().targetCountries(List.of(countries)).build();
    }

    /**
     * This policy with the given target industries; none means every industry.
     *
     * @param industries the industries, in any spelling the aliases know; they replace the current ones
     * @return the new policy
     */
    public LeadPolicy withTargetIndustries(String... industries) {
        return toBuilder().targetIndustries(List.of(industries)).build();
    }

    /**
     * This policy with a different minimum company size (0 turns the size exclusion off).
     *
     * @param minimumEmployees the minimum, at least 0
     * @return the new policy
     */
    public LeadPolicy withMinimumEmployees(int minimumEmployees) {
        return toBuilder().minimumEmployees(minimumEmployees).build();
    }

    /**
     * This policy with the given teams, matched in order.
     *
     * @param teams the teams; they replace the current ones
     * @return the new policy
     */
    public LeadPolicy withTeams(Team... teams) {
        return toBuilder().teams(List.of(teams)).build();
    }

    /**
     * This policy with another owner assignment: whether a known account owner comes first, and
     * how a team's reps take turns otherwise. Used unless the qualifier is given its own
     * {@code AssignmentStrategy}.
     *
     * @param accountOwnerFirst whether a known account owner takes the lead first
     * @param rotation how a team's reps take turns
     * @return the new policy
     */
    public LeadPolicy withAssignment(boolean accountOwnerFirst, Rotation rotation) {
        return toBuilder().accountOwnerFirst(accountOwnerFirst).rotation(rotation).build();
    }

    /**
     * This policy with another {@link #ruleTimeBudget()}, between 100 ms and one hour.
     *
     * @param budget the budget
     * @return the new policy
     */
    public LeadPolicy withRuleTimeBudget(Duration budget) {
        return toBuilder().ruleTimeBudget(budget).build();
    }

    // ------------------------------------------------------------------ questions rules ask

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

    /**
     * Whether the job title (a matching key) names a decision maker: 部長, 取締役, CEO, VP, Director,
     * Head of …, unless it also contains an exception keyword ({@code !副部長}, {@code !assistant to} …).
     *
     * @param titleKey a job title's matching key, or null
     * @return true when it names a decision maker
     */
    public boolean isDecisionMakerTitle(String titleKey) {
        return decisionMakerMatcher.matches(titleKey);
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
     * The matching key of an industry: NFKC, lower case, then mapped through the industry aliases
     * so that "製造業" and "Manufacturing" meet as "manufacturing". Null for blank input.
     *
     * @param industry an industry as written, or null
     * @return its key, or null
     */
    public String industryKey(String industry) {
        String key = Text.key(industry);
        return key == null ? null : industryAliases.getOrDefault(key, key);
    }

    /**
     * The segment for a company of this size; unknown size is SMB.
     *
     * @param employeeCount the company's employees, or null when unknown
     * @return ENTERPRISE from {@link #enterpriseEmployees()} on, else SMB
     */
    public Segment segmentOf(Integer employeeCount) {
        return employeeCount != null && employeeCount >= enterpriseEmployees ? Segment.ENTERPRISE : Segment.SMB;
    }

    /**
     * The first team taking this destination, country and segment, if any.
     *
     * @param destination the route's destination
     * @param countryCode the lead's country, or null
     * @param segment the lead's segment
     * @return the team, or empty
     */
    public Optional<Team> teamFor(Destination destination, String countryCode, Segment segment) {
        return teams.stream().filter(t -> t.takes(destination, countryCode, segment)).findFirst();
    }

    /**
     * The team with this name, if the policy has one.
     *
     * @param name the team's name
     * @return the team, or empty
     */
    public Optional<Team> team(String name) {
        return name == null ? Optional.empty() : teams.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The rep with this id in any team, if listed; owner assignment reads it to skip account
     * owners who are unavailable.
     *
     * @param id the rep's id
     * @return the rep, or empty
     */
    public Optional<Rep> rep(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Team t : teams) {
            Optional<Rep> r = t.rep(id);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /**
     * The case-study nurture track for an industry key, if the host has one.
     *
     * @param industryKey an industry's matching key, or null
     * @return the track, or empty
     */
    public Optional<String> caseStudyTrack(String industryKey) {
        return industryKey == null ? Optional.empty() : Optional.ofNullable(caseStudyTracks.get(industryKey));
    }

    /**
     * The nurture track for leads that came for this content, else the default track.
     *
     * @param inquiryType what the lead came for
     * @return the track
     */
    public String contentTrack(InquiryType inquiryType) {
        return contentTracks.getOrDefault(inquiryType, defaultNurtureTrack);
    }

    /**
     * The SLA for a destination; {@link Duration#ZERO} when it has none.
     *
     * @param destination a destination
     * @return the SLA, or {@link Duration#ZERO}
     */
    public Duration sla(Destination destination) {
        return slas.getOrDefault(destination, Duration.ZERO);
    }

    // ------------------------------------------------------------------ accessors

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
    /** {@return the target countries, ISO-3166 alpha-2; empty for every country} */
    public Set<String> targetCountries() { return targetCountries; }
    /** {@return the target industries' keys; empty for every industry} */
    public Set<String> targetIndustries() { return targetIndustries; }
    /** {@return the industry aliases: each spelling's key mapped to its canonical industry} */
    public Map<String, String> industryAliases() { return industryAliases; }
    /** {@return the minimum company size; smaller companies are excluded (0: no minimum)} */
    public int minimumEmployees() { return minimumEmployees; }
    /** {@return the size from which a company is in the enterprise segment} */
    public int enterpriseEmployees() { return enterpriseEmployees; }
    /** {@return the size from which a named company in a target country fits field sales} */
    public int fieldSalesMinimumEmployees() { return fieldSalesMinimumEmployees; }
    /** {@return the score from which urgency is IMMEDIATE} */
    public int immediateScore() { return immediateScore; }
    /** {@return the score from which urgency is HIGH} */
    public int highScore() { return highScore; }
    /** {@return the score from which urgency is MEDIUM} */
    public int mediumScore() { return mediumScore; }
    /** {@return the pricing-page visits within the engagement window that raise urgency} */
    public int pricingVisitThreshold() { return pricingVisitThreshold; }
    /** {@return how far back pricing-page visits and case-study views count} */
    public Duration engagementWindow() { return engagementWindow; }
    /** {@return the engagement events within the burst window that make a burst} */
    public int burstEvents() { return burstEvents; }
    /** {@return the burst window} */
    public Duration burstWindow() { return burstWindow; }
    /** {@return how long without engagement or submission a lead goes cold} */
    public Duration coldAfter() { return coldAfter; }
    /** {@return how recent an earlier lead from the same address makes this one a duplicate} */
    public Duration duplicateWindow() { return duplicateWindow; }
    /** {@return how long without sales activity a deal with sales is stalled} */
    public Duration stalledAfter() { return stalledAfter; }
    /** {@return whether leads without explicit consent are excluded} */
    public boolean requireExplicitConsent() { return requireExplicitConsent; }
    /** {@return the decision-maker title keywords, exceptions prefixed with {@code !}} */
    public List<String> decisionMakerTitles() { return decisionMakerTitles; }
    /** {@return the student and job-seeker title keywords, exceptions prefixed with {@code !}} */
    public List<String> studentMarkers() { return studentMarkers; }
    /** {@return the texts that, as a whole name or local part, mark a test submission} */
    public Set<String> testMarkers() { return testMarkers; }
    /** {@return the SLA of each destination that has one} */
    public Map<Destination, Duration> slas() { return slas; }
    /** {@return the SLA for IMMEDIATE leads, when shorter than the destination's} */
    public Duration immediateSla() { return immediateSla; }
    /** {@return the teams, in matching order} */
    public List<Team> teams() { return teams; }
    /** {@return the team or queue that takes stalled deals} */
    public String recycleTeam() { return recycleTeam; }
    /** {@return the case-study nurture track of each industry key that has one} */
    public Map<String, String> caseStudyTracks() { return caseStudyTracks; }
    /** {@return the nurture track for each kind of content inquiry} */
    public Map<InquiryType, String> contentTracks() { return contentTracks; }
    /** {@return the nurture track when no other fits} */
    public String defaultNurtureTrack() { return defaultNurtureTrack; }
    /** {@return whether policy-driven assignment gives a lead to its account's owner first (default true)} */
    public boolean accountOwnerFirst() { return accountOwnerFirst; }
    /** {@return how a team's reps take turns in policy-driven assignment (default {@link Rotation#NONE})} */
    public Rotation rotation() { return rotation; }

    /**
     * How long the rules may work on a batch without a sign of progress (a rule starting or
     * finishing, a fact inserted) before the lead at fault is stopped as {@code ERROR}: a host rule
     * that loops inside its condition or action. Default {@link #DEFAULT_RULE_TIME_BUDGET}. See
     * {@code LeadQualifier} for what happens to the stuck thread.
     *
     * @return the budget
     */
    public Duration ruleTimeBudget() { return ruleTimeBudget; }

    // Drools property access uses JavaBean getters; these let DRL write policy.minimumEmployees.
    /** {@return {@link #minimumEmployees()}, as a property DRL can read} */
    public int getMinimumEmployees() { return minimumEmployees; }
    /** {@return {@link #enterpriseEmployees()}, as a property DRL can read} */
    public int getEnterpriseEmployees() { return enterpriseEmployees; }
    /** {@return {@link #fieldSalesMinimumEmployees()}, as a property DRL can read} */
    public int getFieldSalesMinimumEmployees() { return fieldSalesMinimumEmployees; }
    /** {@return {@link #pricingVisitThreshold()}, as a property DRL can read} */
    public int getPricingVisitThreshold() { return pricingVisitThreshold; }
    /** {@return {@link #engagementWindow()}, as a property DRL can read} */
    public Duration getEngagementWindow() { return engagementWindow; }
    /** {@return {@link #burstEvents()}, as a property DRL can read} */
    public int getBurstEvents() { return burstEvents; }
    /** {@return {@link #burstWindow()}, as a property DRL can read} */
    public Duration getBurstWindow() { return burstWindow; }
    /** {@return {@link #coldAfter()}, as a property DRL can read} */
    public Duration getColdAfter() { return coldAfter; }
    /** {@return {@link #duplicateWindow()}, as a property DRL can read} */
    public Duration getDuplicateWindow() { return duplicateWindow; }
    /** {@return {@link #stalledAfter()}, as a property DRL can read} */
    public Duration getStalledAfter() { return stalledAfter; }
    /** {@return {@link #requireExplicitConsent()}, as a property DRL can read} */
    public boolean isRequireExplicitConsent() { return requireExplicitConsent; }
    /** {@return {@link #recycleTeam()}, as a property DRL can read} */
    public String getRecycleTeam() { return recycleTeam; }
    /** {@return {@link #defaultNurtureTrack()}, as a property DRL can read} */
    public String getDefaultNurtureTrack() { return defaultNurtureTrack; }

    /**
     * A canonical, order-independent text of every value, for the rule-set fingerprint: two
     * policies with the same values have the same canonical text.
     *
     * @return the canonical text
     */
    public String canonicalText() {
        String text = canonical;
        if (text == null) {
            // Immutable values: computed once (the shipped domain lists make it a few megabytes).
            text = computeCanonicalText();
            canonical = text;
        }
        return text;
    }

    private String computeCanonicalText() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ownDomains", new TreeSet<>(ownDomains));
        all.put("competitorDomains", new TreeSet<>(competitorDomains));
        // The shipped lists hold over a hundred thousand domains: a digest stands for them.
        all.put("freeMailDomains", freeMailDomains.digest());
        all.put("disposableDomains", disposableDomains.digest());
        all.put("testDomains", new TreeSet<>(testDomains));
        all.put("targetCountries", new TreeSet<>(targetCountries));
        all.put("targetIndustries", new TreeSet<>(targetIndustries));
        all.put("industryAliases", new TreeMap<>(industryAliases));
        all.put("minimumEmployees", minimumEmployees);
        all.put("enterpriseEmployees", enterpriseEmployees);
        all.put("fieldSalesMinimumEmployees", fieldSalesMinimumEmployees);
        all.put("urgencyThresholds", List.of(immediateScore, highScore, mediumScore));
        all.put("pricingVisitThreshold", pricingVisitThreshold);
        all.put("engagementWindow", engagementWindow);
        all.put("burstEvents", burstEvents);
        all.put("burstWindow", burstWindow);
        all.put("coldAfter", coldAfter);
        all.put("duplicateWindow", duplicateWindow);
        all.put("stalledAfter", stalledAfter);
        all.put("requireExplicitConsent", requireExplicitConsent);
        all.put("decisionMakerTitles", decisionMakerTitles);
        all.put("studentMarkers", studentMarkers);
        all.put("testMarkers", new TreeSet<>(testMarkers));
        all.put("slas", new TreeMap<>(slas));
        all.put("immediateSla", immediateSla);
        all.put("teams", teams.stream().map(t -> t.name() + "/" + t.destination() + "/"
                + new TreeSet<>(t.countries()) + "/" + t.segment() + "/" + t.reps()).toList());
        all.put("recycleTeam", recycleTeam);
        all.put("caseStudyTracks", new TreeMap<>(caseStudyTracks));
        all.put("contentTracks", new TreeMap<>(contentTracks));
        all.put("defaultNurtureTrack", defaultNurtureTrack);
        all.put("assignment", accountOwnerFirst + "/" + rotation);
        all.put("ruleTimeBudget", ruleTimeBudget);
        StringBuilder sb = new StringBuilder();
        all.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeadPolicy other && canonicalText().equals(other.canonicalText());
    }

    @Override
    public int hashCode() {
        return canonicalText().hashCode();
    }

    /** A short summary; the domain lists are shown by size only. */
    @Override
    public String toString() {
        return "LeadPolicy[ownDomains=" + ownDomains.size() + ", competitorDomains=" + competitorDomains.size()
                + ", freeMailDomains=" + freeMailDomains.values.size() + ", disposableDomains=" + disposableDomains.values.size()
                + ", targetCountries=" + new TreeSet<>(targetCountries) + ", targetIndustries="
                + new TreeSet<>(targetIndustries) + ", minimumEmployees=" + minimumEmployees
                + ", enterpriseEmployees=" + enterpriseEmployees + ", teams=" + teams.size() + "]";
    }

    // ------------------------------------------------------------------ helpers

    private static boolean inDomainSet(Set<String> set, String domain) {
        if (domain == null || set.isEmpty()) {
            return false;
        }
        if (set.contains(domain)) {
            return true;
        }
        for (String candidate : EmailAddresses.domainAndParents(domain)) {
            if (set.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keyword matching for job titles. A keyword written with a leading {@code !} is an exception:
     * a title that contains it never matches, whatever else it contains ("!副部長" keeps a deputy
     * out of the decision makers, "!学生支援" keeps university staff out of the students).
     */
    private static final class TitleMatcher {
        private final List<String> include;
        private final List<String> exclude;

        TitleMatcher(List<String> keywords) {
            include = keywords.stream().filter(k -> !k.startsWith("!")).toList();
            exclude = keywords.stream().filter(k -> k.startsWith("!") && k.length() > 1)
                    .map(k -> k.substring(1).strip()).filter(k -> !k.isEmpty()).toList();
        }

        boolean matches(String key) {
            return key != null && anyFinds(include, key) && !anyFinds(exclude, key);
        }

        // A plain scan rather than regular expressions: this runs for every lead (≈ 2 µs less per lead).
        private static boolean anyFinds(List<String> keywords, String key) {
            for (String keyword : keywords) {
                if (findsWord(key, keyword)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Latin keywords match as whole words ("vp" must not match "mvp"); keywords in other scripts
         * (部長) match anywhere, since Japanese has no spaces between words.
         */
        private static boolean findsWord(String text, String keyword) {
            boolean latinStart = isLatinWordChar(keyword.charAt(0));
            boolean latinEnd = isLatinWordChar(keyword.charAt(keyword.length() - 1));
            for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
                int after = at + keyword.length();
                boolean startOk = !latinStart || at == 0 || !isLatinWordChar(text.charAt(at - 1));
                boolean endOk = !latinEnd || after == text.length() || !isLatinWordChar(text.charAt(after));
                if (startOk && endOk) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isLatinWordChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
    }

    static Set<String> domains(String key, Collection<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            String d = isPlainDomainKey(v) ? v : Text.key(v);
            if (d == null) {
                throw new IllegalArgumentException(key + ": blank domain");
            }
            if (d.startsWith("@")) {
                d = d.substring(1);
            }
            if (d.contains("@") || d.contains(" ") || !d.contains(".")) {
                throw new IllegalArgumentException(key + ": " + PolicyFileException.quote(v) + " is not a domain name");
            }
            out.add(d);
        }
        return Set.copyOf(out);
    }

    /**
     * Whether the text is already its own matching key: lower-case ASCII letters, digits, dots and
     * hyphens. The shipped lists hold over a hundred thousand such domains; skipping NFKC for them
     * keeps {@code with…()} cheap.
     */
    private static boolean isPlainDomainKey(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static Set<String> countries(String key, Collection<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            out.add(Countries.toAlpha2(v).orElseThrow(
                    () -> new IllegalArgumentException(key + ": unknown country " + PolicyFileException.quote(v))));
        }
        return Set.copyOf(out);
    }

    private static Set<String> keys(String key, Collection<String> values, Function<String, String> keyOf) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String v : values) {
            out.add(requiredKey(key, keyOf.apply(v)));
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    private static Map<String, String> aliases(Map<String, String> raw) {
        Map<String, String> out = new TreeMap<>();
        raw.forEach((alias, canonical) -> out.put(requiredKey("industryAliases", Text.key(alias)),
                requiredKey("industryAliases." + alias, Text.key(canonical))));
        return Map.copyOf(out);
    }

    private static String requiredKey(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException(key + ": blank value");
        }
        return value;
    }

    private static <T> T required(String key, T value) {
        if (value == null) {
            throw new IllegalArgumentException(key + ": null value");
        }
        return value;
    }

    private static String nonBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": must not be blank");
        }
        return value.strip();
    }

    private static int nonNegative(String key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + ": must not be negative, got " + value);
        }
        return value;
    }

    private static int positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + ": must be positive, got " + value);
        }
        return value;
    }

    private static Duration positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + ": must be a positive duration, got " + value);
        }
        if (value.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(key + ": must be at most " + MAX_DURATION.toDays()
                    + " days (about 100 years), got " + value);
        }
        return value;
    }

    /**
     * A mutable builder for {@link LeadPolicy}. Collection setters replace; the getters of the
     * built policy are immutable. {@link #build()} checks every value and names the key at fault.
     */
    public static final class Builder {
        private final Set<String> ownDomains = new HashSet<>();
        private final Set<String> competitorDomains = new HashSet<>();
        private final DomainList.Draft freeMailDomains = new DomainList.Draft(Shipped::freeMail);
        private final DomainList.Draft disposableDomains = new DomainList.Draft(Shipped::disposable);
        private final Set<String> testDomains = new HashSet<>();
        private final List<String> targetCountries = new ArrayList<>();
        private final List<String> targetIndustries = new ArrayList<>();
        private final Map<String, String> industryAliases = new LinkedHashMap<>();
        private int minimumEmployees;
        private int enterpriseEmployees;
        private int fieldSalesMinimumEmployees;
        private int immediateScore;
        private int highScore;
        private int mediumScore;
        private int pricingVisitThreshold;
        private Duration engagementWindow;
        private int burstEvents;
        private Duration burstWindow;
        private Duration coldAfter;
        private Duration duplicateWindow;
        private Duration stalledAfter;
        private boolean requireExplicitConsent;
        private final List<String> decisionMakerTitles = new ArrayList<>();
        private final List<String> studentMarkers = new ArrayList<>();
        private final List<String> testMarkers = new ArrayList<>();
        private final Map<Destination, Duration> slas = new EnumMap<>(Destination.class);
        private Duration immediateSla;
        private final List<Team> teams = new ArrayList<>();
        private String recycleTeam;
        private final Map<String, String> caseStudyTracks = new LinkedHashMap<>();
        private final Map<InquiryType, String> contentTracks = new EnumMap<>(InquiryType.class);
        private String defaultNurtureTrack;
        private boolean accountOwnerFirst = true;
        private Rotation rotation = Rotation.NONE;
        private Duration ruleTimeBudget = DEFAULT_RULE_TIME_BUDGET;

        private Builder() {
        }

        private Builder(LeadPolicy p) {
            ownDomains.addAll(p.ownDomains);
            competitorDomains.addAll(p.competitorDomains);
            freeMailDomains.start(p.freeMailDomains);
            disposableDomains.start(p.disposableDomains);
            testDomains.addAll(p.testDomains);
            targetCountries.addAll(p.targetCountries);
            targetIndustries.addAll(p.targetIndustries);
            industryAliases.putAll(p.industryAliases);
            minimumEmployees = p.minimumEmployees;
            enterpriseEmployees = p.enterpriseEmployees;
            fieldSalesMinimumEmployees = p.fieldSalesMinimumEmployees;
            immediateScore = p.immediateScore;
            highScore = p.highScore;
            mediumScore = p.mediumScore;
            pricingVisitThreshold = p.pricingVisitThreshold;
            engagementWindow = p.engagementWindow;
            burstEvents = p.burstEvents;
            burstWindow = p.burstWindow;
            coldAfter = p.coldAfter;
            duplicateWindow = p.duplicateWindow;
            stalledAfter = p.stalledAfter;
            requireExplicitConsent = p.requireExplicitConsent;
            decisionMakerTitles.addAll(p.decisionMakerTitles);
            studentMarkers.addAll(p.studentMarkers);
            testMarkers.addAll(p.testMarkers);
            slas.putAll(p.slas);
            immediateSla = p.immediateSla;
            teams.addAll(p.teams);
            recycleTeam = p.recycleTeam;
            caseStudyTracks.putAll(p.caseStudyTracks);
            contentTracks.putAll(p.contentTracks);
            defaultNurtureTrack = p.defaultNurtureTrack;
            accountOwnerFirst = p.accountOwnerFirst;
            rotation = p.rotation;
            ruleTimeBudget = p.ruleTimeBudget;
        }

        private static <T> void replace(Collection<T> target, Collection<? extends T> values) {
            target.clear();
            target.addAll(values);
        }

        /**
         * Sets the host's own domains.
         *
         * @param v the domains
         * @return this builder
         */
        public Builder ownDomains(Collection<String> v) { replace(ownDomains, v); return this; }
        /**
         * Sets the competitors' domains.
         *
         * @param v the domains
         * @return this builder
         */
        public Builder competitorDomains(Collection<String> v) { replace(competitorDomains, v); return this; }
        /**
         * Replaces the free-mail domains.
         *
         * @param v the domains
         * @return this builder
         */
        public Builder freeMailDomains(Collection<String> v) { freeMailDomains.replace(v); return this; }
        /**
         * Replaces the disposable-mail domains.
         *
         * @param v the domains
         * @return this builder
         */
        public Builder disposableDomains(Collection<String> v) { disposableDomains.replace(v); return this; }
        /**
         * Replaces the domains reserved for tests.
         *
         * @param v the domains
         * @return this builder
         */
        public Builder testDomains(Collection<String> v) { replace(testDomains, v); return this; }
        /**
         * Sets the target countries (names or codes); none means every country.
         *
         * @param v the countries
         * @return this builder
         */
        public Builder targetCountries(Collection<String> v) { replace(targetCountries, v); return this; }
        /**
         * Sets the target industries; none means every industry.
         *
         * @param v the industries, in any spelling the aliases know
         * @return this builder
         */
        public Builder targetIndustries(Collection<String> v) { replace(targetIndustries, v); return this; }
        /**
         * Replaces the industry aliases.
         *
         * @param v each spelling mapped to its canonical industry
         * @return this builder
         */
        public Builder industryAliases(Map<String, String> v) { industryAliases.clear(); industryAliases.putAll(v); return this; }
        /**
         * Sets the minimum company size (0: no minimum).
         *
         * @param v the minimum, at least 0
         * @return this builder
         */
        public Builder minimumEmployees(int v) { minimumEmployees = v; return this; }
        /**
         * Sets the size from which a company is in the enterprise segment.
         *
         * @param v the size, at least 1
         * @return this builder
         */
        public Builder enterpriseEmployees(int v) { enterpriseEmployees = v; return this; }
        /**
         * Sets the size from which a named company in a target country fits field sales.
         *
         * @param v the size, at least 0
         * @return this builder
         */
        public Builder fieldSalesMinimumEmployees(int v) { fieldSalesMinimumEmployees = v; return this; }

        /**
         * Score thresholds for IMMEDIATE, HIGH and MEDIUM urgency; any positive score below medium is LOW.
         *
         * @param immediate the score from which urgency is IMMEDIATE
         * @param high the score from which urgency is HIGH
         * @param medium the score from which urgency is MEDIUM
         * @return this builder
         */
        public Builder urgencyThresholds(int immediate, int high, int medium) {
            immediateScore = immediate;
            highScore = high;
            mediumScore = medium;
            return this;
        }

        /**
         * Sets the pricing-page visits within the engagement window that raise urgency.
         *
         * @param v the visits, at least 1
         * @return this builder
         */
        public Builder pricingVisitThreshold(int v) { pricingVisitThreshold = v; return this; }
        /**
         * Sets how far back pricing-page visits and case-study views count.
         *
         * @param v the window, positive
         * @return this builder
         */
        public Builder engagementWindow(Duration v) { engagementWindow = v; return this; }
        /**
         * Sets the engagement events within the burst window that make a burst.
         *
         * @param v the events, at least 1
         * @return this builder
         */
        public Builder burstEvents(int v) { burstEvents = v; return this; }
        /**
         * Sets the burst window.
         *
         * @param v the window, positive
         * @return this builder
         */
        public Builder burstWindow(Duration v) { burstWindow = v; return this; }
        /**
         * Sets how long without engagement or submission a lead goes cold.
         *
         * @param v the time, positive
         * @return this builder
         */
        public Builder coldAfter(Duration v) { coldAfter = v; return this; }
        /**
         * Sets how recent an earlier lead from the same address makes this one a duplicate.
         *
         * @param v the window, positive
         * @return this builder
         */
        public Builder duplicateWindow(Duration v) { duplicateWindow = v; return this; }
        /**
         * Sets how long without sales activity a deal with sales is stalled.
         *
         * @param v the time, positive
         * @return this builder
         */
        public Builder stalledAfter(Duration v) { stalledAfter = v; return this; }
        /**
         * Sets whether leads without explicit consent are excluded.
         *
         * @param v true to require explicit consent
         * @return this builder
         */
        public Builder requireExplicitConsent(boolean v) { requireExplicitConsent = v; return this; }
        /**
         * Replaces the decision-maker title keywords; exceptions start with {@code !}.
         *
         * @param v the keywords
         * @return this builder
         */
        public Builder decisionMakerTitles(Collection<String> v) { replace(decisionMakerTitles, v); return this; }
        /**
         * Replaces the student and job-seeker title keywords; exceptions start with {@code !}.
         *
         * @param v the keywords
         * @return this builder
         */
        public Builder studentMarkers(Collection<String> v) { replace(studentMarkers, v); return this; }
        /**
         * Replaces the texts that mark a test submission.
         *
         * @param v the texts
         * @return this builder
         */
        public Builder testMarkers(Collection<String> v) { replace(testMarkers, v); return this; }

        /**
         * The SLA for one destination.
         *
         * @param destination a destination
         * @param v the SLA, positive
         * @return this builder
         */
        public Builder sla(Destination destination, Duration v) { slas.put(destination, v); return this; }

        /**
         * The SLA for IMMEDIATE leads, when shorter than the destination's.
         *
         * @param v the SLA, positive
         * @return this builder
         */
        public Builder immediateSla(Duration v) { immediateSla = v; return this; }
        /**
         * Replaces the teams, matched in the order given.
         *
         * @param v the teams
         * @return this builder
         */
        public Builder teams(Collection<Team> v) { replace(teams, v); return this; }
        /**
         * Sets the team or queue that takes stalled deals.
         *
         * @param v the team's name
         * @return this builder
         */
        public Builder recycleTeam(String v) { recycleTeam = v; return this; }

        /**
         * The nurture track for leads of an industry that has case studies.
         *
         * @param industry the industry, in any spelling the aliases know
         * @param track the track
         * @return this builder
         */
        public Builder caseStudyTrack(String industry, String track) { caseStudyTracks.put(industry, track); return this; }
        /**
         * Replaces every case-study track.
         *
         * @param v industry mapped to track
         * @return this builder
         */
        public Builder caseStudyTracks(Map<String, String> v) { caseStudyTracks.clear(); caseStudyTracks.putAll(v); return this; }
        /**
         * Sets the nurture track for leads that came for this content.
         *
         * @param type the kind of content inquiry
         * @param track the track
         * @return this builder
         */
        public Builder contentTrack(InquiryType type, String track) { contentTracks.put(type, track); return this; }
        /**
         * Sets the nurture track when no other fits.
         *
         * @param v the track
         * @return this builder
         */
        public Builder defaultNurtureTrack(String v) { defaultNurtureTrack = v; return this; }

        /**
         * Sets the {@link LeadPolicy#ruleTimeBudget()}, between 100 ms and one hour.
         *
         * @param v the budget
         * @return this builder
         */
        public Builder ruleTimeBudget(Duration v) { ruleTimeBudget = v; return this; }

        /**
         * Removes the SLA of one destination: nobody is held to a deadline there.
         *
         * @param destination a destination
         * @return this builder
         */
        public Builder noSla(Destination destination) { slas.remove(destination); return this; }

        /**
         * Replaces every content track.
         *
         * @param v the kind of content inquiry mapped to its track
         * @return this builder
         */
        public Builder contentTracks(Map<InquiryType, String> v) { contentTracks.clear(); contentTracks.putAll(v); return this; }

        /**
         * Whether policy-driven assignment gives a lead to its account's owner first (default true).
         *
         * @param v whether a known account owner takes the lead first
         * @return this builder
         */
        public Builder accountOwnerFirst(boolean v) { accountOwnerFirst = v; return this; }

        /**
         * How a team's reps take turns in policy-driven assignment (default NONE).
         *
         * @param v how a team's reps take turns
         * @return this builder
         */
        public Builder rotation(Rotation v) { rotation = v; return this; }

        /**
         * Checks every value and builds the policy; a bad value names its key.
         *
         * @return the policy
         */
        public LeadPolicy build() {
            return new LeadPolicy(this);
        }
    }

    /** A domain list shipped with lead-rules: its checked domains and the digest of its resource files. */
    private record Shipped(Set<String> domains, String resourceDigest) {

        static Shipped freeMail() {
            return new Shipped(DomainLists.defaultFreeMailDomains(), DomainLists.defaultFreeMailDigest());
        }

        static Shipped disposable() {
            return new Shipped(DomainLists.defaultDisposableDomains(), DomainLists.defaultDisposableDigest());
        }
    }

    /**
     * A large, checked, immutable domain list. While it stays close to the shipped list it is kept
     * as that list plus the host's additions and removals: the shipped set is shared, never copied,
     * and the digest is the shipped resources' digest with the sorted differences, so that neither
     * building nor fingerprinting a policy touches the hundred thousand shipped domains. A list far
     * from the shipped one (the host's own, say) is kept whole.
     *
     * <p>Which form a list takes depends only on its domains: the difference form when the
     * differences are no more than the domains themselves, the whole form otherwise. So two lists
     * with the same domains have the same digest however they were reached.
     */
    private static final class DomainList {
        /** The shipped list this one is expressed against, or null when it is kept whole. */
        private final Shipped shipped;
        /** Domains not in the shipped list (every domain when kept whole). */
        private final Set<String> added;
        /** Shipped domains taken out. */
        private final Set<String> removed;
        final Set<String> values;
        private volatile String digest;

        private DomainList(Shipped shipped, Set<String> added, Set<String> removed) {
            this.shipped = shipped;
            this.added = added;
            this.removed = removed;
            if (shipped == null) {
                values = added;
            } else if (added.isEmpty() && removed.isEmpty()) {
                values = shipped.domains();
            } else {
                values = new Difference(shipped.domains(), added, removed);
            }
        }

        /** The shipped list as it is. */
        static DomainList shipped(Shipped shipped) {
            return new DomainList(shipped, Set.of(), Set.of());
        }

        /** The list {@code shipped - removed + added}; {@code added} holds no shipped domain, {@code removed} only shipped ones. */
        static DomainList of(Shipped shipped, Set<String> added, Set<String> removed) {
            int size = shipped.domains().size() - removed.size() + added.size();
            if (added.size() + removed.size() <= size) {
                return new DomainList(shipped, Set.copyOf(added), Set.copyOf(removed));
            }
            Set<String> whole = new HashSet<>(added);
            for (String d : shipped.domains()) {
                if (!removed.contains(d)) {
                    whole.add(d);
                }
            }
            return new DomainList(null, Set.copyOf(whole), Set.of());
        }

        /** The list holding exactly {@code domains} (checked keys), in whichever form is its own. */
        static DomainList of(Shipped shipped, Set<String> domains) {
            Set<String> added = new HashSet<>();
            for (String d : domains) {
                if (!shipped.domains().contains(d)) {
                    added.add(d);
                }
            }
            int removedCount = shipped.domains().size() - (domains.size() - added.size());
            if (added.size() + removedCount > domains.size()) {
                return new DomainList(null, Set.copyOf(domains), Set.of());
            }
            Set<String> removed = new HashSet<>();
            for (String d : shipped.domains()) {
                if (!domains.contains(d)) {
                    removed.add(d);
                }
            }
            return new DomainList(shipped, Set.copyOf(added), Set.copyOf(removed));
        }

        /**
         * An order-independent digest. Near the shipped list: the shipped resources' SHA-256 with the
         * sorted additions and removals; kept whole: SHA-256 over the sorted domains, with the count.
         */
        String digest() {
            String d = digest;
            if (d == null) {
                d = shipped != null
                        ? "shipped " + shipped.domains().size() + " domains, resources sha-256 "
                                + shipped.resourceDigest() + ", added " + new TreeSet<>(added)
                                + ", removed " + new TreeSet<>(removed)
                        : values.size() + " domains, sha-256 " + sortedDigest(values);
                digest = d;
            }
            return d;
        }

        private static String sortedDigest(Set<String> values) {
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                for (String v : new TreeSet<>(values)) {
                    sha.update(v.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
                return java.util.HexFormat.of().formatHex(sha.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }

        /** The read-only view {@code base - removed + added} of a list near the shipped one. */
        private static final class Difference extends java.util.AbstractSet<String> {
            private final Set<String> base;
            private final Set<String> added;
            private final Set<String> removed;

            Difference(Set<String> base, Set<String> added, Set<String> removed) {
                this.base = base;
                this.added = added;
                this.removed = removed;
            }

            @Override
            public boolean contains(Object o) {
                return o instanceof String d && (added.contains(d) || (base.contains(d) && !removed.contains(d)));
            }

            @Override
            public int size() {
                return base.size() - removed.size() + added.size();
            }

            @Override
            public java.util.Iterator<String> iterator() {
                return java.util.stream.Stream.concat(base.stream().filter(d -> !removed.contains(d)), added.stream())
                        .iterator();
            }
        }

        /**
         * A builder's view: the list it started from, and the host's replacements, additions and
         * removals in order, applied and checked when the policy is built. Untouched, the list is
         * shared as it is.
         */
        static final class Draft {
            private enum Kind { REPLACE, ADD, REMOVE }

            private record Change(Kind kind, List<String> domains) {
            }

            private final java.util.function.Supplier<Shipped> shipped;
            private DomainList start;
            private final List<Change> changes = new ArrayList<>();

            Draft(java.util.function.Supplier<Shipped> shipped) {
                this.shipped = shipped;
                this.start = new DomainList(null, Set.of(), Set.of());
            }

            void start(DomainList list) {
                start = list;
                changes.clear();
            }

            void replace(Collection<String> domains) {
                changes.clear();
                changes.add(new Change(Kind.REPLACE, new ArrayList<>(domains)));
            }

            void add(Collection<String> domains) {
                changes.add(new Change(Kind.ADD, new ArrayList<>(domains)));
            }

            void remove(Collection<String> domains) {
                changes.add(new Change(Kind.REMOVE, new ArrayList<>(domains)));
            }

            DomainList build(String key) {
                if (changes.isEmpty()) {
                    return start;
                }
                Shipped s = shipped.get();
                Set<String> whole = null;
                Set<String> added = new HashSet<>();
                Set<String> removed = new HashSet<>();
                if (start.shipped != null) {
                    added.addAll(start.added);
                    removed.addAll(start.removed);
                } else {
                    whole = new HashSet<>(start.values);
                }
                for (Change c : changes) {
                    switch (c.kind()) {
                        case REPLACE -> whole = new HashSet<>(domains(key, c.domains()));
                        case ADD -> {
                            for (String d : domains(key, c.domains())) {
                                if (whole != null) {
                                    whole.add(d);
                                } else if (s.domains().contains(d)) {
                                    removed.remove(d);
                                } else {
                                    added.add(d);
                                }
                            }
                        }
                        case REMOVE -> {
                            for (String raw : c.domains()) {
                                String d = Text.key(raw);
                                if (d == null) {
                                    continue;
                                }
                                if (whole != null) {
                                    whole.remove(d);
                                } else if (s.domains().contains(d)) {
                                    removed.add(d);
                                } else {
                                    added.remove(d);
                                }
                            }
                        }
                    }
                }
                return whole != null ? of(s, whole) : of(s, added, removed);
            }
        }
    }

    /** The shipped preset, built once. */
    private static final class Defaults {
        static final LeadPolicy POLICY = create();

        private static LeadPolicy create() {
            Builder b = new Builder();
            // The shipped lists were checked when loaded: they go in as they are, neither re-checked nor copied.
            b.freeMailDomains.start(DomainList.shipped(Shipped.freeMail()));
            b.disposableDomains.start(DomainList.shipped(Shipped.disposable()));
            b.testDomains.addAll(List.of("example.com", "example.net", "example.org", "example.jp",
                    "example.co.jp", "test.com", "test.co.jp", "test.jp", "localhost.localdomain"));
            Map<String, List<String>> aliasGroups = new LinkedHashMap<>();
            aliasGroups.put("manufacturing", List.of("製造業", "製造", "manufacturer", "メーカー", "ものづくり"));
            aliasGroups.put("information technology", List.of("情報通信業", "情報・通信", "情報通信", "it",
                    "ソフトウェア", "software", "saas", "technology", "tech"));
            aliasGroups.put("retail", List.of("小売業", "小売", "retailer", "ec", "e-commerce"));
            aliasGroups.put("finance", List.of("金融業", "金融", "銀行", "保険", "financial services", "banking", "insurance"));
            aliasGroups.put("healthcare", List.of("医療", "ヘルスケア", "医療・福祉", "health care", "medical"));
            aliasGroups.put("logistics", List.of("物流", "運輸業", "運輸", "transportation", "shipping"));
            aliasGroups.put("construction", List.of("建設業", "建設", "building"));
            aliasGroups.put("education", List.of("教育", "教育・学習支援業", "学校"));
            aliasGroups.put("government", List.of("官公庁", "公共", "自治体", "public sector"));
            aliasGroups.put("real estate", List.of("不動産業", "不動産"));
            aliasGroups.forEach((canonical, aliases) -> aliases.forEach(a -> b.industryAliases.put(a, canonical)));
            b.minimumEmployees = 10;
            b.enterpriseEmployees = 1000;
            b.fieldSalesMinimumEmployees = 100;
            b.immediateScore = 80;
            b.highScore = 50;
            b.mediumScore = 25;
            b.pricingVisitThreshold = 3;
            b.engagementWindow = Duration.ofDays(30);
            b.burstEvents = 5;
            b.burstWindow = Duration.ofDays(7);
            b.coldAfter = Duration.ofDays(90);
            b.duplicateWindow = Duration.ofDays(30);
            b.stalledAfter = Duration.ofDays(30);
            b.requireExplicitConsent = false;
            // Deputies, assistants and "product owners" advise; they do not decide.
            b.decisionMakerTitles.addAll(List.of("部長", "本部長", "事業部長", "取締役", "代表", "社長", "役員",
                    "執行役員", "局長", "理事", "ceo", "cto", "cio", "cfo", "coo", "cmo", "ciso", "vp", "svp",
                    "evp", "vice president", "director", "head of", "president", "founder", "business owner",
                    "general manager", "managing director",
                    "!副部長", "!部長代理", "!部長補佐", "!秘書", "!assistant to", "!secretary to", "!assistant director"));
            // University staff (学生支援課, 学生課) and internship coordinators are not students.
            b.studentMarkers.addAll(List.of("学生", "大学生", "大学院生", "就活", "就職活動", "求職", "転職活動",
                    "インターン生", "student", "job seeker", "jobseeker", "job hunting", "intern",
                    "looking for a job",
                    "!学生支援", "!学生課", "!学生部", "!学生相談", "!学生募集", "!student affairs",
                    "!student services", "!student success"));
            b.testMarkers.addAll(List.of("test", "testtest", "test test", "テスト", "てすと", "テスト太郎",
                    "dummy", "ダミー", "asdf", "qwerty", "aaa", "aaaa", "xxx", "あああ", "n/a", "none"));
            b.slas.put(Destination.FIELD_SALES, Duration.ofHours(4));
            b.slas.put(Destination.INSIDE_SALES, Duration.ofHours(24));
            b.slas.put(Destination.ACCOUNT_OWNER, Duration.ofHours(24));
            b.slas.put(Destination.NURTURE, Duration.ofHours(72));
            b.immediateSla = Duration.ofHours(1);
            b.teams.add(new Team("field-sales-enterprise", Destination.FIELD_SALES, Set.of(), Segment.ENTERPRISE));
            b.teams.add(new Team("field-sales", Destination.FIELD_SALES, Set.of(), Segment.ANY));
            b.teams.add(new Team("inside-sales", Destination.INSIDE_SALES, Set.of(), Segment.ANY));
            b.teams.add(new Team("account-management", Destination.ACCOUNT_OWNER, Set.of(), Segment.ANY));
            b.teams.add(new Team("marketing-nurture", Destination.NURTURE, Set.of(), Segment.ANY));
            b.recycleTeam = "inside-sales-recycle";
            for (String industry : List.of("manufacturing", "information technology", "retail", "finance",
                    "healthcare", "logistics", "construction")) {
                b.caseStudyTracks.put(industry, "case-study-" + industry.replace(' ', '-'));
            }
            b.contentTracks.put(InquiryType.WHITE_PAPER, "white-paper-series");
            b.contentTracks.put(InquiryType.SEMINAR, "seminar-invitations");
            b.contentTracks.put(InquiryType.ARTICLE, "article-newsletter");
            b.defaultNurtureTrack = "white-paper-series";
            return b.build();
        }
    }
}

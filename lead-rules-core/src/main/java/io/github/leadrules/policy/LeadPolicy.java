package io.github.leadrules.policy;

import io.github.leadrules.internal.text.Text;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.InquiryType;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The host's policy: everything a marketing-ops person would change without touching rules. It is
 * immutable and made of one small part per stage: {@link #exclusion()}, {@link #urgency()} and
 * {@link #routing()}, with the industry aliases and the rule time budget shared by all. Start from
 * {@link #defaults()} and change it through its {@link #toBuilder() builder}, the one way to
 * change a policy. Rules read it through {@code LeadContext.policy}; the questions and JavaBean
 * properties they use are on this class too.
 *
 * <pre>{@code
 * LeadPolicy policy = LeadPolicy.defaults().toBuilder()
 *     .ownDomains("our-saas.co.jp")
 *     .competitorDomains("rival.example", "competitor.co.jp")
 *     .targetCountries("JP", "US")
 *     .minimumEmployees(20)
 *     .build();
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

    private final Map<String, String> industryAliases;
    private final ExclusionPolicy exclusion;
    private final UrgencyPolicy urgency;
    private final RoutingPolicy routing;
    private final Duration ruleTimeBudget;
    private final Map<String, FieldType> fields;
    private final List<String> missingValues;
    private final Set<String> missingKeys;
    private final List<Signal> signals;
    /** The ASCII characters some placeholder key starts with: an ASCII value starting otherwise is none. */
    private final boolean[] missingFirstAscii = new boolean[128];
    /** The other first UTF-16 units of placeholder keys, sorted. */
    private final char[] missingFirstOther;
    /** The longest placeholder key, in UTF-16 units. */
    private final int missingKeyLength;

    private volatile String canonical;

    private LeadPolicy(Builder b) {
        industryAliases = Checks.aliases(b.industryAliases);
        exclusion = new ExclusionPolicy(b.exclusion, this::industryKey);
        urgency = new UrgencyPolicy(b.urgency);
        routing = new RoutingPolicy(b.routing, this::industryKey);
        ruleTimeBudget = Checks.required("ruleTimeBudget", b.ruleTimeBudget);
        fields = checkedFields(b.fields);
        missingValues = checkedMissingValues(b.missingValues);
        missingKeys = Set.copyOf(missingValues);
        signals = checkedSignals(b.signals, fields);
        StringBuilder firstOther = new StringBuilder();
        int longest = 0;
        for (String key : missingKeys) {
            longest = Math.max(longest, key.length());
            if (key.charAt(0) < 128) {
                missingFirstAscii[key.charAt(0)] = true;
            } else {
                firstOther.append(key.charAt(0));
            }
        }
        missingKeyLength = longest;
        missingFirstOther = firstOther.toString().toCharArray();
        java.util.Arrays.sort(missingFirstOther);
        if (ruleTimeBudget.compareTo(MIN_RULE_TIME_BUDGET) < 0 || ruleTimeBudget.compareTo(MAX_RULE_TIME_BUDGET) > 0) {
            throw new IllegalArgumentException("ruleTimeBudget: must be between 100ms and 1h, got " + ruleTimeBudget);
        }
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

    // ------------------------------------------------------------------ parts

    /** {@return the settings exclusion rules read} */
    public ExclusionPolicy exclusion() { return exclusion; }

    /** {@return the settings urgency rules read, and the score thresholds} */
    public UrgencyPolicy urgency() { return urgency; }

    /** {@return the settings routing reads, teams, SLAs and assignment} */
    public RoutingPolicy routing() { return routing; }

    /**
     * The declared fields, in declaration order: the lead attributes read as typed values when a
     * lead is validated (a value that does not read is a field error) and read by rules through
     * {@code LeadContext.number(name)}, {@code date(name)}, {@code flag(name)} and {@code text(name)}.
     * Empty by default.
     *
     * @return attribute name to type, unmodifiable
     */
    public Map<String, FieldType> fields() { return fields; }

    /** The most fields a policy may declare: as many as a lead may carry attributes. */
    public static final int MAX_FIELDS = 200;

    private static Map<String, FieldType> checkedFields(Map<String, FieldType> in) {
        if (in.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("fields: at most " + MAX_FIELDS + " fields, got " + in.size());
        }
        Map<String, FieldType> out = new LinkedHashMap<>();
        for (Map.Entry<String, FieldType> e : in.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("fields: a field name must not be blank");
            }
            if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl) || !name.equals(name.strip())) {
                throw new IllegalArgumentException("fields: a field name must be at most 200 characters, without"
                        + " control characters or surrounding spaces");
            }
            out.put(name, Objects.requireNonNull(e.getValue(), "fields: the type of a field"));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The placeholder values that mean "no value": a text field or attribute holding one of these,
     * as a whole value (compared after NFKC, lower case and collapsed spaces), is blank before any
     * validation, for every standard field and every attribute. The shipped list holds the usual
     * placeholders of CRM exports and web forms ({@code unknown}, {@code n/a}, {@code -},
     * {@code select}, {@code 不明}, {@code なし} …); a value that merely contains one, such as
     * {@code Unknown Industries Inc.}, is kept.
     *
     * @return the placeholders as matching keys, in order, unmodifiable
     */
    public List<String> missingValues() { return missingValues; }

    /**
     * Whether a value is one of the {@link #missingValues() placeholders} that mean "no value".
     *
     * @param value any text, or {@code null}
     * @return true when the whole value, once normalised, is a placeholder
     */
    public boolean isMissingValue(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_MISSING_VALUE || missingKeys.isEmpty()) {
            return false;
        }
        // A settled character (ASCII, kanji, kana: its own NFKC form, composing with nothing before
        // it) followed by another (or by nothing) stays the first character of the NFKC form, so the
        // key starts with it, lowercased: most values, Latin or Japanese, are ruled out by their
        // first non-blank character, without building a key or even reading the rest.
        int i = 0;
        // A settled character other than a control or a space is no white space: most values start
        // with one, and skip the Unicode look-up.
        while (i < value.length() && isBlankStart(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return false;
        }
        char first = value.charAt(i);
        if (Text.isSettled(first) && (i + 1 == value.length() || Text.isSettled(value.charAt(i + 1)))
                && (first < 0x80 ? !missingFirstAscii[Character.toLowerCase(first)]
                        : java.util.Arrays.binarySearch(missingFirstOther, first) < 0)) {
            return false;
        }
        // Settled text is its own NFKC form, so its key holds at least its non-blank characters.
        int visible = 0;
        for (int j = i; j < value.length(); j++) {
            char c = value.charAt(j);
            if (!Text.isSettled(c)) {
                return isMissingKey(value);
            }
            // The only white space among settled characters is ASCII.
            if ((c > ' ' || !Character.isWhitespace(c)) && ++visible > missingKeyLength) {
                return false;
            }
        }
        return isMissingKey(value);
    }

    /** {@link Character#isWhitespace(char)}, without the look-up for a visible settled character. */
    private static boolean isBlankStart(char c) {
        return (c <= ' ' || !Text.isSettled(c)) && Character.isWhitespace(c);
    }

    private boolean isMissingKey(String value) {
        String key = Text.key(value);
        return key != null && missingKeys.contains(key);
    }

    /** The longest placeholder value, in characters. */
    public static final int MAX_MISSING_VALUE = 100;

    /** The most placeholder values a policy may list. */
    public static final int MAX_MISSING_VALUES = 500;

    private static List<String> checkedMissingValues(Collection<String> in) {
        if (in.size() > MAX_MISSING_VALUES) {
            throw new IllegalArgumentException("missingValues: at most " + MAX_MISSING_VALUES + " values, got " + in.size());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : in) {
            String key = v == null ? null : Text.key(v);
            if (key == null) {
                throw new IllegalArgumentException("missingValues: a value must not be blank");
            }
            if (v.length() > MAX_MISSING_VALUE || Text.hasControlCharacters(v)) {
                throw new IllegalArgumentException("missingValues: a value must be at most " + MAX_MISSING_VALUE
                        + " characters, without control characters");
            }
            out.add(key);
        }
        return List.copyOf(out);
    }

    /**
     * The policy's signals, in order: rules stated without DRL (see {@link Signal}), compiled by the
     * qualifier into generated rules that take part like packaged ones. Empty by default.
     *
     * @return the signals, unmodifiable
     */
    public List<Signal> signals() { return signals; }

    /**
     * The DRL the qualifier generates from the {@link #signals()}: one rule per signal, named by
     * its name, with its id as {@code @id} and its stage as ruleflow-group, for reading and review
     * (the CLI's {@code lead-rules rules --drl}). The qualifier adds these rules itself; never add
     * this text as host rules too.
     *
     * @return the DRL text; a package without rules when there are no signals
     */
    public String signalsDrl() {
        return io.github.leadrules.internal.SignalRules.drl(this);
    }

    /** The most signals a policy may hold. */
    public static final int MAX_SIGNALS = 2_000;

    private static List<Signal> checkedSignals(List<Signal> in, Map<String, FieldType> fields) {
        if (in.size() > MAX_SIGNALS) {
            throw new IllegalArgumentException("signals: at most " + MAX_SIGNALS + " signals, got " + in.size());
        }
        for (int i = 0; i < in.size(); i++) {
            Signal s = Objects.requireNonNull(in.get(i), "signals: a signal");
            List<SignalChecks.Issue> issues = SignalChecks.check(s, fields);
            if (!issues.isEmpty()) {
                SignalChecks.Issue issue = issues.get(0);
                throw new IllegalArgumentException("signals[" + i + "].when[" + issue.condition() + "]."
                        + (issue.atValue() ? s.conditions().get(issue.condition()).operator().fileName() : "field")
                        + ": " + s.id() + ": " + issue.message());
            }
        }
        String duplicate = SignalChecks.duplicates(in);
        if (duplicate != null) {
            throw new IllegalArgumentException("signals: " + duplicate);
        }
        return List.copyOf(in);
    }

    /** {@return the industry aliases: alias key to canonical industry key} */
    public Map<String, String> industryAliases() { return industryAliases; }

    /**
     * How long the rules may work on a batch without a sign of progress (a rule starting or
     * finishing, a fact inserted) before the lead at fault is stopped as {@code ERROR}: a host rule
     * that loops inside its condition or action. Default {@link #DEFAULT_RULE_TIME_BUDGET}. See
     * {@code LeadQualifier} for what happens to the stuck thread.
     *
     * @return the budget
     */
    public Duration ruleTimeBudget() { return ruleTimeBudget; }

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

    // ------------------------------------------------------------------ what rules read (docs/rule-writing.md)
    // Conditions call these on `policy`; each asks the part of its stage.

    /**
     * Whether the domain (or a parent of it) is one of the host's own.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is the host's own
     */
    public boolean isOwnDomain(String domain) { return exclusion.isOwnDomain(domain); }

    /**
     * Whether the domain (or a parent of it) is a competitor's.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is a competitor's
     */
    public boolean isCompetitorDomain(String domain) { return exclusion.isCompetitorDomain(domain); }

    /**
     * Whether the domain is a free-mail provider's.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is a free-mail provider's
     */
    public boolean isFreeMailDomain(String domain) { return exclusion.isFreeMailDomain(domain); }

    /**
     * Whether the domain is a disposable-mail provider's.
     *
     * @param domain a lower-case domain, or null
     * @return true when it is a disposable-mail provider's
     */
    public boolean isDisposableDomain(String domain) { return exclusion.isDisposableDomain(domain); }

    /**
     * Whether the domain is reserved for tests (example.com …).
     *
     * @param domain a lower-case domain, or null
     * @return true when it is reserved for tests
     */
    public boolean isTestDomain(String domain) { return exclusion.isTestDomain(domain); }

    /**
     * Whether the whole text (a matching key) is a test marker such as "test" or "テスト".
     *
     * @param key a matching key, or null
     * @return true when it is a test marker
     */
    public boolean isTestMarker(String key) { return exclusion.isTestMarker(key); }

    /**
     * Whether the lead's country is targeted (true when no targets are set or the country is unknown).
     *
     * @param countryCode an ISO-3166 alpha-2 code, or null
     * @return true when the country is targeted
     */
    public boolean isTargetCountry(String countryCode) { return exclusion.isTargetCountry(countryCode); }

    /**
     * Whether the industry is targeted (true when no targets are set or the industry is unknown).
     *
     * @param industryKey an industry's matching key, or null
     * @return true when the industry is targeted
     */
    public boolean isTargetIndustry(String industryKey) { return exclusion.isTargetIndustry(industryKey); }

    /**
     * Whether the job title (a matching key) names a decision maker; see
     * {@link UrgencyPolicy#isDecisionMakerTitle(String)}.
     *
     * @param titleKey a job title's matching key, or null
     * @return true when it names a decision maker
     */
    public boolean isDecisionMakerTitle(String titleKey) { return urgency.isDecisionMakerTitle(titleKey); }

    /**
     * Whether the job title (a matching key) names a student or job seeker.
     *
     * @param titleKey a job title's matching key, or null
     * @return true when it names a student or job seeker
     */
    public boolean isStudentTitle(String titleKey) { return exclusion.isStudentTitle(titleKey); }

    /**
     * The case-study nurture track for an industry key, if the host has one.
     *
     * @param industryKey an industry's matching key, or null
     * @return the track, or empty
     */
    public Optional<String> caseStudyTrack(String industryKey) { return routing.caseStudyTrack(industryKey); }

    /**
     * The nurture track for leads that came for this content, else the default track.
     *
     * @param inquiryType what the lead came for
     * @return the track
     */
    public String contentTrack(InquiryType inquiryType) { return routing.contentTrack(inquiryType); }

    // Drools property access uses JavaBean getters; these let DRL write policy.minimumEmployees.
    /** {@return {@link ExclusionPolicy#minimumEmployees()}, as a property DRL can read} */
    public int getMinimumEmployees() { return exclusion.minimumEmployees(); }
    /** {@return {@link RoutingPolicy#enterpriseEmployees()}, as a property DRL can read} */
    public int getEnterpriseEmployees() { return routing.enterpriseEmployees(); }
    /** {@return {@link RoutingPolicy#fieldSalesMinimumEmployees()}, as a property DRL can read} */
    public int getFieldSalesMinimumEmployees() { return routing.fieldSalesMinimumEmployees(); }
    /** {@return {@link UrgencyPolicy#pricingVisitThreshold()}, as a property DRL can read} */
    public int getPricingVisitThreshold() { return urgency.pricingVisitThreshold(); }
    /** {@return {@link UrgencyPolicy#engagementWindow()}, as a property DRL can read} */
    public Duration getEngagementWindow() { return urgency.engagementWindow(); }
    /** {@return {@link UrgencyPolicy#burstEvents()}, as a property DRL can read} */
    public int getBurstEvents() { return urgency.burstEvents(); }
    /** {@return {@link UrgencyPolicy#burstWindow()}, as a property DRL can read} */
    public Duration getBurstWindow() { return urgency.burstWindow(); }
    /** {@return {@link UrgencyPolicy#coldAfter()}, as a property DRL can read} */
    public Duration getColdAfter() { return urgency.coldAfter(); }
    /** {@return {@link ExclusionPolicy#duplicateWindow()}, as a property DRL can read} */
    public Duration getDuplicateWindow() { return exclusion.duplicateWindow(); }
    /** {@return {@link RoutingPolicy#stalledAfter()}, as a property DRL can read} */
    public Duration getStalledAfter() { return routing.stalledAfter(); }
    /** {@return {@link ExclusionPolicy#requireExplicitConsent()}, as a property DRL can read} */
    public boolean isRequireExplicitConsent() { return exclusion.requireExplicitConsent(); }
    /** {@return {@link RoutingPolicy#recycleTeam()}, as a property DRL can read} */
    public String getRecycleTeam() { return routing.recycleTeam(); }
    /** {@return {@link RoutingPolicy#defaultNurtureTrack()}, as a property DRL can read} */
    public String getDefaultNurtureTrack() { return routing.defaultNurtureTrack(); }

    // ------------------------------------------------------------------ identity

    /**
     * A canonical, order-independent text of every value, for the rule-set fingerprint: two
     * policies with the same values have the same canonical text. One line per policy-file key.
     *
     * @return the canonical text
     */
    public String canonicalText() {
        String text = canonical;
        if (text == null) {
            // Immutable values: computed once (the shipped domain lists make it a few megabytes).
            text = PolicyFingerprint.canonicalText(this);
            canonical = text;
        }
        return text;
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
        ExclusionPolicy e = exclusion;
        return "LeadPolicy[ownDomains=" + e.ownDomains().size() + ", competitorDomains=" + e.competitorDomains().size()
                + ", freeMailDomains=" + e.freeMailDomains().size() + ", disposableDomains=" + e.disposableDomains().size()
                + ", targetCountries=" + new TreeSet<>(e.targetCountries()) + ", targetIndustries="
                + new TreeSet<>(e.targetIndustries()) + ", minimumEmployees=" + e.minimumEmployees()
                + ", enterpriseEmployees=" + routing.enterpriseEmployees() + ", teams=" + routing.teams().size() + "]";
    }

    /**
     * A mutable builder for {@link LeadPolicy}, the one way to change a policy: start from
     * {@link LeadPolicy#toBuilder()}. Collection setters replace; {@code add…}/{@code remove…}
     * adjust the free-mail and disposable lists. {@link #build()} checks every value, stage part
     * by stage part, and names the key at fault.
     */
    public static final class Builder {
        final ExclusionPolicy.Values exclusion;
        final UrgencyPolicy.Values urgency;
        final RoutingPolicy.Values routing;
        final Map<String, String> industryAliases = new LinkedHashMap<>();
        Duration ruleTimeBudget = DEFAULT_RULE_TIME_BUDGET;
        Map<String, FieldType> fields = new LinkedHashMap<>();
        List<String> missingValues = List.of();
        List<Signal> signals = new ArrayList<>();

        private Builder() {
            exclusion = new ExclusionPolicy.Values();
            urgency = new UrgencyPolicy.Values();
            routing = new RoutingPolicy.Values();
        }

        private Builder(LeadPolicy p) {
            exclusion = p.exclusion.values();
            urgency = p.urgency.values();
            routing = p.routing.values();
            industryAliases.putAll(p.industryAliases);
            ruleTimeBudget = p.ruleTimeBudget;
            fields = new LinkedHashMap<>(p.fields);
            missingValues = p.missingValues;
            signals = new ArrayList<>(p.signals);
        }

        /** A copy of the map with one entry set (null: removed); a built part's maps are immutable. */
        private static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
            Map<K, V> copy = new LinkedHashMap<>(map);
            if (value == null) {
                copy.remove(key);
            } else {
                copy.put(key, value);
            }
            return copy;
        }

        /**
         * Sets the host's own domains.
         *
         * @param v the domains
         * @return this builder
         */
        public Builder ownDomains(Collection<String> v) { exclusion.ownDomains = new HashSet<>(v); return this; }
        /**
         * Sets the competitors' domains.
         *
         * @param v the domains
         * @return this builder
         */
        public Builder competitorDomains(Collection<String> v) { exclusion.competitorDomains = new HashSet<>(v); return this; }
        /**
         * Replaces the free-mail domains.
         *
         * @param v the domains
         * @return this builder
         */
        public Builder freeMailDomains(Collection<String> v) { exclusion.freeMailDomains.replace(v); return this; }
        /**
         * Replaces the disposable-mail domains.
         *
         * @param v the domains
         * @return this builder
         */
        public Builder disposableDomains(Collection<String> v) { exclusion.disposableDomains.replace(v); return this; }
        /**
         * Replaces the domains reserved for tests.
         *
         * @param v the domains
         * @return this builder
         */
        public Builder testDomains(Collection<String> v) { exclusion.testDomains = new HashSet<>(v); return this; }
        /**
         * Sets the target countries (names or codes); none means every country.
         *
         * @param v the countries
         * @return this builder
         */
        public Builder targetCountries(Collection<String> v) { exclusion.targetCountries = new LinkedHashSet<>(v); return this; }
        /**
         * Sets the target industries; none means every industry.
         *
         * @param v the industries, in any spelling the aliases know
         * @return this builder
         */
        public Builder targetIndustries(Collection<String> v) { exclusion.targetIndustries = new LinkedHashSet<>(v); return this; }
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
        public Builder minimumEmployees(int v) { exclusion.minimumEmployees = v; return this; }
        /**
         * Sets the size from which a company is in the enterprise segment.
         *
         * @param v the size, at least 1
         * @return this builder
         */
        public Builder enterpriseEmployees(int v) { routing.enterpriseEmployees = v; return this; }
        /**
         * Sets the size from which a named company in a target country fits field sales.
         *
         * @param v the size, at least 0
         * @return this builder
         */
        public Builder fieldSalesMinimumEmployees(int v) { routing.fieldSalesMinimumEmployees = v; return this; }

        /**
         * Score thresholds for IMMEDIATE, HIGH and MEDIUM urgency; any positive score below medium is LOW.
         *
         * @param immediate the score from which urgency is IMMEDIATE
         * @param high the score from which urgency is HIGH
         * @param medium the score from which urgency is MEDIUM
         * @return this builder
         */
        public Builder urgencyThresholds(int immediate, int high, int medium) {
            urgency.immediateScore = immediate;
            urgency.highScore = high;
            urgency.mediumScore = medium;
            return this;
        }

        /**
         * Sets the pricing-page visits within the engagement window that raise urgency.
         *
         * @param v the visits, at least 1
         * @return this builder
         */
        public Builder pricingVisitThreshold(int v) { urgency.pricingVisitThreshold = v; return this; }
        /**
         * Sets how far back pricing-page visits and case-study views count.
         *
         * @param v the window, positive
         * @return this builder
         */
        public Builder engagementWindow(Duration v) { urgency.engagementWindow = v; return this; }
        /**
         * Sets the engagement events within the burst window that make a burst.
         *
         * @param v the events, at least 1
         * @return this builder
         */
        public Builder burstEvents(int v) { urgency.burstEvents = v; return this; }
        /**
         * Sets the burst window.
         *
         * @param v the window, positive
         * @return this builder
         */
        public Builder burstWindow(Duration v) { urgency.burstWindow = v; return this; }
        /**
         * Sets how long without engagement or submission a lead goes cold.
         *
         * @param v the time, positive
         * @return this builder
         */
        public Builder coldAfter(Duration v) { urgency.coldAfter = v; return this; }
        /**
         * Sets how recent an earlier lead from the same address makes this one a duplicate.
         *
         * @param v the window, positive
         * @return this builder
         */
        public Builder duplicateWindow(Duration v) { exclusion.duplicateWindow = v; return this; }
        /**
         * Sets how long without sales activity a deal with sales is stalled.
         *
         * @param v the time, positive
         * @return this builder
         */
        public Builder stalledAfter(Duration v) { routing.stalledAfter = v; return this; }
        /**
         * Sets whether leads without explicit consent are excluded.
         *
         * @param v true to require explicit consent
         * @return this builder
         */
        public Builder requireExplicitConsent(boolean v) { exclusion.requireExplicitConsent = v; return this; }
        /**
         * Replaces the decision-maker title keywords; exceptions start with {@code !}.
         *
         * @param v the keywords
         * @return this builder
         */
        public Builder decisionMakerTitles(Collection<String> v) { urgency.decisionMakerTitles = new ArrayList<>(v); return this; }
        /**
         * Replaces the student and job-seeker title keywords; exceptions start with {@code !}.
         *
         * @param v the keywords
         * @return this builder
         */
        public Builder studentMarkers(Collection<String> v) { exclusion.studentMarkers = new ArrayList<>(v); return this; }
        /**
         * Replaces the texts that mark a test submission.
         *
         * @param v the texts
         * @return this builder
         */
        public Builder testMarkers(Collection<String> v) { exclusion.testMarkers = new LinkedHashSet<>(v); return this; }

        /**
         * The SLA for one destination.
         *
         * @param destination a destination
         * @param v the SLA, positive
         * @return this builder
         */
        public Builder sla(Destination destination, Duration v) { routing.slas = with(routing.slas, destination, v); return this; }

        /**
         * The SLA for IMMEDIATE leads, when shorter than the destination's.
         *
         * @param v the SLA, positive
         * @return this builder
         */
        public Builder immediateSla(Duration v) { routing.immediateSla = v; return this; }
        /**
         * Replaces the teams, matched in the order given.
         *
         * @param v the teams
         * @return this builder
         */
        public Builder teams(Collection<Team> v) { routing.teams = new ArrayList<>(v); return this; }
        /**
         * Sets the team or queue that takes stalled deals.
         *
         * @param v the team's name
         * @return this builder
         */
        public Builder recycleTeam(String v) { routing.recycleTeam = v; return this; }

        /**
         * The nurture track for leads of an industry that has case studies.
         *
         * @param industry the industry, in any spelling the aliases know
         * @param track the track
         * @return this builder
         */
        public Builder caseStudyTrack(String industry, String track) { routing.caseStudyTracks = with(routing.caseStudyTracks, industry, track); return this; }
        /**
         * Replaces every case-study track.
         *
         * @param v industry mapped to track
         * @return this builder
         */
        public Builder caseStudyTracks(Map<String, String> v) { routing.caseStudyTracks = new LinkedHashMap<>(v); return this; }
        /**
         * Sets the nurture track for leads that came for this content.
         *
         * @param type the kind of content inquiry
         * @param track the track
         * @return this builder
         */
        public Builder contentTrack(InquiryType type, String track) { routing.contentTracks = with(routing.contentTracks, type, track); return this; }
        /**
         * Sets the nurture track when no other fits.
         *
         * @param v the track
         * @return this builder
         */
        public Builder defaultNurtureTrack(String v) { routing.defaultNurtureTrack = v; return this; }

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
        public Builder noSla(Destination destination) { routing.slas = with(routing.slas, destination, null); return this; }

        /**
         * Replaces every content track.
         *
         * @param v the kind of content inquiry mapped to its track
         * @return this builder
         */
        public Builder contentTracks(Map<InquiryType, String> v) { routing.contentTracks = new LinkedHashMap<>(v); return this; }

        /**
         * Whether policy-driven assignment gives a lead to its account's owner first (default true).
         *
         * @param v whether a known account owner takes the lead first
         * @return this builder
         */
        public Builder accountOwnerFirst(boolean v) { routing.accountOwnerFirst = v; return this; }

        /**
         * How a team's reps take turns in policy-driven assignment (default NONE).
         *
         * @param v how a team's reps take turns
         * @return this builder
         */
        public Builder rotation(Rotation v) { routing.rotation = v; return this; }

        /**
         * Sets the host's own domains (internal submissions are excluded).
         *
         * @param v the domains; they replace the current ones
         * @return this builder
         */
        public Builder ownDomains(String... v) { return ownDomains(List.of(v)); }

        /**
         * Sets the competitors' domains.
         *
         * @param v the domains; they replace the current ones
         * @return this builder
         */
        public Builder competitorDomains(String... v) { return competitorDomains(List.of(v)); }

        /**
         * Sets the target countries (names or codes); none means every country.
         *
         * @param v the countries; they replace the current ones
         * @return this builder
         */
        public Builder targetCountries(String... v) { return targetCountries(List.of(v)); }

        /**
         * Sets the target industries, in any spelling the aliases know; none means every industry.
         *
         * @param v the industries; they replace the current ones
         * @return this builder
         */
        public Builder targetIndustries(String... v) { return targetIndustries(List.of(v)); }

        /**
         * Sets the teams, matched in order.
         *
         * @param v the teams; they replace the current ones
         * @return this builder
         */
        public Builder teams(Team... v) { return teams(List.of(v)); }

        /**
         * Adds free-mail domains to the current list.
         *
         * @param v the domains to add
         * @return this builder
         */
        public Builder addFreeMailDomains(String... v) { exclusion.freeMailDomains.add(List.of(v)); return this; }

        /**
         * Removes free-mail domains from the current list (e.g. a provider you sell to).
         *
         * @param v the domains to remove
         * @return this builder
         */
        public Builder removeFreeMailDomains(String... v) { exclusion.freeMailDomains.remove(List.of(v)); return this; }

        /**
         * Adds disposable-mail domains to the current list.
         *
         * @param v the domains to add
         * @return this builder
         */
        public Builder addDisposableDomains(String... v) { exclusion.disposableDomains.add(List.of(v)); return this; }

        /**
         * Removes disposable-mail domains from the current list.
         *
         * @param v the domains to remove
         * @return this builder
         */
        public Builder removeDisposableDomains(String... v) { exclusion.disposableDomains.remove(List.of(v)); return this; }

        /**
         * Sets the free-mail and disposable lists to the ones shipped in the jar, as they are (they
         * were checked when loaded and are shared, not copied).
         *
         * @return this builder
         */
        public Builder shippedDomainLists() {
            exclusion.freeMailDomains.start(DomainSet.shipped(DomainSet.Shipped.freeMail()));
            exclusion.disposableDomains.start(DomainSet.shipped(DomainSet.Shipped.disposable()));
            return this;
        }

        /**
         * Sets the owner assignment: whether a known account owner comes first, and how a team's
         * reps take turns otherwise. Used unless the qualifier is given its own
         * {@code AssignmentStrategy}.
         *
         * @param accountOwnerFirst whether a known account owner takes the lead first
         * @param rotation how a team's reps take turns
         * @return this builder
         */
        public Builder assignment(boolean accountOwnerFirst, Rotation rotation) {
            return accountOwnerFirst(accountOwnerFirst).rotation(rotation);
        }

        /**
         * Sets the declared fields, replacing any declared before (see {@link LeadPolicy#fields()}).
         *
         * @param v attribute name to type, in the order to keep
         * @return this builder
         */
        public Builder fields(Map<String, FieldType> v) { fields = new LinkedHashMap<>(v); return this; }

        /**
         * Declares one field, or changes its type.
         *
         * @param name the attribute's name
         * @param type its type, e.g. {@code FieldType.number()} or {@code FieldType.date("dd-MM-yyyy")}
         * @return this builder
         */
        public Builder field(String name, FieldType type) {
            Map<String, FieldType> copy = new LinkedHashMap<>(fields);
            copy.put(name, type);
            fields = copy;
            return this;
        }

        /**
         * Sets the placeholder values that mean "no value", replacing the list (see
         * {@link LeadPolicy#missingValues()}); an empty list turns the blanking off.
         *
         * @param v the placeholders, such as {@code unknown} or {@code 不明}
         * @return this builder
         */
        public Builder missingValues(Collection<String> v) { missingValues = new ArrayList<>(v); return this; }

        /**
         * Adds a signal after those already set (see {@link LeadPolicy#signals()}); its fields are
         * checked against the declared fields when the policy is built.
         *
         * @param signal the signal, e.g. {@code Signal.urgency("ACME-REFERENCE")...build()}
         * @return this builder
         */
        public Builder signal(Signal signal) { signals.add(Objects.requireNonNull(signal, "signal")); return this; }

        /**
         * Sets the signals, replacing any set before.
         *
         * @param v the signals, in order
         * @return this builder
         */
        public Builder signals(Collection<Signal> v) { signals = new ArrayList<>(v); return this; }

        /**
         * Checks every value and builds the policy; a bad value names its key.
         *
         * @return the policy
         */
        public LeadPolicy build() {
            return new LeadPolicy(this);
        }
    }

    /** The shipped preset, built once. */
    private static final class Defaults {
        static final LeadPolicy POLICY = create();

        private static LeadPolicy create() {
            // Through the public builder only, as a host would write it (jsoup's presets on presets).
            Builder b = new Builder().shippedDomainLists();
            b.missingValues(List.of("unknown", "n/a", "#n/a", "-", "--", "---", "?", "null", "select",
                    "please select", "not provided", "不明", "なし", "該当なし", "未入力", "未記入"));
            b.testDomains(List.of("example.com", "example.net", "example.org", "example.jp",
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
            Map<String, String> aliases = new LinkedHashMap<>();
            aliasGroups.forEach((canonical, group) -> group.forEach(a -> aliases.put(a, canonical)));
            b.industryAliases(aliases);
            b.minimumEmployees(10);
            b.enterpriseEmployees(1000);
            b.fieldSalesMinimumEmployees(100);
            b.urgencyThresholds(80, 50, 25);
            b.pricingVisitThreshold(3);
            b.engagementWindow(Duration.ofDays(30));
            b.burstEvents(5);
            b.burstWindow(Duration.ofDays(7));
            b.coldAfter(Duration.ofDays(90));
            b.duplicateWindow(Duration.ofDays(30));
            b.stalledAfter(Duration.ofDays(30));
            b.requireExplicitConsent(false);
            // Deputies, assistants and "product owners" advise; they do not decide.
            b.decisionMakerTitles(List.of("部長", "本部長", "事業部長", "取締役", "代表", "社長", "役員",
                    "執行役員", "局長", "理事", "ceo", "cto", "cio", "cfo", "coo", "cmo", "ciso", "vp", "svp",
                    "evp", "vice president", "director", "head of", "president", "founder", "business owner",
                    "general manager", "managing director",
                    "!副部長", "!部長代理", "!部長補佐", "!秘書", "!assistant to", "!secretary to", "!assistant director"));
            // University staff (学生支援課, 学生課) and internship coordinators are not students.
            b.studentMarkers(List.of("学生", "大学生", "大学院生", "就活", "就職活動", "求職", "転職活動",
                    "インターン生", "student", "job seeker", "jobseeker", "job hunting", "intern",
                    "looking for a job",
                    "!学生支援", "!学生課", "!学生部", "!学生相談", "!学生募集", "!student affairs",
                    "!student services", "!student success"));
            b.testMarkers(List.of("test", "testtest", "test test", "テスト", "てすと", "テスト太郎",
                    "dummy", "ダミー", "asdf", "qwerty", "aaa", "aaaa", "xxx", "あああ", "n/a", "none"));
            b.sla(Destination.FIELD_SALES, Duration.ofHours(4));
            b.sla(Destination.INSIDE_SALES, Duration.ofHours(24));
            b.sla(Destination.ACCOUNT_OWNER, Duration.ofHours(24));
            b.sla(Destination.NURTURE, Duration.ofHours(72));
            b.immediateSla(Duration.ofHours(1));
            b.teams(new Team("field-sales-enterprise", Destination.FIELD_SALES, Set.of(), Segment.ENTERPRISE),
                    new Team("field-sales", Destination.FIELD_SALES, Set.of(), Segment.ANY),
                    new Team("inside-sales", Destination.INSIDE_SALES, Set.of(), Segment.ANY),
                    new Team("account-management", Destination.ACCOUNT_OWNER, Set.of(), Segment.ANY),
                    new Team("marketing-nurture", Destination.NURTURE, Set.of(), Segment.ANY));
            b.recycleTeam("inside-sales-recycle");
            for (String industry : List.of("manufacturing", "information technology", "retail", "finance",
                    "healthcare", "logistics", "construction")) {
                b.caseStudyTrack(industry, "case-study-" + industry.replace(' ', '-'));
            }
            b.contentTrack(InquiryType.WHITE_PAPER, "white-paper-series");
            b.contentTrack(InquiryType.SEMINAR, "seminar-invitations");
            b.contentTrack(InquiryType.ARTICLE, "article-newsletter");
            b.defaultNurtureTrack("white-paper-series");
            return b.build();
        }
    }
}

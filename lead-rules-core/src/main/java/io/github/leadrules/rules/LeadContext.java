package io.github.leadrules.rules;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.internal.ContextAccess;
import io.github.leadrules.internal.DecisionRecorder;
import io.github.leadrules.internal.LeadPreparer;
import io.github.leadrules.internal.FieldValues;
import io.github.leadrules.internal.RuleMisuseException;
import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.SalesStatus;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fact exclusion and urgency rules match: one validated lead with its normalised matching keys,
 * the policy, the matched account and "now" from the qualifier's clock. Its values never change
 * while rules run. Consequences record decisions through it:
 *
 * <pre>
 * rule "Exclude leads from competitors"
 *     &#64;id("EXC-COMPETITOR")
 *     ruleflow-group "exclusion"
 * when
 *     $lead : LeadContext( policy.isCompetitorDomain(emailDomain) )
 * then
 *     $lead.exclude("E-mail domain belongs to a competitor");
 * end
 * </pre>
 *
 * <p>Matching keys are NFKC-normalised and lower case; the original text stays on {@link #getLead()}.
 * Reason messages must not contain personal data (names, e-mail addresses, phone numbers).
 * {@code docs/rule-writing.md} lists every property and helper with the name a rule writes.
 */
public final class LeadContext {

    private final Lead lead;
    private final LeadPolicy policy;
    private final Instant now;
    private final String emailDomain;
    private final String emailLocalPart;
    private final String companyKey;
    private final String contactNameKey;
    private final String titleKey;
    private final String countryCode;
    private final String industryKey;
    private final Account account;
    private final Instant previousLeadAt;
    private final Map<String, Object> fieldValues;
    private final Set<String> unavailable;
    private final DecisionRecorder recorder;
    /** Not yet looked for, by identity: no lead's instant is this object. */
    private static final Instant NOT_YET_FOUND = Instant.ofEpochSecond(-1, 1);
    /** The last engagement, once looked for (null for none); one field, so never half-written. */
    private Instant lastEngagement = NOT_YET_FOUND;

    static {
        ContextAccess.install(new ContextAccess() {
            @Override
            public LeadContext newContext(Lead lead, LeadPolicy policy, Instant now, String emailDomain,
                                          String emailLocalPart, String companyKey, String contactNameKey,
                                          String titleKey, String countryCode, String industryKey, Account account,
                                          Instant previousLeadAt, Map<String, Object> fieldValues,
                                          Set<String> unavailable, DecisionRecorder recorder) {
                return new LeadContext(lead, policy, now, emailDomain, emailLocalPart, companyKey, contactNameKey,
                        titleKey, countryCode, industryKey, account, previousLeadAt, fieldValues, unavailable, recorder);
            }
        });
    }

    /** Made by the library only: the recorder it records into is internal. */
    LeadContext(Lead lead, LeadPolicy policy, Instant now, String emailDomain, String emailLocalPart,
                String companyKey, String contactNameKey, String titleKey, String countryCode,
                String industryKey, Account account, Instant previousLeadAt, Map<String, Object> fieldValues,
                Set<String> unavailable, DecisionRecorder recorder) {
        this.lead = Objects.requireNonNull(lead, "lead");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.now = Objects.requireNonNull(now, "now");
        this.emailDomain = emailDomain;
        this.emailLocalPart = emailLocalPart;
        this.companyKey = companyKey;
        this.contactNameKey = contactNameKey;
        this.titleKey = titleKey;
        this.countryCode = countryCode;
        this.industryKey = industryKey;
        this.account = account;
        this.previousLeadAt = previousLeadAt;
        this.fieldValues = Objects.requireNonNull(fieldValues, "fieldValues");
        this.unavailable = Objects.requireNonNull(unavailable, "unavailable");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /**
     * The facts rules would see for this lead, outside any rule session: the same normalised keys,
     * the account the directory matches and the policy's answers, for a host's own plain-Java
     * checks, a debugging printout or a test of what a condition would see. Nothing can be recorded
     * through it: {@link #exclude}, {@link #addUrgency} and {@link #capUrgency} are refused, as in
     * any stage that is not theirs.
     *
     * @param lead a valid lead (see {@link io.github.leadrules.model.FieldError#validate})
     * @param policy the policy, as the qualifier would use it
     * @param accounts the account directory, which is asked as a qualifier would ask it
     * @param now "now", as the qualifier's clock would give it
     * @return the lead's context
     * @throws IllegalArgumentException when the lead is invalid; the message names the fields and
     *                                  codes, never a value
     */
    public static LeadContext of(Lead lead, LeadPolicy policy, AccountDirectory accounts, Instant now) {
        return LeadPreparer.detachedContext(lead, Objects.requireNonNull(policy, "policy"),
                Objects.requireNonNull(accounts, "accounts"), Objects.requireNonNull(now, "now"));
    }

    // ------------------------------------------------------------------ facts

    /** {@return the lead as submitted (original text)} */
    public Lead getLead() { return lead; }

    /** {@return the lead's id} */
    public String getLeadId() { return lead.id(); }

    /** {@return the policy in force} */
    public LeadPolicy getPolicy() { return policy; }

    /** {@return "now", from the qualifier's clock} Rules never read the system clock. */
    public Instant getNow() { return now; }

    /** {@return the e-mail domain, lower-case ASCII (IDN converted), or null when there is no e-mail} */
    public String getEmailDomain() { return emailDomain; }

    /** {@return the e-mail local part, lower case, or null} */
    public String getEmailLocalPart() { return emailLocalPart; }

    /** {@return whether the lead has an e-mail address} */
    public boolean isHasEmail() { return emailDomain != null; }

    /**
     * Whether the lead's source can provide a standard field at all: false only for a field the
     * host named in {@code LeadQualifier.Builder.unavailableFields} (an export without that column).
     * A rule that decides on a field's absence checks this first, so that a missing column is not
     * read as a missing value on every lead.
     *
     * @param field a standard field as {@code FieldError} names it: {@code email}, {@code company.name} …
     * @return false when the source cannot provide the field
     */
    public boolean provided(String field) { return !unavailable.contains(field); }

    /** {@return whether the source can provide an e-mail address or a phone number (see {@link #provided})} */
    public boolean isContactProvided() { return provided("email") || provided("phone"); }

    /** {@return whether the source can provide a company name (see {@link #provided})} */
    public boolean isCompanyNameProvided() { return provided("company.name"); }

    /** {@return whether the lead has a phone number} */
    public boolean isHasPhone() { return lead.phone() != null && !lead.phone().isBlank(); }

    /** {@return the company name's matching key (legal forms removed), or null when no company name was given} */
    public String getCompanyKey() { return companyKey; }

    /** {@return whether a company name was given} */
    public boolean isHasCompany() { return companyKey != null; }

    /** {@return the contact name's matching key, or null} */
    public String getContactNameKey() { return contactNameKey; }

    /** {@return the job title's matching key, or null} */
    public String getTitleKey() { return titleKey; }

    /** {@return the ISO-3166 alpha-2 country code, or null when unknown} */
    public String getCountryCode() { return countryCode; }

    /** {@return the industry's matching key after policy aliases ("製造業" → "manufacturing"), or null} */
    public String getIndustryKey() { return industryKey; }

    /** {@return the employee count, or null when unknown} */
    public Integer getEmployeeCount() {
        Company c = lead.company();
        return c == null ? null : c.employeeCount();
    }

    /** {@return the company's size segment by the policy (unknown size is SMB)} */
    public Segment getSegment() { return policy.routing().segmentOf(getEmployeeCount()); }

    /**
     * Whether the company fits field sales: a named company in a target country with at least
     * {@link io.github.leadrules.policy.RoutingPolicy#fieldSalesMinimumEmployees()} employees.
     *
     * @return true for a strong fit
     */
    public boolean isStrongFit() {
        Integer employees = getEmployeeCount();
        return companyKey != null && employees != null && employees >= policy.routing().fieldSalesMinimumEmployees()
                && policy.isTargetCountry(countryCode);
    }

    /** {@return the matched account, or null} */
    public Account getAccount() { return account; }

    /** {@return whether an account was matched} */
    public boolean isKnownAccount() { return account != null; }

    /** {@return whether the matched account is a competitor} */
    public boolean isCompetitorAccount() { return account != null && account.isCompetitor(); }

    /** {@return whether the matched account is a paying customer} */
    public boolean isCustomerAccount() { return account != null && account.isCustomer(); }

    /** {@return what the lead asked for; {@link InquiryType#OTHER} when not stated} */
    public InquiryType getInquiryType() { return lead.inquiryType(); }

    /** {@return the stated purchase timeframe; {@link PurchaseTimeframe#UNKNOWN} when not stated} */
    public PurchaseTimeframe getPurchaseTimeframe() { return lead.purchaseTimeframe(); }

    /** {@return the stated budget; {@link BudgetStatus#UNKNOWN} when not stated} */
    public BudgetStatus getBudgetStatus() { return lead.budgetStatus(); }

    /** {@return the consent to be contacted; {@link Consent#UNKNOWN} when not stated} */
    public Consent getConsent() { return lead.consent(); }

    /** {@return where the lead stands with sales; {@link SalesStatus#NEW} when not stated} */
    public SalesStatus getSalesStatus() { return lead.salesStatus(); }

    /**
     * The host attribute's value, or null.
     *
     * @param name the attribute's name
     * @return its value, or null
     */
    public String attribute(String name) { return lead.attribute(name); }

    // ------------------------------------------------------------------ declared fields (policy fields:)

    /**
     * A declared number or integer field's value, read when the lead was validated:
     * {@code number("time_on_site") >= 900} compares numbers, where {@code attribute(...)} would
     * compare text. Blank or absent is null, and a comparison with null does not match.
     *
     * @param name the field's name, as declared in the policy's {@code fields:}
     * @return the value (an integer field's has no fraction), or null when blank or absent
     * @throws RuntimeException (the library's rule-misuse error) when the field is not declared, or
     *                          not as a number or integer; the build refuses a literal name that is
     */
    public BigDecimal number(String name) {
        // Fast path: only declared fields have values, and each kind has its own Java type.
        Object v = name == null ? null : fieldValues.get(name);
        return v instanceof BigDecimal n ? n : (BigDecimal) typed(name, "number", FieldType.Kind.NUMBER, FieldType.Kind.INTEGER);
    }

    /**
     * A declared date field's value, read in one of its formats when the lead was validated.
     *
     * @param name the field's name, as declared in the policy's {@code fields:}
     * @return the date, or null when blank or absent
     * @throws RuntimeException (the library's rule-misuse error) when the field is not declared as a date
     */
    public LocalDate date(String name) {
        Object v = name == null ? null : fieldValues.get(name);
        return v instanceof LocalDate d ? d : (LocalDate) typed(name, "date", FieldType.Kind.DATE);
    }

    /**
     * A declared flag field's value: yes/no, true/false, 1/0, on/off, はい/いいえ.
     *
     * @param name the field's name, as declared in the policy's {@code fields:}
     * @return the flag, or null when blank or absent
     * @throws RuntimeException (the library's rule-misuse error) when the field is not declared as a flag
     */
    public Boolean flag(String name) {
        Object v = name == null ? null : fieldValues.get(name);
        return v instanceof Boolean b ? b : (Boolean) typed(name, "flag", FieldType.Kind.FLAG);
    }

    /**
     * A declared text or choice field's value: a text field's as given (stripped), a choice
     * field's as the policy spells the allowed value ("Demo" in the data, "demo" in the policy:
     * "demo").
     *
     * @param name the field's name, as declared in the policy's {@code fields:}
     * @return the text, or null when blank or absent
     * @throws RuntimeException (the library's rule-misuse error) when the field is not declared as text or choice
     */
    public String text(String name) {
        Object v = name == null ? null : fieldValues.get(name);
        return v instanceof String t ? t : (String) typed(name, "text", FieldType.Kind.TEXT, FieldType.Kind.CHOICE);
    }

    private Object typed(String name, String accessor, FieldType.Kind... kinds) {
        FieldType type = name == null ? null : policy.fields().get(name);
        if (type == null) {
            throw RuleMisuseException.of(accessor + "(\"" + FieldValues.shortName(name) + "\"): no such field is declared;"
                    + " declare it in the policy's fields: section");
        }
        for (FieldType.Kind k : kinds) {
            if (type.kind() == k) {
                return fieldValues.get(name);
            }
        }
        throw RuleMisuseException.of(accessor + "(\"" + FieldValues.shortName(name) + "\"): the field is declared as "
                + type.kindName() + "; read it with " + reader(type.kind()) + "(...)");
    }

    /**
     * The matching key of a text field (NFKC, lower case, trimmed, spaces collapsed), so that
     * {@code key("source") == "reference"} matches "Reference" and "ＲＥＦＥＲＥＮＣＥ": a declared
     * text or choice field, or a standard text field by the name the CLI map uses ({@code source},
     * {@code jobTitle}, {@code email}, {@code phone}, {@code contactName}, {@code company.name},
     * {@code company.domain}, {@code company.industry}, {@code company.country}). Policy signals
     * compare text through it.
     *
     * @param field the field's name
     * @return the key, or null when the value is blank or absent
     * @throws RuntimeException (the library's rule-misuse error) when the field is neither declared
     *                          as text or choice nor a standard text field
     */
    public String key(String field) {
        // Signals read the same field in several conditions; NFKC is worth doing once per lead.
        Map<String, String> cache = keys;
        if (cache == null) {
            cache = new java.util.concurrent.ConcurrentHashMap<>(8);
            keys = cache;
        }
        String cached = field == null ? null : cache.get(field);
        if (cached == null) {
            String computed = computeKey(field);
            cached = computed == null ? NO_KEY : computed;
            if (field != null) {
                cache.put(field, cached);
            }
        }
        return cached == NO_KEY ? null : cached;
    }

    /** Stands for "no value" in the key cache, which holds no nulls. */
    private static final String NO_KEY = new String("");

    /** Keys computed so far; a detached context may be read from several threads. */
    private volatile Map<String, String> keys;

    private String computeKey(String field) {
        FieldType type = field == null ? null : policy.fields().get(field);
        if (type != null) {
            return io.github.leadrules.internal.text.Text.key(text(field));
        }
        Company c = lead.company();
        String raw = switch (field == null ? "" : field) {
            case "source" -> lead.source();
            case "jobTitle" -> lead.jobTitle();
            case "email" -> lead.email();
            case "phone" -> lead.phone();
            case "contactName" -> lead.contactName();
            case "company.name" -> c == null ? null : c.name();
            case "company.domain" -> c == null ? null : c.domain();
            case "company.industry" -> c == null ? null : c.industry();
            case "company.country" -> c == null ? null : c.country();
            default -> throw RuleMisuseException.of("key(\"" + FieldValues.shortName(field) + "\"): no text field of this"
                    + " name is declared, and it is no standard text field");
        };
        return io.github.leadrules.internal.text.Text.key(raw);
    }

    /** {@return the company's annual revenue, or null when unknown} */
    public Long getAnnualRevenue() {
        Company c = lead.company();
        return c == null ? null : c.annualRevenue();
    }

    /** {@return the day the lead came in (UTC), or null when unknown} */
    public LocalDate getSubmittedDate() {
        return lead.submittedAt() == null ? null : lead.submittedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** {@return the day sales last worked the lead (UTC), or null when never} */
    public LocalDate getLastSalesActivityDate() {
        return lead.lastSalesActivity() == null ? null
                : lead.lastSalesActivity().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /**
     * Whether a date lies within the last {@code days} days: on or after "now" minus the days and
     * not after now. For a declared date field, days are counted in UTC ({@code withinDays("x", 0)}
     * is today); for {@code submittedAt} and {@code lastSalesActivity}, the instant is compared. A
     * missing date is not within any window.
     *
     * @param field a declared date field, {@code submittedAt} or {@code lastSalesActivity}
     * @param days  0 or more
     * @return true when the date is in the window
     * @throws RuntimeException (the library's rule-misuse error) when the field is no date
     */
    public boolean withinDays(String field, int days) {
        FieldType type = field == null ? null : policy.fields().get(field);
        if (type == null && ("submittedAt".equals(field) || "lastSalesActivity".equals(field))) {
            Instant at = field.equals("submittedAt") ? lead.submittedAt() : lead.lastSalesActivity();
            return at != null && !at.isAfter(now) && !at.isBefore(now.minus(Duration.ofDays(days)));
        }
        LocalDate d = date(field);
        LocalDate today = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return d != null && !d.isAfter(today) && !d.isBefore(today.minusDays(days));
    }

    private static String reader(FieldType.Kind kind) {
        return switch (kind) {
            case NUMBER, INTEGER -> "number";
            case DATE -> "date";
            case FLAG -> "flag";
            case TEXT, CHOICE -> "text";
        };
    }

    // ------------------------------------------------------------------ derived questions

    /**
     * Events of this type within the window ending now.
     *
     * @param type the kind of event
     * @param within the window's length
     * @return the number of events
     */
    public int countEngagement(EngagementType type, Duration within) {
        Instant from = now.minus(within);
        int n = 0;
        List<EngagementEvent> events = lead.engagement();
        for (int i = 0; i < events.size(); i++) {
            EngagementEvent e = events.get(i);
            if (e.type() == type && inWindow(e.at(), from)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Events of any type within the window ending now.
     *
     * @param within the window's length
     * @return the number of events
     */
    public int countAllEngagement(Duration within) {
        Instant from = now.minus(within);
        int n = 0;
        List<EngagementEvent> events = lead.engagement();
        for (int i = 0; i < events.size(); i++) {
            if (inWindow(events.get(i).at(), from)) {
                n++;
            }
        }
        return n;
    }

    /** {@return the most recent engagement not after now, or null} */
    public Instant getLastEngagementAt() {
        // Asked by several conditions of one lead: found once. The context lives in one session,
        // on one thread; a second thread would only find the same value again.
        Instant found = lastEngagement;
        if (found == NOT_YET_FOUND) {
            Instant last = null;
            List<EngagementEvent> events = lead.engagement();
            for (int i = 0; i < events.size(); i++) {
                Instant at = events.get(i).at();
                if (!at.isAfter(now) && (last == null || at.isAfter(last))) {
                    last = at;
                }
            }
            lastEngagement = last;
            return last;
        }
        return found;
    }

    /**
     * Whether the lead has engagement and all of it is older than the given age.
     *
     * @param age the age
     * @return true when the lead has engagement and none of it is younger
     */
    public boolean engagementOlderThan(Duration age) {
        Instant last = getLastEngagementAt();
        return last != null && last.isBefore(now.minus(age));
    }

    /**
     * Whether the lead has done nothing for at least the given time: its last engagement and its
     * submission are both older. A lead with no dates at all is not inactive (nothing is known).
     *
     * @param age the time without activity
     * @return true when the lead has been inactive for longer than that
     */
    public boolean inactiveFor(Duration age) {
        Instant last = getLastEngagementAt();
        Instant submitted = lead.submittedAt();
        if (submitted != null && !submitted.isAfter(now) && (last == null || submitted.isAfter(last))) {
            last = submitted;
        }
        return last != null && last.isBefore(now.minus(age));
    }

    /**
     * Whether, within the window, the lead viewed a case study whose customer is in its own industry.
     *
     * @param within the window's length
     * @return true when it did
     */
    public boolean viewedOwnIndustryCaseStudy(Duration within) {
        if (industryKey == null) {
            return false;
        }
        Instant from = now.minus(within);
        List<EngagementEvent> events = lead.engagement();
        for (int i = 0; i < events.size(); i++) {
            EngagementEvent e = events.get(i);
            if (e.type() == EngagementType.CASE_STUDY_VIEW && inWindow(e.at(), from)
                    && industryKey.equals(policy.industryKey(e.industry()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether sales holds this lead (handed over or in an opportunity) and has not worked it for at
     * least the given time; with no recorded activity, the time since submission counts.
     *
     * @param age the time without sales activity
     * @return true when sales has not worked the lead for at least that long
     */
    public boolean salesInactiveFor(Duration age) {
        if (!lead.salesStatus().isWithSales()) {
            return false;
        }
        Instant last = lead.lastSalesActivity() != null ? lead.lastSalesActivity() : lead.submittedAt();
        return last != null && !last.isAfter(now.minus(age));
    }

    /**
     * Whether the same e-mail address came in as a lead within the window before this one.
     *
     * @param window the window's length
     * @return true when the lead is a duplicate
     */
    public boolean duplicateWithin(Duration window) {
        if (previousLeadAt == null) {
            return false;
        }
        Instant reference = lead.submittedAt() != null ? lead.submittedAt() : now;
        return previousLeadAt.isBefore(reference) && !previousLeadAt.isBefore(reference.minus(window));
    }

    private boolean inWindow(Instant at, Instant from) {
        return !at.isBefore(from) && !at.isAfter(now);
    }

    // ------------------------------------------------------------------ decisions (consequences only)

    /**
     * Excludes the lead, with a reason. Exclusion rules only, in their action ({@code then} part):
     * the rule credited is the one whose action is running.
     *
     * @param message why, without personal data; blank for the rule's name
     * @throws RuntimeException (the library's rule-misuse error) when called outside an exclusion rule's action
     */
    public void exclude(String message) {
        recorder.exclude(message);
    }

    /**
     * Adds urgency points, with a reason. Urgency rules only, in their action.
     *
     * @param points the points, negative to lower urgency
     * @param message why, without personal data; blank for the rule's name
     * @throws RuntimeException (the library's rule-misuse error) when called outside an urgency rule's action
     */
    public void addUrgency(int points, String message) {
        recorder.addUrgency(points, null, message);
    }

    /**
     * Adds urgency points and states the purchase horizon, with a reason. Urgency rules only, in
     * their action.
     *
     * @param points the points, negative to lower urgency
     * @param horizon the purchase horizon the signal states
     * @param message why, without personal data; blank for the rule's name
     * @throws RuntimeException (the library's rule-misuse error) when called outside an urgency rule's action
     */
    public void addUrgency(int points, PurchaseTimeframe horizon, String message) {
        recorder.addUrgency(points, horizon, message);
    }

    /**
     * Caps the urgency level whatever the points say, with a reason. Urgency rules only, in their
     * action.
     *
     * @param level the highest level the lead may have
     * @param message why, without personal data; blank for the rule's name
     * @throws RuntimeException (the library's rule-misuse error) when called outside an urgency rule's action
     */
    public void capUrgency(UrgencyLevel level, String message) {
        recorder.capUrgency(level, message);
    }

    /** The recorder, for the library's routing facts. */
    DecisionRecorder recorder() {
        return recorder;
    }

    /** Only the id: the context carries personal data. */
    @Override
    public String toString() {
        return "LeadContext[" + lead.id() + "]";
    }
}

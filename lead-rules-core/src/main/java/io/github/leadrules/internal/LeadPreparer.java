package io.github.leadrules.internal;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.internal.text.CompanyNames;
import io.github.leadrules.internal.text.Countries;
import io.github.leadrules.internal.text.EmailAddresses;
import io.github.leadrules.internal.text.Text;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.FieldType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.rules.LeadContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validation and normalisation in plain Java, before any rule: bad input becomes field errors
 * (never an exception), good input becomes the matching keys the rules use. Lengths are checked
 * before any normalisation so that a 100 000-character value costs nothing.
 */
public final class LeadPreparer {

    /** Field codes; see {@link FieldError} for what each means. */
    static final String REQUIRED = FieldError.REQUIRED;
    static final String TOO_LONG = FieldError.TOO_LONG;
    static final String MALFORMED = FieldError.MALFORMED;
    static final String NEGATIVE = FieldError.NEGATIVE;
    static final String CONTROL_CHARACTERS = FieldError.CONTROL_CHARACTERS;
    static final String UNKNOWN_COUNTRY = FieldError.UNKNOWN_COUNTRY;
    static final String IN_FUTURE = FieldError.IN_FUTURE;
    static final String TOO_EARLY = FieldError.TOO_EARLY;
    static final String TOO_MANY = FieldError.TOO_MANY;

    static final int MAX_ID = 128;
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 40;
    static final int MAX_TEXT = 300;
    static final int MAX_DOMAIN = 253;
    static final int MAX_ATTRIBUTE_VALUE = 4_096;
    static final int MAX_ATTRIBUTES = 200;
    static final int MAX_EVENTS = 10_000;
    /** Clocks of the host and of the lead's source may differ; more than this in the future is impossible. */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    /**
     * The earliest date a lead can carry: no web form, CRM or e-mail ever recorded a lead before it,
     * so an earlier date (year 0000, a negative year, 1026 typed for 2026) is a data error, not a
     * very old lead. It also keeps date arithmetic in the rules far from {@link Instant#MIN}.
     */
    static final Instant EARLIEST = FieldError.EARLIEST;

    /** The normalised view of a valid lead, ready to become a {@link LeadContext} for any run. */
    public record Prepared(Lead lead, String emailDomain, String emailLocalPart, String companyKey,
                           String contactNameKey, String titleKey, String countryCode, String industryKey,
                           Account account, Instant previousLeadAt, Map<String, Object> fieldValues) {

        /** {@return this lead with another previous lead from its address} */
        public Prepared withPreviousLeadAt(Instant previous) {
            return new Prepared(lead, emailDomain, emailLocalPart, companyKey, contactNameKey, titleKey, countryCode,
                    industryKey, account, previous, fieldValues);
        }

        /**
         * A fresh context for one session run, recording into the given recorder.
         *
         * @param unavailable the standard fields the lead's source cannot provide
         */
        public LeadContext newContext(LeadPolicy policy, Instant now, Set<String> unavailable, DecisionRecorder recorder) {
            return ContextAccess.get().newContext(lead, policy, now, emailDomain, emailLocalPart, companyKey,
                    contactNameKey, titleKey, countryCode, industryKey, account, previousLeadAt, fieldValues,
                    unavailable, recorder);
        }
    }

    /**
     * What validation parsed of a lead that preparation needs again (the e-mail address, the
     * company's domain and country), so that each is parsed once per lead. Fill one per lead:
     * pass it to {@link #validate(Lead, Map, Instant, Map, Readings)} and then, when the lead is
     * valid, to {@link #prepare(Lead, LeadPolicy, AccountDirectory, Map, Readings)}.
     */
    public static final class Readings {
        private Optional<EmailAddresses.Parsed> email;
        private String companyDomain;
        private Optional<String> country;
    }

    private LeadPreparer() {
    }

    /**
     * The lead with every placeholder value ({@link LeadPolicy#missingValues()}) blanked: a text
     * field holding one becomes null, an attribute holding one is left out, as if the source had
     * left the cell empty. The id is never blanked. The same lead when nothing is a placeholder.
     * Never throws.
     *
     * @param lead the lead as given, possibly null
     * @param policy the policy whose placeholders apply
     * @return the lead to validate
     */
    public static Lead blankMissing(Lead lead, LeadPolicy policy) {
        if (lead == null || policy.missingValues().isEmpty()) {
            return lead;
        }
        Company c = lead.company();
        boolean companyChanged = c != null && (policy.isMissingValue(c.name()) || policy.isMissingValue(c.domain())
                || policy.isMissingValue(c.industry()) || policy.isMissingValue(c.country()));
        boolean attributeChanged = false;
        if (!lead.attributes().isEmpty()) {
            for (String v : lead.attributes().values()) {
                if (policy.isMissingValue(v)) {
                    attributeChanged = true;
                    break;
                }
            }
        }
        if (!companyChanged && !attributeChanged && !policy.isMissingValue(lead.contactName())
                && !policy.isMissingValue(lead.email()) && !policy.isMissingValue(lead.phone())
                && !policy.isMissingValue(lead.jobTitle()) && !policy.isMissingValue(lead.source())) {
            return lead;
        }
        Company company = !companyChanged ? c : new Company(blank(policy, c.name()), blank(policy, c.domain()),
                blank(policy, c.industry()), c.employeeCount(), c.annualRevenue(), blank(policy, c.country()));
        Map<String, String> attributes = lead.attributes();
        if (attributeChanged) {
            attributes = new LinkedHashMap<>();
            for (Map.Entry<String, String> a : lead.attributes().entrySet()) {
                if (!policy.isMissingValue(a.getValue())) {
                    attributes.put(a.getKey(), a.getValue());
                }
            }
        }
        return new Lead(lead.id(), blank(policy, lead.contactName()), blank(policy, lead.email()),
                blank(policy, lead.phone()), blank(policy, lead.jobTitle()), blank(policy, lead.source()),
                lead.inquiryType(), lead.purchaseTimeframe(), lead.budgetStatus(), lead.consent(), lead.engagement(),
                lead.salesStatus(), lead.lastSalesActivity(), lead.submittedAt(), company, attributes);
    }

    private static String blank(LeadPolicy policy, String value) {
        return policy.isMissingValue(value) ? null : value;
    }

    /** Every field problem of the lead, no fields declared; empty when it is valid. Never throws. */
    public static List<FieldError> validate(Lead lead, Instant now) {
        return validate(lead, Map.of(), now, null);
    }

    /**
     * Every field problem of the lead, the declared fields read as their types; empty when it is
     * valid. Never throws.
     *
     * @param typed when not null, receives the typed value of every declared field that has one
     *              (the one reading of each value: the context keeps these)
     */
    public static List<FieldError> validate(Lead lead, Map<String, FieldType> fields, Instant now,
                                            Map<String, Object> typed) {
        return validate(lead, fields, now, typed, null);
    }

    /**
     * As {@link #validate(Lead, Map, Instant, Map)}, keeping what it parsed for
     * {@link #prepare(Lead, LeadPolicy, AccountDirectory, Map, Readings)}.
     *
     * @param readings receives the parsed e-mail address, company domain and country, or null
     */
    public static List<FieldError> validate(Lead lead, Map<String, FieldType> fields, Instant now,
                                            Map<String, Object> typed, Readings readings) {
        List<FieldError> errors = new ArrayList<>();
        if (lead == null) {
            errors.add(new FieldError("lead", REQUIRED));
            return errors;
        }
        if (lead.id() == null || lead.id().isBlank()) {
            errors.add(new FieldError("id", REQUIRED));
        } else if (singleLine(errors, "id", lead.id(), MAX_ID) && hasLineBreak(lead.id())) {
            // The id is the one lead value that goes into logs: a line break there forges log lines.
            errors.add(new FieldError("id", CONTROL_CHARACTERS));
        }
        singleLine(errors, "contactName", lead.contactName(), MAX_NAME);
        if (singleLine(errors, "email", lead.email(), MAX_EMAIL) && notBlank(lead.email())) {
            Optional<EmailAddresses.Parsed> email = EmailAddresses.parse(lead.email());
            if (email.isEmpty()) {
                errors.add(new FieldError("email", MALFORMED));
            } else if (readings != null) {
                readings.email = email;
            }
        }
        if (singleLine(errors, "phone", lead.phone(), MAX_PHONE) && notBlank(lead.phone()) && !isPhone(lead.phone())) {
            errors.add(new FieldError("phone", MALFORMED));
        }
        singleLine(errors, "jobTitle", lead.jobTitle(), MAX_NAME);
        singleLine(errors, "source", lead.source(), MAX_NAME);
        Instant latest = now.plus(FUTURE_TOLERANCE);
        inRange(errors, "lastSalesActivity", lead.lastSalesActivity(), latest);
        inRange(errors, "submittedAt", lead.submittedAt(), latest);
        Company c = lead.company();
        if (c != null) {
            singleLine(errors, "company.name", c.name(), MAX_TEXT);
            if (singleLine(errors, "company.domain", c.domain(), MAX_DOMAIN) && notBlank(c.domain())) {
                String domain = EmailAddresses.parseDomain(stripScheme(c.domain()));
                if (domain == null) {
                    errors.add(new FieldError("company.domain", MALFORMED));
                } else if (readings != null) {
                    readings.companyDomain = domain;
                }
            }
            singleLine(errors, "company.industry", c.industry(), MAX_NAME);
            if (c.employeeCount() != null && c.employeeCount() < 0) {
                errors.add(new FieldError("company.employeeCount", NEGATIVE));
            }
            if (c.annualRevenue() != null && c.annualRevenue() < 0) {
                errors.add(new FieldError("company.annualRevenue", NEGATIVE));
            }
            if (singleLine(errors, "company.country", c.country(), MAX_NAME) && notBlank(c.country())) {
                Optional<String> country = Countries.toAlpha2(c.country());
                if (country.isEmpty()) {
                    errors.add(new FieldError("company.country", UNKNOWN_COUNTRY));
                } else if (readings != null) {
                    readings.country = country;
                }
            }
        }
        List<EngagementEvent> events = lead.engagement();
        if (events.size() > MAX_EVENTS) {
            errors.add(new FieldError("engagement", TOO_MANY));
        } else {
            for (int i = 0; i < events.size(); i++) {
                // The field's name is spelled out only for an error: most events have none.
                EngagementEvent e = events.get(i);
                if (e == null) {
                    errors.add(new FieldError(eventField(i, ""), REQUIRED));
                    continue;
                }
                if (e.type() == null) {
                    errors.add(new FieldError(eventField(i, ".type"), REQUIRED));
                }
                if (e.at() == null) {
                    errors.add(new FieldError(eventField(i, ".at"), REQUIRED));
                } else if (e.at().isAfter(latest) || e.at().isBefore(EARLIEST)) {
                    inRange(errors, eventField(i, ".at"), e.at(), latest);
                }
                if (e.detail() != null && e.detail().length() > MAX_TEXT) {
                    errors.add(new FieldError(eventField(i, ".detail"), TOO_LONG));
                }
                if (e.industry() != null && e.industry().length() > MAX_NAME) {
                    errors.add(new FieldError(eventField(i, ".industry"), TOO_LONG));
                }
            }
        }
        Map<String, String> attributes = lead.attributes();
        if (attributes.size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError("attributes", TOO_MANY));
        } else {
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                if (a.getKey() == null || a.getKey().isBlank()) {
                    errors.add(new FieldError("attributes", REQUIRED));
                } else if (a.getKey().length() > MAX_NAME) {
                    errors.add(new FieldError("attributes", TOO_LONG));
                } else if (Text.hasControlCharacters(a.getKey())) {
                    errors.add(new FieldError("attributes", CONTROL_CHARACTERS));
                } else if (a.getValue() != null && a.getValue().length() > MAX_ATTRIBUTE_VALUE) {
                    errors.add(new FieldError("attributes." + a.getKey(), TOO_LONG));
                }
            }
            readFields(errors, attributes, fields, typed);
        }
        return errors;
    }

    /** Reads each declared field's attribute; a value too long was reported already and is not read. */
    private static void readFields(List<FieldError> errors, Map<String, String> attributes,
                                   Map<String, FieldType> fields, Map<String, Object> typed) {
        if (fields.isEmpty() || attributes.isEmpty()) {
            return; // nothing declared or nothing to read: no iterator either
        }
        for (Map.Entry<String, FieldType> f : fields.entrySet()) {
            String raw = attributes.get(f.getKey());
            if (raw == null || raw.length() > MAX_ATTRIBUTE_VALUE) {
                continue;
            }
            FieldValues.Read read = FieldValues.read(f.getValue(), raw);
            if (read.code() != null) {
                errors.add(new FieldError("attributes." + f.getKey(), read.code()));
            } else if (read.value() != null && typed != null) {
                typed.put(f.getKey(), read.value());
            }
        }
    }

    /**
     * Normalises a valid lead and looks up its account. The directory is host code and may throw.
     *
     * @param fieldValues the typed values {@link #validate(Lead, Map, Instant, Map)} read
     */
    public static Prepared prepare(Lead lead, LeadPolicy policy, AccountDirectory directory,
                                   Map<String, Object> fieldValues) {
        return prepare(lead, policy, directory, fieldValues, null);
    }

    /**
     * As {@link #prepare(Lead, LeadPolicy, AccountDirectory, Map)}, reusing what validation parsed.
     *
     * @param readings what {@link #validate(Lead, Map, Instant, Map, Readings)} kept of this lead, or null
     */
    public static Prepared prepare(Lead lead, LeadPolicy policy, AccountDirectory directory,
                                   Map<String, Object> fieldValues, Readings readings) {
        Optional<EmailAddresses.Parsed> email = readings != null && readings.email != null ? readings.email
                : notBlank(lead.email()) ? EmailAddresses.parse(lead.email()) : Optional.empty();
        String domain = email.map(EmailAddresses.Parsed::domain).orElse(null);
        String local = email.map(EmailAddresses.Parsed::localPart).orElse(null);
        Company c = lead.company();
        String companyKey = c == null ? null : CompanyNames.normalise(c.name());
        String companyDomain = c == null || !notBlank(c.domain()) ? null
                : readings != null && readings.companyDomain != null ? readings.companyDomain
                        : EmailAddresses.parseDomain(stripScheme(c.domain()));
        String country = c == null || !notBlank(c.country()) ? null
                : (readings != null && readings.country != null ? readings.country : Countries.toAlpha2(c.country())).orElse(null);
        String industry = c == null ? null : policy.industryKey(c.industry());

        Account account = null;
        if (domain != null) {
            account = directory.findByDomain(domain).orElse(null);
        }
        if (account == null && companyDomain != null) {
            account = directory.findByDomain(companyDomain).orElse(null);
        }
        if (account == null && companyKey != null) {
            account = directory.findByCompanyKey(companyKey).orElse(null);
        }
        Instant previous = email.isEmpty() ? null
                : directory.lastLeadAt(normalisedAddress(lead.email(), local, domain)).orElse(null);
        return new Prepared(lead, domain, local, companyKey, Text.key(lead.contactName()), Text.key(lead.jobTitle()),
                country, industry, account, previous, Map.copyOf(fieldValues));
    }

    /**
     * The context rules would see for a lead, outside any rule session: its recorder refuses every
     * decision (no stage is running).
     *
     * @throws IllegalArgumentException naming the fields and codes when the lead is invalid
     */
    public static LeadContext detachedContext(Lead lead, LeadPolicy policy, AccountDirectory directory, Instant now) {
        lead = blankMissing(lead, policy);
        Map<String, Object> typed = new HashMap<>();
        Readings readings = new Readings();
        List<FieldError> errors = validate(lead, policy.fields(), now, typed, readings);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("the lead is invalid: " + errors);
        }
        return prepare(lead, policy, directory, typed, readings).newContext(policy, now, Set.of(),
                new DecisionRecorder(new StageHolder()));
    }

    /**
     * {@code local@domain}: the address as typed when it is already written so (lower case, no
     * blanks, ASCII domain), else built.
     */
    static String normalisedAddress(String typed, String local, String domain) {
        int at = local.length();
        if (typed.length() == at + 1 + domain.length() && typed.charAt(at) == '@'
                && typed.startsWith(local) && typed.endsWith(domain)) {
            return typed;
        }
        return local + "@" + domain;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String stripScheme(String domain) {
        String d = domain.strip();
        int scheme = d.indexOf("://");
        if (scheme >= 0) {
            d = d.substring(scheme + 3);
        }
        int slash = d.indexOf('/');
        if (slash >= 0) {
            d = d.substring(0, slash);
        }
        return d.startsWith("www.") ? d.substring(4) : d;
    }

    /** Checks length and control characters; true when the value passed both (or is null). */
    private static boolean singleLine(List<FieldError> errors, String field, String value, int max) {
        if (value == null) {
            return true;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, TOO_LONG));
            return false;
        }
        if (Text.hasControlCharacters(value)) {
            errors.add(new FieldError(field, CONTROL_CHARACTERS));
            return false;
        }
        return true;
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }

    private static String eventField(int index, String part) {
        return "engagement[" + index + "]" + part;
    }

    private static void inRange(List<FieldError> errors, String field, Instant value, Instant latest) {
        if (value == null) {
            return;
        }
        if (value.isAfter(latest)) {
            errors.add(new FieldError(field, IN_FUTURE));
        } else if (value.isBefore(EARLIEST)) {
            errors.add(new FieldError(field, TOO_EARLY));
        }
    }

    /** Digits with the usual separators (+81 3-1234-5678, (03) 1234 5678, 090.1234.5678 ext. 12), six digits or more. */
    private static boolean isPhone(String phone) {
        String p = Text.nfkc(phone).strip();
        int digits = 0;
        for (int i = 0; i < p.length(); i++) {
            char ch = p.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits++;
            } else if ("+-() .#/x".indexOf(ch) < 0 && !(Character.isLetter(ch) && "ext".indexOf(Character.toLowerCase(ch)) >= 0)) {
                return false;
            }
        }
        return digits >= 6 && digits <= 20;
    }
}

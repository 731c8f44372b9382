package io.github.leadrules.benchmarks;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.FieldError;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Reason;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.Stage;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Team;
import io.github.leadrules.rules.LeadContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The ceiling: the 38 packaged rules (exclusion.drl, urgency.drl, routing.drl) written by hand as
 * plain Java {@code if}s, for benchmarks only. It shares, through public API, the library's
 * plain-Java validation ({@link FieldError#validate}) and normalisation ({@link LeadContext#of}) and
 * the condition helpers the DRL calls ({@link LeadContext}, {@link LeadPolicy}), so the ratio
 * library/ceiling measures what the rule engine costs and nothing else. It builds the same {@link Qualification} — reasons, messages, urgency score, route, team
 * and SLA deadline — and a test checks that it agrees with the library lead for lead.
 *
 * <p>Hand-written code knows the stage order and the salience order of routing, so it evaluates
 * routing rules from the highest salience down and stops at the first match; the engine evaluates
 * every routing rule and lets the highest-salience proposal win, which gives the same route.
 */
public final class PlainJavaQualifier {

    private static final Comparator<Reason> BY_RULE_ID = Comparator.comparing(Reason::ruleId);

    private final LeadPolicy policy;
    private final AccountDirectory directory;
    private final Clock clock;
    private final String fingerprint;

    /**
     * A ceiling for the given configuration.
     *
     * @param fingerprint the library's fingerprint for the same rules and policy, copied into every
     *                    qualification so that the two compare equal
     */
    public PlainJavaQualifier(LeadPolicy policy, AccountDirectory directory, Clock clock, String fingerprint) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** Qualifies one lead. */
    public Qualification qualify(Lead lead) {
        return qualify(lead, clock.instant());
    }

    /** Qualifies leads, one qualification per lead in input order, all at the same "now". */
    public List<Qualification> qualifyAll(List<Lead> leads) {
        Instant now = clock.instant();
        List<Qualification> out = new ArrayList<>(leads.size());
        for (Lead lead : leads) {
            out.add(qualify(lead, now));
        }
        return out;
    }

    private Qualification qualify(Lead lead, Instant now) {
        List<FieldError> errors = FieldError.validate(lead, now);
        if (!errors.isEmpty()) {
            return invalid(lead, errors);
        }
        LeadContext c;
        try {
            c = LeadContext.of(lead, policy, directory, now);
        } catch (RuntimeException e) {
            return new Qualification(lead.id(), Outcome.ERROR, List.of(), Urgency.UNKNOWN, Route.NONE,
                    List.of(new Reason("ENGINE-ACCOUNT-LOOKUP", Stage.ENGINE,
                            "The account directory failed: " + e.getClass().getSimpleName())),
                    List.of(), fingerprint);
        }

        List<Reason> exclusions = exclusions(c);
        exclusions.sort(BY_RULE_ID);
        List<Reason> urgencyReasons = new ArrayList<>(4);
        Urgency urgency = urgency(c, urgencyReasons);
        List<Reason> reasons = new ArrayList<>(exclusions.size() + urgencyReasons.size() + 1);
        reasons.addAll(exclusions);
        reasons.addAll(urgencyReasons);
        Route route = route(c, exclusions, urgency, now, reasons);
        return new Qualification(c.getLeadId(), exclusions.isEmpty() ? Outcome.QUALIFIED : Outcome.EXCLUDED,
                exclusions, urgency, route, reasons, List.of(), fingerprint);
    }

    // ------------------------------------------------------------------ exclusion.drl

    private List<Reason> exclusions(LeadContext c) {
        List<Reason> out = new ArrayList<>(2);
        LeadPolicy p = policy;
        String domain = c.getEmailDomain();
        if (c.isHasEmail() && !c.isHasCompany() && p.isFreeMailDomain(domain)) {
            out.add(exclusion("EXC-FREEMAIL-NO-COMPANY", "Free-mail address (" + domain + ") and no company name"));
        }
        if (c.isHasEmail() && p.isDisposableDomain(domain)) {
            out.add(exclusion("EXC-DISPOSABLE-EMAIL", "Disposable e-mail domain (" + domain + ")"));
        }
        Account account = c.getAccount();
        if (p.isCompetitorDomain(domain) || (account != null && account.isCompetitor())) {
            out.add(exclusion("EXC-COMPETITOR", "Company is a competitor"));
        }
        if (account != null && account.isCustomer()) {
            out.add(exclusion("EXC-EXISTING-CUSTOMER", "Company is an existing customer (account " + account.id() + ")"));
        }
        if (c.isHasEmail() && p.isOwnDomain(domain)) {
            out.add(exclusion("EXC-INTERNAL", "Submitted from our own domain"));
        }
        if (c.getTitleKey() != null && p.isStudentTitle(c.getTitleKey())) {
            out.add(exclusion("EXC-STUDENT", "Job title marks a student or job seeker"));
        }
        if (p.isTestMarker(c.getCompanyKey()) || p.isTestMarker(c.getContactNameKey())
                || p.isTestMarker(c.getEmailLocalPart()) || p.isTestDomain(domain)) {
            out.add(exclusion("EXC-TEST-SUBMISSION", "Looks like a test or spam submission"));
        }
        if (c.getCountryCode() != null && !p.isTargetCountry(c.getCountryCode())) {
            out.add(exclusion("EXC-OUT-OF-TERRITORY", "Country " + c.getCountryCode() + " is outside the target countries"));
        }
        if (c.getIndustryKey() != null && !p.isTargetIndustry(c.getIndustryKey())) {
            out.add(exclusion("EXC-NON-TARGET-INDUSTRY", "Industry '" + c.getIndustryKey() + "' is not a target industry"));
        }
        Integer employees = c.getEmployeeCount();
        if (employees != null && employees < p.exclusion().minimumEmployees()) {
            out.add(exclusion("EXC-TOO-SMALL", "Company has " + employees + " employees; the minimum is "
                    + p.exclusion().minimumEmployees()));
        }
        if (c.duplicateWithin(p.exclusion().duplicateWindow())) {
            out.add(exclusion("EXC-DUPLICATE", "Same e-mail address came in as a lead within the last "
                    + p.exclusion().duplicateWindow().toDays() + " days"));
        }
        Consent consent = c.getConsent();
        if (consent == Consent.OPTED_OUT || (p.exclusion().requireExplicitConsent() && consent != Consent.GIVEN)) {
            out.add(exclusion("EXC-NO-CONSENT", "No consent to be contacted (" + consent + ")"));
        }
        if (!c.isHasEmail() && !c.isHasPhone()) {
            out.add(exclusion("EXC-NO-CONTACT", "Neither an e-mail address nor a phone number"));
        }
        return out;
    }

    private static Reason exclusion(String id, String message) {
        return new Reason(id, Stage.EXCLUSION, message);
    }

    // ------------------------------------------------------------------ urgency.drl

    /** The urgency, as the library resolves points and caps; adds one reason per contributing rule, by id. */
    private Urgency urgency(LeadContext c, List<Reason> reasons) {
        LeadPolicy p = policy;
        int score = 0;
        int points = 0;
        PurchaseTimeframe horizon = PurchaseTimeframe.UNKNOWN;
        UrgencyLevel cap = null;
        TreeSet<String> signals = new TreeSet<>();
        InquiryType inquiry = c.getInquiryType();
        PurchaseTimeframe timeframe = c.getPurchaseTimeframe();
        BudgetStatus budget = c.getBudgetStatus();
        Duration window = p.urgency().engagementWindow();

        boolean pricing = c.countEngagement(EngagementType.PRICING_PAGE_VISIT, window) >= p.urgency().pricingVisitThreshold();
        boolean ownCaseStudy = c.viewedOwnIndustryCaseStudy(window);

        if (inquiry == InquiryType.DEMO || inquiry == InquiryType.QUOTE || inquiry == InquiryType.CONTACT_SALES) {
            score += 50;
            points++;
            signal(signals, reasons, "URG-SALES-REQUEST", "Requested " + inquiry);
        }
        switch (timeframe) {
            case WITHIN_1_MONTH -> {
                score += 40;
                points++;
                horizon = earlier(horizon, PurchaseTimeframe.WITHIN_1_MONTH);
                signal(signals, reasons, "URG-TIMEFRAME-1-MONTH", "Plans to buy within one month");
            }
            case WITHIN_3_MONTHS -> {
                score += 25;
                points++;
                horizon = earlier(horizon, PurchaseTimeframe.WITHIN_3_MONTHS);
                signal(signals, reasons, "URG-TIMEFRAME-3-MONTHS", "Plans to buy within three months");
            }
            case WITHIN_6_MONTHS -> {
                score += 10;
                points++;
                horizon = earlier(horizon, PurchaseTimeframe.WITHIN_6_MONTHS);
                signal(signals, reasons, "URG-TIMEFRAME-6-MONTHS", "Plans to buy within six months");
            }
            case LATER -> {
                score += 5;
                points++;
                horizon = earlier(horizon, PurchaseTimeframe.LATER);
                cap = lower(cap, UrgencyLevel.MEDIUM);
                signal(signals, reasons, "URG-TIMEFRAME-LATER", "Plans to buy later than six months");
            }
            case UNDECIDED -> {
                score += 5;
                points++;
                horizon = earlier(horizon, PurchaseTimeframe.UNDECIDED);
                signal(signals, reasons, "URG-TIMEFRAME-UNDECIDED", "Purchase timeframe undecided");
            }
            default -> {
            }
        }
        if (budget == BudgetStatus.SECURED) {
            score += 20;
            points++;
            signal(signals, reasons, "URG-BUDGET-SECURED", "Budget is secured");
        }
        if (c.getTitleKey() != null && p.isDecisionMakerTitle(c.getTitleKey())) {
            score += 15;
            points++;
            signal(signals, reasons, "URG-DECISION-MAKER", "Job title is a decision maker's");
        }
        if (pricing) {
            score += 20;
            points++;
            signal(signals, reasons, "URG-PRICING-VISITS", "Visited the pricing page repeatedly");
        }
        if (ownCaseStudy) {
            score += 15;
            points++;
            signal(signals, reasons, "URG-OWN-INDUSTRY-CASE-STUDY",
                    "Viewed a case study from its own industry (" + c.getIndustryKey() + ")");
        }
        if (c.countAllEngagement(p.urgency().burstWindow()) >= p.urgency().burstEvents()) {
            score += 10;
            points++;
            signal(signals, reasons, "URG-ENGAGEMENT-BURST", "Burst of engagement in the last " + p.urgency().burstWindow().toDays() + " days");
        }
        if (c.inactiveFor(p.urgency().coldAfter())) {
            score -= 20;
            points++;
            signal(signals, reasons, "URG-COLD-ENGAGEMENT", "No engagement for over " + p.urgency().coldAfter().toDays() + " days");
        }
        if (inquiry == InquiryType.DOCUMENT_REQUEST) {
            score += 25;
            points++;
            signal(signals, reasons, "URG-DOCUMENT-REQUEST", "Requested documents");
            if (!timeframe.isNearTerm() && budget != BudgetStatus.SECURED && !ownCaseStudy && !pricing) {
                cap = lower(cap, UrgencyLevel.MEDIUM);
                signal(signals, reasons, "URG-DOCUMENT-REQUEST-CAP", "A document request alone is interest, not intent");
            }
        }
        if ((inquiry == InquiryType.WHITE_PAPER || inquiry == InquiryType.ARTICLE || inquiry == InquiryType.SEMINAR)
                && !timeframe.isNearTerm() && budget != BudgetStatus.SECURED) {
            score += 5;
            points++;
            cap = lower(cap, UrgencyLevel.LOW);
            signal(signals, reasons, "URG-CONTENT-ONLY", "Content interest only (" + inquiry + ")");
        }
        reasons.sort(BY_RULE_ID);
        if (signals.isEmpty()) {
            return Urgency.UNKNOWN;
        }
        UrgencyLevel level = points == 0 ? UrgencyLevel.UNKNOWN : p.urgency().levelFor(score);
        if (cap != null && level != UrgencyLevel.UNKNOWN) {
            level = UrgencyLevel.min(level, cap);
        }
        return new Urgency(level, horizon, score, List.copyOf(signals));
    }

    private static void signal(TreeSet<String> signals, List<Reason> reasons, String id, String message) {
        signals.add(id);
        reasons.add(new Reason(id, Stage.URGENCY, message));
    }

    private static PurchaseTimeframe earlier(PurchaseTimeframe a, PurchaseTimeframe b) {
        return b.ordinal() < a.ordinal() ? b : a;
    }

    private static UrgencyLevel lower(UrgencyLevel cap, UrgencyLevel level) {
        return cap == null ? level : UrgencyLevel.min(cap, level);
    }

    // ------------------------------------------------------------------ routing.drl

    private Route route(LeadContext c, List<Reason> exclusions, Urgency urgency, Instant now, List<Reason> reasons) {
        boolean excluded = !exclusions.isEmpty();
        UrgencyLevel level = urgency.level();
        Account account = c.getAccount();
        Destination destination;
        String team;
        String owner = null;
        String track = null;
        String id;
        String message;
        if (has(exclusions, "EXC-EXISTING-CUSTOMER") && !has(exclusions, "EXC-NO-CONSENT")
                && !has(exclusions, "EXC-TEST-SUBMISSION")) {
            destination = Destination.ACCOUNT_OWNER;
            owner = account != null && account.hasOwner() ? account.owner() : null;
            team = team(c, destination);
            id = "RTE-EXISTING-CUSTOMER-TO-OWNER";
            message = "Existing customer: the account owner follows up";
        } else if (excluded) {
            reasons.add(new Reason("RTE-EXCLUDED-NOWHERE", Stage.ROUTING, "Excluded: not a sales lead"));
            return Route.NONE;
        } else if (c.salesInactiveFor(policy.routing().stalledAfter())) {
            destination = Destination.INSIDE_SALES;
            team = policy.routing().recycleTeam();
            id = "RTE-STALLED-DEAL-RECYCLE";
            message = "Stalled deal: no sales activity for " + policy.routing().stalledAfter().toDays() + " days or more";
        } else if (account != null && account.hasOwner()) {
            destination = Destination.ACCOUNT_OWNER;
            owner = account.owner();
            team = team(c, destination);
            id = "RTE-KNOWN-ACCOUNT-OWNER";
            message = "Known account with an owner";
        } else {
            boolean urgent = level == UrgencyLevel.IMMEDIATE || level == UrgencyLevel.HIGH;
            boolean strongFit = c.isStrongFit();
            if (urgent && strongFit) {
                destination = Destination.FIELD_SALES;
                id = "RTE-FIELD-SALES";
                message = "Urgent (" + level + ") and a strong fit";
            } else if (level == UrgencyLevel.MEDIUM) {
                destination = Destination.INSIDE_SALES;
                id = "RTE-INSIDE-SALES-MEDIUM";
                message = "Medium urgency: inside sales qualifies it";
            } else if (level == UrgencyLevel.UNKNOWN && strongFit) {
                destination = Destination.INSIDE_SALES;
                id = "RTE-INSIDE-SALES-UNKNOWN-TIMING";
                message = "Strong fit, timing unknown: inside sales asks";
            } else if (urgent) {
                destination = Destination.INSIDE_SALES;
                id = "RTE-INSIDE-SALES-WEAK-FIT";
                message = "Urgent (" + level + ") but a weak fit";
            } else if (level == UrgencyLevel.LOW || level == UrgencyLevel.UNKNOWN) {
                destination = Destination.NURTURE;
                String caseStudies = policy.caseStudyTrack(c.getIndustryKey()).orElse(null);
                if (caseStudies != null) {
                    track = caseStudies;
                    id = "RTE-NURTURE-CASE-STUDY";
                    message = "Not ready yet: same-industry case studies";
                } else {
                    track = policy.contentTrack(c.getInquiryType());
                    id = "RTE-NURTURE-CONTENT";
                    message = "Not ready yet: content nurture";
                }
            } else {
                destination = Destination.INSIDE_SALES;
                id = "ENGINE-UNROUTED";
                message = "No routing rule matched; inside sales takes the lead so that it is not lost";
            }
            team = id.equals("ENGINE-UNROUTED")
                    ? policy.routing().fallbackTeam(c.getCountryCode(), c.getSegment()).map(Team::name).orElse(null)
                    : team(c, destination);
        }
        reasons.add(new Reason(id, Stage.ROUTING, message));
        return new Route(destination, team, owner, track, policy.routing().slaDeadline(destination, level, now));
    }

    private static boolean has(List<Reason> exclusions, String id) {
        for (Reason r : exclusions) {
            if (r.ruleId().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private String team(LeadContext c, Destination destination) {
        return policy.routing().teamFor(destination, c.getCountryCode(), c.getSegment()).map(Team::name).orElse(null);
    }

    private Qualification invalid(Lead lead, List<FieldError> errors) {
        List<Reason> reasons = new ArrayList<>(errors.size());
        for (FieldError e : errors) {
            reasons.add(new Reason("VAL-" + e.code().replace('_', '-'), Stage.VALIDATION,
                    "Field " + e.field() + " is invalid: " + e.code()));
        }
        String id = lead == null || lead.id() == null || lead.id().length() > 128 ? null : lead.id();
        return new Qualification(id, Outcome.INVALID, List.of(), Urgency.UNKNOWN, Route.NONE, reasons, errors, fingerprint);
    }
}

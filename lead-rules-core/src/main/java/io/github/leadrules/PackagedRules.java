package io.github.leadrules;

import io.github.leadrules.model.Stage;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The stable ids of the rules packaged with the library, one constant per rule, so that host code
 * names them without typos:
 *
 * <pre>{@code
 * LeadQualifier qualifier = LeadQualifier.builder()
 *     .disableRule(PackagedRules.EXC_STUDENT)      // we sell to universities
 *     .build();
 * }</pre>
 *
 * <p>The ids are the {@code @id} metadata of the rules in {@code exclusion.drl}, {@code urgency.drl}
 * and {@code routing.drl}; a test checks that this class and the compiled rule base agree both ways.
 * An id's prefix names its stage: {@code EXC-} exclusion, {@code URG-} urgency, {@code RTE-} routing.
 */
public final class PackagedRules {

    // ------------------------------------------------------------------ exclusion (exclusion.drl)

    /** A free-mail sign-up that names no company. */
    public static final String EXC_FREEMAIL_NO_COMPANY = "EXC-FREEMAIL-NO-COMPANY";
    /** A disposable (throwaway) e-mail address. */
    public static final String EXC_DISPOSABLE_EMAIL = "EXC-DISPOSABLE-EMAIL";
    /** A competitor, by e-mail domain or by account. */
    public static final String EXC_COMPETITOR = "EXC-COMPETITOR";
    /** An existing customer: not a new lead, but routed to its account owner. */
    public static final String EXC_EXISTING_CUSTOMER = "EXC-EXISTING-CUSTOMER";
    /** A submission from the host's own domain. */
    public static final String EXC_INTERNAL = "EXC-INTERNAL";
    /** A student or job seeker, by job title. */
    public static final String EXC_STUDENT = "EXC-STUDENT";
    /** A test or spam submission. */
    public static final String EXC_TEST_SUBMISSION = "EXC-TEST-SUBMISSION";
    /** A company outside the target countries. */
    public static final String EXC_OUT_OF_TERRITORY = "EXC-OUT-OF-TERRITORY";
    /** A company in an industry the host does not target. */
    public static final String EXC_NON_TARGET_INDUSTRY = "EXC-NON-TARGET-INDUSTRY";
    /** A company below the minimum size. */
    public static final String EXC_TOO_SMALL = "EXC-TOO-SMALL";
    /** The same e-mail address came in as a lead within the duplicate window. */
    public static final String EXC_DUPLICATE = "EXC-DUPLICATE";
    /** Opted out, or no consent where the policy requires it. */
    public static final String EXC_NO_CONSENT = "EXC-NO-CONSENT";
    /** Neither an e-mail address nor a phone number. */
    public static final String EXC_NO_CONTACT = "EXC-NO-CONTACT";

    // ------------------------------------------------------------------ urgency (urgency.drl)

    /** Asked for a demo, a quote or a sales contact. */
    public static final String URG_SALES_REQUEST = "URG-SALES-REQUEST";
    /** Plans to buy within one month. */
    public static final String URG_TIMEFRAME_1_MONTH = "URG-TIMEFRAME-1-MONTH";
    /** Plans to buy within three months. */
    public static final String URG_TIMEFRAME_3_MONTHS = "URG-TIMEFRAME-3-MONTHS";
    /** Plans to buy within six months. */
    public static final String URG_TIMEFRAME_6_MONTHS = "URG-TIMEFRAME-6-MONTHS";
    /** Plans to buy later than six months; caps urgency at MEDIUM. */
    public static final String URG_TIMEFRAME_LATER = "URG-TIMEFRAME-LATER";
    /** Purchase timeframe undecided (未定). */
    public static final String URG_TIMEFRAME_UNDECIDED = "URG-TIMEFRAME-UNDECIDED";
    /** Budget secured (予算確保済み). */
    public static final String URG_BUDGET_SECURED = "URG-BUDGET-SECURED";
    /** A decision maker's job title. */
    public static final String URG_DECISION_MAKER = "URG-DECISION-MAKER";
    /** Repeated pricing-page visits. */
    public static final String URG_PRICING_VISITS = "URG-PRICING-VISITS";
    /** Viewed a case study from its own industry (同業種の導入事例). */
    public static final String URG_OWN_INDUSTRY_CASE_STUDY = "URG-OWN-INDUSTRY-CASE-STUDY";
    /** A recent burst of engagement. */
    public static final String URG_ENGAGEMENT_BURST = "URG-ENGAGEMENT-BURST";
    /** Engagement gone cold: lowers urgency. */
    public static final String URG_COLD_ENGAGEMENT = "URG-COLD-ENGAGEMENT";
    /** A document request (資料請求): interest. */
    public static final String URG_DOCUMENT_REQUEST = "URG-DOCUMENT-REQUEST";
    /** A document request alone caps urgency at MEDIUM. */
    public static final String URG_DOCUMENT_REQUEST_CAP = "URG-DOCUMENT-REQUEST-CAP";
    /** Content-only interest (white paper, article, seminar) stays LOW. */
    public static final String URG_CONTENT_ONLY = "URG-CONTENT-ONLY";

    // ------------------------------------------------------------------ routing (routing.drl)

    /** Existing customers go to their account owner. */
    public static final String RTE_EXISTING_CUSTOMER_TO_OWNER = "RTE-EXISTING-CUSTOMER-TO-OWNER";
    /** Excluded leads go nowhere. */
    public static final String RTE_EXCLUDED_NOWHERE = "RTE-EXCLUDED-NOWHERE";
    /** Stalled deals are recycled to inside sales (停滞商談). */
    public static final String RTE_STALLED_DEAL_RECYCLE = "RTE-STALLED-DEAL-RECYCLE";
    /** Leads from a known account with an owner go to that owner. */
    public static final String RTE_KNOWN_ACCOUNT_OWNER = "RTE-KNOWN-ACCOUNT-OWNER";
    /** Urgent leads that fit go to field sales. */
    public static final String RTE_FIELD_SALES = "RTE-FIELD-SALES";
    /** Urgent leads with a weak fit go to inside sales. */
    public static final String RTE_INSIDE_SALES_WEAK_FIT = "RTE-INSIDE-SALES-WEAK-FIT";
    /** Medium-urgency leads go to inside sales. */
    public static final String RTE_INSIDE_SALES_MEDIUM = "RTE-INSIDE-SALES-MEDIUM";
    /** Good-fit leads with unknown timing go to inside sales. */
    public static final String RTE_INSIDE_SALES_UNKNOWN_TIMING = "RTE-INSIDE-SALES-UNKNOWN-TIMING";
    /** Low-urgency leads of an industry with case studies get the case-study track. */
    public static final String RTE_NURTURE_CASE_STUDY = "RTE-NURTURE-CASE-STUDY";
    /** Other low-urgency leads get the content track. */
    public static final String RTE_NURTURE_CONTENT = "RTE-NURTURE-CONTENT";

    /** Every packaged rule id, exclusion first, then urgency, then routing. Unmodifiable. */
    public static final Set<String> ALL = ordered(
            EXC_FREEMAIL_NO_COMPANY, EXC_DISPOSABLE_EMAIL, EXC_COMPETITOR, EXC_EXISTING_CUSTOMER, EXC_INTERNAL,
            EXC_STUDENT, EXC_TEST_SUBMISSION, EXC_OUT_OF_TERRITORY, EXC_NON_TARGET_INDUSTRY, EXC_TOO_SMALL,
            EXC_DUPLICATE, EXC_NO_CONSENT, EXC_NO_CONTACT,
            URG_SALES_REQUEST, URG_TIMEFRAME_1_MONTH, URG_TIMEFRAME_3_MONTHS, URG_TIMEFRAME_6_MONTHS,
            URG_TIMEFRAME_LATER, URG_TIMEFRAME_UNDECIDED, URG_BUDGET_SECURED, URG_DECISION_MAKER,
            URG_PRICING_VISITS, URG_OWN_INDUSTRY_CASE_STUDY, URG_ENGAGEMENT_BURST, URG_COLD_ENGAGEMENT,
            URG_DOCUMENT_REQUEST, URG_DOCUMENT_REQUEST_CAP, URG_CONTENT_ONLY,
            RTE_EXISTING_CUSTOMER_TO_OWNER, RTE_EXCLUDED_NOWHERE, RTE_STALLED_DEAL_RECYCLE, RTE_KNOWN_ACCOUNT_OWNER,
            RTE_FIELD_SALES, RTE_INSIDE_SALES_WEAK_FIT, RTE_INSIDE_SALES_MEDIUM, RTE_INSIDE_SALES_UNKNOWN_TIMING,
            RTE_NURTURE_CASE_STUDY, RTE_NURTURE_CONTENT);

    private static final Set<String> EXCLUSION = withPrefix("EXC-");
    private static final Set<String> URGENCY = withPrefix("URG-");
    private static final Set<String> ROUTING = withPrefix("RTE-");

    private PackagedRules() {
    }

    /**
     * The packaged rule ids of one stage, in catalogue order; empty for the stages that run no rules
     * ({@link Stage#VALIDATION}, {@link Stage#ENGINE}). Unmodifiable.
     *
     * @param stage a stage
     * @return the ids, unmodifiable
     */
    public static Set<String> byStage(Stage stage) {
        Objects.requireNonNull(stage, "stage");
        return switch (stage) {
            case EXCLUSION -> EXCLUSION;
            case URGENCY -> URGENCY;
            case ROUTING -> ROUTING;
            case VALIDATION, ENGINE -> Set.of();
        };
    }

    private static Set<String> ordered(String... ids) {
        Set<String> set = new LinkedHashSet<>();
        for (String id : ids) {
            if (!set.add(id)) {
                throw new IllegalStateException("duplicate packaged rule id " + id);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    private static Set<String> withPrefix(String prefix) {
        return ordered(ALL.stream().filter(id -> id.startsWith(prefix)).toArray(String[]::new));
    }
}

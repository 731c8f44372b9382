package io.github.leadrules.internal;

import io.github.leadrules.account.Account;
import io.github.leadrules.model.Lead;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.rules.LeadContext;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The library's way to a {@link LeadContext} bound to a {@link DecisionRecorder}: the context's
 * constructor is package-private, so that the internal recorder does not appear in any public
 * signature. {@code LeadContext} hands its factory over when its class is initialised; this class
 * makes sure that has happened before the first context is made.
 */
public abstract class ContextAccess {

    private static volatile ContextAccess instance;

    /** Only {@link LeadContext} implements it. */
    protected ContextAccess() {
    }

    /**
     * Called once, from {@link LeadContext}'s class initialiser.
     *
     * @param access the factory
     */
    public static void install(ContextAccess access) {
        if (instance != null) {
            throw new IllegalStateException("the LeadContext factory is already installed");
        }
        instance = access;
    }

    /** {@return the factory, initialising {@link LeadContext} first when needed} */
    static ContextAccess get() {
        ContextAccess access = instance;
        if (access == null) {
            try {
                Class.forName(LeadContext.class.getName(), true, LeadContext.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            access = instance;
        }
        return access;
    }

    /**
     * A context for one session run.
     *
     * @param lead the validated lead
     * @param policy the policy in force
     * @param now "now" from the qualifier's clock
     * @param emailDomain the e-mail domain, or null
     * @param emailLocalPart the e-mail local part, or null
     * @param companyKey the company name's key, or null
     * @param contactNameKey the contact name's key, or null
     * @param titleKey the job title's key, or null
     * @param countryCode the ISO-3166 alpha-2 country, or null
     * @param industryKey the industry's key after aliases, or null
     * @param account the matched account, or null
     * @param previousLeadAt when the same address last came in, or null
     * @param fieldValues the declared fields' typed values (absent: blank or missing)
     * @param unavailable the standard fields the lead's source cannot provide
     * @param recorder collects the decisions
     * @return the context
     */
    public abstract LeadContext newContext(Lead lead, LeadPolicy policy, Instant now, String emailDomain,
                                           String emailLocalPart, String companyKey, String contactNameKey,
                                           String titleKey, String countryCode, String industryKey, Account account,
                                           Instant previousLeadAt, Map<String, Object> fieldValues,
                                           Set<String> unavailable, DecisionRecorder recorder);
}

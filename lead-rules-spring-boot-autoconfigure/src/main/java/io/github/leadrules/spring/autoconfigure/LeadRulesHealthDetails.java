package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.Qualifier;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the health indicator reports, the same on every Spring Boot line: the fingerprint serving,
 * how many rules, and the last reload with its problems. The rules serve while the qualifier
 * exists, so the status is UP even after a failed reload (the old rules keep serving); the
 * details say that it failed and why.
 */
final class LeadRulesHealthDetails {

    private LeadRulesHealthDetails() {
    }

    static Map<String, Object> of(Qualifier qualifier, LeadRulesReloads reloads) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fingerprint", qualifier.fingerprint());
        details.put("rules", qualifier.rules().size());
        reloads.last().ifPresent(last -> details.put("lastReload", LeadRulesReloads.describe(last)));
        return details;
    }
}

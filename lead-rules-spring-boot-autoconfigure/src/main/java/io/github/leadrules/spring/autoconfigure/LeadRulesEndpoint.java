package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.Qualifier;
import io.github.leadrules.ReloadableLeadQualifier;
import io.github.leadrules.RuleDescription;
import io.github.leadrules.ReloadableLeadQualifier.ReloadResult;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code leadrules} Actuator endpoint: reading it lists the rules serving (id, stage, name,
 * description, source file and line, salience) with the fingerprint and the last reload; writing to
 * it ({@code POST /actuator/leadrules}) reloads the policy and rule files and answers with the
 * result. Exposed and secured like any Actuator endpoint
 * ({@code management.endpoints.web.exposure.include=health,leadrules}).
 */
@Endpoint(id = "leadrules")
public class LeadRulesEndpoint {

    private static final long RELOAD_TIMEOUT_SECONDS = 120;

    private final Qualifier qualifier;
    private final LeadRulesReloads reloads;

    /**
     * @param qualifier the qualifier to list and reload
     * @param reloads   its reloads
     */
    public LeadRulesEndpoint(Qualifier qualifier, LeadRulesReloads reloads) {
        this.qualifier = qualifier;
        this.reloads = reloads;
    }

    /**
     * The rules serving now.
     *
     * @return fingerprint, rule count, rules and the last reload, as JSON-ready values
     */
    @ReadOperation
    public Map<String, Object> rules() {
        // one rule set for the fingerprint and the list, even when a reload swaps rules meanwhile
        Qualifier serving = qualifier instanceof ReloadableLeadQualifier r ? r.current() : qualifier;
        List<RuleDescription> rules = serving.rules();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fingerprint", serving.fingerprint());
        out.put("count", rules.size());
        out.put("rules", rules.stream().map(LeadRulesEndpoint::describe).toList());
        reloads.last().ifPresent(last -> out.put("lastReload", LeadRulesReloads.describe(last)));
        return out;
    }

    /**
     * Reloads the policy and rule files and waits for the build. A failed build leaves the old rules
     * serving; the answer lists its problems. A {@code Qualifier} bean of the host's own that is
     * not a {@link ReloadableLeadQualifier} is not reloaded, and the answer says so.
     *
     * @return the reload's result, as JSON-ready values
     */
    @WriteOperation
    public Map<String, Object> reload() {
        if (!(qualifier instanceof ReloadableLeadQualifier)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("succeeded", false);
            out.put("changed", false);
            out.put("fingerprint", qualifier.fingerprint());
            out.put("problems", List.of("the application's Qualifier bean is a " + qualifier.getClass().getSimpleName()
                    + ", not a ReloadableLeadQualifier: it cannot reload"));
            return out;
        }
        ReloadResult result = reloads.reloadAndWait(RELOAD_TIMEOUT_SECONDS);
        return LeadRulesReloads.describe(result);
    }

    static Map<String, Object> describe(RuleDescription rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", rule.id());
        out.put("stage", rule.stage().name());
        out.put("name", rule.name());
        out.put("description", rule.description());
        out.put("source", rule.source());
        out.put("line", rule.line());
        out.put("salience", rule.salience());
        return out;
    }
}

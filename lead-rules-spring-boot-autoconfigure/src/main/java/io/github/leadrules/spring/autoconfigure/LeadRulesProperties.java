package io.github.leadrules.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code leadrules.*} properties: where the policy and the host's rules are, which rules are
 * off, and how many leads share one rule session. Read again on every reload only for the files
 * they name; the properties themselves are fixed at start-up.
 */
@ConfigurationProperties(prefix = "leadrules")
public class LeadRulesProperties {

    /**
     * Whether to create the lead-rules qualifier (and its health indicator, endpoint and metrics).
     */
    private boolean enabled = true;

    /**
     * Location of the YAML policy file, e.g. "file:config/lead-policy.yaml" or
     * "classpath:lead-policy.yaml". Unset: the packaged default policy.
     */
    private String policy;

    /**
     * Locations of the host's DRL rule files, added to the packaged rules. Patterns are allowed
     * ("classpath*:leadrules/*.drl", "file:config/rules/*.drl"); a location that is a
     * folder adds every .drl file under it. A location that matches no .drl file fails start-up.
     */
    private List<String> rules = new ArrayList<>();

    /**
     * Stable ids of rules to switch off, e.g. EXC-STUDENT. An unknown id fails start-up.
     */
    private List<String> disabledRules = new ArrayList<>();

    /**
     * Standard fields the leads' source cannot provide at all (e.g. "phone"): packaged rules do
     * not decide on their absence.
     */
    private List<String> unavailableFields = new ArrayList<>();

    /**
     * Leads per rule session when a list of leads is qualified at once, 1 to 100000.
     */
    private int batchSize = 200;

    /**
     * Creates the properties with their defaults.
     */
    public LeadRulesProperties() {
    }

    /** {@return whether the qualifier is created} */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the qualifier is created */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@return the policy file's location, or null for the packaged defaults} */
    public String getPolicy() {
        return policy;
    }

    /** @param policy the policy file's location */
    public void setPolicy(String policy) {
        this.policy = policy;
    }

    /** {@return the host rule locations} */
    public List<String> getRules() {
        return rules;
    }

    /** @param rules the host rule locations */
    public void setRules(List<String> rules) {
        this.rules = rules;
    }

    /** {@return the ids of the rules switched off} */
    public List<String> getDisabledRules() {
        return disabledRules;
    }

    /** @param disabledRules the ids of the rules switched off */
    public void setDisabledRules(List<String> disabledRules) {
        this.disabledRules = disabledRules;
    }

    /** {@return the standard fields the source cannot provide} */
    public List<String> getUnavailableFields() {
        return unavailableFields;
    }

    /** @param unavailableFields the standard fields the source cannot provide */
    public void setUnavailableFields(List<String> unavailableFields) {
        this.unavailableFields = unavailableFields;
    }

    /** {@return leads per rule session} */
    public int getBatchSize() {
        return batchSize;
    }

    /** @param batchSize leads per rule session, 1 to 100000 */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}

package io.github.leadrules.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A rule set as published on the compacted {@code rule-sets} topic, keyed by the rule set's name: a
 * policy file's text (YAML, the format {@code LeadPolicy.load} reads; absent means the topology's
 * base policy), host DRL files by name, and rule ids to disable. The topology compiles the value of
 * the key it follows off the stream threads and swaps it in atomically; every decision carries the
 * fingerprint of the set that made it.
 *
 * <pre>{@code
 * RuleSetMessage set = RuleSetMessage.of(Files.readString(Path.of("lead-policy.yaml")))
 *     .withRules("our-extra.drl", Files.readString(Path.of("rules/our-extra.drl")))
 *     .withDisabled("EXC-STUDENT");
 * producer.send(new ProducerRecord<>("rule-sets", "default", set.toJson()));
 * }</pre>
 *
 * <p>JSON: {@code {"policy_yaml":"…","rules":{"our-extra.drl":"package …"},"disabled_rules":["EXC-STUDENT"]}}.
 * Rules are code and run with the stream application's privileges: only trusted people may write to
 * this topic.
 *
 * @param policyYaml the policy file's text, or null for the base policy
 * @param rules      host DRL text by file name, in order
 * @param disabled   rule ids to disable
 */
public record RuleSetMessage(String policyYaml, Map<String, String> rules, Set<String> disabled) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Copies the collections.
     *
     * @param policyYaml the policy file's text, or null for the base policy
     * @param rules      host DRL text by file name, in order
     * @param disabled   rule ids to disable
     */
    public RuleSetMessage {
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(rules, "rules")));
        disabled = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(disabled, "disabled")));
    }

    /**
     * A rule set of a policy and the packaged rules.
     *
     * @param policyYaml the policy file's text, or null for the base policy
     * @return the rule set
     */
    public static RuleSetMessage of(String policyYaml) {
        return new RuleSetMessage(policyYaml, Map.of(), Set.of());
    }

    /**
     * @param name a DRL file name, e.g. {@code our-extra.drl}, as error messages will name it
     * @param drl  its text
     * @return this rule set with one more host rule file
     */
    public RuleSetMessage withRules(String name, String drl) {
        Map<String, String> more = new LinkedHashMap<>(rules);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(drl, "drl"));
        return new RuleSetMessage(policyYaml, more, disabled);
    }

    /**
     * @param ruleIds rule ids to disable, e.g. {@code EXC-STUDENT}
     * @return this rule set with more disabled rules
     */
    public RuleSetMessage withDisabled(String... ruleIds) {
        Set<String> more = new LinkedHashSet<>(disabled);
        more.addAll(List.of(ruleIds));
        return new RuleSetMessage(policyYaml, rules, more);
    }

    /** {@return this rule set as the topic's JSON, UTF-8} */
    public byte[] toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        if (policyYaml != null) {
            o.put("policy_yaml", policyYaml);
        }
        ObjectNode r = o.putObject("rules");
        rules.forEach(r::put);
        ArrayNode d = o.putArray("disabled_rules");
        disabled.forEach(d::add);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the topic's JSON.
     *
     * @param json the value, UTF-8
     * @return the rule set
     * @throws IllegalArgumentException naming the key that is wrong, never a value
     */
    public static RuleSetMessage fromJson(byte[] json) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("rule set: not JSON");
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("rule set: not a JSON object");
        }
        for (var it = o.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Set.of("policy_yaml", "rules", "disabled_rules").contains(key)) {
                throw new IllegalArgumentException("rule set: unknown key " + key.substring(0, Math.min(40, key.length()))
                        .replaceAll("\\p{Cntrl}", "?") + " (known: policy_yaml, rules, disabled_rules)");
            }
        }
        JsonNode p = o.get("policy_yaml");
        if (p != null && !p.isNull() && !p.isTextual()) {
            throw new IllegalArgumentException("rule set: policy_yaml must be a string");
        }
        Map<String, String> rules = new LinkedHashMap<>();
        JsonNode r = o.get("rules");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) {
                throw new IllegalArgumentException("rule set: rules must be an object of file name to DRL text");
            }
            for (var e : r.properties()) {
                if (!e.getValue().isTextual()) {
                    throw new IllegalArgumentException("rule set: rules." + e.getKey() + " must be a string");
                }
                rules.put(e.getKey(), e.getValue().asText());
            }
        }
        List<String> disabled = new ArrayList<>();
        JsonNode d = o.get("disabled_rules");
        if (d != null && !d.isNull()) {
            if (!d.isArray()) {
                throw new IllegalArgumentException("rule set: disabled_rules must be an array of rule ids");
            }
            d.forEach(n -> disabled.add(n.asText()));
        }
        return new RuleSetMessage(p == null || p.isNull() ? null : p.asText(), rules, new LinkedHashSet<>(disabled));
    }
}

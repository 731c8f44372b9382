/**
 * lead-rules: qualifies B2B sales leads with Drools rules (exclusion, urgency, routing), each
 * decision explained. Every package is exported except {@code io.github.leadrules.internal} and
 * {@code io.github.leadrules.internal.text}. The packages holding the packaged rule files and the
 * shipped domain lists are open, so that Drools and the class loader read them as resources.
 */
module io.github.leadrules {
    requires transitive org.kie.api;
    requires org.kie.internal.api;
    requires org.drools.base;
    requires org.drools.engine.classic;
    requires org.drools.modelcompiler;
    requires org.drools.canonicalmodel;
    requires org.drools.kiesession;
    requires org.drools.core;
    requires org.slf4j;
    requires org.yaml.snakeyaml;

    exports io.github.leadrules;
    exports io.github.leadrules.account;
    exports io.github.leadrules.assign;
    exports io.github.leadrules.compare;
    exports io.github.leadrules.model;
    exports io.github.leadrules.policy;
    exports io.github.leadrules.rules;

    opens io.github.leadrules.rules;
    opens io.github.leadrules.domains;
}

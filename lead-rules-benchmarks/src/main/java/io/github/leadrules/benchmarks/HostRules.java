package io.github.leadrules.benchmarks;

/**
 * Generates host rules of the kinds a real host adds: blocked companies (exclusion), campaign and
 * account-tier boosts (urgency) and regional team overrides (routing), each with its own stable id.
 * They match almost none of the sample leads, so they cost build time and condition evaluations but
 * leave decisions as they are.
 */
public final class HostRules {

    private HostRules() {
    }

    /** DRL text with {@code count} rules, a quarter of each kind. */
    public static String generate(int count) {
        StringBuilder drl = new StringBuilder(count * 300);
        drl.append("// Generated host rules for the rule-base build benchmark.\n")
                .append("package com.example.hostrules;\n\n")
                .append("import io.github.leadrules.rules.LeadContext;\n")
                .append("import io.github.leadrules.rules.Assessment;\n")
                .append("import io.github.leadrules.model.Destination;\n\n");
        for (int i = 0; i < count; i++) {
            String n = String.format("%03d", i);
            switch (i % 4) {
                case 0 -> drl.append("// Blocked company ").append(n).append(" is never a lead.\n")
                        .append("rule \"Exclude blocked company ").append(n).append("\"\n")
                        .append("    @id(\"EXC-HOST-BLOCKED-").append(n).append("\")\n")
                        .append("    ruleflow-group \"exclusion\"\n")
                        .append("when\n    $lead : LeadContext( companyKey == \"blocked company ").append(n).append("\" )\n")
                        .append("then\n    $lead.exclude(\"Company is on the host's block list\");\nend\n\n");
                case 1 -> drl.append("// Campaign ").append(n).append(" brings warm leads.\n")
                        .append("rule \"Raise urgency for campaign ").append(n).append("\"\n")
                        .append("    @id(\"URG-HOST-CAMPAIGN-").append(n).append("\")\n")
                        .append("    ruleflow-group \"urgency\"\n")
                        .append("when\n    $lead : LeadContext( attribute(\"campaign\") == \"cmp-host-").append(n).append("\" )\n")
                        .append("then\n    $lead.addUrgency(5, \"Came from campaign ").append(n).append("\");\nend\n\n");
                case 2 -> drl.append("// Tier ").append(n).append(" accounts in manufacturing are strategic.\n")
                        .append("rule \"Raise urgency for strategic tier ").append(n).append("\"\n")
                        .append("    @id(\"URG-HOST-TIER-").append(n).append("\")\n")
                        .append("    ruleflow-group \"urgency\"\n")
                        .append("when\n    $lead : LeadContext( industryKey == \"manufacturing\", employeeCount != null, ")
                        .append("employeeCount > ").append(1_000 + i).append(", attribute(\"tier\") == \"t").append(n).append("\" )\n")
                        .append("then\n    $lead.addUrgency(10, \"Strategic account tier\");\nend\n\n");
                default -> drl.append("// Region ").append(n).append(" has its own inside-sales desk.\n")
                        .append("rule \"Send region ").append(n).append(" to its desk\"\n")
                        .append("    @id(\"RTE-HOST-REGION-").append(n).append("\")\n")
                        .append("    ruleflow-group \"routing\"\n")
                        .append("    salience 60\n")
                        .append("when\n    $a : Assessment( !excluded, context.countryCode == \"SG\", ")
                        .append("context.attribute(\"region\") == \"r").append(n).append("\" )\n")
                        .append("then\n    $a.routeToTeam(Destination.INSIDE_SALES, \"inside-sales-region-")
                        .append(n).append("\", \"Regional desk\");\nend\n\n");
            }
        }
        return drl.toString();
    }
}

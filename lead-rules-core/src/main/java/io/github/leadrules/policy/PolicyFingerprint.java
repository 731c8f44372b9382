package io.github.leadrules.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The canonical text of a policy for the rule-set fingerprint: one {@code key=value} line per
 * policy-file key, sets and maps sorted, so that equal values give equal text however they were
 * reached. The order of the lines is the one fingerprints have always used; keep it.
 */
final class PolicyFingerprint {

    private PolicyFingerprint() {
    }

    static String canonicalText(LeadPolicy policy) {
        ExclusionPolicy e = policy.exclusion();
        UrgencyPolicy u = policy.urgency();
        RoutingPolicy r = policy.routing();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ownDomains", new TreeSet<>(e.ownDomains()));
        all.put("competitorDomains", new TreeSet<>(e.competitorDomains()));
        // The shipped lists hold over a hundred thousand domains: a digest stands for them.
        all.put("freeMailDomains", e.freeMailDigest());
        all.put("disposableDomains", e.disposableDigest());
        all.put("testDomains", new TreeSet<>(e.testDomains()));
        all.put("targetCountries", new TreeSet<>(e.targetCountries()));
        all.put("targetIndustries", new TreeSet<>(e.targetIndustries()));
        all.put("industryAliases", new TreeMap<>(policy.industryAliases()));
        all.put("minimumEmployees", e.minimumEmployees());
        all.put("enterpriseEmployees", r.enterpriseEmployees());
        all.put("fieldSalesMinimumEmployees", r.fieldSalesMinimumEmployees());
        all.put("urgencyThresholds", List.of(u.immediateScore(), u.highScore(), u.mediumScore()));
        all.put("pricingVisitThreshold", u.pricingVisitThreshold());
        all.put("engagementWindow", u.engagementWindow());
        all.put("burstEvents", u.burstEvents());
        all.put("burstWindow", u.burstWindow());
        all.put("coldAfter", u.coldAfter());
        all.put("duplicateWindow", e.duplicateWindow());
        all.put("stalledAfter", r.stalledAfter());
        all.put("requireExplicitConsent", e.requireExplicitConsent());
        all.put("decisionMakerTitles", u.decisionMakerTitles());
        all.put("studentMarkers", e.studentMarkers());
        all.put("testMarkers", new TreeSet<>(e.testMarkers()));
        all.put("slas", new TreeMap<>(r.slas()));
        all.put("immediateSla", r.immediateSla());
        all.put("teams", r.teams().stream().map(t -> t.name() + "/" + t.destination() + "/"
                + new TreeSet<>(t.countries()) + "/" + t.segment() + "/" + t.reps()).toList());
        all.put("recycleTeam", r.recycleTeam());
        all.put("caseStudyTracks", new TreeMap<>(r.caseStudyTracks()));
        all.put("contentTracks", new TreeMap<>(r.contentTracks()));
        all.put("defaultNurtureTrack", r.defaultNurtureTrack());
        all.put("assignment", r.accountOwnerFirst() + "/" + r.rotation());
        all.put("ruleTimeBudget", policy.ruleTimeBudget());
        // Only when declared, so that the fingerprints of policies without fields stay as they were.
        if (!policy.fields().isEmpty()) {
            Map<String, String> fields = new TreeMap<>();
            policy.fields().forEach((name, type) -> fields.put(name, type.kindName() + type.formats() + type.values()));
            all.put("fields", fields);
        }
        // Only when changed from the shipped list, so that the fingerprints of other policies stay as they were.
        if (!Set.copyOf(policy.missingValues()).equals(Set.copyOf(LeadPolicy.defaults().missingValues()))) {
            all.put("missingValues", new TreeSet<>(policy.missingValues()));
        }
        // Only when there are any, so that the fingerprints of policies without signals stay as they were.
        if (!policy.signals().isEmpty()) {
            all.put("signals", policy.signals().stream().map(Signal::canonicalText).toList());
        }
        StringBuilder sb = new StringBuilder();
        all.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }
}

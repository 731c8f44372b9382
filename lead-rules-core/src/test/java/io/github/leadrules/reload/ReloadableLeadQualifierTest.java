package io.github.leadrules.reload;

import io.github.leadrules.InvalidRulesException;
import io.github.leadrules.LeadQualifier;
import io.github.leadrules.ReloadableLeadQualifier;
import io.github.leadrules.ReloadableLeadQualifier.ReloadResult;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.PolicyFileException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReloadableLeadQualifierTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    /** Rule set A's policy: the defaults with our own domain. */
    private static final String POLICY_A = """
            ownDomains: [example-saas.co.jp]
            minimumEmployees: 10
            """;
    /** Rule set B's policy: a competitor and a higher size floor. */
    private static final String POLICY_B = """
            ownDomains: [example-saas.co.jp]
            competitorDomains: [rival-saas.example]
            minimumEmployees: 100
            """;
    private static final String BLOCKED_REGION_RULE = """
            package com.example.leads;

            import io.github.leadrules.rules.LeadContext;

            // We do not sell in Korea yet.
            rule "Exclude leads from a blocked region"
                @id("EXC-BLOCKED-REGION")
                ruleflow-group "exclusion"
            when
                $lead : LeadContext( countryCode == "KR" )
            then
                $lead.exclude("Blocked region");
            end
            """;
    private static final String TRADE_SHOW_RULE = """
            package com.example.leads;

            import io.github.leadrules.rules.LeadContext;

            // A lead scanned at our trade-show booth who asked for a demo is worth a little more.
            rule "Raise urgency for trade-show demo requests"
                @id("URG-TRADE-SHOW-DEMO")
                ruleflow-group "urgency"
            when
                $lead : LeadContext( lead.source == "trade-show", inquiryType == io.github.leadrules.model.InquiryType.DEMO )
            then
                $lead.addUrgency(10, "Demo request at our trade-show booth");
            end
            """;

    @TempDir
    Path dir;
    Path policyFile;
    Path rules;

    @BeforeEach
    void ruleSetA() throws IOException {
        policyFile = dir.resolve("lead-policy.yaml");
        rules = Files.createDirectories(dir.resolve("rules"));
        writeRuleSetA();
    }

    private void writeRuleSetA() throws IOException {
        Files.writeString(policyFile, POLICY_A, StandardCharsets.UTF_8);
        Files.writeString(rules.resolve("trade-show.drl"), TRADE_SHOW_RULE, StandardCharsets.UTF_8);
        Files.deleteIfExists(rules.resolve("blocked-region.drl"));
    }

    private void writeRuleSetB() throws IOException {
        Files.writeString(policyFile, POLICY_B, StandardCharsets.UTF_8);
        Files.writeString(rules.resolve("blocked-region.drl"), BLOCKED_REGION_RULE, StandardCharsets.UTF_8);
    }

    /** What a host writes: read the policy file and the rules folder afresh on every build. */
    private Supplier<LeadQualifier> fromFiles() {
        return () -> LeadQualifier.builder().clock(CLOCK).policy(LeadPolicy.load(policyFile)).addRules(rules).build();
    }

    /** Leads on which rule sets A and B disagree, and some on which they agree. */
    private static List<Lead> leads() {
        List<Lead> leads = new ArrayList<>();
        leads.add(Lead.builder("L-RIVAL").email("analyst@rival-saas.example").inquiryType(InquiryType.DEMO)
                .company(Company.builder().name("Rival SaaS Inc.").employeeCount(400).country("US").build()).build());
        leads.add(Lead.builder("L-KR").email("minsu@hanbit.example.kr").inquiryType(InquiryType.QUOTE)
                .company(Company.builder().name("Hanbit Co., Ltd.").employeeCount(600).country("KR").build()).build());
        leads.add(Lead.builder("L-MIRAI").email("hanako@miraitech.co.jp").jobTitle("情報システム部 部長")
                .inquiryType(InquiryType.DOCUMENT_REQUEST).purchaseTimeframe(PurchaseTimeframe.WITHIN_3_MONTHS)
                .company(Company.builder().name("株式会社ミライテック").employeeCount(60).country("日本").build()).build());
        leads.add(Lead.builder("L-SAMPLE").email("taro@sample-kogyo.co.jp").jobTitle("製造部 部長").source("trade-show")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                .company(Company.builder().name("サンプル工業株式会社").employeeCount(1200).country("日本")
                        .industry("製造業").build()).build());
        leads.add(Lead.builder("L-ACME").email("jane@acme.example").inquiryType(InquiryType.WHITE_PAPER)
                .company(Company.builder().name("Acme Co., Ltd.").employeeCount(250).country("US").build()).build());
        leads.add(Lead.builder("L-GLOBEX").email("hank@globex.example").source("trade-show").inquiryType(InquiryType.DEMO)
                .company(Company.builder().name("Globex Corporation").employeeCount(40).country("US").build()).build());
        leads.add(Lead.builder("L-GMAIL").email("someone@gmail.com").inquiryType(InquiryType.DOCUMENT_REQUEST).build());
        leads.add(Lead.builder("L-INTERNAL").email("qa@example-saas.co.jp").inquiryType(InquiryType.DEMO)
                .company(Company.named("Example SaaS")).build());
        return leads;
    }

    private static Map<String, Qualification> byId(List<Qualification> qs) {
        Map<String, Qualification> out = new HashMap<>();
        qs.forEach(q -> out.put(q.leadId(), q));
        return out;
    }

    @Test
    void underConcurrentLoadEveryQualificationIsDecidedByExactlyOneRuleSet() throws Exception {
        List<Lead> leads = leads();
        // What each rule set decides, built independently from the same files.
        LeadQualifier a = fromFiles().get();
        writeRuleSetB();
        LeadQualifier b = fromFiles().get();
        writeRuleSetA();
        Map<String, Map<String, Qualification>> expected = Map.of(
                a.fingerprint(), byId(a.qualifyAll(leads)), b.fingerprint(), byId(b.qualifyAll(leads)));
        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
        List<String> differing = leads.stream().map(Lead::id)
                .filter(id -> !expected.get(a.fingerprint()).get(id).equals(
                        withFingerprint(expected.get(b.fingerprint()).get(id), a.fingerprint())))
                .toList();
        assertThat(differing).as("the rule sets must disagree on some leads for this test to mean anything")
                .contains("L-RIVAL", "L-KR", "L-MIRAI");

        int workers = 4;
        int swaps = 6;
        ReloadableLeadQualifier reloadable = ReloadableLeadQualifier.create(fromFiles());
        AtomicBoolean stop = new AtomicBoolean();
        List<String> mismatches = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> decidedUnder = new ConcurrentHashMap<>();
        AtomicReferenceArray<String> lastSeen = new AtomicReferenceArray<>(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                running.add(pool.submit(() -> {
                    int i = 0;
                    while (!stop.get()) {
                        List<Qualification> decided;
                        if (i % 3 == 0) {
                            List<Lead> batch = List.of(leads.get(i % leads.size()), leads.get((i + 1) % leads.size()),
                                    leads.get((i + 2) % leads.size()));
                            decided = reloadable.qualifyAll(batch);
                            if (decided.stream().map(Qualification::fingerprint).distinct().count() != 1) {
                                mismatches.add("a batch was decided under several rule sets: " + decided);
                            }
                        } else {
                            decided = List.of(reloadable.qualify(leads.get(i % leads.size())));
                        }
                        for (Qualification q : decided) {
                            Map<String, Qualification> ruleSet = expected.get(q.fingerprint());
                            if (ruleSet == null) {
                                mismatches.add(q.leadId() + " names an unknown fingerprint " + q.fingerprint());
                            } else if (!ruleSet.get(q.leadId()).equals(q)) {
                                mismatches.add(q.leadId() + " under " + q.fingerprint() + " was " + q
                                        + " but that rule set decides " + ruleSet.get(q.leadId()));
                            }
                            decidedUnder.computeIfAbsent(q.fingerprint(), k -> new AtomicInteger()).incrementAndGet();
                            lastSeen.set(worker, q.fingerprint());
                        }
                        i++;
                    }
                    return null;
                }));
            }

            String serving = a.fingerprint();
            for (int swap = 0; swap < swaps; swap++) {
                boolean toB = serving.equals(a.fingerprint());
                if (toB) {
                    writeRuleSetB();
                } else {
                    writeRuleSetA();
                }
                ReloadResult result = reloadable.reload().get(120, TimeUnit.SECONDS);
                String next = toB ? b.fingerprint() : a.fingerprint();
                assertThat(result.succeeded()).as(result.toString()).isTrue();
                assertThat(result.previousFingerprint()).isEqualTo(serving);
                assertThat(result.fingerprint()).isEqualTo(next);
                serving = next;
                // Before the next swap, let every worker decide at least once under the new rules.
                awaitEveryWorkerSees(lastSeen, serving, running);
            }
        } finally {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            reloadable.close();
        }

        assertThat(mismatches).isEmpty();
        assertThat(decidedUnder.keySet()).containsExactlyInAnyOrder(a.fingerprint(), b.fingerprint());
    }

    private static Qualification withFingerprint(Qualification q, String fingerprint) {
        return new Qualification(q.leadId(), q.outcome(), q.exclusions(), q.urgency(), q.route(), q.reasons(),
                q.fieldErrors(), fingerprint);
    }

    private static void awaitEveryWorkerSees(AtomicReferenceArray<String> lastSeen, String fingerprint,
                                             List<Future<?>> running) throws Exception {
        for (int w = 0; w < lastSeen.length(); w++) {
            while (!fingerprint.equals(lastSeen.get(w))) {
                for (Future<?> f : running) {
                    if (f.isDone()) {
                        f.get(); // a worker died: surface its exception
                    }
                }
                Thread.onSpinWait();
                Thread.yield();
            }
        }
    }

    @Test
    void aBrokenRuleFileLeavesTheOldRulesServingAndSaysWhereItIsBroken() throws Exception {
        ReloadableLeadQualifier reloadable = ReloadableLeadQualifier.create(fromFiles());
        String before = reloadable.fingerprint();
        List<ReloadResult> heard = new CopyOnWriteArrayList<>();
        reloadable.onReload(heard::add);
        Path broken = rules.resolve("broken.drl");
        Files.writeString(broken, BLOCKED_REGION_RULE.replace("countryCode == \"KR\" )", "countryCode == \"KR\" "));

        ReloadResult result = reloadable.reload().get(120, TimeUnit.SECONDS);
        Qualification stillServed = reloadable.qualify(leads().get(1));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.changed()).isFalse();
        assertThat(result.fingerprint()).isEqualTo(before).isEqualTo(result.previousFingerprint());
        assertThat(result.failure()).isInstanceOf(InvalidRulesException.class);
        assertThat(result.problems()).singleElement().asString()
                .startsWith(broken + ":11:1 [rule \"Exclude leads from a blocked region\"] mismatched input 'then'");
        assertThat(heard).containsExactly(result);
        assertThat(reloadable.fingerprint()).isEqualTo(before);
        assertThat(stillServed.fingerprint()).isEqualTo(before);
        assertThat(stillServed.outcome()).as("the blocked-region rule never took effect").isEqualTo(Outcome.QUALIFIED);
        reloadable.close();
    }

    @Test
    void aBrokenPolicyFileLeavesTheOldRulesServingAndNamesTheKey() throws Exception {
        ReloadableLeadQualifier reloadable = ReloadableLeadQualifier.create(fromFiles());
        String before = reloadable.fingerprint();
        Files.writeString(policyFile, POLICY_A + "minimumEmployees: 20\n");

        ReloadResult result = reloadable.reload().get(120, TimeUnit.SECONDS);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure()).isInstanceOf(PolicyFileException.class);
        assertThat(result.problems()).containsExactly(policyFile + ":3:1 minimumEmployees: duplicate key (also on line 2)");
        assertThat(result).hasToString("reload failed, " + before + " keeps serving: " + result.problems().get(0));
        assertThat(reloadable.fingerprint()).isEqualTo(before);
        reloadable.close();
    }

    @Test
    void reloadsRunOneAtATimeInTheOrderAsked() throws Exception {
        ReloadableLeadQualifier reloadable = ReloadableLeadQualifier.create(fromFiles());
        LeadQualifier a = reloadable.current();
        Supplier<LeadQualifier> withCompetitor = () -> LeadQualifier.builder().clock(CLOCK)
                .policy(LeadPolicy.defaults().toBuilder().competitorDomains("rival-saas.example").build()).build();

        var first = reloadable.reload(withCompetitor);
        var second = reloadable.reload();   // back to the files, which did not change
        ReloadResult one = first.get(120, TimeUnit.SECONDS);
        ReloadResult two = second.get(120, TimeUnit.SECONDS);

        assertThat(one.previousFingerprint()).isEqualTo(a.fingerprint());
        assertThat(two.previousFingerprint()).isEqualTo(one.fingerprint());
        assertThat(two.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(one.changed()).isTrue();
        assertThat(reloadable.qualify(leads().get(0)).outcome()).isEqualTo(Outcome.QUALIFIED);
        reloadable.close();
    }

    @Test
    void reloadingUnchangedFilesSucceedsWithoutChangingTheFingerprint() throws Exception {
        ReloadableLeadQualifier reloadable = ReloadableLeadQualifier.create(fromFiles());

        ReloadResult result = reloadable.reload().get(120, TimeUnit.SECONDS);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.changed()).isFalse();
        assertThat(result.problems()).isEmpty();
        reloadable.close();
    }

    @Test
    void theFirstBuildFailsFastBecauseNothingCouldServeInstead() throws IOException {
        Files.writeString(policyFile, "minimumEmployees: many\n");

        assertThatThrownBy(() -> ReloadableLeadQualifier.create(fromFiles()))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("minimumEmployees: expected a whole number");
    }

    @Test
    void afterCloseQualifyingGoesOnButReloadingStops() throws Exception {
        ReloadableLeadQualifier reloadable = ReloadableLeadQualifier.create(fromFiles());
        reloadable.close();

        assertThat(reloadable.qualify(leads().get(3)).outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThatThrownBy(reloadable::reload).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHostExecutorRunsTheReloads() throws Exception {
        ExecutorService hostPool = Executors.newSingleThreadExecutor();
        try {
            ReloadableLeadQualifier reloadable = ReloadableLeadQualifier.create(fromFiles(), hostPool);
            writeRuleSetB();
            CountDownLatch heard = new CountDownLatch(1);
            reloadable.onReload(r -> heard.countDown());

            ReloadResult result = reloadable.reload().get(120, TimeUnit.SECONDS);

            assertThat(result.succeeded()).isTrue();
            assertThat(heard.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(reloadable.qualify(leads().get(1)).exclusionIds()).containsExactly("EXC-BLOCKED-REGION");
            reloadable.close();
            assertThat(hostPool.isShutdown()).as("the host's executor is the host's to stop").isFalse();
        } finally {
            hostPool.shutdown();
        }
    }
}

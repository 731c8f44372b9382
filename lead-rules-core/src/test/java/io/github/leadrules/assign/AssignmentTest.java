package io.github.leadrules.assign;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.model.Route;
import io.github.leadrules.model.SalesStatus;
import io.github.leadrules.model.Urgency;
import io.github.leadrules.model.UrgencyLevel;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Rotation;
import io.github.leadrules.policy.Segment;
import io.github.leadrules.policy.Team;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AssignmentTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    private static final Team FIELD_SALES_JP = new Team("field-sales-jp", Destination.FIELD_SALES, Set.of("JP"),
            Segment.ANY, List.of(Rep.of("fs-a").withWeight(2), Rep.of("fs-b")));
    private static final Team INSIDE_SALES_JP = new Team("inside-sales-jp", Destination.INSIDE_SALES, Set.of("JP"),
            Segment.ANY, List.of(Rep.of("is-1"), Rep.of("is-2"), Rep.of("is-3").unavailable()));
    private static final Team RECYCLE = new Team("inside-sales-recycle", Destination.INSIDE_SALES, Set.of(),
            Segment.ANY, List.of(Rep.of("is-9")));
    private static final Team ACCOUNT_MANAGEMENT = new Team("account-management", Destination.ACCOUNT_OWNER, Set.of(),
            Segment.ANY, List.of(Rep.of("am-1"), Rep.of("am-owner-on-leave").unavailable()));
    private static final Team NURTURE = new Team("marketing-nurture", Destination.NURTURE, Set.of(), Segment.ANY);

    private static final LeadPolicy POLICY = LeadPolicy.defaults().toBuilder()
            .teams(List.of(FIELD_SALES_JP, INSIDE_SALES_JP, RECYCLE, ACCOUNT_MANAGEMENT, NURTURE))
            .recycleTeam("inside-sales-recycle").build();

    private static final AccountDirectory ACCOUNTS = InMemoryAccountDirectory.builder()
            .add(new Account("A-1", "株式会社ミライテック", Set.of("miraitech.co.jp"), Relationship.CUSTOMER, "am-yamada"))
            .add(new Account("A-2", "サンプル工業株式会社", Set.of("sample-kogyo.co.jp"), Relationship.PROSPECT, "fs-b"))
            .add(new Account("A-3", "Globex Corporation", Set.of("globex.example"), Relationship.CUSTOMER, "am-owner-on-leave"))
            .build();

    /** A document request at a mid-size Japanese company: MEDIUM urgency, inside sales. */
    private static Lead documentRequest(String id) {
        return Lead.builder(id).email("staff" + id.toLowerCase() + "@kansai-buhin.co.jp")
                .inquiryType(InquiryType.DOCUMENT_REQUEST)
                .company(Company.builder().name("関西部品株式会社").employeeCount(300).country("JP").build()).build();
    }

    /** A demo request within a month from a manager at a large Japanese maker: field sales. */
    private static Lead hotLead(String id) {
        return Lead.builder(id).email("buyer" + id.toLowerCase() + "@tokai-seiki.co.jp").jobTitle("購買部 部長")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                .company(Company.builder().name("東海精機株式会社").employeeCount(800).country("JP").build()).build();
    }

    /** A contact-sales request from an existing customer: excluded from the count, routed to its owner. */
    private static Lead existingCustomer(String id) {
        return Lead.builder(id).email("hanako@miraitech.co.jp").inquiryType(InquiryType.CONTACT_SALES)
                .company(Company.builder().name("株式会社ミライテック").employeeCount(300).country("JP").build()).build();
    }

    private static final Lead EXISTING_CUSTOMER = existingCustomer("L-CUST");

    private static LeadQualifier qualifier(AssignmentStrategy strategy) {
        LeadQualifier.Builder b = LeadQualifier.builder().policy(POLICY).accounts(ACCOUNTS).clock(CLOCK);
        return (strategy == null ? b : b.assignment(strategy)).build();
    }

    private static List<String> owners(List<Qualification> qs) {
        return qs.stream().map(q -> q.route().owner()).toList();
    }

    @Nested
    class OwnerFirst {

        @Test
        void isTheDefaultAndGivesAnExistingCustomerToItsAccountOwner() {
            LeadQualifier qualifier = LeadQualifier.builder().accounts(ACCOUNTS).clock(CLOCK).build();

            Qualification q = qualifier.qualify(EXISTING_CUSTOMER);

            assertThat(q.outcome()).isEqualTo(Outcome.EXCLUDED);
            assertThat(q.exclusionIds()).containsExactly("EXC-EXISTING-CUSTOMER");
            assertThat(q.urgency().level()).isEqualTo(UrgencyLevel.HIGH);
            assertThat(q.route().destination()).isEqualTo(Destination.ACCOUNT_OWNER);
            assertThat(q.route().owner()).isEqualTo("am-yamada");
            assertThat(q.route().ownerReason()).as("the routing rule named the owner; its reason says why").isNull();
            assertThat(q.reasonIds()).endsWith("RTE-EXISTING-CUSTOMER-TO-OWNER");
        }

        @Test
        void keepsTheAccountOwnerAheadOfARotation() {
            Qualification q = qualifier(AssignmentStrategy.ownerFirst().orElse(AssignmentStrategy.roundRobin()))
                    .qualify(EXISTING_CUSTOMER);

            assertThat(q.route().owner()).isEqualTo("am-yamada");
            assertThat(q.route().ownerReason()).isNull();
        }

        @Test
        void leavesLeadsWithoutAnAccountOwnerToTheTeamQueue() {
            Qualification q = qualifier(null).qualify(documentRequest("L-1"));

            assertThat(q.outcome()).isEqualTo(Outcome.QUALIFIED);
            assertThat(q.urgency().level()).isEqualTo(UrgencyLevel.MEDIUM);
            assertThat(q.route().team()).isEqualTo("inside-sales-jp");
            assertThat(q.route().owner()).isNull();
            assertThat(q.route().ownerReason()).as("nothing was decided, so nothing is explained").isNull();
        }

        @Test
        void skipsAnAccountOwnerMarkedUnavailable() {
            Lead globex = Lead.builder("L-GLOBEX").email("ken@globex.example").inquiryType(InquiryType.CONTACT_SALES)
                    .company(Company.builder().name("Globex Corporation").employeeCount(5000).country("US").build()).build();

            Qualification alone = qualifier(AssignmentStrategy.ownerFirst()).qualify(globex);
            Qualification withRotation = qualifier(AssignmentStrategy.ownerFirst().orElse(AssignmentStrategy.roundRobin()))
                    .qualify(globex);

            assertThat(alone.route().destination()).isEqualTo(Destination.ACCOUNT_OWNER);
            assertThat(alone.route().owner()).isNull();
            assertThat(alone.route().ownerReason()).hasToString("ASSIGN-OWNER-UNAVAILABLE: The owner of account A-3 is unavailable");
            assertThat(withRotation.route().owner()).isEqualTo("am-1");
            assertThat(withRotation.route().ownerReason().ruleId()).isEqualTo("ASSIGN-ROUND-ROBIN");
            assertThat(withRotation.route().ownerReason().message())
                    .isEqualTo("The owner of account A-3 is unavailable; Round robin in team account-management");
        }

        @Test
        void givesATeamRouteToTheAccountOwnerOnlyWhenTheOwnerIsARepOfThatTeam() {
            // サンプル工業 is a prospect owned by fs-b, a field-sales rep. A host rule that sends urgent
            // leads of known accounts to field sales should land with fs-b, not with whoever is next.
            String fieldFirst = """
                    package com.example.leads;
                    import io.github.leadrules.rules.Assessment;
                    import io.github.leadrules.model.Destination;

                    rule "Send urgent known accounts to field sales"
                        @id("RTE-KNOWN-ACCOUNT-FIELD")
                        ruleflow-group "routing"
                        salience 85
                    when
                        $a : Assessment( !excluded, context.knownAccount )
                    then
                        $a.routeTo(Destination.FIELD_SALES, "Known account, urgent");
                    end
                    """;
            LeadQualifier qualifier = LeadQualifier.builder().policy(POLICY.toBuilder().assignment(true, Rotation.ROUND_ROBIN).build())
                    .accounts(ACCOUNTS).clock(CLOCK).addRulesText("rules/field-first.drl", fieldFirst).build();
            Lead sample = hotLead("L-SAMPLE").toBuilder().email("jiro@sample-kogyo.co.jp")
                    .company(Company.builder().name("サンプル工業株式会社").employeeCount(1200).country("JP").build()).build();

            Qualification q = qualifier.qualify(sample);

            assertThat(q.route().destination()).isEqualTo(Destination.FIELD_SALES);
            assertThat(q.route().owner()).isEqualTo("fs-b");
            assertThat(q.route().ownerReason()).hasToString(
                    "ASSIGN-ACCOUNT-OWNER: Owner of account A-2, a rep of team field-sales-jp");
        }

        @Test
        void doesNotSendARecycledStalledDealBackToTheRepWhoLetItStall() {
            Lead stalled = Lead.builder("L-STALLED").email("jiro@sample-kogyo.co.jp").inquiryType(InquiryType.WHITE_PAPER)
                    .salesStatus(SalesStatus.HANDED_TO_SALES).lastSalesActivity(Instant.parse("2026-09-01T00:00:00Z"))
                    .company(Company.builder().name("サンプル工業株式会社").employeeCount(1200).country("JP").build()).build();

            Qualification q = qualifier(AssignmentStrategy.fromPolicy()).qualify(stalled);
            Qualification rotated = LeadQualifier.builder().policy(POLICY.toBuilder().assignment(true, Rotation.ROUND_ROBIN).build())
                    .accounts(ACCOUNTS).clock(CLOCK).build().qualify(stalled);

            assertThat(q.reasonIds()).contains("RTE-STALLED-DEAL-RECYCLE");
            assertThat(q.route().team()).isEqualTo("inside-sales-recycle");
            assertThat(q.route().owner()).isNull();
            assertThat(rotated.route().owner()).isEqualTo("is-9");
            assertThat(rotated.route().ownerReason().ruleId()).isEqualTo("ASSIGN-ROUND-ROBIN");
        }

        @Test
        void decidesTheSameInAnyOrderAndAnyBatchSize() {
            List<Lead> leads = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                leads.add(i % 3 == 0 ? existingCustomer("L-C" + i)
                        : i % 3 == 1 ? documentRequest("L-D" + i) : hotLead("L-H" + i));
            }
            List<Lead> reversed = new ArrayList<>(leads);
            Collections.reverse(reversed);
            Function<List<Qualification>, Map<String, Route>> byId = qs -> qs.stream()
                    .collect(Collectors.toMap(Qualification::leadId, Qualification::route, (a, b) -> a, TreeMap::new));

            Map<String, Route> inOrder = byId.apply(qualifier(null).qualifyAll(leads));
            Map<String, Route> backwards = byId.apply(LeadQualifier.builder().policy(POLICY).accounts(ACCOUNTS)
                    .clock(CLOCK).batchSize(7).build().qualifyAll(reversed));
            Map<String, Route> oneByOne = new TreeMap<>();
            LeadQualifier single = qualifier(null);
            leads.forEach(l -> oneByOne.put(l.id(), single.qualify(l).route()));

            assertThat(backwards).isEqualTo(inOrder);
            assertThat(oneByOne).isEqualTo(inOrder);
            assertThat(inOrder.values()).filteredOn(r -> r.owner() != null).hasSize(10);
        }
    }

    @Nested
    class RoundRobins {

        @Test
        void roundRobinTakesTheAvailableRepsInTurn() {
            List<Lead> leads = List.of(documentRequest("L-1"), documentRequest("L-2"), documentRequest("L-3"),
                    documentRequest("L-4"), documentRequest("L-5"));

            List<Qualification> qs = qualifier(AssignmentStrategy.roundRobin()).qualifyAll(leads);

            assertThat(qs).allSatisfy(q -> assertThat(q.route().team()).isEqualTo("inside-sales-jp"));
            assertThat(owners(qs)).as("is-3 is unavailable").containsExactly("is-1", "is-2", "is-1", "is-2", "is-1");
            assertThat(qs.get(0).route().ownerReason()).hasToString("ASSIGN-ROUND-ROBIN: Round robin in team inside-sales-jp");
        }

        @Test
        void weightedRoundRobinSpreadsByWeightWithoutRuns() {
            List<Lead> leads = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                leads.add(hotLead("L-H" + i));
            }

            List<Qualification> qs = qualifier(AssignmentStrategy.weightedRoundRobin()).qualifyAll(leads);

            assertThat(qs).allSatisfy(q -> {
                assertThat(q.urgency().level()).isEqualTo(UrgencyLevel.IMMEDIATE);
                assertThat(q.route().team()).isEqualTo("field-sales-jp");
            });
            assertThat(owners(qs)).containsExactly("fs-a", "fs-b", "fs-a", "fs-a", "fs-b", "fs-a");
            assertThat(qs.get(1).route().ownerReason())
                    .hasToString("ASSIGN-WEIGHTED-ROUND-ROBIN: Weighted round robin in team field-sales-jp (weight 1)");
        }

        @Test
        void aRepAtCapacityIsSkippedUntilReleased() {
            Team small = new Team("inside-sales-jp", Destination.INSIDE_SALES, Set.of("JP"), Segment.ANY,
                    List.of(Rep.of("is-1").withCapacity(1), Rep.of("is-2").withCapacity(2)));
            RoundRobin rotation = AssignmentStrategy.weightedRoundRobin();
            LeadQualifier qualifier = LeadQualifier.builder().policy(POLICY.toBuilder().teams(List.of(small)).build())
                    .clock(CLOCK).assignment(rotation).build();

            List<Qualification> first = qualifier.qualifyAll(List.of(documentRequest("L-1"), documentRequest("L-2"),
                    documentRequest("L-3"), documentRequest("L-4")));
            rotation.release("is-1");
            Qualification afterRelease = qualifier.qualify(documentRequest("L-5"));

            assertThat(owners(first)).containsExactly("is-1", "is-2", "is-2", null);
            assertThat(first.get(2).route().ownerReason().message()).endsWith("(weight 1, 2 of 2 capacity)");
            assertThat(first.get(3).route().ownerReason()).hasToString("ASSIGN-NO-REP-AVAILABLE: No rep of team"
                    + " inside-sales-jp is available with spare capacity; the team queue takes the lead");
            assertThat(first.get(3).outcome()).isEqualTo(Outcome.QUALIFIED);
            assertThat(afterRelease.route().owner()).isEqualTo("is-1");
            assertThat(rotation.load("is-1")).isEqualTo(1);
            assertThat(rotation.load("is-2")).isEqualTo(2);
        }

        @Test
        void aFreshRotationRepeatsASingleThreadedBatchExactly() {
            List<Lead> leads = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                leads.add(i % 2 == 0 ? documentRequest("L-D" + i) : hotLead("L-H" + i));
            }

            List<String> first = owners(qualifier(AssignmentStrategy.weightedRoundRobin()).qualifyAll(leads));
            List<String> second = owners(qualifier(AssignmentStrategy.weightedRoundRobin()).qualifyAll(leads));

            assertThat(second).isEqualTo(first);
            assertThat(first).doesNotContainNull();
        }

        @Test
        void thePolicyFileChoosesTheRotation() {
            LeadQualifier qualifier = LeadQualifier.builder()
                    .policy(POLICY.toBuilder().assignment(true, Rotation.ROUND_ROBIN).build()).clock(CLOCK).build();

            List<Qualification> qs = qualifier.qualifyAll(List.of(documentRequest("L-1"), documentRequest("L-2")));

            assertThat(owners(qs)).containsExactly("is-1", "is-2");
        }

        @Test
        void leadsThatNoPersonWorksAreNeverAssigned() {
            Lead whitePaper = Lead.builder("L-WP").email("aki@naniwa-shoji.co.jp").inquiryType(InquiryType.WHITE_PAPER)
                    .company(Company.builder().name("浪速商事株式会社").employeeCount(300).country("JP").build()).build();
            Lead competitor = documentRequest("L-COMP").toBuilder().email("spy@kansai-buhin.co.jp").build();
            LeadQualifier qualifier = LeadQualifier.builder()
                    .policy(POLICY.toBuilder().competitorDomains("kansai-buhin.co.jp").assignment(true, Rotation.ROUND_ROBIN).build())
                    .clock(CLOCK).build();

            List<Qualification> qs = qualifier.qualifyAll(List.of(whitePaper, competitor));

            assertThat(qs.get(0).route().destination()).isEqualTo(Destination.NURTURE);
            assertThat(qs.get(0).route().owner()).isNull();
            assertThat(qs.get(0).route().ownerReason()).isNull();
            assertThat(qs.get(1).outcome()).isEqualTo(Outcome.EXCLUDED);
            assertThat(qs.get(1).route()).isEqualTo(Route.NONE);
        }

        @Test
        void concurrentCallsNeverExceedACapacityAndShareTurnsExactly() throws Exception {
            Team team = new Team("inside-sales-jp", Destination.INSIDE_SALES, Set.of("JP"), Segment.ANY,
                    List.of(Rep.of("is-1").withCapacity(500), Rep.of("is-2").withCapacity(300).withWeight(3),
                            Rep.of("is-3").withCapacity(200), Rep.of("is-4").unavailable()));
            Team unlimited = new Team("field-sales-jp", Destination.FIELD_SALES, Set.of("JP"), Segment.ANY,
                    List.of(Rep.of("fs-1"), Rep.of("fs-2"), Rep.of("fs-3"), Rep.of("fs-4")));
            LeadPolicy policy = POLICY.toBuilder().teams(List.of(team, unlimited)).build();
            RoundRobin weighted = AssignmentStrategy.weightedRoundRobin();
            RoundRobin plain = AssignmentStrategy.roundRobin();
            int threads = 8;
            int callsPerThread = 250;
            Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < callsPerThread; i++) {
                            String leadId = "L-" + thread + "-" + i;
                            Assignment a = weighted.assign(request(leadId, "inside-sales-jp", policy));
                            counts.computeIfAbsent(String.valueOf(a.owner()), k -> new AtomicInteger()).incrementAndGet();
                            Assignment b = plain.assign(request(leadId, "field-sales-jp", policy));
                            counts.computeIfAbsent(String.valueOf(b.owner()), k -> new AtomicInteger()).incrementAndGet();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            // 2 000 inside-sales requests against a total capacity of 1 000; 2 000 field-sales requests over 4 reps.
            assertThat(weighted.load("is-1")).isEqualTo(500);
            assertThat(weighted.load("is-2")).isEqualTo(300);
            assertThat(weighted.load("is-3")).isEqualTo(200);
            assertThat(counts.get("null").get()).isEqualTo(1000);
            assertThat(counts).doesNotContainKey("is-4");
            for (String rep : List.of("fs-1", "fs-2", "fs-3", "fs-4")) {
                assertThat(counts.get(rep).get()).as(rep).isEqualTo(500);
            }
        }

        private AssignmentRequest request(String leadId, String team, LeadPolicy policy) {
            Destination destination = policy.routing().team(team).orElseThrow().destination();
            return new AssignmentRequest(leadId, Outcome.QUALIFIED, new Route(destination, team, null, null, null),
                    null, Urgency.UNKNOWN, "JP", Segment.SMB, policy);
        }
    }

    @Nested
    class CustomStrategies {

        @Test
        void aHostStrategyDecidesAndExplains() {
            AssignmentStrategy enterpriseDesk = request -> request.segment() == Segment.ENTERPRISE
                    ? Assignment.to("ent-desk-01", "ASSIGN-ENTERPRISE-DESK", "Enterprise accounts go to the enterprise desk")
                    : Assignment.undecided();
            LeadQualifier qualifier = qualifier(enterpriseDesk.orElse(AssignmentStrategy.roundRobin()));
            Lead enterprise = hotLead("L-ENT").toBuilder()
                    .company(Company.builder().name("東海精機株式会社").employeeCount(5000).country("JP").build()).build();

            List<Qualification> qs = qualifier.qualifyAll(List.of(enterprise, hotLead("L-SMB")));

            assertThat(qs.get(0).route().owner()).isEqualTo("ent-desk-01");
            assertThat(qs.get(0).route().ownerReason().ruleId()).isEqualTo("ASSIGN-ENTERPRISE-DESK");
            assertThat(qs.get(1).route().owner()).isEqualTo("fs-a");
        }

        @Test
        void aStrategyThatThrowsLeavesTheDecisionStandingAndTheLeadInTheQueue() {
            AssignmentStrategy broken = request -> {
                throw new IllegalStateException("CRM is down");
            };

            Qualification q = qualifier(broken).qualify(documentRequest("L-1"));

            assertThat(q.outcome()).isEqualTo(Outcome.QUALIFIED);
            assertThat(q.urgency().level()).isEqualTo(UrgencyLevel.MEDIUM);
            assertThat(q.route().destination()).isEqualTo(Destination.INSIDE_SALES);
            assertThat(q.route().owner()).isNull();
            assertThat(q.route().ownerReason()).hasToString("ASSIGN-FAILED: The assignment strategy failed with"
                    + " IllegalStateException; the team queue takes the lead");
        }

        @Test
        void noneKeepsWhatTheRulesDecided() {
            Qualification q = qualifier(AssignmentStrategy.none()).qualify(EXISTING_CUSTOMER);

            assertThat(q.route().owner()).as("the routing rule named the account owner").isEqualTo("am-yamada");
            assertThat(q.route().ownerReason()).isNull();
        }
    }
}

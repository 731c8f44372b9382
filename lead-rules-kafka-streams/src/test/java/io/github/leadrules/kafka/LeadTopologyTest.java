package io.github.leadrules.kafka;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.account.Account;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Destination;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.Qualification;
import io.github.leadrules.policy.LeadPolicy;
import io.github.leadrules.policy.Rep;
import io.github.leadrules.policy.Rotation;
import io.github.leadrules.policy.Segment;
import io.github.leadrules.policy.Team;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LeadTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    private static final Team FIELD_SALES_JP = new Team("field-sales-jp", Destination.FIELD_SALES, Set.of("JP"),
            Segment.ANY, List.of(Rep.of("fs-a"), Rep.of("fs-b")));
    private static final Team INSIDE_SALES_JP = new Team("inside-sales-jp", Destination.INSIDE_SALES, Set.of("JP"),
            Segment.ANY, List.of(Rep.of("is-1"), Rep.of("is-2"), Rep.of("is-3")));

    private static LeadPolicy roundRobin;

    @BeforeAll
    static void policy() {
        roundRobin = LeadPolicy.defaults().toBuilder().teams(List.of(FIELD_SALES_JP, INSIDE_SALES_JP))
                .rotation(Rotation.ROUND_ROBIN).build();
    }

    private static Harness harness() {
        return new Harness(LeadTopology.builder().policy(roundRobin));
    }

    /** A document request at a mid-size Japanese company: MEDIUM urgency, inside sales. */
    private static Lead documentRequest(String id, String email) {
        return Lead.builder(id).email(email).inquiryType(InquiryType.DOCUMENT_REQUEST)
                .company(Company.builder().name("関西部品株式会社").employeeCount(300).country("JP").build()).build();
    }

    /** A demo request within a month from a manager at a large Japanese maker: field sales. */
    private static Lead hotLead(String id, String email) {
        return Lead.builder(id).email(email).jobTitle("購買部 部長")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                .company(Company.builder().name("東海精機株式会社").employeeCount(800).country("JP").build()).build();
    }

    @Nested
    class Duplicates {

        @Test
        void aSecondLeadFromTheSameAddressInAnotherRecordIsExcludedAsADuplicate() {
            try (Harness h = harness()) {
                h.send(documentRequest("L-1", "tanaka@kansai-buhin.co.jp"), T0);
                h.send(documentRequest("L-2", "yamada@kansai-buhin.co.jp"), T0.plusSeconds(60));
                h.send(documentRequest("L-3", "Tanaka@Kansai-Buhin.co.jp"), T0.plus(Duration.ofDays(3)));

                List<Qualification> qs = h.decisions();

                assertThat(qs).extracting(Qualification::leadId).containsExactly("L-1", "L-2", "L-3");
                assertThat(qs).extracting(Qualification::outcome)
                        .containsExactly(Outcome.QUALIFIED, Outcome.QUALIFIED, Outcome.EXCLUDED);
                assertThat(qs.get(2).exclusionIds()).containsExactly("EXC-DUPLICATE");
            }
        }

        @Test
        void theWindowEndsAtThePolicysDuplicateWindowAndNotOneSecondLater() {
            Duration window = roundRobin.exclusion().duplicateWindow();
            try (Harness h = harness()) {
                h.send(documentRequest("L-1", "sato@kansai-buhin.co.jp"), T0);
                h.send(documentRequest("L-2", "sato@kansai-buhin.co.jp"), T0.plus(window));
                h.send(documentRequest("L-3", "kato@kansai-buhin.co.jp"), T0);
                h.send(documentRequest("L-4", "kato@kansai-buhin.co.jp"), T0.plus(window).plusSeconds(1));

                assertThat(h.decisions()).extracting(Qualification::outcome).containsExactly(
                        Outcome.QUALIFIED, Outcome.EXCLUDED, Outcome.QUALIFIED, Outcome.QUALIFIED);
            }
        }

        @Test
        void thePunctuatorDropsAddressesOlderThanTheWindowAsStreamTimeMovesOn() {
            Duration window = roundRobin.exclusion().duplicateWindow();
            try (Harness h = new Harness(LeadTopology.builder().policy(roundRobin).purgeInterval(Duration.ofHours(1)))) {
                KeyValueStore<String, Long> store = h.driver.getKeyValueStore(LeadTopology.DUPLICATE_STORE);
                h.send(documentRequest("L-1", "old@kansai-buhin.co.jp"), T0);
                h.send(documentRequest("L-2", "recent@kansai-buhin.co.jp"), T0.plus(window));
                assertThat(store.get("old@kansai-buhin.co.jp")).isEqualTo(T0.toEpochMilli());

                h.send(documentRequest("L-3", "later@kansai-buhin.co.jp"), T0.plus(window).plus(Duration.ofHours(2)));

                assertThat(store.get("old@kansai-buhin.co.jp")).isNull();
                assertThat(store.get("recent@kansai-buhin.co.jp")).isEqualTo(T0.plus(window).toEpochMilli());
            }
        }
    }

    @Nested
    class Accounts {

        private final Account mirai = new Account("A-1", "株式会社ミライテック", Set.of("miraitech.co.jp"),
                Relationship.CUSTOMER, "am-yamada");

        @Test
        void aLeadFromAnAccountOnTheAccountsTopicGoesToItsOwner() {
            try (Harness h = harness()) {
                h.account(mirai);
                h.send(hotLead("L-1", "hanako@sales.miraitech.co.jp"), T0);

                Qualification q = h.decision();

                assertThat(q.outcome()).isEqualTo(Outcome.EXCLUDED);
                assertThat(q.exclusionIds()).containsExactly("EXC-EXISTING-CUSTOMER");
                assertThat(q.route().destination()).isEqualTo(Destination.ACCOUNT_OWNER);
                assertThat(q.route().owner()).isEqualTo("am-yamada");
            }
        }

        @Test
        void aTombstoneRemovesTheAccountAndAnUpdateReplacesIt() {
            try (Harness h = harness()) {
                h.account(mirai);
                h.removeAccount("A-1");
                h.send(hotLead("L-1", "hanako@miraitech.co.jp"), T0);
                h.account(new Account("A-1", "株式会社ミライテック", Set.of("miraitech.co.jp"), Relationship.COMPETITOR, null));
                h.send(hotLead("L-2", "jiro@miraitech.co.jp"), T0.plusSeconds(1));

                List<Qualification> qs = h.decisions();

                assertThat(qs.get(0).outcome()).isEqualTo(Outcome.QUALIFIED);
                assertThat(qs.get(1).exclusionIds()).containsExactly("EXC-COMPETITOR");
            }
        }

        @Test
        void anUnreadableAccountIsLeftOutAndTheRestStillMatch() {
            try (Harness h = harness()) {
                h.accounts.pipeInput("A-BAD", "{\"name\":\"no id\"}".getBytes(StandardCharsets.UTF_8));
                h.account(mirai);
                h.send(hotLead("L-1", "hanako@miraitech.co.jp"), T0);

                assertThat(h.decision().route().owner()).isEqualTo("am-yamada");
            }
        }
    }

    @Nested
    class RotationByTeam {

        @Test
        void eachTeamsRotationContinuesOnItsOwnWhileLeadsOfTwoTeamsInterleave() {
            try (Harness h = harness()) {
                for (int i = 0; i < 5; i++) {
                    h.send(hotLead("L-F" + i, "buyer" + i + "@tokai-seiki.co.jp"), T0.plusSeconds(2 * i));
                    h.send(documentRequest("L-I" + i, "staff" + i + "@kansai-buhin.co.jp"), T0.plusSeconds(2 * i + 1));
                }

                List<Qualification> qs = h.decisions();

                assertThat(qs).filteredOn(q -> q.leadId().startsWith("L-F")).extracting(q -> q.route().owner())
                        .containsExactly("fs-a", "fs-b", "fs-a", "fs-b", "fs-a");
                assertThat(qs).filteredOn(q -> q.leadId().startsWith("L-I")).extracting(q -> q.route().owner())
                        .containsExactly("is-1", "is-2", "is-3", "is-1", "is-2");
                assertThat(qs).filteredOn(q -> q.leadId().startsWith("L-I")).extracting(q -> q.route().team())
                        .containsOnly("inside-sales-jp");
                assertThat(qs.get(0).route().ownerReason().ruleId()).isEqualTo("ASSIGN-ROUND-ROBIN");
            }
        }

        @Test
        void theRotationIsKeptInTheStorePerTeam() {
            try (Harness h = harness()) {
                h.send(hotLead("L-F1", "buyer1@tokai-seiki.co.jp"), T0);
                h.send(documentRequest("L-I1", "staff1@kansai-buhin.co.jp"), T0);
                h.send(documentRequest("L-I2", "staff2@kansai-buhin.co.jp"), T0);

                KeyValueStore<String, byte[]> store = h.driver.getKeyValueStore(LeadTopology.ROTATION_STORE);

                assertThat(new String(store.get("field-sales-jp"), StandardCharsets.UTF_8)).contains("\"cursor\":1");
                assertThat(new String(store.get("inside-sales-jp"), StandardCharsets.UTF_8)).contains("\"cursor\":2")
                        .as("reps without a capacity keep no load: nothing reads it").contains("\"loads\":{}")
                        .doesNotContain("L-I1");
            }
        }
    }

    @Nested
    class Reload {

        @Test
        void aRuleSetPublishedMidStreamDecidesTheLeadsAfterItAndSaysSoByFingerprint() {
            try (Harness h = harness()) {
                h.send(hotLead("L-1", "buyer1@tokai-seiki.co.jp"), T0);
                h.ruleSet(RuleSetMessage.of("version: 1\ncompetitorDomains: [tokai-seiki.co.jp]\n"));
                h.send(hotLead("L-2", "buyer2@tokai-seiki.co.jp"), T0.plusSeconds(1));

                List<Qualification> qs = h.decisions();

                assertThat(qs.get(0).outcome()).isEqualTo(Outcome.QUALIFIED);
                assertThat(qs.get(1).exclusionIds()).containsExactly("EXC-COMPETITOR");
                assertThat(qs.get(1).fingerprint()).isNotEqualTo(qs.get(0).fingerprint()).hasSize(16);
            }
        }

        @Test
        void aRuleSetThatDoesNotCompileLeavesTheServingSetInPlace() {
            try (Harness h = harness()) {
                h.send(hotLead("L-1", "buyer1@tokai-seiki.co.jp"), T0);
                h.ruleSet(RuleSetMessage.of(null).withRules("broken.drl", "package x;\nrule \"half\" when then"));
                h.send(hotLead("L-2", "buyer2@tokai-seiki.co.jp"), T0.plusSeconds(1));

                List<Qualification> qs = h.decisions();

                assertThat(qs).extracting(Qualification::fingerprint).containsOnly(qs.get(0).fingerprint());
                assertThat(qs).extracting(Qualification::outcome).containsOnly(Outcome.QUALIFIED);
            }
        }

        @Test
        void disablingARuleAndThenDeletingTheSetGoesBackToTheBaseRules() {
            try (Harness h = harness()) {
                h.ruleSet(RuleSetMessage.of(null).withDisabled("EXC-FREEMAIL-NO-COMPANY"));
                h.send(Lead.builder("L-1").email("taro@gmail.com").inquiryType(InquiryType.DEMO).build(), T0);
                h.ruleSets.pipeInput("default", (byte[]) null);
                h.send(Lead.builder("L-2").email("jiro@gmail.com").inquiryType(InquiryType.DEMO).build(), T0);

                List<Qualification> qs = h.decisions();

                assertThat(qs.get(0).exclusionIds()).doesNotContain("EXC-FREEMAIL-NO-COMPANY");
                assertThat(qs.get(1).exclusionIds()).contains("EXC-FREEMAIL-NO-COMPANY");
            }
        }

        @Test
        void ruleSetsThatAreNotJsonOrDoNotCompileBeforeTheFirstLeadLeaveThePackagedRulesDecidingAndAreNoDeadLetters() {
            String packaged = LeadQualifier.builder().policy(roundRobin).build().fingerprint();
            try (Harness h = harness()) {
                h.ruleSets.pipeInput("default", "{\"policy_yaml\": ".getBytes(StandardCharsets.UTF_8));
                h.ruleSet(RuleSetMessage.of(null).withRules("broken.drl", "package x;\nrule \"half\" when then"));
                h.send(hotLead("L-1", "buyer1@tokai-seiki.co.jp"), T0);

                Qualification q = h.decision();

                assertThat(q.fingerprint()).isEqualTo(packaged);
                assertThat(q.outcome()).isEqualTo(Outcome.QUALIFIED);
                assertThat(h.deadLetters.isEmpty()).isTrue();
            }
        }

        @Test
        void aSetPublishedUnderAnotherKeyIsIgnored() {
            try (Harness h = harness()) {
                h.ruleSets.pipeInput("staging", RuleSetMessage.of("version: 1\ncompetitorDomains: [tokai-seiki.co.jp]\n").toJson());
                h.send(hotLead("L-1", "buyer1@tokai-seiki.co.jp"), T0);

                assertThat(h.decision().outcome()).isEqualTo(Outcome.QUALIFIED);
            }
        }
    }

    @Nested
    class DeadLetters {

        @Test
        void recordsThatAreNoLeadGoToTheDeadLetterTopicWithAReasonAndNoPersonalData() {
            try (Harness h = harness()) {
                h.sendRaw("{\"id\":\"L-1\",\"email\":\"tanaka@kansai-buhin.co.jp\"".getBytes(StandardCharsets.UTF_8), T0);
                h.sendRaw("[\"tanaka@kansai-buhin.co.jp\"]".getBytes(StandardCharsets.UTF_8), T0);
                h.sendRaw("{\"email\":\"tanaka@kansai-buhin.co.jp\"}".getBytes(StandardCharsets.UTF_8), T0);
                h.sendRaw(null, T0);
                h.send(hotLead("L-OK", "buyer@tokai-seiki.co.jp"), T0);

                List<TestRecord<byte[], byte[]>> dead = h.deadLetters.readRecordsToList();

                assertThat(dead).extracting(r -> Harness.header(r, io.github.leadrules.kafka.internal.DeadLetters.CODE))
                        .containsExactly("MALFORMED_JSON", "NOT_AN_OBJECT", "NO_LEAD_ID", "NO_VALUE");
                assertThat(dead).extracting(r -> Harness.header(r, io.github.leadrules.kafka.internal.DeadLetters.REASON))
                        .allSatisfy(reason -> assertThat(reason).isNotBlank().doesNotContain("tanaka").doesNotContain("kansai"));
                assertThat(dead).extracting(r -> Harness.header(r, io.github.leadrules.kafka.internal.DeadLetters.TOPIC))
                        .containsOnly("leads");
                assertThat(dead).extracting(r -> Harness.header(r, io.github.leadrules.kafka.internal.DeadLetters.OFFSET))
                        .containsExactly("0", "1", "2", "3");
                assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).as("the original value, for replay")
                        .startsWith("{\"id\":\"L-1\"");
                assertThat(h.decision().leadId()).as("the stream goes on").isEqualTo("L-OK");
            }
        }

        @Test
        void aLeadWithBadFieldsIsDecidedInvalidNamingTheKeysNotADeadLetter() {
            try (Harness h = harness()) {
                h.sendRaw("{\"id\":\"L-1\",\"email\":\"tanaka@kansai-buhin.co.jp\",\"employee_count\":\"many\"}"
                        .getBytes(StandardCharsets.UTF_8), T0);

                Qualification q = h.decision();

                assertThat(q.outcome()).isEqualTo(Outcome.INVALID);
                assertThat(q.fieldErrors()).extracting(e -> e.field()).containsExactly("employee_count");
                assertThat(h.deadLetters.isEmpty()).isTrue();
            }
        }
    }
}

package io.github.leadrules.account;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.Outcome;
import io.github.leadrules.model.Qualification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RecentLeadsTest {

    private static final Instant DAY_ONE = Instant.parse("2026-11-02T01:00:00Z");
    /** The default policy's duplicate window. */
    private static final Duration WINDOW = Duration.ofDays(30);

    private static LeadQualifier plain;

    @BeforeAll
    static void compileOnce() {
        plain = LeadQualifier.builder().build();
    }

    private static LeadQualifier recording(RecentLeads recent) {
        return LeadQualifier.builder().policy(plain.policy()).recentLeads(recent).build();
    }

    private static Lead documentRequest(String id, String email, Instant submittedAt) {
        return Lead.builder(id).email(email).inquiryType(InquiryType.DOCUMENT_REQUEST).submittedAt(submittedAt)
                .company(Company.builder().name("関西部品株式会社").employeeCount(300).country("JP").build()).build();
    }

    @Test
    void aSecondLeadFromTheSameAddressWithinTheWindowIsADuplicate() {
        LeadQualifier qualifier = recording(RecentLeads.inMemory());

        Qualification first = qualifier.qualify(documentRequest("L-1", "tanaka@kansai-buhin.co.jp", DAY_ONE), DAY_ONE);
        Instant later = DAY_ONE.plus(Duration.ofDays(3));
        Qualification second = qualifier.qualify(documentRequest("L-2", "tanaka@kansai-buhin.co.jp", later), later);

        assertThat(first.outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(second.outcome()).isEqualTo(Outcome.EXCLUDED);
        assertThat(second.exclusionIds()).containsExactly("EXC-DUPLICATE");
    }

    @Test
    void theWindowHoldsUpToItsLengthAndNotOneSecondMore() {
        Instant justInside = DAY_ONE.plus(WINDOW).minusSeconds(1);
        Instant atTheLimit = DAY_ONE.plus(WINDOW);
        Instant justOutside = DAY_ONE.plus(WINDOW).plusSeconds(1);

        assertThat(secondLeadExclusions(justInside)).containsExactly("EXC-DUPLICATE");
        assertThat(secondLeadExclusions(atTheLimit)).containsExactly("EXC-DUPLICATE");
        assertThat(secondLeadExclusions(justOutside)).isEmpty();
    }

    private static Set<String> secondLeadExclusions(Instant second) {
        LeadQualifier qualifier = recording(RecentLeads.inMemory());
        qualifier.qualify(documentRequest("L-1", "sato@kansai-buhin.co.jp", DAY_ONE), DAY_ONE);
        return qualifier.qualify(documentRequest("L-2", "sato@kansai-buhin.co.jp", second), second).exclusionIds();
    }

    @Test
    void addressesThatDifferOnlyInCaseOrWidthAreTheSameAddress() {
        LeadQualifier qualifier = recording(RecentLeads.inMemory());

        qualifier.qualify(documentRequest("L-1", "Suzuki@Kansai-Buhin.co.jp", DAY_ONE), DAY_ONE);
        Qualification fullWidth = qualifier.qualify(
                documentRequest("L-2", "ｓｕｚｕｋｉ@kansai-buhin.co.jp", DAY_ONE.plusSeconds(60)), DAY_ONE.plusSeconds(60));

        assertThat(fullWidth.exclusionIds()).containsExactly("EXC-DUPLICATE");
        assertThat(RecentLeads.key("Suzuki@Kansai-Buhin.co.jp")).contains("suzuki@kansai-buhin.co.jp");
        assertThat(RecentLeads.key("ｓｕｚｕｋｉ@kansai-buhin.co.jp")).contains("suzuki@kansai-buhin.co.jp");
        assertThat(RecentLeads.key("not an address")).isEmpty();
        assertThat(RecentLeads.key(" ")).isEmpty();
    }

    @Test
    void duplicatesWithinOneBatchAreFoundInInputOrder() {
        LeadQualifier qualifier = recording(RecentLeads.inMemory());

        List<Qualification> qs = qualifier.qualifyAll(List.of(
                documentRequest("L-1", "john.smith@globex.example", DAY_ONE),
                documentRequest("L-2", "yamada@kansai-buhin.co.jp", DAY_ONE.plusSeconds(10)),
                documentRequest("L-3", "john.smith@globex.example", DAY_ONE.plusSeconds(20))), DAY_ONE.plusSeconds(30));

        assertThat(qs).extracting(Qualification::exclusionIds)
                .containsExactly(Set.of(), Set.of(), Set.of("EXC-DUPLICATE"));
    }

    @Test
    void withoutRecentLeadsQualifyingTheSameLeadTwiceDecidesTheSameWay() {
        Lead lead = documentRequest("L-1", "tanaka@kansai-buhin.co.jp", DAY_ONE);

        Qualification first = plain.qualify(lead, DAY_ONE);
        Qualification again = plain.qualify(lead, DAY_ONE);

        assertThat(again).isEqualTo(first);
        assertThat(again.outcome()).isEqualTo(Outcome.QUALIFIED);
    }

    @Test
    void anInvalidLeadIsNotRecorded() {
        InMemoryRecentLeads recent = RecentLeads.inMemory();
        LeadQualifier qualifier = recording(recent);

        Qualification invalid = qualifier.qualify(Lead.builder("L-BAD").email("tanaka@kansai-buhin.co.jp")
                .company(Company.builder().employeeCount(-1).build()).build(), DAY_ONE);

        assertThat(invalid.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(recent.size()).isZero();
    }

    @Test
    void theRecordNeverMovesBackAndSaysWhatCameBefore() {
        InMemoryRecentLeads recent = RecentLeads.inMemory();

        assertThat(recent.record("a@globex.example", DAY_ONE)).isEmpty();
        assertThat(recent.record("a@globex.example", DAY_ONE.minusSeconds(60))).contains(DAY_ONE);
        assertThat(recent.record("a@globex.example", DAY_ONE.plusSeconds(60))).contains(DAY_ONE);
        assertThat(recent.record("a@globex.example", DAY_ONE)).isEqualTo(Optional.of(DAY_ONE.plusSeconds(60)));
    }

    @Test
    void forgettingDropsOnlyAddressesOlderThanTheCutoff() {
        InMemoryRecentLeads recent = RecentLeads.inMemory();
        recent.record("old@globex.example", DAY_ONE.minus(WINDOW).minusSeconds(1));
        recent.record("edge@globex.example", DAY_ONE.minus(WINDOW));
        recent.record("new@globex.example", DAY_ONE);

        assertThat(recent.forgetBefore(DAY_ONE.minus(WINDOW))).isEqualTo(1);
        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.record("old@globex.example", DAY_ONE)).isEmpty();
    }

    @Test
    void recentLeadsWinOverTheDirectoryWhenBothKnowTheAddress() {
        AccountDirectory directory = InMemoryAccountDirectory.builder()
                .recentLead("kato@kansai-buhin.co.jp", DAY_ONE.minus(WINDOW).minus(Duration.ofDays(5))).build();
        InMemoryRecentLeads recent = RecentLeads.inMemory();
        recent.record("kato@kansai-buhin.co.jp", DAY_ONE.minus(Duration.ofDays(1)));
        LeadQualifier qualifier = LeadQualifier.builder().policy(plain.policy()).accounts(directory)
                .recentLeads(recent).build();

        Qualification q = qualifier.qualify(documentRequest("L-1", "kato@kansai-buhin.co.jp", DAY_ONE), DAY_ONE);

        assertThat(q.exclusionIds()).containsExactly("EXC-DUPLICATE");
    }
}

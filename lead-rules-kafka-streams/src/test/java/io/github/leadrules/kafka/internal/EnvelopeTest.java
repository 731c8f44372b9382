package io.github.leadrules.kafka.internal;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.Relationship;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeTest {

    private static final byte[] LEAD = """
            {"id":"L-1001","email":"tanaka@sample-kogyo.co.jp","company_name":"サンプル工業株式会社","employee_count":1200}"""
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] DECISION = """
            {"lead_id":"L-1001","outcome":"QUALIFIED","reasons":["改行\\nと \\"引用符\\""]}"""
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aLeadCrossesTheRepartitionAsTheBytesItArrivedWith() {
        byte[] written = Envelope.write(Envelope.lead(LEAD));

        Envelope read = Envelope.read(written);
        assertThat(read.kind()).isEqualTo(Envelope.Kind.LEAD);
        assertThat(read.lead()).isEqualTo(LEAD);
        assertThat(written.length).as("no escaping: the lead plus a few bytes of framing").isEqualTo(LEAD.length + 6);
    }

    @Test
    void aDecisionToAssignKeepsItsAccountCountryAndSegment() {
        Account account = new Account("A-7", "株式会社サンプル", Set.of("sample.co.jp", "sample.jp"), Relationship.CUSTOMER, "suzuki");

        Envelope read = Envelope.read(Envelope.write(Envelope.assign("L-1001", DECISION, account, "JP", "ENTERPRISE")));

        assertThat(read.kind()).isEqualTo(Envelope.Kind.ASSIGN);
        assertThat(read.leadId()).isEqualTo("L-1001");
        assertThat(read.decision()).isEqualTo(DECISION);
        assertThat(read.account()).isEqualTo(account);
        assertThat(read.countryCode()).isEqualTo("JP");
        assertThat(read.segment()).isEqualTo("ENTERPRISE");
    }

    @Test
    void absentValuesStayAbsent() {
        Account noNameNoOwner = new Account("A-8", null, Set.of(), Relationship.PROSPECT, null);

        Envelope read = Envelope.read(Envelope.write(Envelope.assign("L-1002", DECISION, noNameNoOwner, null, "SMB")));
        assertThat(read.account()).isEqualTo(noNameNoOwner);
        assertThat(read.countryCode()).isNull();

        assertThat(Envelope.read(Envelope.write(Envelope.assign("L-1003", DECISION, null, "US", "SMB"))).account()).isNull();
    }

    @Test
    void aDeadLetterKeepsTheOriginalValueAndTheReason() {
        byte[] raw = {(byte) 0xff, '{', 0};

        Envelope read = Envelope.read(Envelope.write(Envelope.dead(raw, "MALFORMED_JSON: the value is not a lead object")));

        assertThat(read.raw()).isEqualTo(raw);
        assertThat(read.reason()).isEqualTo("MALFORMED_JSON: the value is not a lead object");
    }

    @Test
    void aReleaseKeepsItsLeadTeamAndOwner() {
        byte[] written = Envelope.write(Envelope.release("L-1001", "inside-sales-jp", "is-tanaka"));

        Envelope read = Envelope.read(written);

        assertThat(read.kind()).isEqualTo(Envelope.Kind.RELEASE);
        assertThat(read.leadId()).isEqualTo("L-1001");
        assertThat(read.team()).isEqualTo("inside-sales-jp");
        assertThat(read.owner()).isEqualTo("is-tanaka");
        assertThat(written[1]).as("a kind added at the end: the earlier kinds keep their bytes").isEqualTo((byte) 4);
    }

    @Test
    void theEarlierKindsAreWrittenAsBeforeTheReleaseKindWasAdded() {
        byte[] dead = Envelope.write(Envelope.dead(new byte[] {'x'}, "NO_VALUE: r"));
        byte[] decided = Envelope.write(Envelope.decided("L-1", new byte[] {'{', '}'}));

        assertThat(dead).containsExactly(1, 3, 0, 0, 0, 1, 'x', 0, 0, 0, 11, 'N', 'O', '_', 'V', 'A', 'L', 'U', 'E', ':', ' ', 'r');
        assertThat(decided).containsExactly(1, 1, 0, 0, 0, 3, 'L', '-', '1', 0, 0, 0, 2, '{', '}');
    }

    @Test
    void anUnknownKindIsASerializationErrorNotACrash() {
        assertThatThrownBy(() -> Envelope.read(new byte[] {1, 5, 0, 0, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("kind 5");
    }

    @Test
    void envelopesWrittenAsJsonByEarlierVersionsAreStillRead() {
        String earlier = "{\"kind\":\"ASSIGN\",\"decision\":\"{\\\"lead_id\\\":\\\"L-1001\\\"}\",\"leadId\":\"L-1001\","
                + "\"account\":{\"id\":\"A-7\",\"name\":\"株式会社サンプル\",\"domains\":[\"sample.co.jp\"],"
                + "\"relationship\":\"CUSTOMER\",\"owner\":\"suzuki\"},\"countryCode\":\"JP\",\"segment\":\"ENTERPRISE\"}";

        Envelope read = Envelope.read(earlier.getBytes(StandardCharsets.UTF_8));

        assertThat(read.kind()).isEqualTo(Envelope.Kind.ASSIGN);
        assertThat(new String(read.decision(), StandardCharsets.UTF_8)).isEqualTo("{\"lead_id\":\"L-1001\"}");
        assertThat(read.account().owner()).isEqualTo("suzuki");
        assertThat(read.segment()).isEqualTo("ENTERPRISE");
    }

    @Test
    void anUnknownVersionOrATruncatedRecordIsASerializationErrorWithoutItsContent() {
        assertThatThrownBy(() -> Envelope.read(new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("version 9");
        byte[] written = Envelope.write(Envelope.lead(LEAD));
        byte[] truncated = java.util.Arrays.copyOf(written, written.length - 10);
        assertThatThrownBy(() -> Envelope.read(truncated))
                .isInstanceOf(SerializationException.class).hasMessageNotContaining("tanaka");
    }
}

package io.github.leadrules.kafka;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON on the accounts and rule-sets topics, and the serdes hosts use for leads and decisions. */
class MessagesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAccountReadsBackAsItWasWrittenUnderTheCliColumnNames() {
        Account sakura = new Account("C-1001", "株式会社さくら精機", Set.of("sakura-seiki.example", "sakura.example"),
                Relationship.CUSTOMER, "k.suzuki");

        byte[] json = AccountMessages.write(sakura);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"account_id\":\"C-1001\"")
                .contains("\"relationship\":\"CUSTOMER\"").contains("\"owner\":\"k.suzuki\"");
        assertThat(AccountMessages.read(json)).isEqualTo(sakura);
    }

    @Test
    void anAccountMayListItsDomainsInOneStringAsTheCliFileDoes() {
        Account a = AccountMessages.read(utf8("{\"account_id\":\"C-1002\",\"name\":\"東邦ロジテック株式会社\","
                + "\"domains\":\"toho-logitech.example;toho-logi.example\",\"relationship\":\"customer\"}"));

        assertThat(a.domains()).containsExactlyInAnyOrder("toho-logitech.example", "toho-logi.example");
        assertThat(a.relationship()).isEqualTo(Relationship.CUSTOMER);
        assertThat(a.owner()).isNull();
    }

    @Test
    void aBadAccountIsRefusedNamingTheKeyNotTheValue() {
        assertThatThrownBy(() -> AccountMessages.read(utf8("{\"name\":\"株式会社さくら精機\"}")))
                .hasMessageContaining("account_id").hasMessageNotContaining("さくら");
        assertThatThrownBy(() -> AccountMessages.read(utf8("{\"account_id\":\"C-1\",\"relationship\":\"お得意様\"}")))
                .hasMessageContaining("relationship").hasMessageNotContaining("お得意様");
        assertThatThrownBy(() -> AccountMessages.read(utf8("not json"))).hasMessageContaining("not JSON");
    }

    @Test
    void aRuleSetReadsBackAsItWasWritten() {
        RuleSetMessage set = RuleSetMessage.of("version: 1\ncompetitorDomains: [rival.example]\n")
                .withRules("acme-extra.drl", "package acme;\n").withDisabled("EXC-STUDENT", "EXC-TOO-SMALL");

        RuleSetMessage back = RuleSetMessage.fromJson(set.toJson());

        assertThat(back).isEqualTo(set);
        assertThat(back.rules()).containsExactly(Map.entry("acme-extra.drl", "package acme;\n"));
        assertThat(back.disabled()).containsExactly("EXC-STUDENT", "EXC-TOO-SMALL");
    }

    @Test
    void aRuleSetWithAnUnknownOrMistypedKeyIsRefusedNamingIt() {
        assertThatThrownBy(() -> RuleSetMessage.fromJson(utf8("{\"policy\":\"version: 1\"}")))
                .hasMessageContaining("unknown key policy").hasMessageContaining("policy_yaml");
        assertThatThrownBy(() -> RuleSetMessage.fromJson(utf8("{\"rules\":[\"x\"]}"))).hasMessageContaining("rules must be");
        assertThatThrownBy(() -> RuleSetMessage.fromJson(utf8("{\"disabled_rules\":\"EXC-STUDENT\"}")))
                .hasMessageContaining("disabled_rules must be");
        assertThat(RuleSetMessage.fromJson(utf8("{}"))).isEqualTo(new RuleSetMessage(null, Map.of(), Set.of()));
    }

    @Test
    void theLeadSerdeRoundTripsAndRefusesABadLeadNamingTheKey() {
        Serde<Lead> serde = LeadSerdes.lead();
        Lead lead = Lead.builder("L-1").email("tanaka@kansai-buhin.co.jp").inquiryType(InquiryType.DEMO)
                .company(Company.builder().name("関西部品株式会社").employeeCount(300).country("JP").build()).build();

        assertThat(serde.deserializer().deserialize("leads", serde.serializer().serialize("leads", lead))).isEqualTo(lead);
        assertThatThrownBy(() -> serde.deserializer().deserialize("leads",
                utf8("{\"id\":\"L-2\",\"employee_count\":\"sanbyaku\"}")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("employee_count")
                .hasMessageNotContaining("sanbyaku");
        assertThat(LeadSerdes.qualification().deserializer().deserialize("decisions", null)).isNull();
        assertThat(List.of(serde.serializer().serialize("leads", null) == null)).containsExactly(true);
    }
}

package io.github.leadrules.spring.autoconfigure;

import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;

import java.time.Instant;

/** Realistic leads for the starter's tests. */
final class Leads {

    static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    private Leads() {
    }

    /** A 部長 at サンプル工業 asking for a demo at our trade-show booth, buying within a month. */
    static Lead sampleKogyoAtTradeShow() {
        return Lead.builder("L-SAMPLE").contactName("山田 太郎").email("taro.yamada@sample-kogyo.co.jp")
                .phone("03-1234-5678").jobTitle("生産技術部 部長").source("trade-show")
                .inquiryType(InquiryType.DEMO).purchaseTimeframe(PurchaseTimeframe.WITHIN_1_MONTH)
                .consent(Consent.GIVEN).submittedAt(NOW.minusSeconds(600))
                .company(Company.builder().name("サンプル工業株式会社").domain("sample-kogyo.co.jp").industry("製造業")
                        .employeeCount(1200).country("日本").build())
                .build();
    }

    /** An analyst at a competitor asking for a demo. */
    static Lead rivalAnalyst() {
        return Lead.builder("L-RIVAL").contactName("Pat Lee").email("analyst@rival-saas.example")
                .inquiryType(InquiryType.DEMO).consent(Consent.GIVEN).submittedAt(NOW.minusSeconds(60))
                .company(Company.builder().name("Rival SaaS Inc.").employeeCount(400).country("US").build())
                .build();
    }

    /** A 課長 at ミライテック, one of our customers, asking to be contacted. */
    static Lead miraiTechCustomer() {
        return Lead.builder("L-MIRAI").contactName("伊藤 健").email("ken.ito@mirai-tech.co.jp")
                .jobTitle("情報システム部 課長").source("web-form").inquiryType(InquiryType.QUOTE)
                .consent(Consent.GIVEN).submittedAt(NOW.minusSeconds(300))
                .company(Company.builder().name("株式会社ミライテック").domain("mirai-tech.co.jp").industry("情報通信業")
                        .employeeCount(600).country("日本").build())
                .build();
    }
}

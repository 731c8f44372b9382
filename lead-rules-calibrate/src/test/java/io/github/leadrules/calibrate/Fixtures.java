package io.github.leadrules.calibrate;

import io.github.leadrules.LeadQualifier;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Lead;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Leads for calibrate's tests: real-looking companies, attributes as a foreign export names them. */
final class Fixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    private static final String[] COMPANIES = {
        "サンプル工業株式会社", "東都精機株式会社", "北斗物流株式会社", "みなと電機株式会社", "Harbour Analytics Ltd",
        "Kestrel Foods plc", "大和ソフト株式会社", "Northwind Traders Ltd", "さくら建設株式会社", "Bramble & Co Ltd",
        "浪速化学株式会社", "Ashdown Logistics Ltd", "中央メディカル株式会社", "Thames Valley Robotics Ltd",
        "富士見商事株式会社", "Pennine Textiles Ltd", "青葉システム株式会社", "Wessex Energy plc", "瀬戸内造船株式会社",
        "Fenland Agritech Ltd"};

    private Fixtures() {
    }

    static LeadQualifier qualifier() {
        return LeadQualifier.builder().clock(CLOCK).build();
    }

    /** A lead the packaged rules qualify (company e-mail, a company name), with these attributes. */
    static Lead lead(int n, Map<String, String> attributes) {
        Lead.Builder b = Lead.builder("L-" + n)
                .email("contact" + n + "@example-corp" + (n % 7) + ".co.jp")
                .company(Company.builder().name(COMPANIES[n % COMPANIES.length] + (n >= COMPANIES.length ? " " + n : "")).build());
        new java.util.TreeMap<>(attributes).forEach(b::attribute);
        return b.build();
    }

    static HistoricalLead won(int n, Map<String, String> attributes) {
        return new HistoricalLead(lead(n, attributes), true);
    }

    static HistoricalLead lost(int n, Map<String, String> attributes) {
        return new HistoricalLead(lead(n, attributes), false);
    }

    /**
     * {@code count} leads with a planted signal in {@code origin} (Reference converts at 45 %, Web
     * at 15 %, Ads at 5 %), in {@code time_on_site} (longer visits convert more), and a noise field
     * {@code region}.
     */
    static List<HistoricalLead> planted(int count, long seed) {
        Random r = new Random(seed);
        String[] origins = {"Reference", "Web", "Web", "Ads"};
        String[] regions = {"Kanto", "Kansai", "Chubu", "Kyushu"};
        List<HistoricalLead> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String origin = origins[r.nextInt(origins.length)];
            int time = r.nextInt(1800);
            double p = switch (origin) {
                case "Reference" -> 0.45;
                case "Web" -> 0.15;
                default -> 0.05;
            };
            p = Math.min(0.95, p * (0.5 + time / 1200.0));
            boolean y = r.nextDouble() < p;
            out.add(new HistoricalLead(lead(i, Map.of("origin", origin, "time_on_site", Integer.toString(time),
                    "region", regions[r.nextInt(regions.length)])), y));
        }
        return out;
    }
}

package io.github.leadrules.benchmarks;

import io.github.leadrules.account.Account;
import io.github.leadrules.account.AccountDirectory;
import io.github.leadrules.account.InMemoryAccountDirectory;
import io.github.leadrules.account.Relationship;
import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Company;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.Lead;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.SalesStatus;
import io.github.leadrules.policy.LeadPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic world of realistic B2B leads for benchmarks: Japanese and English companies
 * (some known accounts: customers, competitors, prospects with owners), a host policy with own and
 * competitor domains, target countries and industries, and leads as a web form and a CRM export
 * deliver them — full-width text, free-mail and disposable addresses, test submissions, students,
 * duplicates, stalled deals, a few malformed records. Lead {@code i} depends only on the seed and
 * {@code i}, so any slice can be generated alone and the same leads come back in every run.
 *
 * <pre>{@code
 * SampleLeads world = SampleLeads.standard();
 * LeadQualifier qualifier = world.qualifierBuilder().build();
 * List<Qualification> out = qualifier.qualifyAll(world.leads(100_000));
 * }</pre>
 *
 * <p>Every lead's personal data is invented; e-mail domains of companies end in {@code .example}
 * or are made-up {@code .co.jp} names.
 */
public final class SampleLeads {

    /** "Now" for every benchmark: the qualifier's clock and the base of every generated date. */
    public static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    /** The fixed clock benchmarks and tests qualify under. */
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** The seed of {@link #standard()}. */
    public static final long STANDARD_SEED = 20261128L;

    private static final String OWN_DOMAIN = "leadrules-saas.co.jp";
    private static final List<String> COMPETITOR_DOMAINS = List.of("rival-soft.co.jp", "competitor.example");
    private static final List<String> FREE_MAIL = List.of("gmail.com", "yahoo.co.jp", "docomo.ne.jp",
            "outlook.jp", "icloud.com", "hotmail.com", "ezweb.ne.jp", "softbank.ne.jp");
    private static final List<String> DISPOSABLE = List.of("mailinator.com", "guerrillamail.com",
            "10minutemail.com", "yopmail.com", "sharklasers.com");

    private static final String[] JP_STEMS = {"サンプル工業", "ミライテック", "さくら精機", "東都物流", "北斗システム",
            "みなと商事", "青葉メディカル", "富士見建設", "日之出フーズ", "大和ソリューションズ", "つばさ不動産",
            "光洋電機", "なにわ製作所", "瑞穂ファイナンス", "山河テクノロジー", "和光リテール"};
    private static final String[] JP_ROMAN = {"sample-kogyo", "miraitech", "sakura-seiki", "toto-butsuryu",
            "hokuto-sys", "minato-shoji", "aoba-medical", "fujimi-kensetsu", "hinode-foods", "yamato-sol",
            "tsubasa-fudosan", "koyo-denki", "naniwa-ss", "mizuho-fin", "sanga-tech", "wako-retail"};
    private static final String[] EN_STEMS = {"Acme", "Globex", "Initech", "Umbrella", "Stark Industrial", "Wayne",
            "Hooli", "Vandelay", "Soylent", "Cyberdyne", "Tyrell", "Wonka", "Gringotts", "Oscorp", "Aperture",
            "Massive Dynamic"};
    private static final String[] JP_FORMS = {"株式会社%s", "%s株式会社", "(株)%s", "㈱%s", "%s（株）", "有限会社%s",
            "合同会社%s", "%s"};
    private static final String[] EN_FORMS = {"%s Co., Ltd.", "%s Corporation", "%s Inc.", "%s GmbH", "%s LLC",
            "%s Ltd", "%s"};
    private static final String[] JP_INDUSTRIES = {"製造業", "情報通信業", "小売業", "金融", "医療", "物流", "建設業",
            "不動産業", "教育", "官公庁", "農業", "ものづくり"};
    private static final String[] EN_INDUSTRIES = {"Manufacturing", "Software", "Retail", "Financial Services",
            "Healthcare", "Logistics", "Construction", "Real Estate", "Education", "Public Sector",
            "Agriculture", "Media"};
    private static final String[] JP_COUNTRIES = {"日本", "Japan", "JP", "ＪＰ", "日本国", "JPN"};
    private static final String[] OTHER_COUNTRIES = {"US", "United States", "USA", "GB", "UK", "Singapore",
            "Germany", "ドイツ", "China", "韓国", "France"};
    private static final String[] JP_SURNAMES = {"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村"};
    private static final String[] JP_SURNAMES_ROMAN = {"yamada", "sato", "suzuki", "takahashi", "tanaka", "ito",
            "watanabe", "nakamura"};
    private static final String[] JP_GIVEN = {"太郎", "花子", "健", "美咲", "翔", "結衣", "大輔", "愛"};
    private static final String[] JP_GIVEN_ROMAN = {"taro", "hanako", "ken", "misaki", "sho", "yui", "daisuke", "ai"};
    private static final String[] EN_GIVEN = {"Alice", "Bob", "Carol", "David", "Erin", "Frank", "Grace", "Heidi"};
    private static final String[] EN_SURNAMES = {"Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson",
            "Moore", "Clark"};
    private static final String[] TITLES = {"情報システム部 部長", "営業本部 本部長", "代表取締役社長", "執行役員 CIO",
            "課長", "主任", "エンジニア", "マーケティング担当", "総務部", "Head of IT", "CEO", "VP Sales",
            "Director of Operations", "IT Manager", "Software Engineer", "Marketing Specialist", "Analyst",
            "Procurement Lead"};
    private static final String[] STUDENT_TITLES = {"学生", "大学院生", "就職活動中", "Student", "Intern", "Job seeker"};
    private static final String[] SOURCES = {"web-form", "trade-show", "partner", "webinar", "crm-import", "chat"};

    private final long seed;
    private final List<Company> companies;
    private final List<String> companyDomains;
    private final AccountDirectory accounts;
    private final LeadPolicy policy;

    private SampleLeads(long seed) {
        this.seed = seed;
        this.companies = new ArrayList<>();
        this.companyDomains = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 2_000; i++) {
            boolean japanese = random.nextInt(100) < 65;
            int stem = random.nextInt(JP_STEMS.length);
            String name;
            String domain;
            if (japanese) {
                String stemText = JP_STEMS[stem] + (i < JP_STEMS.length ? "" : suffixJa(i));
                name = String.format(pick(random, JP_FORMS), stemText);
                domain = JP_ROMAN[stem] + (i < JP_STEMS.length ? "" : "-" + i) + ".co.jp";
            } else {
                String stemText = EN_STEMS[stem] + (i < EN_STEMS.length ? "" : " " + suffixEn(i));
                name = String.format(pick(random, EN_FORMS), stemText);
                domain = EN_STEMS[stem].toLowerCase().replace(' ', '-') + (i < EN_STEMS.length ? "" : "-" + i)
                        + ".example";
            }
            if (random.nextInt(100) < 4) {
                name = toFullWidth(name);
            }
            String industry = random.nextInt(100) < 10 ? null
                    : japanese && random.nextInt(100) < 75 ? pick(random, JP_INDUSTRIES) : pick(random, EN_INDUSTRIES);
            String country = random.nextInt(100) < 8 ? null
                    : japanese ? (random.nextInt(100) < 95 ? pick(random, JP_COUNTRIES) : pick(random, OTHER_COUNTRIES))
                    : (random.nextInt(100) < 70 ? pick(random, OTHER_COUNTRIES) : "Japan");
            companies.add(new Company(name, random.nextInt(100) < 60 ? domain : null, industry,
                    employees(random), random.nextInt(100) < 30 ? null : random.nextLong(1_000_000L, 50_000_000_000L),
                    country));
            companyDomains.add(domain);
        }
        InMemoryAccountDirectory.Builder directory = InMemoryAccountDirectory.builder();
        for (int i = 0; i < companies.size(); i += 4) {
            int roll = random.nextInt(100);
            Relationship relationship = roll < 40 ? Relationship.CUSTOMER : roll < 70 ? Relationship.PROSPECT
                    : roll < 80 ? Relationship.OPEN_OPPORTUNITY : roll < 85 ? Relationship.COMPETITOR : Relationship.PARTNER;
            String owner = random.nextInt(100) < 80 ? "rep-" + (1 + random.nextInt(40)) : null;
            directory.add(new Account("A-" + i, companies.get(i).name(), Set.of(companyDomains.get(i)), relationship, owner));
        }
        for (int i = 0; i < 3_000; i++) {
            int lead = (int) Math.floorMod(mix(seed, i * 31L + 7), 100_000L);
            Lead candidate = lead(lead);
            if (candidate.email() != null && candidate.email().contains("@") && !candidate.email().contains("@@")) {
                try {
                    directory.recentLead(candidate.email(), NOW.minus(Duration.ofDays(1 + Math.floorMod(i, 60))));
                } catch (IllegalArgumentException malformed) {
                    // a malformed address cannot be a duplicate; the generator makes a few on purpose
                }
            }
        }
        this.accounts = directory.build();
        this.policy = LeadPolicy.defaults().toBuilder()
                .ownDomains(OWN_DOMAIN)
                .competitorDomains(COMPETITOR_DOMAINS.toArray(String[]::new))
                .targetCountries("JP", "US", "GB", "SG")
                .targetIndustries("manufacturing", "information technology", "retail", "finance", "healthcare",
                        "logistics", "construction", "real estate").build();
    }

    /** The standard world every benchmark and the agreement test use. */
    public static SampleLeads standard() {
        return Holder.STANDARD;
    }

    /** A world from another seed. */
    public static SampleLeads withSeed(long seed) {
        return new SampleLeads(seed);
    }

    /** The host policy of this world. */
    public LeadPolicy policy() {
        return policy;
    }

    /** The account directory of this world: 500 accounts and 3 000 recent leads. */
    public AccountDirectory accounts() {
        return accounts;
    }

    /** A qualifier builder with this world's policy, accounts and {@link #CLOCK}; the packaged rules. */
    public io.github.leadrules.LeadQualifier.Builder qualifierBuilder() {
        return io.github.leadrules.LeadQualifier.builder().policy(policy).accounts(accounts).clock(CLOCK);
    }

    /** The first {@code count} leads. */
    public List<Lead> leads(int count) {
        List<Lead> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(lead(i));
        }
        return out;
    }

    /** Lead number {@code index}; the same for the same seed and index, whatever else was generated. */
    public Lead lead(int index) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        Lead.Builder b = Lead.builder(String.format("L-%07d", index));
        int companyIndex = random.nextInt(companies.size());
        Company company = companies.get(companyIndex);
        String companyDomain = companyDomains.get(companyIndex);
        boolean japanese = company.name().chars().anyMatch(c -> c > 0x2E80);

        int person = random.nextInt(8);
        int personSurname = random.nextInt(8);
        String local;
        if (japanese) {
            b.contactName(JP_SURNAMES[personSurname] + (random.nextBoolean() ? " " : "　") + JP_GIVEN[person]);
            local = JP_GIVEN_ROMAN[person] + "." + JP_SURNAMES_ROMAN[personSurname];
        } else {
            b.contactName(EN_GIVEN[person] + " " + EN_SURNAMES[personSurname]);
            local = EN_GIVEN[person].toLowerCase() + "." + EN_SURNAMES[personSurname].toLowerCase();
        }
        local = local + (random.nextInt(100) < 50 ? "" : String.valueOf(random.nextInt(1000)));

        int mail = random.nextInt(1000);
        boolean withCompany = true;
        if (mail < 640) {
            b.email(local + "@" + (random.nextInt(100) < 10 ? "mail." : "") + companyDomain);
        } else if (mail < 790) {
            b.email(local + "@" + pick(random, FREE_MAIL));
            withCompany = random.nextInt(100) < 55;
        } else if (mail < 810) {
            b.email(local + "@" + pick(random, DISPOSABLE));
            withCompany = random.nextInt(100) < 50;
        } else if (mail < 830) {
            b.email(local + "@" + pick(random, COMPETITOR_DOMAINS));
        } else if (mail < 840) {
            b.email(local + "@" + OWN_DOMAIN);
        } else if (mail < 860) {
            b.email(random.nextBoolean() ? "test@example.com" : "asdf@test.co.jp");
            b.contactName(random.nextBoolean() ? "テスト" : "test test");
            withCompany = random.nextInt(100) < 30;
        } else if (mail < 870) {
            // Full-width address typed with a Japanese input method.
            b.email(toFullWidth(local + "@" + companyDomain));
        } else if (mail < 950) {
            // No e-mail: a trade-show badge scan or a phone inquiry.
            withCompany = random.nextInt(100) < 85;
        } else if (mail < 970) {
            // Dirty CRM data: the qualifier answers INVALID.
            b.email(random.nextBoolean() ? local + "@@" + companyDomain : local + " at " + companyDomain);
        } else {
            b.email(local.toUpperCase() + "@" + companyDomain.toUpperCase());
        }
        if (withCompany) {
            Company c = company;
            if (random.nextInt(100) < 5) {
                c = c.toBuilder().employeeCount(random.nextInt(100) < 50 ? Integer.valueOf(-1) : c.employeeCount()).build();
            }
            b.company(c);
        } else if (random.nextInt(100) < 20) {
            b.company(Company.builder().country(japanese ? "日本" : "US").build());
        }

        int phone = random.nextInt(100);
        if (phone < 40) {
            b.phone(String.format("03-%04d-%04d", random.nextInt(10_000), random.nextInt(10_000)));
        } else if (phone < 55) {
            b.phone(String.format("+81 90 %04d %04d", random.nextInt(10_000), random.nextInt(10_000)));
        } else if (phone < 65) {
            b.phone(String.format("(415) 555-%04d", random.nextInt(10_000)));
        } else if (phone < 67) {
            b.phone("０３－１２３４－５６７８");
        } else if (phone < 68) {
            b.phone("call me");
        }
        int title = random.nextInt(100);
        if (title < 80) {
            b.jobTitle(pick(random, TITLES));
        } else if (title < 85) {
            b.jobTitle(pick(random, STUDENT_TITLES));
        }
        b.source(pick(random, SOURCES));
        b.inquiryType(weighted(random, InquiryType.values(), 10, 5, 8, 30, 20, 7, 12, 8));
        b.purchaseTimeframe(weighted(random, PurchaseTimeframe.values(), 5, 10, 10, 10, 15, 50));
        b.budgetStatus(weighted(random, BudgetStatus.values(), 10, 15, 10, 65));
        b.consent(weighted(random, Consent.values(), 60, 4, 36));
        Instant submitted = random.nextInt(100) < 5 ? null : NOW.minus(Duration.ofMinutes(random.nextLong(1, 120L * 24 * 60)));
        b.submittedAt(submitted);

        int events = random.nextInt(100) < 25 ? 0 : random.nextInt(1, 13);
        Instant latest = submitted == null ? NOW : submitted;
        long spanMinutes = random.nextInt(100) < 30 ? 10L * 24 * 60 : 200L * 24 * 60;
        for (int e = 0; e < events; e++) {
            EngagementType type = weighted(random, EngagementType.values(), 35, 15, 15, 12, 18, 5);
            Instant at = latest.minus(Duration.ofMinutes(random.nextLong(0, spanMinutes)));
            b.engagement(switch (type) {
                case CASE_STUDY_VIEW -> EngagementEvent.caseStudyView(at,
                        random.nextBoolean() && company.industry() != null ? company.industry() : pick(random, EN_INDUSTRIES),
                        "導入事例");
                case PRICING_PAGE_VISIT -> EngagementEvent.pricingPageVisit(at);
                default -> EngagementEvent.of(type, at);
            });
        }
        SalesStatus status = weighted(random, SalesStatus.values(), 80, 8, 6, 3, 3);
        b.salesStatus(status);
        if (status != SalesStatus.NEW && random.nextInt(100) < 70) {
            b.lastSalesActivity(NOW.minus(Duration.ofDays(random.nextInt(0, 90))));
        }
        if (random.nextInt(100) < 15) {
            b.attribute("campaign", "cmp-" + random.nextInt(300));
        }
        return b.build();
    }

    private static Integer employees(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 10) {
            return null;
        }
        if (roll < 18) {
            return random.nextInt(1, 10);
        }
        if (roll < 53) {
            return random.nextInt(10, 100);
        }
        if (roll < 83) {
            return random.nextInt(100, 1_000);
        }
        return random.nextInt(1_000, 50_000);
    }

    private static String suffixJa(int i) {
        return new String[] {"", "ホールディングス", "東日本", "西日本", "サービス", "ラボ", "テクノ"}[i % 7]
                + (i % 11 == 0 ? "" : String.valueOf(i));
    }

    private static String suffixEn(int i) {
        return new String[] {"Holdings", "Japan", "Labs", "Services", "Systems", "Group", "Partners"}[i % 7]
                + (i % 11 == 0 ? "" : " " + i);
    }

    /** ASCII letters, digits and symbols to their full-width forms, as Japanese input methods type them. */
    static String toFullWidth(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c == ' ' ? '　' : c);
        }
        return out.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T weighted(SplittableRandom random, T[] values, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException("weights do not cover the values");
    }

    /** A well-mixed seed for lead {@code index} (SplitMix64's finaliser). */
    private static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Holder {
        static final SampleLeads STANDARD = new SampleLeads(STANDARD_SEED);
    }
}

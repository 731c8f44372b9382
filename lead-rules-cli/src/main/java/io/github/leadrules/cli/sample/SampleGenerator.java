package io.github.leadrules.cli.sample;

import io.github.leadrules.cli.columns.EngagementCodec;
import io.github.leadrules.cli.columns.Field;
import io.github.leadrules.cli.io.CsvWriter;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.EngagementType;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic B2B leads in the project's own CSV layout, deterministic per seed: the same seed, count
 * and as-of time give the same bytes on any JVM ({@link Random}'s algorithm is specified).
 *
 * <p>The mix follows what a Japanese B2B SaaS marketing team sees: most rows are real companies
 * (Japanese and English-speaking) with document requests, content downloads, seminar sign-ups and
 * some demo and quote requests; and then the rows that should not count: free-mail sign-ups with no
 * company, disposable addresses, competitors, students and job seekers, test submissions, our own
 * staff, one-person firms, out-of-territory and non-target industries, opt-outs, and stalled deals
 * that sales stopped working. Some leads come from accounts the CRM already knows ({@link #ACCOUNTS}:
 * existing customers, open opportunities, named prospects, a partner, the competitors), which
 * {@link #writeAccounts(Writer)} writes as an accounts file for {@code qualify --accounts}; and some
 * people sent a form before, which {@link #writeRecentLeads(Writer)} writes for
 * {@code qualify --recent-leads}. Rows are well-formed unless a share of malformed rows is asked for;
 * which rows are malformed, and which have an earlier submission, is drawn apart from the leads, so
 * the same seed gives the same leads whatever the share.
 *
 * <p>Every company domain ends in the reserved {@code .example} top-level domain, so no real
 * company or person is named; free-mail and disposable domains are real providers' (that is what
 * the rules look for). Competitor and own domains match {@code samples/policy.yaml}; the known
 * accounts' names and domains are not among those made up for other leads, so only the leads meant
 * to match an account do.
 *
 * <p>A last column, {@code converted}, is a hidden outcome for backtesting: whether the lead became
 * a deal within 90 days. It is drawn from the lead's latent intent and fit (plus noise), never from
 * the rules' decision, so a backtest measures how well the rules recover it.
 */
public final class SampleGenerator {

    /** The as-of time the shipped sample was generated for. */
    public static final Instant DEFAULT_AS_OF = Instant.parse("2026-11-28T00:00:00Z");

    /** The columns written: the own layout's columns, then {@code converted}. */
    public static final List<String> COLUMNS = List.of(
            Field.ID.column(), Field.SUBMITTED_AT.column(), Field.CONTACT_NAME.column(), Field.EMAIL.column(),
            Field.PHONE.column(), Field.JOB_TITLE.column(), Field.COMPANY_NAME.column(), Field.COMPANY_DOMAIN.column(),
            Field.INDUSTRY.column(), Field.EMPLOYEE_COUNT.column(), Field.ANNUAL_REVENUE.column(), Field.COUNTRY.column(),
            Field.SOURCE.column(), Field.INQUIRY_TYPE.column(), Field.PURCHASE_TIMEFRAME.column(),
            Field.BUDGET_STATUS.column(), Field.CONSENT.column(), Field.SALES_STATUS.column(),
            Field.LAST_SALES_ACTIVITY.column(), Field.ENGAGEMENT.column(), "converted");

    /** Competitor domains the sample uses; {@code samples/policy.yaml} lists them. */
    public static final List<String> COMPETITOR_DOMAINS = List.of("rival-leads.example", "compete-crm.example");
    /** The sample's own company domain; {@code samples/policy.yaml} lists it. */
    public static final String OWN_DOMAIN = "our-saas.example";

    /** The columns of {@link #writeAccounts(Writer)}: the accounts file of {@code --accounts}. */
    public static final List<String> ACCOUNT_COLUMNS = List.of("account_id", "name", "domains", "relationship", "owner");
    /** The columns of {@link #writeRecentLeads(Writer)}: the recent-leads file of {@code --recent-leads}. */
    public static final List<String> RECENT_LEAD_COLUMNS = List.of("email", "submitted_at");

    /**
     * An account the sample's CRM knows.
     *
     * @param id           account id
     * @param name         the name as the CRM writes it
     * @param domains      its domains; leads use the first, sometimes the second
     * @param relationship CUSTOMER, OPEN_OPPORTUNITY, PROSPECT, PARTNER or COMPETITOR
     * @param owner        the account owner, or blank
     * @param industry     the industry as leads from it write it
     * @param country      the country as leads from it write it
     * @param employees    its size
     */
    public record KnownAccount(String id, String name, List<String> domains, String relationship, String owner,
                               String industry, String country, int employees) {
        /** Whether leads from it are written in Japanese. */
        boolean japanese() {
            return !name.isEmpty() && Character.UnicodeScript.of(name.codePointAt(0)) != Character.UnicodeScript.LATIN;
        }
    }

    /** The accounts the sample's CRM knows; leads of the customer and known-account kinds come from them. */
    public static final List<KnownAccount> ACCOUNTS = List.of(
            new KnownAccount("C-1001", "株式会社さくら精機", List.of("sakura-seiki.example"), "CUSTOMER", "k.suzuki",
                    "製造業", "日本", 850),
            new KnownAccount("C-1002", "東邦ロジテック株式会社", List.of("toho-logitech.example", "toho-logi.example"), "CUSTOMER",
                    "m.tanaka", "物流", "日本", 2300),
            new KnownAccount("C-1003", "株式会社かがやき建設", List.of("kagayaki-kensetsu.example"), "CUSTOMER", "k.suzuki",
                    "建設業", "JP", 410),
            new KnownAccount("C-1004", "丸福商事株式会社", List.of("marufuku-shoji.example"), "CUSTOMER", "a.ito",
                    "小売業", "日本", 1200),
            new KnownAccount("C-1005", "Summit Manufacturing Inc.", List.of("summit-mfg.example"), "CUSTOMER", "e.clark",
                    "Manufacturing", "United States", 3200),
            new KnownAccount("C-1006", "Harbor Logistics Ltd", List.of("harbor-logistics.example", "harborlog.example"), "CUSTOMER",
                    "j.walker", "Logistics", "United Kingdom", 640),
            new KnownAccount("C-1007", "Pioneer Health Pte. Ltd.", List.of("pioneer-health.example"), "CUSTOMER", "e.clark",
                    "Healthcare", "Singapore", 280),
            new KnownAccount("O-2001", "株式会社あけぼのシステムズ", List.of("akebono-systems.example"), "OPEN_OPPORTUNITY", "m.tanaka",
                    "情報通信業", "日本", 520),
            new KnownAccount("O-2002", "北陸フィナンシャル株式会社", List.of("hokuriku-financial.example"), "OPEN_OPPORTUNITY", "a.ito",
                    "金融業", "日本", 1800),
            new KnownAccount("O-2003", "Keystone Retail Corporation", List.of("keystone-retail.example"), "OPEN_OPPORTUNITY",
                    "j.walker", "Retail", "US", 4100),
            new KnownAccount("O-2004", "Meridian Software Co., Ltd.", List.of("meridian-software.example"), "OPEN_OPPORTUNITY",
                    "e.clark", "Software", "Australia", 230),
            new KnownAccount("P-3001", "大洋メディカル株式会社", List.of("taiyo-medical.example"), "PROSPECT", "k.suzuki",
                    "医療", "日本", 960),
            new KnownAccount("P-3002", "Evergreen Builders LLC", List.of("evergreen-builders.example"), "PROSPECT", "j.walker",
                    "Construction", "United States", 350),
            new KnownAccount("P-3003", "株式会社いろは物流", List.of("iroha-butsuryu.example"), "PROSPECT", "",
                    "物流", "日本", 150),
            new KnownAccount("R-4001", "株式会社ネクストパートナーズ", List.of("nextpartners.example"), "PARTNER", "a.ito",
                    "情報通信業", "日本", 120),
            new KnownAccount("X-9001", "ライバルリード株式会社", List.of("rival-leads.example"), "COMPETITOR", "",
                    "情報通信業", "日本", 300),
            new KnownAccount("X-9002", "Compete CRM Inc.", List.of("compete-crm.example"), "COMPETITOR", "",
                    "Software", "US", 900));

    private record Name(String jp, String romaji) {
    }

    private record Suffix(String jp, String romaji, String industryJp, String industryEn) {
    }

    private static final Name[] JP_FAMILY = {
            new Name("佐藤", "sato"), new Name("鈴木", "suzuki"), new Name("高橋", "takahashi"), new Name("田中", "tanaka"),
            new Name("伊藤", "ito"), new Name("渡辺", "watanabe"), new Name("山本", "yamamoto"), new Name("中村", "nakamura"),
            new Name("小林", "kobayashi"), new Name("加藤", "kato"), new Name("吉田", "yoshida"), new Name("山田", "yamada"),
            new Name("佐々木", "sasaki"), new Name("山口", "yamaguchi"), new Name("松本", "matsumoto"), new Name("井上", "inoue"),
            new Name("木村", "kimura"), new Name("林", "hayashi"), new Name("斎藤", "saito"), new Name("清水", "shimizu")};
    private static final Name[] JP_GIVEN = {
            new Name("太郎", "taro"), new Name("花子", "hanako"), new Name("健", "ken"), new Name("翔太", "shota"),
            new Name("美咲", "misaki"), new Name("大輔", "daisuke"), new Name("由美", "yumi"), new Name("直樹", "naoki"),
            new Name("彩", "aya"), new Name("誠", "makoto"), new Name("陽子", "yoko"), new Name("拓也", "takuya")};
    private static final String[] EN_GIVEN = {"James", "Emily", "Michael", "Sarah", "David", "Laura", "Daniel", "Olivia",
            "Robert", "Sophie", "Priya", "Wei"};
    private static final String[] EN_FAMILY = {"Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Clark",
            "Lewis", "Walker", "Patel", "Chen"};

    private static final Name[] JP_PREFIX = {
            new Name("サンプル", "sample"), new Name("ミライ", "mirai"), new Name("東都", "toto"), new Name("北斗", "hokuto"),
            new Name("青葉", "aoba"), new Name("富士見", "fujimi"), new Name("桜川", "sakuragawa"), new Name("日本橋", "nihonbashi"),
            new Name("大和", "yamato"), new Name("新星", "shinsei"), new Name("光洋", "koyo"), new Name("双葉", "futaba"),
            new Name("明和", "meiwa"), new Name("みなと", "minato"), new Name("瀬戸内", "setouchi"), new Name("若葉", "wakaba")};
    private static final Suffix[] JP_SUFFIX = {
            new Suffix("工業", "kogyo", "製造業", "Manufacturing"), new Suffix("製作所", "seisakusho", "製造業", "Manufacturing"),
            new Suffix("電機", "denki", "製造業", "Manufacturing"), new Suffix("テック", "tech", "情報通信業", "Software"),
            new Suffix("システムズ", "systems", "情報通信業", "Software"), new Suffix("ソリューションズ", "solutions", "情報通信業", "Software"),
            new Suffix("物流", "butsuryu", "物流", "Logistics"), new Suffix("運輸", "unyu", "運輸業", "Logistics"),
            new Suffix("建設", "kensetsu", "建設業", "Construction"), new Suffix("商事", "shoji", "小売業", "Retail"),
            new Suffix("フィナンシャル", "financial", "金融業", "Financial Services"),
            new Suffix("メディカル", "medical", "医療", "Healthcare")};
    private static final Name[] EN_PREFIX = {
            new Name("Acme", "acme"), new Name("Globex", "globex"), new Name("Initech", "initech"), new Name("Northwind", "northwind"),
            new Name("Contoso", "contoso"), new Name("Fabrikam", "fabrikam"), new Name("Tailspin", "tailspin"),
            new Name("Vandelay", "vandelay"), new Name("Hooli", "hooli"), new Name("Bluebird", "bluebird"),
            new Name("Redwood", "redwood"), new Name("Lakeside", "lakeside")};
    private static final Suffix[] EN_SUFFIX = {
            new Suffix("Manufacturing", "mfg", "製造業", "Manufacturing"), new Suffix("Industries", "industries", "製造業", "Manufacturing"),
            new Suffix("Systems", "systems", "情報通信業", "Software"), new Suffix("Software", "software", "情報通信業", "Technology"),
            new Suffix("Logistics", "logistics", "物流", "Logistics"), new Suffix("Retail", "retail", "小売業", "Retail"),
            new Suffix("Financial", "financial", "金融業", "Financial Services"), new Suffix("Health", "health", "医療", "Healthcare"),
            new Suffix("Builders", "builders", "建設業", "Construction")};
    private static final String[] EN_LEGAL = {"Inc.", "Co., Ltd.", "Corporation", "Ltd", "LLC", "GmbH", "Pte. Ltd."};
    private static final String[] JP_FREE = {"yahoo.co.jp", "gmail.com", "docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp",
            "icloud.com", "outlook.jp", "nifty.com", "biglobe.ne.jp", "hotmail.co.jp"};
    private static final String[] EN_FREE = {"gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.com", "aol.com"};
    private static final String[] DISPOSABLE = {"mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com"};
    private static final String[] JP_DM_TITLES = {"情報システム部 部長", "営業本部 本部長", "代表取締役", "取締役 CTO", "執行役員",
            "経営企画部 部長", "DX推進室 室長 兼 部長"};
    private static final String[] JP_STAFF_TITLES = {"情報システム部 課長", "営業企画課 主任", "マーケティング部 担当",
            "総務部", "DX推進室", "営業部 マネージャー", "システム管理者", ""};
    private static final String[] EN_DM_TITLES = {"VP of Sales", "Director of IT", "Head of Operations", "CEO", "CTO",
            "Chief Marketing Officer", "Managing Director"};
    private static final String[] EN_STAFF_TITLES = {"Sales Operations Manager", "IT Manager", "Marketing Specialist",
            "Business Analyst", "Engineer", "Procurement Lead", ""};
    private static final String[] STUDENT_TITLES = {"学生", "大学院生", "就職活動中", "Student", "Job seeker", "インターン希望"};
    private static final String[] JP_SOURCES = {"Webフォーム", "展示会", "ウェビナー", "パートナー紹介", "自然検索", "リスティング広告"};
    private static final String[] EN_SOURCES = {"Web form", "Trade show", "Webinar", "Partner referral", "Organic search",
            "Paid search"};
    private static final String[] EN_COUNTRIES = {"United States", "US", "United Kingdom", "GB", "Singapore", "Australia"};
    private static final String[] OUT_OF_TERRITORY = {"Brazil", "India", "Germany", "Mexico", "South Africa"};
    private static final String[] NON_TARGET_INDUSTRIES_JP = {"農業", "飲食業", "教育"};
    private static final String[] NON_TARGET_INDUSTRIES_EN = {"Agriculture", "Restaurants", "Education"};

    private enum Kind {
        BUSINESS, FREE_MAIL_NO_COMPANY, FREE_MAIL_WITH_COMPANY, DISPOSABLE, COMPETITOR, STUDENT, TEST, TINY, INTERNAL,
        OPTED_OUT, OUT_OF_TERRITORY, NON_TARGET_INDUSTRY, STALLED, CUSTOMER, KNOWN_ACCOUNT
    }

    private static final KnownAccount[] CUSTOMER_ACCOUNTS = ACCOUNTS.stream()
            .filter(a -> a.relationship().equals("CUSTOMER")).toArray(KnownAccount[]::new);
    /** Open opportunities, prospects and the partner; competitors' leads are the COMPETITOR kind. */
    private static final KnownAccount[] OTHER_ACCOUNTS = ACCOUNTS.stream()
            .filter(a -> !a.relationship().equals("CUSTOMER") && !a.relationship().equals("COMPETITOR")).toArray(KnownAccount[]::new);

    /** Weights, per thousand, in {@link Kind} order. */
    private static final int[] WEIGHTS = {585, 90, 30, 15, 25, 40, 15, 50, 8, 15, 25, 20, 22, 35, 25};

    /** Share of leads whose person sent a form 2 to 25 days earlier (a duplicate within the 30-day window). */
    private static final double RECENT_DUPLICATE_SHARE = 0.03;
    /** Share of leads whose person sent a form 40 to 120 days earlier (not a duplicate any more). */
    private static final double EARLIER_LEAD_SHARE = 0.02;

    private final Random random;
    /** Draws which rows are malformed and which people sent a form before, apart from the leads themselves. */
    private final Random extras;
    private final Instant asOf;
    private final double malformedShare;
    private final List<List<String>> recentLeads = new ArrayList<>();
    private long next = 1;

    /** A generator for this seed, with dates up to {@code asOf}, and no malformed rows. */
    public SampleGenerator(long seed, Instant asOf) {
        this(seed, asOf, 0);
    }

    /**
     * A generator for this seed, with dates up to {@code asOf}.
     *
     * @param malformedShare the share of rows, 0 to 1, with one bad cell (an e-mail with two @, an employee count
     *                       in words, an unknown country or an impossible date), for showing INVALID handling
     */
    public SampleGenerator(long seed, Instant asOf, double malformedShare) {
        if (!(malformedShare >= 0 && malformedShare <= 1)) {
            throw new IllegalArgumentException("malformed share must be between 0 and 1, got " + malformedShare);
        }
        this.random = new Random(seed);
        this.extras = new Random(Long.rotateLeft(seed * 0x9E3779B97F4A7C15L, 17));
        this.asOf = asOf.truncatedTo(ChronoUnit.MINUTES);
        this.malformedShare = malformedShare;
    }

    /** Writes the header and {@code count} leads as CSV. */
    public void write(Writer out, long count) throws IOException {
        CsvWriter csv = new CsvWriter(out, ',');
        csv.write(COLUMNS);
        for (long i = 0; i < count; i++) {
            csv.write(nextRow());
        }
        csv.flush();
    }

    /** Writes {@link #ACCOUNTS} as an accounts file ({@link #ACCOUNT_COLUMNS}); the same for every seed. */
    public static void writeAccounts(Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out, ',');
        csv.write(ACCOUNT_COLUMNS);
        for (KnownAccount a : ACCOUNTS) {
            csv.write(List.of(a.id(), a.name(), String.join(";", a.domains()), a.relationship(), a.owner()));
        }
        csv.flush();
    }

    /**
     * Writes the earlier submissions of the people behind the leads generated so far
     * ({@link #RECENT_LEAD_COLUMNS}), oldest first: about 3 % of them within the 30-day duplicate
     * window of their lead, about 2 % long before it.
     */
    public void writeRecentLeads(Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out, ',');
        csv.write(RECENT_LEAD_COLUMNS);
        List<List<String>> sorted = new ArrayList<>(recentLeads);
        sorted.sort(Comparator.comparing((List<String> r) -> r.get(1)));
        for (List<String> r : sorted) {
            csv.write(r);
        }
        csv.flush();
    }

    /** The next lead's cells, aligned to {@link #COLUMNS}. */
    public List<String> nextRow() {
        Row r = new Row();
        r.id = String.format(Locale.ROOT, "L-%06d", next++);
        Kind kind = kind();
        KnownAccount account = switch (kind) {
            case CUSTOMER -> pick(CUSTOMER_ACCOUNTS);
            case KNOWN_ACCOUNT -> pick(OTHER_ACCOUNTS);
            default -> null;
        };
        boolean japanese = account != null ? account.japanese() : kind == Kind.INTERNAL || random.nextInt(100) < 64;
        person(r, japanese);
        company(r, japanese);
        double intent = Math.pow(random.nextDouble(), 2.0);
        signals(r, japanese, intent);
        double fit = r.employees != null && r.employees >= 100 ? 1 : 0.3;
        double p = 1 / (1 + Math.exp(-(-5.0 + 5.0 * intent + 0.9 * fit + (r.decisionMaker ? 0.6 : 0)
                + (r.budgetSecured ? 0.5 : 0) + (r.ownIndustryCase ? 0.5 : 0) - (r.cold ? 1.4 : 0))));
        if (account != null) {
            r.company = account.name();
            r.domain = account.domains().get(account.domains().size() > 1 && random.nextInt(4) == 0 ? 1 : 0);
            r.email = r.localJp + "@" + r.domain;
            r.industry = account.industry();
            r.country = account.country();
            r.employees = account.employees();
            r.revenue = "";
        }
        switch (kind) {
            case BUSINESS -> {
            }
            case CUSTOMER -> {
                // Existing customers asking about more seats, another department or an add-on.
                p *= 0.8;
            }
            case KNOWN_ACCOUNT -> {
                // Open opportunities convert more often; a partner's staff rarely buys for itself.
                switch (account.relationship()) {
                    case "OPEN_OPPORTUNITY" -> p = Math.min(1, 1.5 * p + 0.1);
                    case "PARTNER" -> p *= 0.5;
                    default -> {
                    }
                }
            }
            case FREE_MAIL_NO_COMPANY -> {
                r.email = localPart(r, japanese) + "@" + pick(japanese ? JP_FREE : EN_FREE);
                r.company = "";
                r.domain = "";
                r.industry = random.nextInt(3) == 0 ? r.industry : "";
                r.employees = null;
                p = 0.01;
            }
            case FREE_MAIL_WITH_COMPANY -> {
                r.email = localPart(r, japanese) + "@" + pick(japanese ? JP_FREE : EN_FREE);
                p *= 0.7;
            }
            case DISPOSABLE -> {
                r.email = "user" + (1000 + random.nextInt(9000)) + "@" + pick(DISPOSABLE);
                p = 0.0;
            }
            case COMPETITOR -> {
                String domain = pick(COMPETITOR_DOMAINS.toArray(new String[0]));
                r.email = localPart(r, japanese) + "@" + domain;
                r.domain = domain;
                r.company = domain.startsWith("rival") ? "ライバルリード株式会社" : "Compete CRM Inc.";
                r.industry = japanese ? "情報通信業" : "Software";
                r.inquiryType = random.nextBoolean() ? "document_request" : "white_paper";
                p = 0.0;
            }
            case STUDENT -> {
                r.title = pick(STUDENT_TITLES);
                r.email = localPart(r, japanese) + "@" + pick(japanese ? JP_FREE : EN_FREE);
                r.company = random.nextInt(3) == 0 ? (japanese ? "東都大学" : "State University") : "";
                r.domain = "";
                r.industry = "";
                r.employees = null;
                r.revenue = "";
                r.inquiryType = random.nextBoolean() ? "document_request" : "seminar";
                p = 0.002;
            }
            case TEST -> {
                int t = random.nextInt(3);
                if (t == 0) {
                    r.name = "テスト";
                    r.company = "テスト";
                } else if (t == 1) {
                    r.name = "test test";
                    r.email = "test@example.com";
                } else {
                    r.company = "test";
                    r.email = "test" + random.nextInt(100) + "@" + r.domain;
                }
                p = 0.0;
            }
            case TINY -> {
                r.employees = 1 + random.nextInt(8);
                r.revenue = "";
                p *= 0.25;
            }
            case INTERNAL -> {
                r.email = localPart(r, true) + "@" + OWN_DOMAIN;
                r.company = "アワーSaaS株式会社";
                r.domain = OWN_DOMAIN;
                r.industry = "情報通信業";
                p = 0.0;
            }
            case OPTED_OUT -> {
                r.consent = "opted_out";
                p *= 0.3;
            }
            case OUT_OF_TERRITORY -> {
                r.country = pick(OUT_OF_TERRITORY);
                p *= 0.2;
            }
            case NON_TARGET_INDUSTRY -> {
                r.industry = japanese ? pick(NON_TARGET_INDUSTRIES_JP) : pick(NON_TARGET_INDUSTRIES_EN);
                p *= 0.2;
            }
            case STALLED -> {
                r.salesStatus = random.nextBoolean() ? "handed_to_sales" : "in_opportunity";
                r.lastSalesActivity = asOf.minus(Duration.ofDays(35 + random.nextInt(120))).minus(Duration.ofHours(random.nextInt(10)));
                r.submitted = r.lastSalesActivity.minus(Duration.ofDays(5 + random.nextInt(60)));
                p = 0.06 + 0.1 * intent;
            }
        }
        r.converted = random.nextDouble() < p;
        boolean malformed = extras.nextDouble() < malformedShare;
        int fault = extras.nextInt(4);
        if (malformed) {
            switch (fault) {
                case 0 -> r.email = r.email.replace("@", "@@");
                case 1 -> r.employeesText = japanese ? "たくさん" : "lots";
                case 2 -> r.country = "Atlantis";
                default -> r.submittedText = "2026/13/45";
            }
            r.converted = false;
        }
        double earlier = extras.nextDouble();
        int days = extras.nextInt(24);
        int minutes = extras.nextInt(24 * 60);
        if (!malformed && r.email.indexOf('@') > 0) {
            Duration before = earlier < RECENT_DUPLICATE_SHARE ? Duration.ofDays(2 + days)
                    : earlier < RECENT_DUPLICATE_SHARE + EARLIER_LEAD_SHARE ? Duration.ofDays(40 + 3 * days) : null;
            if (before != null) {
                Instant at = r.submitted.minus(before).minus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.MINUTES);
                recentLeads.add(List.of(r.email, at.toString()));
            }
        }
        return r.cells();
    }

    private Kind kind() {
        int x = random.nextInt(1000);
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i];
            if (x < sum) {
                return Kind.values()[i];
            }
        }
        return Kind.BUSINESS;
    }

    private void person(Row r, boolean japanese) {
        if (japanese) {
            Name family = pick(JP_FAMILY);
            Name given = pick(JP_GIVEN);
            r.name = family.jp + " " + given.jp;
            r.localJp = switch (random.nextInt(3)) {
                case 0 -> given.romaji.charAt(0) + "." + family.romaji;
                case 1 -> given.romaji + "." + family.romaji;
                default -> family.romaji + (random.nextInt(90) + 10);
            };
            r.phone = random.nextInt(5) == 0 ? "" : random.nextBoolean()
                    ? String.format(Locale.ROOT, "03-%04d-%04d", random.nextInt(10000), random.nextInt(10000))
                    : String.format(Locale.ROOT, "090-%04d-%04d", random.nextInt(10000), random.nextInt(10000));
        } else {
            String given = pick(EN_GIVEN);
            String family = pick(EN_FAMILY);
            r.name = given + " " + family;
            r.localJp = random.nextBoolean() ? (given + "." + family).toLowerCase(Locale.ROOT)
                    : (given.charAt(0) + family).toLowerCase(Locale.ROOT);
            // 555-01xx numbers are reserved for fiction in North America.
            r.phone = random.nextInt(4) == 0 ? "" : String.format(Locale.ROOT, "+1 415 555 %04d", 100 + random.nextInt(100));
        }
    }

    private String localPart(Row r, boolean japanese) {
        return r.localJp + (random.nextInt(3) == 0 ? Integer.toString(random.nextInt(100)) : "");
    }

    private void company(Row r, boolean japanese) {
        Suffix suffix;
        if (japanese) {
            Name prefix = pick(JP_PREFIX);
            suffix = pick(JP_SUFFIX);
            String base = prefix.jp + suffix.jp;
            r.company = switch (random.nextInt(6)) {
                case 0, 1 -> "株式会社" + base;
                case 2, 3 -> base + "株式会社";
                case 4 -> "(株)" + base;
                default -> "㈱" + base;
            };
            r.domain = prefix.romaji + "-" + suffix.romaji + ".example";
            r.industry = suffix.industryJp;
            r.country = switch (random.nextInt(5)) {
                case 0 -> "Japan";
                case 1 -> "JP";
                case 2 -> "";
                default -> "日本";
            };
        } else {
            Name prefix = pick(EN_PREFIX);
            suffix = pick(EN_SUFFIX);
            r.company = prefix.jp + " " + suffix.jp + " " + pick(EN_LEGAL);
            r.domain = prefix.romaji + "-" + suffix.romaji + ".example";
            r.industry = suffix.industryEn;
            r.country = pick(EN_COUNTRIES);
        }
        r.email = r.localJp + "@" + r.domain;
        int size = (int) Math.round(Math.exp(Math.log(10) + random.nextDouble() * (Math.log(30000) - Math.log(10))));
        r.employees = random.nextInt(7) == 0 ? null : size;
        r.revenue = r.employees == null || random.nextInt(3) != 0 ? ""
                : Long.toString((long) r.employees * (japanese ? 25_000_000L : 200_000L) / 1000 * 1000);
        r.source = japanese ? pick(JP_SOURCES) : pick(EN_SOURCES);
        r.submitted = asOf.minus(Duration.ofMinutes(30 + random.nextInt(14 * 24 * 60)));
        r.japanese = japanese;
    }

    private void signals(Row r, boolean japanese, double intent) {
        double x = random.nextDouble();
        if (x < 0.04 + 0.42 * intent) {
            r.inquiryType = pick(new String[] {"demo", "demo", "quote", "contact_sales"});
        } else if (x < 0.45 + 0.2 * intent) {
            r.inquiryType = "document_request";
        } else if (x < 0.85) {
            r.inquiryType = pick(new String[] {"white_paper", "white_paper", "seminar", "article"});
        } else {
            r.inquiryType = random.nextBoolean() ? "other" : "";
        }
        double t = random.nextDouble();
        if (t < 0.35) {
            r.timeframe = "";
        } else if (intent > 0.75 && t < 0.75) {
            r.timeframe = random.nextBoolean() ? "within_1_month" : "within_3_months";
        } else if (intent > 0.45 && t < 0.8) {
            r.timeframe = random.nextBoolean() ? "within_3_months" : "within_6_months";
        } else {
            r.timeframe = pick(new String[] {"within_6_months", "later", "undecided", "undecided"});
        }
        double b = random.nextDouble();
        r.budgetSecured = b < 0.03 + 0.3 * intent;
        r.budget = r.budgetSecured ? "secured" : b < 0.5 ? "" : b < 0.7 ? "planned" : b < 0.8 ? "none" : "unknown";
        r.decisionMaker = random.nextDouble() < 0.15 + 0.2 * intent;
        r.title = r.decisionMaker ? pick(japanese ? JP_DM_TITLES : EN_DM_TITLES) : pick(japanese ? JP_STAFF_TITLES : EN_STAFF_TITLES);
        r.consent = random.nextInt(10) < 7 ? "given" : "";
        r.salesStatus = "new";

        r.cold = random.nextInt(10) == 0;
        int events = (int) Math.round(intent * 7 + random.nextDouble() * 2);
        Instant latest = r.cold ? asOf.minus(Duration.ofDays(95 + random.nextInt(100))) : asOf.minus(Duration.ofHours(1));
        int window = r.cold ? 60 : 25;
        for (int i = 0; i < events; i++) {
            Instant at = latest.minus(Duration.ofMinutes(random.nextInt(window * 24 * 60))).truncatedTo(ChronoUnit.MINUTES);
            double e = random.nextDouble();
            EngagementEvent ev;
            if (e < 0.15 + 0.3 * intent) {
                ev = new EngagementEvent(EngagementType.PRICING_PAGE_VISIT, at, null, null);
            } else if (e < 0.45 + 0.2 * intent) {
                boolean own = random.nextDouble() < 0.35 + 0.4 * intent;
                String industry = own ? r.industry : pick(japanese
                        ? new String[] {"製造業", "小売業", "物流", "金融業"} : new String[] {"Retail", "Manufacturing", "Healthcare"});
                if (industry == null || industry.isEmpty()) {
                    industry = japanese ? "製造業" : "Manufacturing";
                }
                r.ownIndustryCase |= industry.equals(r.industry);
                ev = new EngagementEvent(EngagementType.CASE_STUDY_VIEW, at, null, industry);
            } else if (e < 0.7) {
                ev = new EngagementEvent(EngagementType.CONTENT_VIEW, at, pick(new String[] {"dx-guide", "roi-checklist",
                        "lead-scoring-basics", "営業DX入門"}), null);
            } else if (e < 0.85) {
                ev = new EngagementEvent(EngagementType.EMAIL_OPEN, at, null, null);
            } else if (e < 0.93) {
                ev = new EngagementEvent(EngagementType.PAGE_VISIT, at, "/features", null);
            } else {
                ev = new EngagementEvent(EngagementType.SEMINAR_ATTENDED, at, null, null);
            }
            r.events.add(ev);
        }
        r.events.sort(Comparator.comparing(EngagementEvent::at));
        if (r.cold) {
            // An old lead still sitting in the export: it came in around its last activity.
            Instant last = r.events.isEmpty() ? latest : r.events.get(r.events.size() - 1).at();
            r.submitted = last.minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** One lead being made up. */
    private static final class Row {
        String id;
        boolean japanese;
        String name;
        String localJp;
        String email;
        String phone;
        String title;
        String company;
        String domain;
        String industry;
        Integer employees;
        String employeesText;
        String revenue;
        String country;
        String source;
        String inquiryType;
        String timeframe;
        String budget;
        boolean budgetSecured;
        boolean decisionMaker;
        boolean ownIndustryCase;
        boolean cold;
        String consent;
        String salesStatus;
        Instant lastSalesActivity;
        Instant submitted;
        String submittedText;
        final List<EngagementEvent> events = new ArrayList<>();
        boolean converted;

        List<String> cells() {
            List<String> c = new ArrayList<>(COLUMNS.size());
            c.add(id);
            c.add(submittedText != null ? submittedText : submitted.truncatedTo(ChronoUnit.MINUTES).toString());
            c.add(name);
            c.add(email);
            c.add(phone);
            c.add(title);
            c.add(company);
            c.add(domain);
            c.add(industry);
            c.add(employeesText != null ? employeesText : employees == null ? "" : employees.toString());
            c.add(revenue);
            c.add(country);
            c.add(source);
            c.add(inquiryType);
            c.add(timeframe);
            c.add(budget);
            c.add(consent);
            c.add(salesStatus);
            c.add(lastSalesActivity == null ? "" : lastSalesActivity.truncatedTo(ChronoUnit.MINUTES).toString());
            c.add(EngagementCodec.format(events));
            c.add(Boolean.toString(converted));
            return c;
        }
    }
}

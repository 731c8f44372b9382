package io.github.leadrules.cli.columns;

import io.github.leadrules.model.BudgetStatus;
import io.github.leadrules.model.Consent;
import io.github.leadrules.model.InquiryType;
import io.github.leadrules.model.PurchaseTimeframe;
import io.github.leadrules.model.SalesStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads cell values the way lead exports write them: enum words in English and Japanese and the
 * CRMs' own status names, numbers with separators and units, dates in ISO and spreadsheet styles.
 * A blank cell is "not given" (null). A value that cannot be read throws {@link BadValue} with a
 * stable code; the value itself never goes into a message.
 */
public final class Values {

    /** Codes of {@link BadValue}. */
    public static final String NOT_A_NUMBER = "NOT_A_NUMBER";
    public static final String NOT_A_DATE = "NOT_A_DATE";
    public static final String UNKNOWN_VALUE = "UNKNOWN_VALUE";
    public static final String NOT_YES_OR_NO = "NOT_YES_OR_NO";
    public static final String MALFORMED_EVENT = "MALFORMED_EVENT";
    /** A number cell longer than {@link #MAX_NUMBER_CHARS}; it is not parsed. */
    public static final String TOO_LONG = "TOO_LONG";
    /** A number too large (or too small) for its field, e.g. {@code 1e999999999} employees. */
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";

    /**
     * The longest number cell read, in characters (units and separators included): far more than
     * any count or amount, and a bound on the work a hostile cell can cause.
     */
    public static final int MAX_NUMBER_CHARS = 100;

    /** A cell that cannot be read; {@link #code()} says why. */
    public static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final String where;

        public BadValue(String code) {
            this(code, "");
        }

        /** A bad value at a place inside the cell, e.g. {@code "[2]"} for the third engagement event. */
        public BadValue(String code, String where) {
            super(code, null, false, false);
            this.code = code;
            this.where = where;
        }

        /** Where inside the cell, e.g. {@code "[2]"}; "" for the whole cell. */
        public String where() {
            return where;
        }

        /** The stable code, e.g. {@link #NOT_A_NUMBER}. */
        public String code() {
            return code;
        }
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-‐‑–—・/]+");
    private static final Map<String, InquiryType> INQUIRY = new HashMap<>();
    private static final Map<String, PurchaseTimeframe> TIMEFRAME = new HashMap<>();
    private static final Map<String, BudgetStatus> BUDGET = new HashMap<>();
    private static final Map<String, Consent> CONSENT = new HashMap<>();
    private static final Map<String, SalesStatus> SALES = new HashMap<>();
    private static final Map<String, Boolean> YES_NO = new HashMap<>();

    static {
        words(INQUIRY, InquiryType.DEMO, "demo", "demo request", "request a demo", "product demo", "デモ", "デモ依頼",
                "デモ申込", "デモ申し込み", "デモ希望");
        words(INQUIRY, InquiryType.QUOTE, "quote", "quote request", "request a quote", "pricing request", "見積",
                "見積依頼", "見積り依頼", "見積もり依頼", "お見積り", "お見積もり", "見積もり");
        words(INQUIRY, InquiryType.CONTACT_SALES, "contact sales", "contact", "contact us", "sales inquiry",
                "sales contact", "問い合わせ", "お問い合わせ", "問合せ", "お問合せ", "営業問い合わせ", "商談希望");
        words(INQUIRY, InquiryType.DOCUMENT_REQUEST, "document request", "documents", "brochure", "資料請求",
                "資料ダウンロード", "製品資料");
        words(INQUIRY, InquiryType.WHITE_PAPER, "white paper", "whitepaper", "ebook", "e book", "ホワイトペーパー");
        words(INQUIRY, InquiryType.ARTICLE, "article", "blog", "記事", "ブログ", "コラム");
        words(INQUIRY, InquiryType.SEMINAR, "seminar", "webinar", "event", "セミナー", "ウェビナー", "イベント");
        words(INQUIRY, InquiryType.OTHER, "other", "others", "その他");

        words(TIMEFRAME, PurchaseTimeframe.WITHIN_1_MONTH, "within 1 month", "1 month", "immediately", "asap",
                "now", "1ヶ月以内", "1か月以内", "1カ月以内", "1ヵ月以内", "今すぐ", "すぐに");
        words(TIMEFRAME, PurchaseTimeframe.WITHIN_3_MONTHS, "within 3 months", "3 months", "1 3 months",
                "3ヶ月以内", "3か月以内", "3カ月以内", "3ヵ月以内");
        words(TIMEFRAME, PurchaseTimeframe.WITHIN_6_MONTHS, "within 6 months", "6 months", "3 6 months",
                "6ヶ月以内", "6か月以内", "6カ月以内", "6ヵ月以内", "半年以内");
        words(TIMEFRAME, PurchaseTimeframe.LATER, "later", "more than 6 months", "over 6 months", "6 months +",
                "within 1 year", "1 year", "next year", "6ヶ月以上先", "6か月以上先", "半年以上先", "1年以内", "1年以上先", "来年度");
        words(TIMEFRAME, PurchaseTimeframe.UNDECIDED, "undecided", "not decided", "未定");
        words(TIMEFRAME, PurchaseTimeframe.UNKNOWN, "unknown", "不明");

        words(BUDGET, BudgetStatus.SECURED, "secured", "approved", "budget secured", "予算確保済み", "確保済み",
                "確保済", "予算あり", "承認済み");
        words(BUDGET, BudgetStatus.PLANNED, "planned", "planning", "requested", "in progress", "申請中", "計画中",
                "予算申請中", "予算化予定");
        words(BUDGET, BudgetStatus.NONE, "none", "no budget", "予算なし", "なし");
        words(BUDGET, BudgetStatus.UNKNOWN, "unknown", "不明", "未定");

        words(CONSENT, Consent.GIVEN, "given", "yes", "true", "1", "opt in", "opted in", "同意", "同意する",
                "同意済み", "許可");
        words(CONSENT, Consent.OPTED_OUT, "opted out", "opt out", "no", "false", "0", "unsubscribed", "配信停止",
                "拒否", "同意しない");
        words(CONSENT, Consent.UNKNOWN, "unknown", "不明");

        words(SALES, SalesStatus.NEW, "new", "open", "open not contacted", "not contacted", "nurturing",
                "subscriber", "lead", "marketingqualifiedlead", "marketing qualified lead", "mql", "other",
                "未対応", "新規", "育成中");
        words(SALES, SalesStatus.HANDED_TO_SALES, "handed to sales", "working", "working contacted", "contacted",
                "salesqualifiedlead", "sales qualified lead", "sql", "qualified", "対応中", "営業引き渡し済み");
        words(SALES, SalesStatus.IN_OPPORTUNITY, "in opportunity", "opportunity", "closed converted", "converted",
                "商談中", "取引開始済み");
        words(SALES, SalesStatus.CLOSED_WON, "closed won", "won", "customer", "evangelist", "受注");
        words(SALES, SalesStatus.CLOSED_LOST, "closed lost", "lost", "closed not converted", "unqualified",
                "失注", "取引開始に至らず");

        words(YES_NO, Boolean.TRUE, "true", "yes", "y", "1", "はい", "有", "あり", "✓", "x");
        words(YES_NO, Boolean.FALSE, "false", "no", "n", "0", "いいえ", "無", "なし");
    }

    private Values() {
    }

    @SafeVarargs
    private static <T> void words(Map<String, T> map, T value, String... words) {
        map.put(key(value.toString()), value);
        for (String w : words) {
            map.put(key(w), value);
        }
    }

    /** {@link #key} of the words read lately: a column of choices holds the same few words on every row. */
    private static final Memo<String> KEYS = new Memo<>(Values::key);

    /** The lookup key of a word: NFKC, lower case, separators (space, _, -, ・, /) collapsed to one space. */
    static String key(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(n).replaceAll(" ").strip();
    }

    /** Null for a blank cell, else the cell without surrounding white space. */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        int n = raw.length();
        if (n > 0 && solid(raw.charAt(0)) && solid(raw.charAt(n - 1))) {
            return raw;
        }
        String s = raw.strip();
        return s.isEmpty() ? null : s;
    }

    /** Whether {@link String#strip()} keeps this character at an end of a text: no white space. */
    private static boolean solid(char c) {
        // No white space lies between the space and U+1680, nor above the ideographic space.
        return (c > ' ' && c < '\u1680') || c > '\u3000' || !Character.isWhitespace(c);
    }

    public static InquiryType inquiryType(String raw) throws BadValue {
        return word(INQUIRY, raw);
    }

    public static PurchaseTimeframe purchaseTimeframe(String raw) throws BadValue {
        return word(TIMEFRAME, raw);
    }

    public static BudgetStatus budgetStatus(String raw) throws BadValue {
        return word(BUDGET, raw);
    }

    public static Consent consent(String raw) throws BadValue {
        return word(CONSENT, raw);
    }

    public static SalesStatus salesStatus(String raw) throws BadValue {
        return word(SALES, raw);
    }

    /** True, false, or null for a blank cell. */
    public static Boolean yesNo(String raw) throws BadValue {
        return word(YES_NO, raw, NOT_YES_OR_NO);
    }

    private static <T> T word(Map<String, T> vocabulary, String raw) throws BadValue {
        return word(vocabulary, raw, UNKNOWN_VALUE);
    }

    /** The value a word stands for, null for a blank cell; {@code code} when the word is not known. */
    private static <T> T word(Map<String, T> vocabulary, String raw, String code) throws BadValue {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        T value = vocabulary.get(KEYS.get(s));
        if (value == null) {
            throw new BadValue(code);
        }
        return value;
    }

    /**
     * An employee count: {@code 1200}, {@code 1,200}, {@code 1200名}, {@code 約300人}, a range
     * {@code 51-200} or {@code 51〜200} (its lower bound), {@code 1000+} or {@code 1000以上}; "不明" or
     * "unknown" is null. Beyond the range of an int: {@link #OUT_OF_RANGE}; a cell longer than
     * {@link #MAX_NUMBER_CHARS}: {@link #TOO_LONG}.
     */
    public static Integer employeeCount(String raw) throws BadValue {
        String s = numberText(raw);
        if (s == null) {
            return null;
        }
        long plain = plainDigits(s, 9);
        return plain >= 0 ? Integer.valueOf((int) plain) : employeeCountText(s);
    }

    /** {@link #employeeCount} of a stripped cell of at most {@link #MAX_NUMBER_CHARS}, read the general way. */
    static Integer employeeCountText(String s) throws BadValue {
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace(",", "").replace(" ", "");
        if (s.equals("不明") || s.equals("unknown") || s.equals("-") || s.equals("n/a")) {
            return null;
        }
        s = strip(s, "約", "approx.", "approx", "~");
        s = stripEnd(s, "名", "人", "employees", "people", "以上", "+");
        int range = indexOfAny(s, "-", "〜", "~", "–");
        if (range > 0) {
            s = s.substring(0, range);
        }
        BigDecimal d = decimal(s);
        if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
            throw new BadValue(NOT_A_NUMBER);
        }
        return inRange(d, Integer.MIN_VALUE, Integer.MAX_VALUE).intValueExact();
    }

    /**
     * The number a cell of ASCII digits only, at most {@code max} of them, stands for (as the general
     * path reads it: no sign, unit or separator to strip); -1 for any other cell.
     */
    static long plainDigits(String s, int max) {
        int n = s.length();
        if (n > max) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Null for a blank cell; {@link #TOO_LONG} for a cell too long to be a number; else the stripped cell. */
    private static String numberText(String raw) throws BadValue {
        String s = text(raw);
        if (s != null && s.length() > MAX_NUMBER_CHARS) {
            throw new BadValue(TOO_LONG);
        }
        return s;
    }

    private static BigDecimal decimal(String s) throws BadValue {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new BadValue(NOT_A_NUMBER);
        }
    }

    /**
     * The value when it lies in [min, max], else {@link #OUT_OF_RANGE}. The magnitude is checked on
     * precision and scale first, so {@code 1e999999999} is refused without ever being expanded.
     */
    private static BigDecimal inRange(BigDecimal d, long min, long max) throws BadValue {
        if (d.signum() != 0 && d.precision() - d.scale() > 19) {
            throw new BadValue(OUT_OF_RANGE);
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new BadValue(OUT_OF_RANGE);
        }
        return d;
    }

    /**
     * An amount: {@code 1500000}, {@code 1,500,000.00}, {@code ¥1,500,000}, {@code $2.5M},
     * {@code 3億円}, {@code 5000万円}; the fraction is dropped. Beyond the range of a long:
     * {@link #OUT_OF_RANGE}; a cell longer than {@link #MAX_NUMBER_CHARS}: {@link #TOO_LONG}.
     */
    public static Long amount(String raw) throws BadValue {
        String s = numberText(raw);
        if (s == null) {
            return null;
        }
        long plain = plainDigits(s, 18);
        return plain >= 0 ? Long.valueOf(plain) : amountText(s);
    }

    /** {@link #amount} of a stripped cell of at most {@link #MAX_NUMBER_CHARS}, read the general way. */
    static Long amountText(String s) throws BadValue {
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace(",", "").replace(" ", "");
        s = strip(s, "¥", "$", "€", "£", "jpy", "usd", "eur", "約");
        s = stripEnd(s, "円", "jpy", "usd", "eur");
        BigDecimal factor = BigDecimal.ONE;
        if (s.endsWith("億")) {
            factor = BigDecimal.valueOf(100_000_000L);
        } else if (s.endsWith("万")) {
            factor = BigDecimal.valueOf(10_000L);
        } else if (s.endsWith("m")) {
            factor = BigDecimal.valueOf(1_000_000L);
        } else if (s.endsWith("k")) {
            factor = BigDecimal.valueOf(1_000L);
        } else if (s.endsWith("b")) {
            factor = BigDecimal.valueOf(1_000_000_000L);
        }
        if (factor.signum() > 0 && !factor.equals(BigDecimal.ONE)) {
            s = s.substring(0, s.length() - 1);
        }
        BigDecimal d = inRange(decimal(s).multiply(factor), Long.MIN_VALUE, Long.MAX_VALUE);
        // Below one (even 1e-999999999) the whole part is 0: no division by a huge power of ten.
        return d.precision() - d.scale() <= 0 ? 0L : d.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu[-][/][.]M[-][/][.]d")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendPattern("H:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_NO_COLON = DateTimeFormatter.ofPattern(
            "uuuu-MM-dd'T'HH:mm:ss[.SSS]xx", Locale.ROOT);

    /**
     * A point in time: ISO ({@code 2026-11-20T10:00:00Z}, {@code 2026-11-20T19:00+09:00}), Salesforce
     * ({@code 2026-11-20T01:00:00.000+0000}), or a local date-time or date in spreadsheet style
     * ({@code 2026/11/20 10:00}, {@code 2026-11-20}) read in {@code zone}.
     */
    public static Instant instant(String raw, ZoneId zone) throws BadValue {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        Instant utc = utcMinutesOrSeconds(s);
        if (utc != null) {
            return utc;
        }
        Instant date = plainDate(s, zone);
        return date != null ? date : instantText(s, zone);
    }

    /** {@link #instant} of a stripped, non-blank cell, read the general way (through the formatters). */
    static Instant instantText(String s, ZoneId zone) throws BadValue {
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        try {
            char last = s.charAt(s.length() - 1);
            if (last == 'Z' || last == 'z') {
                return OffsetDateTime.parse(s.toUpperCase(Locale.ROOT)).toInstant();
            }
            int t = s.indexOf('T');
            if (t > 0 && (s.lastIndexOf('+') > t || s.lastIndexOf('-') > t)) {
                try {
                    return OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeParseException e) {
                    return OffsetDateTime.parse(s, OFFSET_NO_COLON).toInstant();
                }
            }
            var parsed = LOCAL.parseBest(s, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof LocalDateTime ldt) {
                return ldt.atZone(zone).toInstant();
            }
            return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            throw new BadValue(NOT_A_DATE);
        }
    }

    /**
     * The common case read without a formatter: {@code 2026-11-20T10:00Z} or {@code 2026-11-20T10:00:00Z}
     * in ASCII ({@code t} and {@code z} in either case), as ISO reads it; null for anything else,
     * which the general path reads. A date or time out of range is {@link #NOT_A_DATE}, as there.
     */
    private static Instant utcMinutesOrSeconds(String s) throws BadValue {
        long seconds = utcSeconds(s, 0, s.length());
        if (seconds == NOT_UTC_SHAPE) {
            return null;
        }
        if (seconds == BAD_UTC) {
            throw new BadValue(NOT_A_DATE);
        }
        return Instant.ofEpochSecond(seconds);
    }

    /**
     * The common local date read without a formatter: {@code 2026/11/20}, {@code 2026-1-5} or
     * {@code 2026.11.20} in ASCII (four digits, then month and day of one or two digits, each after
     * {@code -}, {@code /} or {@code .}), at the start of its day in {@code zone}, as the general path
     * reads it: a day past the end of its month is its last day, a month or day out of range is
     * {@link #NOT_A_DATE}. Null for anything else, which the general path reads.
     */
    private static Instant plainDate(String s, ZoneId zone) throws BadValue {
        int n = s.length();
        if (n < 8 || n > 10 || !isDateSeparator(s.charAt(4))) {
            return null;
        }
        int dayFrom = isDateSeparator(s.charAt(6)) ? 7 : isDateSeparator(s.charAt(7)) ? 8 : -1;
        if (dayFrom < 0 || n - dayFrom < 1 || n - dayFrom > 2) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, dayFrom - 6);
        int day = digits(s, dayFrom, n - dayFrom);
        if ((year | month | day) < 0) {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            throw new BadValue(NOT_A_DATE);
        }
        LocalDate first = LocalDate.of(year, month, 1);
        return first.withDayOfMonth(Math.min(day, first.lengthOfMonth())).atStartOfDay(zone).toInstant();
    }

    private static boolean isDateSeparator(char c) {
        return c == '-' || c == '/' || c == '.';
    }

    /** {@link #utcSeconds}: the text is not in that shape. */
    static final long NOT_UTC_SHAPE = Long.MIN_VALUE;
    /** {@link #utcSeconds}: the text is in that shape, but its date or time is out of range. */
    static final long BAD_UTC = Long.MIN_VALUE + 1;

    /**
     * The epoch second of {@code s[from, to)} when it is {@code 2026-11-20T10:00Z} or
     * {@code 2026-11-20T10:00:00Z} in ASCII ({@code t} and {@code z} in either case), as ISO reads
     * it; {@link #NOT_UTC_SHAPE} for any other text, {@link #BAD_UTC} for a date or time out of range.
     */
    static long utcSeconds(String s, int from, int to) {
        int n = to - from;
        if ((n != 17 && n != 20) || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-'
                || (s.charAt(from + 10) | 0x20) != 't' || s.charAt(from + 13) != ':' || (s.charAt(to - 1) | 0x20) != 'z'
                || (n == 20 && s.charAt(from + 16) != ':')) {
            return NOT_UTC_SHAPE;
        }
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        int hour = digits(s, from + 11, 2);
        int minute = digits(s, from + 14, 2);
        int second = n == 20 ? digits(s, from + 17, 2) : 0;
        if ((year | month | day | hour | minute | second) < 0) {
            return NOT_UTC_SHAPE;
        }
        if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59
                || day > (month == 2 ? (Year.isLeap(year) ? 29 : 28) : 30 + ((month + month / 8) & 1))) {
            return BAD_UTC;
        }
        return LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600 + minute * 60 + second;
    }

    /** The ASCII digits s[from, from + count) as a number, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String strip(String s, String... prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                s = s.substring(p.length());
            }
        }
        return s;
    }

    private static String stripEnd(String s, String... suffixes) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String p : suffixes) {
                if (s.endsWith(p)) {
                    s = s.substring(0, s.length() - p.length());
                    changed = true;
                }
            }
        }
        return s;
    }

    private static int indexOfAny(String s, String... needles) {
        for (String n : needles) {
            int i = s.indexOf(n, 1);
            if (i > 0) {
                return i;
            }
        }
        return -1;
    }
}

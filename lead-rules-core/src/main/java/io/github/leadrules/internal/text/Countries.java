package io.github.leadrules.internal.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * Resolves the many ways a country is typed into a lead form to one ISO 3166-1 alpha-2 code.
 *
 * <p>Routing and exclusion rules key on the country code, but forms and CRM imports carry
 * {@code JP}, {@code JPN}, {@code Japan}, {@code 日本}, {@code ＪＰ}, {@code USA} or
 * {@code イギリス}. This class folds all of them to {@code JP}, {@code US} or {@code GB}.
 *
 * <p>The lookup table is built once, on first use, from the JDK's locale data plus a short
 * list of common aliases; the JVM's class initialisation makes that thread-safe.
 *
 * <p>This is an internal package: its API may change without notice.
 */
public final class Countries {

    private Countries() {
    }

    /**
     * Resolves a country as typed to its ISO 3166-1 alpha-2 code.
     *
     * <p>Accepted, in any case and in full-width or half-width forms (compared by
     * {@link Text#key(String)}): alpha-2 codes, alpha-3 codes, the English and the Japanese
     * names that the JDK gives for each code, and common aliases such as {@code USA},
     * {@code U.K.}, {@code England}, {@code 米国}, {@code Korea} or {@code 台湾}.
     *
     * @param input a country as typed, or {@code null}
     * @return the upper-case alpha-2 code, or empty when {@code input} is {@code null}, blank
     *     or not recognised
     */
    public static Optional<String> toAlpha2(String input) {
        String key = Text.key(input);
        return key == null ? Optional.empty() : Optional.ofNullable(Lookup.BY_KEY.get(key));
    }

    /** Holds the lookup table; loaded, and so built, on the first call to {@link #toAlpha2}. */
    private static final class Lookup {

        static final Map<String, String> BY_KEY = build();

        private static Map<String, String> build() {
            Map<String, String> byKey = new HashMap<>();
            String[] codes = Locale.getISOCountries();
            for (String code : codes) {
                add(byKey, code, code);
            }
            for (String code : codes) {
                Locale locale = new Locale("", code);
                try {
                    add(byKey, locale.getISO3Country(), code);
                } catch (MissingResourceException noAlpha3) {
                    // a code without an alpha-3 form is still found by its other names
                }
            }
            for (String code : codes) {
                Locale locale = new Locale("", code);
                add(byKey, locale.getDisplayCountry(Locale.ENGLISH), code);
                add(byKey, locale.getDisplayCountry(Locale.JAPANESE), code);
            }
            alias(byKey, "US", "usa", "us", "u.s.", "u.s.a.", "united states of america",
                    "america", "アメリカ", "米国", "アメリカ合衆国");
            alias(byKey, "GB", "uk", "u.k.", "great britain", "britain", "england", "英国",
                    "イギリス");
            alias(byKey, "KR", "south korea", "korea", "韓国", "大韓民国");
            alias(byKey, "JP", "日本国", "nippon", "nihon", "ジャパン");
            alias(byKey, "CN", "中国", "china");
            alias(byKey, "TW", "taiwan", "台湾");
            alias(byKey, "HK", "hong kong", "香港");
            alias(byKey, "VN", "vietnam", "viet nam", "ベトナム");
            alias(byKey, "DE", "deutschland", "ドイツ");
            alias(byKey, "SG", "シンガポール");
            alias(byKey, "TH", "タイ");
            alias(byKey, "IN", "インド");
            alias(byKey, "AU", "オーストラリア");
            alias(byKey, "FR", "フランス");
            alias(byKey, "CA", "カナダ");
            return Map.copyOf(byKey);
        }

        /** Adds a name derived from locale data, keeping the first code that claimed it. */
        private static void add(Map<String, String> byKey, String name, String code) {
            String key = Text.key(name);
            if (key != null) {
                byKey.putIfAbsent(key, code);
            }
        }

        /** Adds aliases; they win over derived names because they were chosen by hand. */
        private static void alias(Map<String, String> byKey, String code, String... names) {
            for (String name : names) {
                byKey.put(Text.key(name), code);
            }
        }
    }
}

package io.github.leadrules.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CountriesTest {

    @ParameterizedTest(name = "\"{0}\" is JP")
    @ValueSource(strings = {"JP", "jp", "Japan", "JAPAN", " japan ", "日本", "ＪＰ", "ｊｐ", "JPN", "jpn",
        "日本国", "Nippon", "nihon", "ジャパン"})
    void everySpellingOfJapanIsJp(String input) {
        assertThat(Countries.toAlpha2(input)).contains("JP");
    }

    @ParameterizedTest(name = "\"{0}\" is US")
    @ValueSource(strings = {"US", "USA", "usa", "U.S.", "U.S.A.", "United States", "United States of America",
        "America", "アメリカ", "米国", "アメリカ合衆国", "ＵＳＡ"})
    void everySpellingOfTheUnitedStatesIsUs(String input) {
        assertThat(Countries.toAlpha2(input)).contains("US");
    }

    @ParameterizedTest(name = "\"{0}\" is GB")
    @ValueSource(strings = {"GB", "GBR", "UK", "U.K.", "United Kingdom", "Great Britain", "Britain", "England",
        "英国", "イギリス"})
    void everySpellingOfTheUnitedKingdomIsGb(String input) {
        assertThat(Countries.toAlpha2(input)).contains("GB");
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "South Korea, KR", "Korea, KR", "韓国, KR", "大韓民国, KR", "KOR, KR",
        "中国, CN", "China, CN", "CHN, CN",
        "Taiwan, TW", "台湾, TW",
        "Hong Kong, HK", "香港, HK",
        "Vietnam, VN", "Viet Nam, VN", "ベトナム, VN",
        "Deutschland, DE", "ドイツ, DE", "Germany, DE", "DEU, DE",
        "シンガポール, SG", "Singapore, SG",
        "タイ, TH", "Thailand, TH",
        "インド, IN", "India, IN",
        "オーストラリア, AU", "Australia, AU",
        "フランス, FR", "France, FR",
        "カナダ, CA", "Canada, CA",
    })
    void aliasesAndNamesResolveToTheirCode(String input, String expected) {
        assertThat(Countries.toAlpha2(input)).contains(expected);
    }

    @Test
    void everyIsoCountryIsFoundByItsCodesAndItsEnglishAndJapaneseNames() {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            assertThat(Countries.toAlpha2(code)).as(code).contains(code);
            assertThat(Countries.toAlpha2(code.toLowerCase(Locale.ROOT))).as(code).contains(code);
            assertThat(Countries.toAlpha2(country.getISO3Country())).as(code + " alpha-3").contains(code);
            assertThat(Countries.toAlpha2(country.getDisplayCountry(Locale.ENGLISH))).as(code + " English").contains(code);
            assertThat(Countries.toAlpha2(country.getDisplayCountry(Locale.JAPANESE))).as(code + " Japanese").contains(code);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\u3000", "Atlantis", "XX", "ZZZ", "ニッポンランド", "U.S.S.R"})
    void unknownOrBlankInputIsEmpty(String input) {
        assertThat(Countries.toAlpha2(input)).isEmpty();
    }

    @Test
    void concurrentCallersAllGetTheSameAnswers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String input = i % 2 == 0 ? "日本" : "Deutschland";
                calls.add(() -> Countries.toAlpha2(input));
            }
            List<Future<Optional<String>>> results = pool.invokeAll(calls);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).contains(i % 2 == 0 ? "JP" : "DE");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

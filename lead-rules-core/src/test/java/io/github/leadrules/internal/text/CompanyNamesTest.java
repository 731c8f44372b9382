package io.github.leadrules.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyNamesTest {

    @ParameterizedTest(name = "\"{0}\" is \"サンプル\"")
    @ValueSource(strings = {
        "株式会社 サンプル", "サンプル株式会社", "㈱サンプル", "(株)サンプル", "（株）サンプル",
        "ｻﾝﾌﾟﾙ(株)", "㈱ｻﾝﾌﾟﾙ", "サンプル　（株）", "株式会社　サンプル　"})
    void everyJapaneseSpellingOfOneCompanyGivesTheSameKey(String name) {
        assertThat(CompanyNames.normalise(name)).isEqualTo("サンプル");
    }

    @Test
    void trailingKabushikiKaishaIsRemoved() {
        assertThat(CompanyNames.normalise("トヨタ自動車株式会社")).isEqualTo("トヨタ自動車");
    }

    @Test
    void leadingKabushikiKaishaIsRemoved() {
        assertThat(CompanyNames.normalise("株式会社サイバーエージェント")).isEqualTo("サイバーエージェント");
    }

    @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "有限会社 山田商店 | 山田商店",
        "㈲山田商店 | 山田商店",
        "合同会社DMM.com | dmmcom",
        "合資会社 サンプル | サンプル",
        "合名会社 サンプル | サンプル",
        "一般社団法人 日本ディープラーニング協会 | 日本ディープラーニング協会",
        "一般財団法人 日本サンプル財団 | 日本サンプル財団",
        "公益社団法人 日本サンプル協会 | 日本サンプル協会",
        "公益財団法人 日本サンプル財団 | 日本サンプル財団",
        "特定非営利活動法人 サンプル | サンプル",
        "ＮＰＯ法人 フローレンス | フローレンス",
        "学校法人 サンプル学園 | サンプル学園",
        "医療法人社団 サンプル会 | サンプル会",
        "社団法人 日本サンプル協会 | 日本サンプル協会",
        "社会福祉法人 サンプル福祉会 | サンプル福祉会",
    })
    void japaneseLegalFormsAreRemoved(String name, String expected) {
        assertThat(CompanyNames.normalise(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Acme Co., Ltd. | acme",
        "ACME CO.,LTD. | acme",
        "Globex Corporation | globex",
        "Initech, Inc. | initech",
        "Initech Inc | initech",
        "Siemens AG | siemens",
        "Umbrella Holdings Limited | umbrella holdings",
        "Hooli LLC | hooli",
        "Hooli, L.L.C. | hooli",
        "Stark Industries Corp. | stark industries",
        "Wayne Enterprises Incorporated | wayne enterprises",
        "Vandelay Industries plc | vandelay industries",
        "Bosch GmbH | bosch",
        "Nestlé S.A. | nestlé",
        "Philips N.V. | philips",
        "Heineken B.V. | heineken",
        "Sony K.K. | sony",
        "Grab Pte Ltd | grab",
        "Atlassian Pty Ltd | atlassian",
        "Nokia Oy | nokia",
        "Volvo AB | volvo",
        "Ferrari S.p.A. | ferrari",
        "Barilla S.r.l. | barilla",
        "Capgemini SAS | capgemini",
        "The Walt Disney Company | the walt disney",
        "Ernst & Young LLP | ernst young",
    })
    void westernLegalFormsAtTheEndAreRemoved(String name, String expected) {
        assertThat(CompanyNames.normalise(name)).isEqualTo(expected);
    }

    @Test
    void severalWesternLegalFormsInARowAreAllRemoved() {
        assertThat(CompanyNames.normalise("Acme Holdings Co., Ltd. Inc.")).isEqualTo("acme holdings");
    }

    @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Agency Partners | agency partners",
        "Coinbase | coinbase",
        "Incorp Solutions | incorp solutions",
        "AG Barr | ag barr",
        "Company Of Heroes Studio | company of heroes studio",
        "Sagami Rubber | sagami rubber",
    })
    void westernLegalFormsAreNotRemovedAtTheStartOrInsideAWord(String name, String expected) {
        assertThat(CompanyNames.normalise(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" stays \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Company | company",
        "Inc. | inc",
        "株式会社 | 株式会社",
        "（株） | 株",
    })
    void aNameThatIsOnlyALegalFormIsKeptRatherThanEmptied(String name, String expected) {
        assertThat(CompanyNames.normalise(name)).isEqualTo(expected);
    }

    @Test
    void fullWidthLatinCompanyNameMatchesHalfWidth() {
        assertThat(CompanyNames.normalise("Ｇｌｏｂｅｘ　Ｃｏｒｐｏｒａｔｉｏｎ"))
                .isEqualTo(CompanyNames.normalise("Globex Corporation"))
                .isEqualTo("globex");
    }

    @Test
    void halfWidthKatakanaCompanyNameMatchesFullWidth() {
        assertThat(CompanyNames.normalise("ﾄﾖﾀ自動車(株)")).isEqualTo(CompanyNames.normalise("トヨタ自動車株式会社"));
    }

    @Test
    void whitespaceBetweenAsciiWordsBecomesOneSpace() {
        assertThat(CompanyNames.normalise("Acme  Widgets, Inc.")).isEqualTo("acme widgets");
    }

    @Test
    void whitespaceNextToJapaneseIsRemoved() {
        assertThat(CompanyNames.normalise("トヨタ 自動車 Japan")).isEqualTo("トヨタ自動車japan");
    }

    @Test
    void punctuationIsRemoved() {
        assertThat(CompanyNames.normalise("Yahoo! Japan・ヤフー")).isEqualTo("yahoo japanヤフー");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000", "---", "・・・"})
    void blankOrPunctuationOnlyNamesHaveNoKey(String name) {
        assertThat(CompanyNames.normalise(name)).isNull();
    }
}

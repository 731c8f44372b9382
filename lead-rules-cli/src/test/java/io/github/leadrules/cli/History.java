package io.github.leadrules.cli;

import io.github.leadrules.cli.sample.SampleGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Lead histories with a known outcome for the {@code diff} and {@code backtest} command tests.
 */
final class History {

    /**
     * Ten leads exported from a Japanese CRM with its own header, mapped with {@link #MAP}. Three
     * were won (受注): J-01 and J-02, which the rules qualify, and J-06, a five-person firm the size
     * rule excludes. J-05 (free mail, no company) and J-07 (a student) are excluded too; J-10 has
     * an employee count that is not a number.
     */
    static final String JAPANESE_EXPORT = """
            リードID,メールアドレス,会社名,業種,従業員数,国,役職,問い合わせ種別,検討時期,同意,商談結果
            J-01,taro.sato@sample-kogyo.example,サンプル工業株式会社,製造業,1200,日本,情報システム部 部長,デモ依頼,1ヶ月以内,同意,受注
            J-02,hanako.suzuki@miraitech.example,株式会社ミライテック,情報通信業,300,日本,DX推進室 室長,見積依頼,3ヶ月以内,同意,受注
            J-03,emily.smith@acme.example,"Acme Co., Ltd.",Manufacturing,250,US,IT Manager,資料請求,半年以内,同意,失注
            J-04,david.brown@globex.example,Globex Corporation,Retail,5000,US,Marketing Specialist,ホワイトペーパー,未定,同意,失注
            J-05,ken.tanaka@gmail.com,,,,日本,,セミナー,不明,同意,失注
            J-06,aya.kato@hikari-design.example,合同会社ヒカリ&デザイン <Tokyo>,デザイン,5,日本,代表,デモ依頼,1ヶ月以内,同意,受注
            J-07,shota.ito@toto-univ.example,東都大学,教育,3000,日本,学生,資料請求,不明,同意,失注
            J-08,naoki.yamada@blueocean-logi.example,株式会社ブルーオーシャン物流,運輸業,300,日本,物流部 課長,資料請求,未定,同意,失注
            J-09,laura.miller@initech.example,Initech Inc.,Software,45,US,Engineer,記事,不明,同意,失注
            J-10,makoto.kimura@koyo-denki.example,光洋電機株式会社,製造業,たくさん,日本,営業部,資料請求,未定,同意,失注
            """;

    /** The column map for {@link #JAPANESE_EXPORT}. */
    static final String MAP = """
            # 国内CRMのエクスポート
            id = リードID
            email = メールアドレス
            company_name = 会社名
            industry = 業種
            employee_count = 従業員数
            country = 国
            job_title = 役職
            inquiry_type = 問い合わせ種別
            purchase_timeframe = 検討時期
            consent = 同意
            """;

    private History() {
    }

    /** Writes the Japanese export and its map into {@code dir}; returns the export. */
    static Path japaneseExport(Path dir) {
        Cli.write(dir.resolve("map.properties"), MAP);
        return Cli.write(dir.resolve("crm-export.csv"), JAPANESE_EXPORT);
    }

    /** The map written by {@link #japaneseExport(Path)}. */
    static Path map(Path dir) {
        return dir.resolve("map.properties");
    }

    /** Writes {@code count} sample leads, as {@code lead-rules sample} does, with their hidden outcome. */
    static Path sample(Path dir, int count) {
        Path file = dir.resolve("leads-" + count + ".csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new SampleGenerator(20261128L, Instant.parse(Cli.AS_OF)).write(w, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}

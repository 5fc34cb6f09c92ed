package jp.kakehashi.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.kakehashi.bulletin.CreateBulletinCommand;
import jp.kakehashi.bulletin.CreateBulletinCommand.PairCommand;
import jp.kakehashi.bulletin.CreateBulletinCommand.SourceCommand;
import jp.kakehashi.bulletin.CreateBulletinCommand.TargetCommand;

/**
 * Deterministic synthetic bilingual bulletins: the same seed gives the same corpus. Japanese sides
 * of ~400–800 characters and English sides of ~800–1,600, built from the vocabulary of the
 * offices' bulletins (offices, municipalities, programmes, events, numbers, dates).
 */
public final class CorpusGenerator {
    static final String[] OFFICES = {"PAR", "LON", "SIN", "NYC", "SYD", "SEL", "BEJ", "TYO"};
    static final String[][] PLACES = {{"白河市", "Shirakawa City"}, {"会津若松市", "Aizuwakamatsu City"},
            {"八戸市", "Hachinohe City"}, {"金沢市", "Kanazawa City"}, {"京都府", "Kyoto Prefecture"},
            {"北海道", "Hokkaido"}, {"大阪市", "Osaka City"}, {"新潟県", "Niigata Prefecture"},
            {"仙台市", "Sendai City"}, {"鳥取県", "Tottori Prefecture"}, {"福岡県", "Fukuoka Prefecture"},
            {"富山県", "Toyama Prefecture"}};
    static final String[][] CITIES = {{"パリ", "Paris"}, {"ロンドン", "London"}, {"シンガポール", "Singapore"},
            {"ニューヨーク", "New York"}, {"シドニー", "Sydney"}, {"ソウル", "Seoul"}, {"北京", "Beijing"},
            {"リヨン", "Lyon"}, {"メルボルン", "Melbourne"}, {"釜山", "Busan"}, {"上海", "Shanghai"}};
    static final String[][] EVENTS = {{"観光説明会", "tourism briefing"}, {"姉妹都市交流セミナー", "sister city seminar"},
            {"物産展", "products fair"}, {"防災フォーラム", "disaster preparedness forum"},
            {"JETプログラム説明会", "JET Programme information session"}, {"伝統工芸展", "traditional crafts exhibition"},
            {"商談会", "business meeting"}, {"青少年交流", "youth exchange"}, {"多文化共生の会議", "multicultural coexistence conference"}};
    static final String[] JA_FILLER = {"地方自治体の職員が参加し、", "現地の旅行会社や報道機関も取材に訪れ、",
            "参加者からは今後の連携に期待する声が上がった。", "事務所は今後も地域の魅力を発信していく。",
            "会場では特産品の試食や体験コーナーが設けられ、", "来場者は延べ数千人に上った。"};
    static final String[] EN_FILLER = {"Local government officials took part, ", "and local travel agencies and media attended. ",
            "Participants expressed hopes for closer cooperation. ", "The office will continue to promote the regions. ",
            "Tastings of local products and hands-on corners were offered, ", "drawing several thousand visitors in total. "};

    private CorpusGenerator() {
    }

    /** {@code pairs} pairs in bulletins of up to 200, all from {@code seed}. */
    public static List<CreateBulletinCommand> bulletins(long seed, int pairs) {
        Random r = new Random(seed);
        List<CreateBulletinCommand> result = new ArrayList<>();
        int made = 0;
        for (int b = 0; made < pairs; b++) {
            int n = Math.min(200, pairs - made);
            LocalDate date = LocalDate.of(2019, 5, 1).plusDays(b % 2700);
            List<PairCommand> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(pair(r, made + i, date));
            }
            result.add(new CreateBulletinCommand("B" + seed + "-" + b, "海外事務所だより 第" + (b + 1) + "号",
                    "Overseas Office Bulletin No. " + (b + 1), date, items));
            made += n;
        }
        return result;
    }

    static PairCommand pair(Random r, int index, LocalDate date) {
        String[] place = PLACES[r.nextInt(PLACES.length)];
        String[] city = CITIES[r.nextInt(CITIES.length)];
        String[] event = EVENTS[r.nextInt(EVENTS.length)];
        int people = 20 + r.nextInt(500);
        StringBuilder ja = new StringBuilder().append(date.getMonthValue()).append("月").append(date.getDayOfMonth())
                .append("日、").append(city[0]).append("で").append(place[0]).append("と共同で").append(event[0])
                .append("を開催し、約").append(people).append("人が参加した。");
        StringBuilder en = new StringBuilder().append("On ").append(date.getDayOfMonth()).append(" ")
                .append(date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH))
                .append(" a ").append(event[1]).append(" was held in ").append(city[1]).append(" with ")
                .append(place[1]).append(", attended by about ").append(people).append(" people. ");
        int jaTarget = 400 + r.nextInt(400);
        while (ja.length() < jaTarget) {
            int k = r.nextInt(JA_FILLER.length);
            ja.append(JA_FILLER[k]);
            en.append(EN_FILLER[k]);
        }
        while (en.length() < 800) {
            en.append(EN_FILLER[r.nextInt(EN_FILLER.length)]);
        }
        String title = city[0] + "で" + place[0] + "の" + event[0] + " " + index;
        return new PairCommand(OFFICES[index % OFFICES.length], "ja",
                new SourceCommand(title, null, ja.toString(), List.of(), List.of()),
                new TargetCommand(event[1] + " with " + place[1] + " in " + city[1] + " " + index, en.toString()));
    }

    /** A fixed mix of Japanese, English, romaji and cross-language queries. */
    public static List<String> queries(long seed, int count) {
        Random r = new Random(seed);
        List<String> q = new ArrayList<>();
        String[] romaji = {"shirakawa", "aizuwakamatsu", "hachinohe", "kanazawa", "hokkaido", "osaka", "tokyo"};
        while (q.size() < count) {
            switch (q.size() % 4) {
                case 0 -> q.add(PLACES[r.nextInt(PLACES.length)][0]);
                case 1 -> q.add(EVENTS[r.nextInt(EVENTS.length)][1]);
                case 2 -> q.add(romaji[r.nextInt(romaji.length)]);
                default -> q.add(EVENTS[r.nextInt(EVENTS.length)][0] + " " + CITIES[r.nextInt(CITIES.length)][1]);
            }
        }
        return q;
    }

    public static Map<String, Object> describe(List<CreateBulletinCommand> corpus) {
        long ja = 0;
        long en = 0;
        long bytes = 0;
        int pairs = 0;
        for (CreateBulletinCommand b : corpus) {
            for (PairCommand p : b.pairList()) {
                ja += p.source().body().length();
                en += p.target().body().length();
                bytes += utf8(p.source().title()) + utf8(p.source().body()) + utf8(p.target().title())
                        + utf8(p.target().body());
                pairs++;
            }
        }
        return Map.of("pairs", pairs, "jaChars", ja, "enChars", en, "textMB", Math.round(bytes / 1e5) / 10.0);
    }

    private static int utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}

package jp.kakehashi.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import jp.kakehashi.system.Assets;
import jp.kakehashi.system.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundles of locales/ stay in step: same keys, same argument names, every pattern parses. */
class LocalesTest {
    private final Properties en = Messages.load("locales/messages_en.properties");
    private final Properties ja = Messages.load("locales/messages_ja.properties");

    @Test
    void bothBundlesHaveTheSameKeysAndArgumentNamesAndEveryPatternParses() {
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ja.stringPropertyNames()));
        List<String> problems = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            try {
                Set<String> a = new TreeSet<>(new MessageFormat(en.getProperty(key), Locale.ENGLISH).getArgumentNames());
                Set<String> b = new TreeSet<>(new MessageFormat(ja.getProperty(key), Locale.JAPANESE).getArgumentNames());
                if (!a.equals(b)) {
                    problems.add(key + ": " + a + " vs " + b);
                }
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A key written twice loads as its last line silently: an edit to the first one would do nothing. */
    @Test
    void noKeyIsWrittenTwiceInABundle() throws IOException {
        for (String lang : List.of("en", "ja")) {
            List<String> keys = Files.readAllLines(Path.of("locales", "messages_" + lang + ".properties")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
                    .map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
            assertEquals(List.of(), keys.stream().filter(k -> keys.indexOf(k) != keys.lastIndexOf(k)).distinct().toList(),
                    "keys written twice in messages_" + lang);
        }
    }

    @Test
    void everyErrorCodeHasATitleInBothLanguages() {
        for (ErrorCode c : ErrorCode.values()) {
            assertEquals(true, en.containsKey("problem." + c.name()), c.name());
            assertEquals(true, ja.containsKey("problem." + c.name()), c.name());
        }
    }

    @Test
    void pluralsAndSelectsFormatPerLanguage() {
        Messages m = new Messages(Assets.packaged());
        assertEquals("No results", m.format(Locale.ENGLISH, "search.results", Map.of("count", 0)));
        assertEquals("1 result", m.format(Locale.ENGLISH, "search.results", Map.of("count", 1)));
        assertEquals("1,234 results", m.format(Locale.ENGLISH, "search.results", Map.of("count", 1234)));
        assertEquals("1,234件", m.format(Locale.JAPANESE, "search.results", Map.of("count", 1234)));
        assertEquals("差し戻し", m.format(Locale.JAPANESE, "pair.status", Map.of("status", "CHANGES_REQUESTED")));
        assertEquals("Awaiting review", m.format(Locale.ENGLISH, "pair.status", Map.of("status", "SUBMITTED")));
    }

    @Test
    void aBundleInTheAssetsFolderReplacesOnlyTheKeysItHas(@TempDir Path folder) throws IOException {
        bundle(folder, "en", "problem.NOT_FOUND=Nothing here\nsearch.results={count, plural, =0 {Nothing} other {# hits}}\n");
        Messages m = new Messages(Assets.over(folder));
        assertEquals("Nothing here", m.format(Locale.ENGLISH, "problem.NOT_FOUND", Map.of()));
        assertEquals("1,234 hits", m.format(Locale.ENGLISH, "search.results", Map.of("count", 1234)));
        assertEquals(en.getProperty("problem.CONFLICT"), m.format(Locale.ENGLISH, "problem.CONFLICT", Map.of()));
        assertEquals(ja.getProperty("problem.NOT_FOUND"), m.format(Locale.JAPANESE, "problem.NOT_FOUND", Map.of()));
    }

    @Test
    void aReplacedKeyTheJarLacksOrAPatternThatCannotFormatStopsStartUpNamingIt(@TempDir Path folder)
            throws IOException {
        for (String[] c : new String[][] {
            {"problem.NOT_FOUNDD=Nothing", "problem.NOT_FOUNDD is not a key of the packaged bundle"},
            {"search.results={count, plural, other {#}", "search.results: "},
            {"search.results={total} hits", "search.results may use the arguments [count], not [total]"}}) {
            bundle(folder, "ja", c[0] + "\n");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Messages(Assets.over(folder)));
            assertTrue(e.getMessage().startsWith("locales/messages_ja.properties: " + c[1]), e.getMessage());
        }
    }

    private static void bundle(Path folder, String lang, String text) throws IOException {
        Files.createDirectories(folder.resolve("locales"));
        Files.writeString(folder.resolve("locales/messages_" + lang + ".properties"), text);
    }

    @Test
    void datesAreWrittenTheWayEachLanguageWritesThem() {
        LocalDate d = LocalDate.of(2026, 11, 22);
        assertEquals("2026年11月22日", LocalDates.format(d, Locale.JAPANESE, false));
        assertEquals("令和8年11月22日", LocalDates.format(d, Locale.JAPANESE, true));
        assertEquals("22 November 2026", LocalDates.format(d, Locale.ENGLISH, false));
        assertEquals("平成31年4月30日", LocalDates.format(LocalDate.of(2019, 4, 30), Locale.JAPANESE, true));
        assertEquals("令和元年5月1日", LocalDates.format(LocalDate.of(2019, 5, 1), Locale.JAPANESE, true));
    }

    @Test
    void timesAreWrittenThroughIcuInTheOfficesZone() {
        java.time.Instant at = java.time.Instant.parse("2026-11-22T12:08:00Z");
        assertEquals("13:08 CET", LocalDates.time(at, java.time.ZoneId.of("Europe/Paris"), Locale.ENGLISH));
        assertEquals("13:08 GMT+1", LocalDates.time(at, java.time.ZoneId.of("Europe/Paris"), Locale.JAPANESE));
        assertEquals("21:08 JST", LocalDates.time(at, java.time.ZoneId.of("Asia/Tokyo"), Locale.JAPANESE));
        // English as written where the office is; Japanese's JST for Tokyo; the offset where no one has a name
        assertEquals("07:08 EST", LocalDates.time(at, java.time.ZoneId.of("America/New_York"), Locale.ENGLISH));
        assertEquals("08:08 EDT", LocalDates.time(java.time.Instant.parse("2026-07-22T12:08:00Z"),
                java.time.ZoneId.of("America/New_York"), Locale.ENGLISH));
        assertEquals("12:08 GMT", LocalDates.time(at, java.time.ZoneId.of("Europe/London"), Locale.ENGLISH));
        assertEquals("23:08 AEDT", LocalDates.time(at, java.time.ZoneId.of("Australia/Sydney"), Locale.ENGLISH));
        assertEquals("20:08 SGT", LocalDates.time(at, java.time.ZoneId.of("Asia/Singapore"), Locale.ENGLISH));
        assertEquals("21:08 JST", LocalDates.time(at, java.time.ZoneId.of("Asia/Tokyo"), Locale.ENGLISH));
        assertEquals("21:08 GMT+9", LocalDates.time(at, java.time.ZoneId.of("Asia/Seoul"), Locale.ENGLISH));
        assertEquals("20:08 GMT+8", LocalDates.time(at, java.time.ZoneId.of("Asia/Shanghai"), Locale.ENGLISH));
    }

    @Test
    void everyAuditActionHasWordsInTheHistoryInBothLanguages() {
        java.util.Set<String> names = new java.util.TreeSet<>(List.of("create", "retract",
                jp.kakehashi.pair.Action.RELEASED_WITH_BULLETIN, jp.kakehashi.pair.Action.SOURCE_RELEASED_WITH_BULLETIN,
                jp.kakehashi.pair.Action.RELEASED_ON_APPROVAL));
        for (jp.kakehashi.pair.Action a : jp.kakehashi.pair.Action.values()) {
            names.add(a.auditName(false));
            names.add(a.auditName(true));
        }
        for (String name : names) {
            assertTrue(en.containsKey("history." + name), "en history." + name);
            assertTrue(ja.containsKey("history." + name), "ja history." + name);
        }
    }
}

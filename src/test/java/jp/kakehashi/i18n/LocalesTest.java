package jp.kakehashi.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import jp.kakehashi.system.ErrorCode;
import org.junit.jupiter.api.Test;

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

    @Test
    void everyErrorCodeHasATitleInBothLanguages() {
        for (ErrorCode c : ErrorCode.values()) {
            assertEquals(true, en.containsKey("problem." + c.name()), c.name());
            assertEquals(true, ja.containsKey("problem." + c.name()), c.name());
        }
    }

    @Test
    void pluralsAndSelectsFormatPerLanguage() {
        Messages m = new Messages();
        assertEquals("No results", m.format(Locale.ENGLISH, "search.results", Map.of("count", 0)));
        assertEquals("1 result", m.format(Locale.ENGLISH, "search.results", Map.of("count", 1)));
        assertEquals("1,234 results", m.format(Locale.ENGLISH, "search.results", Map.of("count", 1234)));
        assertEquals("1,234件", m.format(Locale.JAPANESE, "search.results", Map.of("count", 1234)));
        assertEquals("差し戻し", m.format(Locale.JAPANESE, "pair.status", Map.of("status", "CHANGES_REQUESTED")));
        assertEquals("Awaiting review", m.format(Locale.ENGLISH, "pair.status", Map.of("status", "SUBMITTED")));
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
}

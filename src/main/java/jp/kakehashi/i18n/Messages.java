package jp.kakehashi.i18n;

import com.ibm.icu.text.MessageFormat;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import jp.kakehashi.system.Assets;

/**
 * ICU MessageFormat bundles from {@code locales/} (packaged into the jar). Read as UTF-8 so Japanese
 * needs no escapes; patterns are parsed once and cached per locale and key. A bundle in the
 * {@link Assets} folder replaces the packaged patterns key by key, so it holds only what an office
 * words differently and a release's new keys still come from the jar; a key the jar does not have,
 * a pattern that does not parse or one that uses an argument the jar's does not stops start-up.
 */
@Singleton
public class Messages {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private final Map<String, Properties> bundles = new ConcurrentHashMap<>();
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    @Inject
    public Messages(Assets assets) {
        for (Locale l : SUPPORTED) {
            String path = "locales/messages_" + l.getLanguage() + ".properties";
            Properties bundle = load(path);
            if (assets.replacement(path).isPresent()) {
                replaceKeys(bundle, properties(assets, path), path, l);
            }
            bundles.put(l.getLanguage(), bundle);
        }
    }

    private static void replaceKeys(Properties bundle, Properties replacing, String path, Locale locale) {
        for (String key : replacing.stringPropertyNames()) {
            String packaged = bundle.getProperty(key);
            if (packaged == null) {
                throw new IllegalStateException(path + ": " + key + " is not a key of the packaged bundle");
            }
            String pattern = replacing.getProperty(key);
            Set<String> used;
            try {
                used = new MessageFormat(pattern, locale).getArgumentNames();
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(path + ": " + key + ": " + e.getMessage(), e);
            }
            Set<String> known = new MessageFormat(packaged, locale).getArgumentNames();
            if (!known.containsAll(used)) {
                throw new IllegalStateException(path + ": " + key + " may use the arguments " + new TreeSet<>(known)
                        + ", not " + new TreeSet<>(used));
            }
            bundle.setProperty(key, pattern);
        }
    }

    private static Properties properties(Assets assets, String path) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(assets.read(path)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
        return p;
    }

    /** A packaged bundle as it is in the jar. */
    public static Properties load(String resource) {
        return properties(Assets.packaged(), resource);
    }

    public Locale localeOf(HttpRequest<?> request) {
        if (request == null) {
            return Locale.ENGLISH;
        }
        String header = request.getHeaders().get("Accept-Language");
        if (header != null) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException ignored) {
                // A malformed header is not the client's error to report here; fall back.
            }
        }
        return Locale.ENGLISH;
    }

    public String format(Locale locale, String key, Map<String, Object> args) {
        String lang = bundles.containsKey(locale.getLanguage()) ? locale.getLanguage() : "en";
        String pattern = bundles.get(lang).getProperty(key);
        if (pattern == null) {
            return key;
        }
        MessageFormat format = formats.computeIfAbsent(lang + '\u0000' + key,
                k -> new MessageFormat(pattern, Locale.forLanguageTag(lang)));
        synchronized (format) {
            return format.format(args);
        }
    }
}

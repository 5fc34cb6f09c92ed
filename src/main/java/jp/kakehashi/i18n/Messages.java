package jp.kakehashi.i18n;

import com.ibm.icu.text.MessageFormat;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ICU MessageFormat bundles from {@code locales/} (packaged into the jar). Read as UTF-8 so Japanese
 * needs no escapes; patterns are parsed once and cached per locale and key.
 */
@Singleton
public class Messages {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private final Map<String, Properties> bundles = new ConcurrentHashMap<>();
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    public Messages() {
        for (Locale l : SUPPORTED) {
            bundles.put(l.getLanguage(), load("locales/messages_" + l.getLanguage() + ".properties"));
        }
    }

    public static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing message bundle " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
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

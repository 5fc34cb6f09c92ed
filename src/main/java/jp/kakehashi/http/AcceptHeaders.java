package jp.kakehashi.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Drops an Accept-Language or Accept-Charset header that Micronaut could not read, before it reads
 * it. Its parser for both throws on a list with an empty member ({@code ;;;}, {@code ,}), and every
 * page and search answered such a request 500. The problem titles ({@code i18n/Messages}) already
 * treated an unreadable Accept-Language as absent; now everything does (the default language and
 * UTF-8), never an error. Accept-Language must be RFC 4647 language ranges; Accept-Charset members
 * must each name a charset before any parameter.
 */
final class AcceptHeaders {
    private static final Pattern CHARSET_MEMBER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+\\s*(;.*)?");

    private AcceptHeaders() {
    }

    static void dropUnreadable(HttpHeaders headers) {
        List<String> languages = headers.getAll(HttpHeaderNames.ACCEPT_LANGUAGE);
        if (!languages.isEmpty() && !languageRanges(String.join(",", languages))) {
            headers.remove(HttpHeaderNames.ACCEPT_LANGUAGE);
        }
        List<String> charsets = headers.getAll(HttpHeaderNames.ACCEPT_CHARSET);
        if (!charsets.isEmpty() && !charsets(String.join(",", charsets))) {
            headers.remove(HttpHeaderNames.ACCEPT_CHARSET);
        }
    }

    private static boolean languageRanges(String value) {
        try {
            return !Locale.LanguageRange.parse(value).isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean charsets(String value) {
        for (String member : value.split(",", -1)) {
            if (!CHARSET_MEMBER.matcher(member.strip()).matches()) {
                return false;
            }
        }
        return true;
    }
}

package jp.kakehashi.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.Utf8;

/**
 * Every text body is held to {@link Utf8}'s rules before anything decodes it, whatever reads it
 * next: Jackson decoded overlong UTF-8 in JSON ({@code "ov\xc0\xbc"} was stored as {@code ov<}) and
 * took {@code \u0000} and lone surrogates, while the text import refused them. JSON, text, XML in
 * UTF-8 and the percent-decoded names and values of forms all answer 400 INVALID_UTF8 or NUL_BYTE.
 * XML in UTF-16 (a BOM or a first {@code <} as two bytes) is left to the XML parser, which checks
 * its own encoding. Runs after the security filter: an unauthenticated body is never read.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class StrictBodies implements Ordered {
    private final Problems problems;

    StrictBodies(Problems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String type = request.getContentType().map(MediaType::getName).orElse("").toLowerCase(Locale.ROOT);
        try {
            if (type.equals("application/json") || type.endsWith("+json")) {
                Utf8.decode(body, "JSON body");
                Utf8.requireCleanJsonEscapes(body);
            } else if (type.equals(MediaType.APPLICATION_FORM_URLENCODED)) {
                for (String field : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                    Utf8.decode(percentDecoded(field), "form field");
                }
            } else if (type.endsWith("/xml") || type.endsWith("+xml")) {
                if (!utf16(body)) {
                    Utf8.decode(body, "XML body");
                }
            } else if (type.startsWith("text/")) {
                Utf8.decodeText(body);
            }
        } catch (ApiException refused) {
            return problems.response(request, refused);
        }
        return null;
    }

    private static boolean utf16(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)
                || (b[0] == 0 && b[1] == '<') || (b[0] == '<' && b[1] == 0));
    }

    /** The bytes a form field stands for ('+' is a space); a broken %-escape is kept as it is. */
    static byte[] percentDecoded(String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int hi = i + 2 < field.length() && c == '%' ? Character.digit(field.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(field.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c == '+' ? ' ' : c);
            }
        }
        return out.toByteArray();
    }
}

package jp.kakehashi.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A receiver's URL as an admin may register it: http or https, a host, no credentials or fragment. */
record WebhookUrl(URI uri) {
    static final int MAX = 2000;

    static WebhookUrl parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX) {
            throw new IllegalArgumentException("url is an http or https address of at most " + MAX + " characters");
        }
        URI u;
        try {
            u = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url does not parse: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url must be http or https");
        }
        if (u.getHost() == null || u.getRawUserInfo() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException("url needs a host, and no user name or fragment");
        }
        return new WebhookUrl(u);
    }

    boolean tls() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    String host() {
        return uri.getHost();
    }

    int port() {
        return uri.getPort() > 0 ? uri.getPort() : tls() ? 443 : 80;
    }

    /** The request target: path and query as registered. */
    String target() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    String hostHeader() {
        return uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
    }
}

package jp.kakehashi.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Container health check without curl in the image: exit 0 when the URL answers 200. */
public final class HealthProbe {
    private HealthProbe() {
    }

    public static void main(String[] args) throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(args[0]))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        System.exit(r.statusCode() == 200 ? 0 : 1);
    }
}

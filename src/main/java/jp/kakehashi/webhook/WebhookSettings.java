package jp.kakehashi.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Webhook deliveries ({@code kakehashi.webhooks.*}): bounds of one attempt, retries, hosts allowed inside. */
@ConfigurationProperties("kakehashi.webhooks")
public class WebhookSettings {
    private Duration connectTimeout = Duration.ofSeconds(5);
    /** The whole attempt, connection to the last byte read, is bounded by this. */
    private Duration timeout = Duration.ofSeconds(10);
    private Duration retryBase = Duration.ofSeconds(30);
    private int maxAttempts = 8;
    /** Deliveries attempted at once by one instance. */
    private int concurrency = 4;

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = Math.max(1, concurrency);
    }
    /** Host names (as written in the URL) that may resolve to private addresses: an intranet receiver. */
    private List<String> allowedHosts = List.of();

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getRetryBase() {
        return retryBase;
    }

    public void setRetryBase(Duration retryBase) {
        this.retryBase = retryBase;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    Set<String> allowed() {
        return allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}

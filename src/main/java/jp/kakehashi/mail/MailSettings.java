package jp.kakehashi.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * SMTP for notification mail ({@code kakehashi.mail.*}, or {@code KAKEHASHI_MAIL_*}). Without a
 * host, mail is off: people choose only in-page notifications and nothing is queued. STARTTLS is
 * required by default, so a relay that does not offer it is refused rather than sent plain text.
 */
@ConfigurationProperties("kakehashi.mail")
public class MailSettings {
    /** REQUIRED: refuse a server without STARTTLS; OPTIONAL: upgrade when offered; OFF: never (a local relay). */
    public enum StartTls { REQUIRED, OPTIONAL, OFF }

    @Nullable
    private String host;
    private int port = 587;
    @Nullable
    private String username;
    @Nullable
    private String password;
    private StartTls starttls = StartTls.REQUIRED;
    /**
     * Relay hosts whose certificate is trusted without a CA (space-separated; Jakarta Mail's
     * {@code mail.smtp.ssl.trust}): an internal relay with a self-signed certificate. Its name is
     * still checked against the certificate.
     */
    @Nullable
    private String trust;

    @Nullable
    public String getTrust() {
        return trust;
    }

    public void setTrust(@Nullable String trust) {
        this.trust = trust;
    }
    private String from = "kakehashi@localhost";
    private Duration timeout = Duration.ofSeconds(20);
    private int batch = 20;
    private int maxAttempts = 8;
    /** The first wait after a failed send; later waits are 5, 15, 60, 120, 240 and 480 times it. */
    private Duration retryBase = Duration.ofMinutes(1);

    public Duration getRetryBase() {
        return retryBase;
    }

    public void setRetryBase(Duration retryBase) {
        this.retryBase = retryBase;
    }

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    @Nullable
    public String getHost() {
        return host;
    }

    public void setHost(@Nullable String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    @Nullable
    public String getUsername() {
        return username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    @Nullable
    public String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public StartTls getStarttls() {
        return starttls;
    }

    public void setStarttls(StartTls starttls) {
        this.starttls = starttls;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public int getBatch() {
        return batch;
    }

    public void setBatch(int batch) {
        this.batch = batch;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }
}

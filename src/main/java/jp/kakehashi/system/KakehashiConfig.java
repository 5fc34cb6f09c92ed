package jp.kakehashi.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;

/** The service's own settings ({@code kakehashi.*}, also as {@code KAKEHASHI_*} environment variables). */
@ConfigurationProperties("kakehashi")
public class KakehashiConfig {
    private Path dataDir = Path.of("data");
    private boolean demo;
    @Nullable
    private String adminPassword;
    @Nullable
    private Path assetsDir;
    /** Where users reach the service, for links in mail and webhooks (it cannot know the name they use). */
    private String baseUrl = "http://localhost:8080";

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public boolean isDemo() {
        return demo;
    }

    public void setDemo(boolean demo) {
        this.demo = demo;
    }

    @Nullable
    public String getAdminPassword() {
        return adminPassword;
    }

    public void setAdminPassword(@Nullable String adminPassword) {
        this.adminPassword = adminPassword;
    }

    /** A folder whose {@code analyzers/} and {@code locales/} files replace the packaged ones ({@link Assets}). */
    @Nullable
    public Path getAssetsDir() {
        return assetsDir;
    }

    public void setAssetsDir(@Nullable Path assetsDir) {
        this.assetsDir = assetsDir;
    }
}

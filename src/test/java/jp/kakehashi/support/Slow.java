package jp.kakehashi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The slow tier: tests that kill or freeze MariaDB, restart the service, restore a backup, drive
 * Chromium or run a benchmark end to end. Surefire skips them; failsafe runs them later in the
 * same {@code verify}, so {@code ./mvnw test} stays the quick loop while developing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}

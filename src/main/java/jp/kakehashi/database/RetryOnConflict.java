package jp.kakehashi.database;

import io.micronaut.aop.Around;
import io.micronaut.aop.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the method again when its transaction lost a lock conflict ({@link ConflictRetries}). Put it
 * beside {@code @Transactional} on methods that are a whole transaction and do nothing outside it;
 * it runs outside the transaction interceptor, so each attempt is a new transaction.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Around
@InterceptorBinding
public @interface RetryOnConflict {
}

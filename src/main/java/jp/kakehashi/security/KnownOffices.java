package jp.kakehashi.security;

/**
 * What accounts need to know of offices: whether a code names one. An interface here, implemented
 * by {@code office/OfficeDirectory}, so that offices may ask who is signed in (an admin check)
 * without the two packages depending on each other.
 */
public interface KnownOffices {
    boolean exists(String code);
}

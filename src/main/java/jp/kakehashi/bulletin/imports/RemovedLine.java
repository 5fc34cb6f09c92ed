package jp.kakehashi.bulletin.imports;

import io.micronaut.serde.annotation.Serdeable;

/** A line of the sent text that an import left out as website chrome: its number (from 1) and text. */
@Serdeable
public record RemovedLine(int line, String text) {
}

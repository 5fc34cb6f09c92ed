package jp.kakehashi.glossary;

/** The termbase changed; published inside the writing transaction, heard after it commits. */
public record GlossaryChanged() {
}

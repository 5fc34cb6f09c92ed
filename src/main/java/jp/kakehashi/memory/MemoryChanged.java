package jp.kakehashi.memory;

/** Units were written in the current transaction; after commit the index catches up at once. */
record MemoryChanged() {
}

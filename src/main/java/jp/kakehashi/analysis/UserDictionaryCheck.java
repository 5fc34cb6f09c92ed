package jp.kakehashi.analysis;

/**
 * Checks {@code ja/userdict_ja.txt} line by line before Kuromoji reads it, because Kuromoji's own
 * errors name neither file nor line. A line is {@code surface,segmentation,readings,part of speech};
 * the segmentation must spell the surface and have one reading per segment.
 */
final class UserDictionaryCheck {
    static final String FILE = "ja/userdict_ja.txt";

    private UserDictionaryCheck() {
    }

    static void check(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = "analyzers/" + FILE + ":" + (i + 1) + ": ";
            String[] cols = line.split(",", -1);
            if (cols.length != 4 || cols[0].isBlank() || cols[3].isBlank()) {
                throw new IllegalStateException(at + "expected 'surface,segmentation,readings,part of speech'");
            }
            String[] segments = cols[1].strip().split("\\s+");
            String[] readings = cols[2].strip().split("\\s+");
            if (!String.join("", segments).equals(cols[0].strip())) {
                throw new IllegalStateException(at + "the segmentation '" + cols[1].strip() + "' does not spell '"
                        + cols[0].strip() + "'");
            }
            if (segments.length != readings.length) {
                throw new IllegalStateException(at + segments.length + " segments but " + readings.length
                        + " readings");
            }
            for (String r : readings) {
                if (!r.codePoints().allMatch(c -> c >= 0x30A1 && c <= 0x30FC)) {
                    throw new IllegalStateException(at + "readings are written in katakana: '" + r + "'");
                }
            }
        }
    }
}

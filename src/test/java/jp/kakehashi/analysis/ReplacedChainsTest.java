package jp.kakehashi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kakehashi.system.Assets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chains built from a folder that replaces some of analyzers/: the replaced files are the ones
 * analysed with, and the hash the index stores moves with every file a chain read, so a replaced
 * dictionary re-indexes and a replaced chain's own resource does too.
 */
class ReplacedChainsTest {
    private static final String WORD = "架け橋通信を読む";
    @TempDir
    Path folder;

    @Test
    void aUserDictionaryEntryInTheFolderSegmentsAndReadsTheWordAndChangesTheHash() throws Exception {
        write("analyzers/ja/userdict_ja.txt", Assets.packaged().read("analyzers/ja/userdict_ja.txt")
                + "架け橋通信,架け橋通信,カケハシツウシン,カスタム名詞\n");
        try (Chains packaged = new Chains(Assets.packaged()); Chains replaced = new Chains(Assets.over(folder))) {
            assertEquals("架け橋通信[0,5] 読む[6,8]", Tokens.of(replaced.require("ja"), WORD));
            assertEquals("kakehashitsushin[0,5] yomu[6,8]", Tokens.of(replaced.require("ja_read"), WORD));
            assertNotEquals(Tokens.of(packaged.require("ja"), WORD), Tokens.of(replaced.require("ja"), WORD));
            assertNotEquals(packaged.configHash(), replaced.configHash());
            assertEquals(replaced.configHash(), new Chains(Assets.over(folder)).configHash());
        }
    }

    @Test
    void aFileOnlyAReplacedChainNamesFeedsTheHash() throws Exception {
        write("analyzers/en.chain", Assets.packaged().read("analyzers/en.chain")
                + "filter stop words=en/office_stopwords.txt ignoreCase=true\n");
        write("analyzers/en/office_stopwords.txt", "bureau\n");
        String first;
        try (Chains chains = new Chains(Assets.over(folder))) {
            assertEquals("tokyo[0,5]", Tokens.of(chains.require("en"), "Tokyo bureau"));
            first = chains.configHash();
        }
        write("analyzers/en/office_stopwords.txt", "tokyo\n");
        try (Chains chains = new Chains(Assets.over(folder))) {
            assertEquals("bureau[6,12]", Tokens.of(chains.require("en"), "Tokyo bureau"));
            assertNotEquals(first, chains.configHash());
        }
    }

    @Test
    void aReplacedChainThatNamesAFileOutsideTheFolderStopsStartUpNamingTheLine() throws IOException {
        write("analyzers/en.chain", "tokenizer standard\nfilter stop words=../../../../etc/passwd\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Chains(Assets.over(folder)));
        assertTrue(e.getMessage().startsWith("analyzers/en.chain:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("Refused asset path"), e.getMessage());
    }

    @Test
    void aDictionaryThatIsNotUtf8StopsStartUpSayingSoInTheFirstLine() throws IOException {
        Path file = folder.resolve("analyzers/ja/userdict_ja.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, "八戸市,八戸 市,ハチノヘ シ,カスタム名詞\n".getBytes(java.nio.charset.Charset.forName("Shift_JIS")));
        RuntimeException e = assertThrows(RuntimeException.class, () -> new Chains(Assets.over(folder)));
        assertTrue(e.getMessage().startsWith("analyzers/ja/userdict_ja.txt cannot be read: "), e.getMessage());
        assertTrue(e.getMessage().contains("userdict_ja.txt is not UTF-8"), e.getMessage());
    }

    private void write(String path, String text) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

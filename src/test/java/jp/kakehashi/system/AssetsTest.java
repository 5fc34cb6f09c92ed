package jp.kakehashi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged analyzers/ and locales/, replaced file by file from a folder, and what a replacement must be. */
class AssetsTest {
    private static final String USERDICT = "analyzers/ja/userdict_ja.txt";
    @TempDir
    Path folder;

    @Test
    void aFileInTheFolderReplacesThePackagedOneAndTheOthersStillComeFromTheJar() throws IOException {
        write(USERDICT, "架け橋通信,架け橋通信,カケハシツウシン,カスタム名詞\n".getBytes(StandardCharsets.UTF_8));
        Assets assets = Assets.over(folder);

        assertEquals("架け橋通信,架け橋通信,カケハシツウシン,カスタム名詞\n", assets.read(USERDICT));
        assertEquals(Optional.of(folder.resolve(USERDICT).toAbsolutePath()), assets.replacement(USERDICT));
        assertEquals(Assets.packaged().read("analyzers/ja.chain"), assets.read("analyzers/ja.chain"));
        assertEquals(Optional.empty(), assets.replacement("analyzers/ja.chain"));
        assertTrue(Assets.packaged().read(USERDICT).contains("会津若松"), "the jar's own dictionary is untouched");
    }

    @Test
    void pathsThatClimbOutOfTheFolderOrTheJarsFoldersAreRefused() {
        Assets assets = Assets.over(folder);
        for (String path : new String[] {"analyzers/../application.yml", "../etc/passwd", "/etc/passwd",
            "analyzers\\..\\application.yml", "locales/../../x"}) {
            assertThrows(IllegalArgumentException.class, () -> assets.open(path), path);
            assertThrows(IllegalArgumentException.class, () -> Assets.packaged().open(path), path);
        }
    }

    @Test
    void aReplacementThatIsNotUtf8OrStartsWithAByteOrderMarkIsRefusedNamingTheFile() throws IOException {
        write(USERDICT, "八戸市,八戸 市,ハチノヘ シ,カスタム名詞\n".getBytes(Charset.forName("Shift_JIS")));
        IOException e = assertThrows(IOException.class, () -> Assets.over(folder).open(USERDICT));
        assertTrue(e.getMessage().contains("userdict_ja.txt is not UTF-8"), e.getMessage());

        byte[] text = "八戸市,八戸 市,ハチノヘ シ,カスタム名詞\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        write(USERDICT, bom);
        e = assertThrows(IOException.class, () -> Assets.over(folder).open(USERDICT));
        assertTrue(e.getMessage().contains("byte order mark"), e.getMessage());
    }

    @Test
    void aReplacementLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        write(USERDICT, new byte[0]);
        try (RandomAccessFile sparse = new RandomAccessFile(folder.resolve(USERDICT).toFile(), "rw")) {
            sparse.setLength(Assets.MAX_BYTES + 1);
        }
        IOException e = assertThrows(IOException.class, () -> Assets.over(folder).open(USERDICT));
        assertTrue(e.getMessage().contains("larger than 16 MB"), e.getMessage());
    }

    @Test
    void aFolderThatIsNotThereStopsStartUp() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Assets.over(folder.resolve("missing")));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    }

    private void write(String path, byte[] bytes) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}

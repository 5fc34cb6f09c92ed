package jp.kakehashi.system;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged {@code analyzers/} and {@code locales/}, each file replaceable by the file at the same
 * path under {@code KAKEHASHI_ASSETS_DIR}. File by file, so that an office's names go into
 * {@code analyzers/ja/userdict_ja.txt} without copying (and at every release merging) the rest; the
 * jar stays self-contained and runs without the folder.
 *
 * <p>A replacing file must be UTF-8 without a byte order mark and at most {@link #MAX_BYTES}: a
 * dictionary saved as Shift_JIS or with Notepad's BOM would otherwise load as mojibake or as a
 * broken first entry, silently. Paths with {@code ..} are refused, in the folder and on the class path.
 */
@Singleton
public final class Assets {
    public static final long MAX_BYTES = 16L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(Assets.class);
    private static final Assets PACKAGED = new Assets((Path) null);
    private static final List<String> FOLDERS = List.of("analyzers", "locales");
    /** Read once by the static segmenter, which XLIFF exports and the editor's rows share. */
    private static final String FIXED = "analyzers/segment/";
    private final Path folder;

    @Inject
    Assets(KakehashiConfig config) {
        this(config.getAssetsDir());
        if (folder != null) {
            logReplacements();
        }
    }

    private Assets(Path folder) {
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalStateException("KAKEHASHI_ASSETS_DIR " + folder + " is not a folder");
        }
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    /** Only what the jar holds. */
    public static Assets packaged() {
        return PACKAGED;
    }

    /** The jar's files, replaced by those {@code folder} has. */
    public static Assets over(Path folder) {
        return new Assets(folder);
    }

    /** The file that replaces {@code path} (e.g. {@code analyzers/ja/userdict_ja.txt}), if any. */
    public Optional<Path> replacement(String path) {
        checked(path);
        if (folder == null) {
            return Optional.empty();
        }
        Path file = folder.resolve(path).normalize();
        return file.startsWith(folder) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** {@code path}'s bytes: the folder's file if it has one, else the packaged one. */
    public InputStream open(String path) throws IOException {
        Optional<Path> file = replacement(path);
        if (file.isPresent()) {
            return new ByteArrayInputStream(validated(path, file.get()));
        }
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new FileNotFoundException(path + " is not packaged" + (folder == null ? "" : " nor in " + folder));
        }
        return in;
    }

    /** {@code path} as text. */
    public String read(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void checked(String path) {
        if (path.startsWith("/") || path.contains("\\") || List.of(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("Refused asset path " + path);
        }
    }

    private static byte[] validated(String path, Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " (in place of " + path + ") is larger than " + (MAX_BYTES >> 20) + " MB");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            throw new IOException(file + " starts with a byte order mark; save it as UTF-8 without BOM");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 (" + e.getMessage() + "); save it as UTF-8", e);
        }
        return bytes;
    }

    /** Says at start which files are replaced, so a file put in the wrong place is noticed. */
    private void logReplacements() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String path = folder.relativize(file).toString().replace('\\', '/');
                if (!FOLDERS.contains(path.split("/")[0])) {
                    LOG.warn("{} is ignored: only analyzers/ and locales/ replace packaged files", file);
                } else if (path.startsWith(FIXED)) {
                    LOG.warn("{} is ignored: sentence segmentation is fixed in the jar", file);
                } else if (Assets.class.getClassLoader().getResource(path) != null) {
                    LOG.info("{} replaces the packaged {}", file, path);
                } else if (path.startsWith("analyzers/")) {
                    LOG.info("{} is not a packaged file; it is read where a chain names {}", file, path);
                } else {
                    LOG.warn("{} is ignored: only the packaged bundles' keys can be replaced", file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("KAKEHASHI_ASSETS_DIR " + folder + " cannot be listed", e);
        }
    }
}

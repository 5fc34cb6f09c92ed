package jp.kakehashi.analysis;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.system.Assets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.ResourceLoader;

/**
 * The analysis chains of {@code analyzers/} ({@link Assets}: packaged, or replaced file by file), built
 * once at start-up, and a hash of every file they read: the index stores it and rebuilds when it changes.
 */
@Singleton
public class Chains implements AutoCloseable {
    public static final List<String> NAMES = List.of("ja", "ja_read", "en", "en_shingle", "en_read");
    static final List<String> FILES = List.of("ja.chain", "ja_read.chain", "en.chain", "en_shingle.chain",
            "en_read.chain", "ja/userdict_ja.txt", "ja/stoptags_ja.txt", "ja/stopwords_ja.txt", "en/stopwords_en.txt");

    private final Map<String, Analyzer> analyzers = new LinkedHashMap<>();
    private final String hash;

    @jakarta.inject.Inject
    public Chains(Assets assets) {
        this(new PrefixResourceLoader("analyzers/", assets));
    }

    Chains(PrefixResourceLoader resources) {
        UserDictionaryCheck.check(ChainLoader.read(resources, UserDictionaryCheck.FILE));
        for (String name : NAMES) {
            analyzers.put(name, ChainLoader.load(resources, name + ".chain"));
        }
        this.hash = hash(resources, resources.filesAndOthersOpened(FILES));
    }

    public Optional<Analyzer> get(String name) {
        return Optional.ofNullable(analyzers.get(name));
    }

    public Analyzer require(String name) {
        return get(name).orElseThrow(() -> new IllegalArgumentException("No chain " + name));
    }

    /**
     * SHA-256 over the chain files and their resources, in a fixed order, then over any other file a
     * (replaced) chain read: the same value as before for the packaged files.
     */
    public String configHash() {
        return hash;
    }

    private static String hash(ResourceLoader resources, List<String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : files) {
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                digest.update(ChainLoader.read(resources, file).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        analyzers.values().forEach(Analyzer::close);
    }
}

package jp.kakehashi.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.kakehashi.system.Assets;
import org.apache.lucene.util.ResourceLoader;

/**
 * Loads chain resources under a folder of the {@link Assets} ({@code analyzers/}), and remembers what
 * it opened: a chain may name a resource no fixed list knows (a replaced chain's own synonyms), and
 * an analyzer hash must cover it too.
 */
public final class PrefixResourceLoader implements ResourceLoader {
    private final String prefix;
    private final Assets assets;
    private final Set<String> opened = new LinkedHashSet<>();

    public PrefixResourceLoader(String prefix, Assets assets) {
        this.prefix = prefix;
        this.assets = assets;
    }

    @Override
    public InputStream openResource(String resource) throws IOException {
        InputStream in;
        try {
            in = assets.open(prefix + resource);
        } catch (IllegalArgumentException refused) {
            throw new IOException(refused.getMessage(), refused);
        }
        synchronized (opened) {
            opened.add(resource);
        }
        return in;
    }

    /** {@code files}, then what else was opened, in the order first opened. */
    public List<String> filesAndOthersOpened(List<String> files) {
        List<String> all = new ArrayList<>(files);
        synchronized (opened) {
            opened.stream().filter(f -> !files.contains(f)).forEach(all::add);
        }
        return all;
    }

    @Override
    public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
        try {
            return Class.forName(cname, true, PrefixResourceLoader.class.getClassLoader()).asSubclass(expectedType);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Cannot load class " + cname, e);
        }
    }
}

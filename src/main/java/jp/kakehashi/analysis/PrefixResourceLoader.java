package jp.kakehashi.analysis;

import java.io.IOException;
import java.io.InputStream;
import org.apache.lucene.util.ResourceLoader;

/** Loads chain resources from the class path under a folder (analyzers/ inside the jar). */
public final class PrefixResourceLoader implements ResourceLoader {
    private final String prefix;
    private final ClassLoader loader;

    public PrefixResourceLoader(String prefix, ClassLoader loader) {
        this.prefix = prefix;
        this.loader = loader;
    }

    @Override
    public InputStream openResource(String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(prefix + resource);
        if (in == null) {
            throw new IOException("Resource not found: " + prefix + resource);
        }
        return in;
    }

    @Override
    public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
        try {
            return Class.forName(cname, true, loader).asSubclass(expectedType);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Cannot load class " + cname, e);
        }
    }
}

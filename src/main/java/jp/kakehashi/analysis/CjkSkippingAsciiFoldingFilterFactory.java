package jp.kakehashi.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** SPI name {@code cjkSkippingAsciiFolding} for the chain files. */
public class CjkSkippingAsciiFoldingFilterFactory extends TokenFilterFactory {
    public static final String NAME = "cjkSkippingAsciiFolding";

    public CjkSkippingAsciiFoldingFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args.keySet());
        }
    }

    /** Required by Lucene's SPI loader; never used. */
    public CjkSkippingAsciiFoldingFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new CjkSkippingAsciiFoldingFilter(input);
    }
}

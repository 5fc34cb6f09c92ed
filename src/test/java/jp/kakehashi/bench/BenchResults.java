package jp.kakehashi.bench;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the harnesses leave their machine-readable results: {@code target/bench/<file>}. */
public final class BenchResults {
    private BenchResults() {
    }

    /** Writes {@code result} as JSON to {@code target/bench/<file>} and returns it. */
    public static Map<String, Object> written(String file, Map<String, Object> result) throws IOException {
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", file), JsonMapper.createDefault().writeValueAsString(result));
        return result;
    }
}

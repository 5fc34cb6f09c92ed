package jp.kakehashi.bulletin.imports;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import jp.kakehashi.bulletin.BulletinView;

/**
 * The answer to a text import: the bulletin as stored, its fields at the top level as for any
 * bulletin, and the lines of the text that were left out (site chrome, navigation, footers).
 */
@Serdeable
public record ImportView(@JsonUnwrapped BulletinView bulletin, List<RemovedLine> removed) {
}

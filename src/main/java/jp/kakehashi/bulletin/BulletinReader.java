package jp.kakehashi.bulletin;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.pair.Pair;
import jp.kakehashi.pair.PairReader;
import jp.kakehashi.pair.PairRepository;
import jp.kakehashi.pair.PairView;
import jp.kakehashi.system.ApiException;

/**
 * A bulletin with its pairs, read in one transaction. Readers see public bulletins only (an edition
 * released), each pair
 * as {@link PairReader} shows it to them; anything else is 404 to a reader, never 403.
 */
@Singleton
public class BulletinReader {
    private final BulletinRepository bulletins;
    private final PairRepository pairs;
    private final PairReader reader;

    BulletinReader(BulletinRepository bulletins, PairRepository pairs, PairReader reader) {
        this.bulletins = bulletins;
        this.pairs = pairs;
        this.reader = reader;
    }

    @Transactional(readOnly = true)
    public BulletinView bulletin(long id, boolean staff) {
        Bulletin b = bulletins.findById(id).filter(x -> staff || x.state().isPublic())
                .orElseThrow(() -> ApiException.notFound("Bulletin " + id));
        Map<Long, String> names = new HashMap<>();
        List<Pair> all = pairs.findByBulletinIdOrderByPosition(id);
        List<PairView> views = all.stream().map(p -> reader.view(p, staff, names)).flatMap(Optional::stream).toList();
        return new BulletinView(b.id(), b.number(), b.titleJa(), b.titleEn(), b.publishedOn(), b.state(),
                b.releasedAt(), b.sourceReleasedAt(), Edition.of(all, b.state().isPublic()), b.version(), views);
    }
}

package jp.kakehashi.office;

import com.ibm.icu.text.Normalizer2;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.security.KnownOffices;

/**
 * Recognises the office named in a bulletin attribution such as {@code (パリ事務所)},
 * {@code （クレアソウル事務所）} or {@code (本部)}. Names come from the offices table; an unknown
 * name is reported, never guessed.
 */
@Singleton
public class OfficeDirectory implements KnownOffices {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Pattern ATTRIBUTION = Pattern.compile("\\(([^()]{1,40})\\)");
    private final OfficeRepository offices;
    private volatile Map<String, String> byName;

    public OfficeDirectory(OfficeRepository offices) {
        this.offices = offices;
    }

    public List<Office> all() {
        return offices.findAllOrderByCode();
    }

    /** The office's time zone, for times shown to its people; Tokyo for an unknown code. */
    public java.time.ZoneId zoneOf(String code) {
        return offices.findById(code).map(o -> java.time.ZoneId.of(o.timeZone())).orElse(java.time.ZoneId.of("Asia/Tokyo"));
    }

    /** A person's zone: their first office's in code order, Tokyo for those without one. */
    public java.time.ZoneId homeZone(java.util.Collection<String> theirOffices) {
        return theirOffices.stream().sorted().findFirst().map(this::zoneOf).orElse(java.time.ZoneId.of("Asia/Tokyo"));
    }

    @Override
    public boolean exists(String code) {
        return names().containsValue(code);
    }

    /** The office of the last recognisable attribution in the text, if any. */
    public Optional<String> attributedOffice(String text) {
        Matcher m = ATTRIBUTION.matcher(NFKC.normalize(text));
        String found = null;
        while (m.find()) {
            String code = codeOf(m.group(1));
            if (code != null) {
                found = code;
            }
        }
        return Optional.ofNullable(found);
    }

    private String codeOf(String attribution) {
        String name = attribution.strip();
        for (String prefix : List.of("クレア", "CLAIR", "自治体国際化協会")) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length()).strip();
            }
        }
        if (name.endsWith("事務所")) {
            name = name.substring(0, name.length() - 3);
        }
        return names().get(name);
    }

    private Map<String, String> names() {
        Map<String, String> m = byName;
        if (m == null) {
            m = new HashMap<>();
            for (Office o : offices.findAll()) {
                m.put(o.nameJa(), o.code());
            }
            m.put("東京本部", "TYO");
            byName = m;
        }
        return m;
    }
}

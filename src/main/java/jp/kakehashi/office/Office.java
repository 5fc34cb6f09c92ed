package jp.kakehashi.office;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/** One of the body's offices; the seed rows come from the first migration. */
@MappedEntity("office")
public record Office(@Id String code, String nameJa, String nameEn, String timeZone, int leaseHours,
                     boolean selfApproval, ReleaseMode releaseMode, @Version Long version) {
}

package jp.kakehashi.office;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record OfficeView(String code, String nameJa, String nameEn, String timeZone, int leaseHours,
                         boolean selfApproval, ReleaseMode releaseMode) {
    static OfficeView of(Office o) {
        return new OfficeView(o.code(), o.nameJa(), o.nameEn(), o.timeZone(), o.leaseHours(), o.selfApproval(),
                o.releaseMode());
    }
}

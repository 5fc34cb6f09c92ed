package jp.kakehashi.office;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jp.kakehashi.database.RetryOnConflict;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * The workflow settings of an office: how long a claim lasts, whether self-approval is allowed, and
 * whether approved translations are released item by item ({@link ReleaseMode}).
 */
@Singleton
public class OfficeSettings {
    static final int MAX_LEASE_HOURS = 14 * 24;
    private final OfficeRepository offices;

    OfficeSettings(OfficeRepository offices) {
        this.offices = offices;
    }

    @Transactional
    @RetryOnConflict
    public Office update(String code, @Nullable Integer leaseHours, @Nullable Boolean selfApproval,
                         @Nullable ReleaseMode releaseMode) {
        Office o = offices.findById(code).orElseThrow(() -> ApiException.notFound("Office " + code));
        int hours = leaseHours == null ? o.leaseHours() : leaseHours;
        if (hours < 1 || hours > MAX_LEASE_HOURS) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "leaseHours must be 1 to " + MAX_LEASE_HOURS)
                    .with("field", "leaseHours");
        }
        return offices.update(new Office(o.code(), o.nameJa(), o.nameEn(), o.timeZone(), hours,
                selfApproval == null ? o.selfApproval() : selfApproval,
                releaseMode == null ? o.releaseMode() : releaseMode, o.version()));
    }
}

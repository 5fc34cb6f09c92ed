package jp.kakehashi.bulletin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jp.kakehashi.http.ETags;
import jp.kakehashi.pair.TextCommands.ActionCommand;
import jp.kakehashi.security.StaffLookup;

/** Publishing a bulletin's editions (its source alone, or everything approved at once), retracting, withdrawing. */
@Controller("/api/v1/bulletins")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class BulletinReleaseController {
    private final BulletinRelease releases;
    private final BulletinWithdrawal withdrawals;
    private final StaffLookup staff;

    BulletinReleaseController(BulletinRelease releases, BulletinWithdrawal withdrawals, StaffLookup staff) {
        this.releases = releases;
        this.withdrawals = withdrawals;
        this.staff = staff;
    }

    @Post("/{id}/release")
    BulletinView release(@PathVariable long id, @Nullable @Header("If-Match") String ifMatch,
                         @Nullable Authentication auth) {
        return releases.release(id, staff.require(auth), ETags.version(ifMatch));
    }

    /** The source-language edition alone; the translations follow ({@link BulletinRelease#releaseSource}). */
    @Post("/{id}/release-source")
    BulletinView releaseSource(@PathVariable long id, @Nullable @Header("If-Match") String ifMatch,
                               @Nullable Authentication auth) {
        return releases.releaseSource(id, staff.require(auth), ETags.version(ifMatch));
    }

    @Post("/{id}/retract")
    BulletinView retract(@PathVariable long id, @Nullable @Body ActionCommand body,
                         @Nullable @Header("If-Match") String ifMatch, @Nullable Authentication auth) {
        return releases.retract(id, staff.require(auth), body == null ? null : body.reason(), ETags.version(ifMatch));
    }

    /** Deletes a bulletin imported by mistake, before any of it was approved ({@link BulletinWithdrawal}). */
    @Post("/{id}/withdraw")
    @Status(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable long id, @Nullable @Body ActionCommand body, @Nullable Authentication auth) {
        withdrawals.withdraw(id, staff.require(auth), body == null ? null : body.reason());
    }
}

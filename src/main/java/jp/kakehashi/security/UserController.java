package jp.kakehashi.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import jp.kakehashi.security.UserCommands.ChangePasswordCommand;
import jp.kakehashi.security.UserCommands.CreateUserCommand;
import jp.kakehashi.security.UserCommands.ResetPasswordCommand;
import jp.kakehashi.security.UserCommands.UserView;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/** Accounts. The admin role is re-checked against MariaDB, not only against the token's claim. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserController {
    private final AccountService accounts;
    private final Passwords passwords;
    private final StaffLookup staff;
    private final SignOuts signOuts;
    private final ClientAddresses addresses;

    UserController(AccountService accounts, Passwords passwords, StaffLookup staff, SignOuts signOuts,
                   ClientAddresses addresses) {
        this.signOuts = signOuts;
        this.addresses = addresses;
        this.accounts = accounts;
        this.passwords = passwords;
        this.staff = staff;
    }

    @Post("/users")
    @Secured("ADMIN")
    HttpResponse<UserView> create(@Body CreateUserCommand command, @Nullable Authentication auth) {
        return HttpResponse.created(accounts.create(command, admin(auth).actor()));
    }

    @Get("/users")
    @Secured("ADMIN")
    List<UserView> list(@Nullable Authentication auth) {
        admin(auth);
        return accounts.all();
    }

    @Put("/users/{id}")
    @Secured("ADMIN")
    UserView update(@PathVariable long id, @Body UserCommands.UpdateUserCommand command, @Nullable Authentication auth) {
        return accounts.update(id, command, admin(auth).actor());
    }

    @Post("/users/{id}/deactivate")
    @Secured("ADMIN")
    UserView deactivate(@PathVariable long id, @Nullable Authentication auth) {
        return accounts.deactivate(id, admin(auth).actor());
    }

    @Put("/users/{id}/password")
    @Secured("ADMIN")
    HttpStatus reset(@PathVariable long id, @Body ResetPasswordCommand command, @Nullable Authentication auth) {
        passwords.reset(id, command.password(), admin(auth).actor());
        return HttpStatus.NO_CONTENT;
    }

    @Get("/auth/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Staff me(@Nullable Authentication auth) {
        return staff.require(auth);
    }

    @Post("/auth/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpStatus changePassword(@Body ChangePasswordCommand command, @Nullable Authentication auth,
                              HttpRequest<?> request) {
        passwords.change(staff.require(auth), StaffLookup.epoch(auth), command.currentPassword(),
                command.newPassword(), addresses.of(request));
        return HttpStatus.NO_CONTENT;
    }

    /** Ends this token (not the person's other sessions); 204 also for a token already ended. */
    @Post("/auth/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpStatus signOut(@Nullable Authentication auth) {
        signOuts.signOut(auth);
        return HttpStatus.NO_CONTENT;
    }

    private Staff admin(Authentication auth) {
        Staff s = staff.require(auth);
        if (!s.has(User.Role.ADMIN)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Administrators only");
        }
        return s;
    }
}

package io.gatehouse.adapter.http.javalin;

import io.gatehouse.adapter.http.javalin.dto.ApiKeyCreatedResponse;
import io.gatehouse.adapter.http.javalin.dto.CreateApiKeyForm;
import io.gatehouse.adapter.http.javalin.dto.StatusResponse;
import io.gatehouse.adapter.http.javalin.dto.UpdatePasswordForm;
import io.gatehouse.adapter.http.javalin.dto.UpdateProfileForm;
import io.gatehouse.adapter.http.javalin.dto.UpdateTimezoneForm;
import io.gatehouse.application.port.in.account.ChangePasswordUseCase;
import io.gatehouse.application.port.in.account.CreateApiKeyUseCase;
import io.gatehouse.application.port.in.account.DeleteApiKeyUseCase;
import io.gatehouse.application.port.in.account.GetApiKeyUseCase;
import io.gatehouse.application.port.in.account.UpdateProfileUseCase;
import io.gatehouse.application.port.in.account.UpdateTimezoneUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.user.UserProfile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/** What users do to their own account: profile, timezone, password (Open WebUI §1.5–§1.7) and API key (§1.13). */
final class AccountRoutes {

    private final Supplier<UseCases> useCases;
    private final HttpSettings settings;
    private final RequestAuthenticator authenticator;
    private final SessionCookies cookies;
    private final Json json;

    AccountRoutes(Supplier<UseCases> useCases, HttpSettings settings, RequestAuthenticator authenticator,
                  SessionCookies cookies, Json json) {
        this.useCases = useCases;
        this.settings = settings;
        this.authenticator = authenticator;
        this.cookies = cookies;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auths/update/profile", this::updateProfile);
        routes.post("/api/v1/auths/update/timezone", this::updateTimezone);
        routes.post("/api/v1/auths/update/password", this::changePassword);
        routes.post("/api/v1/auths/api_key", this::createApiKey);
        routes.get("/api/v1/auths/api_key", this::getApiKey);
        routes.delete("/api/v1/auths/api_key", this::deleteApiKey);
    }

    private void updateProfile(Context ctx) {
        Principal principal = authenticator.require(ctx, Access.VERIFIED);
        UpdateProfileForm form = json.read(ctx, UpdateProfileForm.class);
        Optional<LocalDate> dateOfBirth = parseDate(form.dateOfBirth());
        new Json.Problems()
                .check(settings.profileImagePolicy().allows(form.profileImageUrl()), "profile_image_url",
                        "Invalid profile image URL")
                .check(form.dateOfBirth() == null || dateOfBirth.isPresent(), "date_of_birth",
                        "Input should be a valid date in the format YYYY-MM-DD")
                .throwIfAny();
        UserProfile profile = new UserProfile(form.profileImageUrl(), Optional.ofNullable(form.bio()),
                Optional.ofNullable(form.gender()), dateOfBirth);
        ctx.json(useCases.get().updateProfile()
                .updateProfile(new UpdateProfileUseCase.Command(principal.user().id(), form.name(), profile))
                .map(Wire::profile)
                .orElseThrow(() -> ApiError.of(400, Messages.DEFAULT)));
    }

    private static Optional<LocalDate> parseDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private void updateTimezone(Context ctx) {
        Principal principal = authenticator.require(ctx, Access.SIGNED_IN);
        UpdateTimezoneForm form = json.read(ctx, UpdateTimezoneForm.class);
        useCases.get().updateTimezone().updateTimezone(new UpdateTimezoneUseCase.Command(principal.user().id(), form.timezone()));
        ctx.json(new StatusResponse(true));
    }

    /** Every token of the user is revoked; the caller's browser gets a fresh session cookie, the answer stays {@code true}. */
    private void changePassword(Context ctx) {
        Principal principal = authenticator.require(ctx, Access.SIGNED_IN);
        if (settings.trustedHeaders().isPresent()) {
            throw ApiError.of(400, Messages.ACTION_PROHIBITED); // the proxy owns the credentials (Open WebUI §8.2)
        }
        UpdatePasswordForm form = json.read(ctx, UpdatePasswordForm.class);
        ChangePasswordUseCase.Result result = useCases.get().changePassword().changePassword(new ChangePasswordUseCase.Command(
                principal.user().id(), PlainPassword.of(form.password()), PlainPassword.of(form.newPassword())));
        if (result instanceof ChangePasswordUseCase.Result.Refused) {
            ChangePasswordUseCase.Result.Refused refused = (ChangePasswordUseCase.Result.Refused) result;
            switch (refused.reason()) {
                case INCORRECT_PASSWORD: throw ApiError.of(400, Messages.INCORRECT_PASSWORD);
                case PASSWORD_REJECTED: throw Wire.passwordRejected(refused.password().orElseThrow());
                default: throw ApiError.of(401, Messages.INVALID_TOKEN);
            }
        }
        Session fresh = ((ChangePasswordUseCase.Result.Changed) result).freshSession();
        cookies.setToken(ctx, fresh.token(), fresh.claims().expiresAt());
        ctx.json(true);
    }

    private void createApiKey(Context ctx) {
        Principal principal = authenticator.require(ctx, Access.SIGNED_IN);
        Optional<Duration> validity = json.readOptional(ctx, CreateApiKeyForm.class)
                .map(CreateApiKeyForm::expiresIn)
                .flatMap(AccountRoutes::validity);
        CreateApiKeyUseCase.Result result = useCases.get().createApiKey().create(new CreateApiKeyUseCase.Command(principal, validity));
        if (result instanceof CreateApiKeyUseCase.Result.NotAllowed) {
            throw ApiError.of(403, Messages.API_KEY_CREATION_NOT_ALLOWED);
        }
        CreateApiKeyUseCase.Result.Created created = (CreateApiKeyUseCase.Result.Created) result;
        ctx.json(new ApiKeyCreatedResponse(created.secret().reveal(), Wire.epochSeconds(created.key().expiresAt())));
    }

    /** A key's validity in {@code JWT_EXPIRES_IN}'s syntax; {@code -1}/{@code 0} mean no expiry. */
    private static Optional<Duration> validity(String text) {
        TokenLifetime lifetime = TokenLifetime.parse(text).orElseThrow(() -> ApiError.invalid("expires_in",
                "Use a duration such as 30d or 12h, or -1 for a key that does not expire"));
        if (lifetime.duration().isPresent() && (lifetime.duration().get().isNegative() || lifetime.duration().get().isZero())) {
            throw ApiError.invalid("expires_in", "A key's validity is positive");
        }
        return lifetime.duration();
    }

    private void getApiKey(Context ctx) {
        Principal principal = authenticator.require(ctx, Access.SIGNED_IN);
        GetApiKeyUseCase.Result result = useCases.get().getApiKey().get(principal);
        if (result instanceof GetApiKeyUseCase.Result.NotAllowed) {
            throw ApiError.of(403, Messages.API_KEY_CREATION_NOT_ALLOWED);
        }
        if (result instanceof GetApiKeyUseCase.Result.Absent) {
            throw ApiError.of(404, Messages.API_KEY_NOT_FOUND);
        }
        ctx.json(Wire.apiKey(((GetApiKeyUseCase.Result.Found) result).key()));
    }

    private void deleteApiKey(Context ctx) {
        Principal principal = authenticator.require(ctx, Access.SIGNED_IN);
        DeleteApiKeyUseCase.Result result = useCases.get().deleteApiKey().delete(principal);
        if (result instanceof DeleteApiKeyUseCase.Result.NotAllowed) {
            throw ApiError.of(403, Messages.API_KEY_CREATION_NOT_ALLOWED);
        }
        ctx.json(((DeleteApiKeyUseCase.Result.Deleted) result).existed());
    }
}

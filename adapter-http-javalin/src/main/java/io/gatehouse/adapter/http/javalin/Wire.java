package io.gatehouse.adapter.http.javalin;

import io.gatehouse.adapter.http.javalin.dto.ApiKeyResponse;
import io.gatehouse.adapter.http.javalin.dto.ProfileResponse;
import io.gatehouse.adapter.http.javalin.dto.SessionInfoResponse;
import io.gatehouse.adapter.http.javalin.dto.SessionResponse;
import io.gatehouse.adapter.http.javalin.dto.UserResponse;
import io.gatehouse.application.port.in.PasswordRejection;
import io.gatehouse.application.port.in.session.DescribeSessionUseCase.SessionInfo;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.user.User;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Domain values to wire models, and refusal reasons to Open WebUI's messages. */
final class Wire {

    private Wire() {
    }

    /** Open WebUI answers sign-in with the route of the picture, not the picture itself (a data URI can be large). */
    static String pictureRoute(User user) {
        return "/api/v1/users/" + user.id().value() + "/profile/image";
    }

    static SessionResponse session(Session session) {
        User user = session.user();
        return new SessionResponse(session.token().value(), "Bearer", epochSeconds(session.claims().expiresAt()),
                user.id().value(), user.email().value(), user.name(), user.role().wireName(), pictureRoute(user),
                session.permissions().toMap());
    }

    /** {@code GET /api/v1/auths/}: the presented credential echoed, the stored picture rather than its route. */
    static SessionInfoResponse sessionInfo(SessionInfo info, String presented, Optional<Instant> expiresAt,
                                           RenderedPermissions permissions) {
        User user = info.user();
        return new SessionInfoResponse(presented, "Bearer", epochSeconds(expiresAt), user.id().value(),
                user.email().value(), user.name(), user.role().wireName(), user.profile().profileImageUrl(),
                permissions.of(info.permissions()), user.profile().bio().orElse(null), user.profile().gender().orElse(null),
                user.profile().dateOfBirth().map(LocalDate::toString).orElse(null));
    }

    static ProfileResponse profile(User user) {
        return new ProfileResponse(user.id().value(), user.name(), user.role().wireName(), user.email().value(),
                user.profile().profileImageUrl());
    }

    static UserResponse user(User user) {
        return new UserResponse(user.id().value(), user.email().value(), user.name(), user.role().wireName(),
                user.profile().profileImageUrl(), user.profile().bio().orElse(null),
                user.profile().gender().orElse(null), user.profile().dateOfBirth().map(LocalDate::toString).orElse(null),
                user.timezone().orElse(null), epochSeconds(user.lastActiveAt()), user.createdAt().getEpochSecond(),
                user.updatedAt().getEpochSecond());
    }

    static ApiKeyResponse apiKey(ApiKey key) {
        return new ApiKeyResponse(key.hint(), key.createdAt().getEpochSecond(), epochSeconds(key.expiresAt()),
                epochSeconds(key.lastUsedAt()));
    }

    static Long epochSeconds(Optional<Instant> instant) {
        return instant.map(Instant::getEpochSecond).orElse(null);
    }

    /** 400 with the policy's message: Open WebUI's text for too long, the hint or its default for a pattern. */
    static ApiError passwordRejected(PasswordRejection rejection) {
        String message;
        switch (rejection.check()) {
            case TOO_LONG: message = Messages.PASSWORD_TOO_LONG; break;
            case TOO_SHORT: message = String.format(Messages.PASSWORD_TOO_SHORT, rejection.minimumCharacters()); break;
            default: message = rejection.hint().isEmpty() ? Messages.INVALID_PASSWORD : rejection.hint(); break;
        }
        return ApiError.of(400, message);
    }
}

package io.gatehouse.domain.user;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user tells others about themself (Open WebUI's profile fields). The picture is a URL or a data URI that
 * {@link ProfileImagePolicy} has accepted.
 */
public record UserProfile(String profileImageUrl, Optional<String> bio, Optional<String> gender,
                          Optional<LocalDate> dateOfBirth) {

    /** The picture Open WebUI gives new accounts. */
    public static final String DEFAULT_IMAGE = "/user.png";

    public UserProfile {
        Objects.requireNonNull(profileImageUrl, "profileImageUrl");
        Objects.requireNonNull(bio, "bio");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    }

    public static UserProfile withImage(String profileImageUrl) {
        return new UserProfile(profileImageUrl, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public UserProfile withImageUrl(String url) {
        return new UserProfile(url, bio, gender, dateOfBirth);
    }
}

package io.gatehouse.bootstrap;

import io.gatehouse.application.port.out.ProfilePictures;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link ProfilePictures} made at its first use: the HTTP fetcher's set-up (its TLS context) is a noticeable part of
 * the start, and a server without single sign-on never fetches a picture.
 */
final class FirstUseProfilePictures implements ProfilePictures {

    private final Supplier<ProfilePictures> factory;
    private volatile ProfilePictures made;

    FirstUseProfilePictures(Supplier<ProfilePictures> factory) {
        this.factory = factory;
    }

    @Override
    public Optional<String> fetch(URI url) {
        return pictures().fetch(url);
    }

    @Override
    public Optional<String> fetch(URI url, String accessToken) {
        return pictures().fetch(url, accessToken);
    }

    private ProfilePictures pictures() {
        ProfilePictures current = made;
        if (current == null) {
            synchronized (this) {
                if (made == null) {
                    made = factory.get();
                }
                current = made;
            }
        }
        return current;
    }
}

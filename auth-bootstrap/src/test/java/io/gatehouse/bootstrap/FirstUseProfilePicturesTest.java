package io.gatehouse.bootstrap;

import io.gatehouse.application.port.out.ProfilePictures;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FirstUseProfilePicturesTest {

    @Test
    void theFetcherIsMadeAtTheFirstPictureAndOnlyOnce() {
        AtomicInteger made = new AtomicInteger();
        ProfilePictures pictures = new FirstUseProfilePictures(() -> {
            made.incrementAndGet();
            return new ProfilePictures() {
                @Override
                public Optional<String> fetch(URI url) {
                    return Optional.of("data:" + url);
                }

                @Override
                public Optional<String> fetch(URI url, String accessToken) {
                    return Optional.of("data:" + url + " " + accessToken);
                }
            };
        });

        assertEquals(0, made.get());
        assertEquals(Optional.of("data:https://a.example/p.png"), pictures.fetch(URI.create("https://a.example/p.png")));
        assertEquals(Optional.of("data:https://graph.example/me t"), pictures.fetch(URI.create("https://graph.example/me"), "t"));
        assertEquals(1, made.get());
    }
}

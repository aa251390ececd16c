package io.gatehouse.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileImagePolicyTest {

    private final ProfileImagePolicy policy = new ProfileImagePolicy(100);

    @ParameterizedTest
    @ValueSource(strings = {"", "/user.png", "/favicon.png", "/static/favicon.png",
            "/api/v1/users/0b4f7c1e-33aa-4b3e-9f5b-1c2d3e4f5a6b/profile/image",
            "https://cdn.example.org/a.png", "http://example.org/me.jpg", "data:image/png;base64,iVBORw0KGgo="})
    void allowsOpenWebUisShapes(String url) {
        assertTrue(policy.allows(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/a.png", "https://",
            "/etc/passwd", "data:text/html;base64,PHNjcmlwdD4=", "data:image/svg+xml;base64,PHN2Zz4=",
            "data:image/png,notbase64", "/api/v1/users/../../admin/profile/image"})
    void refusesEverythingElse(String url) {
        assertFalse(policy.allows(url), url);
    }

    @Test
    void refusesDataUrisOverTheLimit() {
        assertFalse(policy.allows("data:image/png;base64," + "A".repeat(100)));
        assertFalse(policy.allows(null));
    }
}

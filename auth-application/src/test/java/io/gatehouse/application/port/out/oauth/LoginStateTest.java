package io.gatehouse.application.port.out.oauth;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginStateTest {

    @Test
    void theStoredFormReadsBackToTheSameState() {
        LoginState full = new LoginState("oidc", "s t+a/te", Optional.of("nonce=1"), Optional.of("verifier"),
                URI.create("https://chat.example/oauth/oidc/login/callback?x=1&y=2"));
        LoginState bare = new LoginState("github", "state", Optional.empty(), Optional.empty(),
                URI.create("https://chat.example/cb"));

        assertEquals(Optional.of(full), LoginState.fromStoredForm(full.toStoredForm()));
        assertEquals(Optional.of(bare), LoginState.fromStoredForm(bare.toStoredForm()));
    }

    @Test
    void textItDidNotWriteIsNoState() {
        assertEquals(Optional.empty(), LoginState.fromStoredForm(""));
        assertEquals(Optional.empty(), LoginState.fromStoredForm("2 a b c d e"));
        assertEquals(Optional.empty(), LoginState.fromStoredForm("1 a  c d e"));
        assertEquals(Optional.empty(), LoginState.fromStoredForm("1 a b c d %zz"));
    }

    @Test
    void noSecretIsShownByToString() {
        LoginState state = new LoginState("oidc", "the-state", Optional.of("the-nonce"), Optional.of("the-verifier"),
                URI.create("https://chat.example/cb"));
        LoginCallback callback = LoginCallback.fromParameters(Map.of("code", "the-code", "state", "the-state"));
        String shown = state + " " + new LoginRedirect(URI.create("https://idp.example/authorize?state=the-state"), state)
                + " " + callback;

        for (String secret : new String[] {"the-state", "the-nonce", "the-verifier", "the-code"}) {
            assertFalse(shown.contains(secret), shown);
        }
        assertTrue(shown.contains("oidc"));
    }

    @Test
    void blankCallbackParametersCountAsAbsent() {
        LoginCallback callback = LoginCallback.fromParameters(Map.of("code", " ", "error", "access_denied"));

        assertEquals(Optional.empty(), callback.code());
        assertEquals(Optional.of("access_denied"), callback.error());
    }
}

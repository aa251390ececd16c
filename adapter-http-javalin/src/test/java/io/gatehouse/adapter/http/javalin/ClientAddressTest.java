package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.fake.TestGatehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Limits count per client address: {@code X-Forwarded-For} counts only when the peer is a trusted proxy. Observed
 * through the per-account-and-address limit of 15 attempts.
 */
class ClientAddressTest {

    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void startWithTrustedProxies(List<Cidr> proxies) {
        UnaryOperator<HttpSettings> trusting = s -> new HttpSettings(s.cookieSameSite(), s.cookieSecure(), s.apiKeyHeader(),
                proxies, s.allowedOrigins(), s.instanceName(), s.version(), false, s.maxRequestBytes(), s.profileImagePolicy(),
                s.trustedHeaders());
        server = TestServer.start(new TestGatehouse(), trusting);
        server.post("/api/v1/auths/signup", Map.of("name", "A", "email", "a@example.org", "password", "correct horse"));
    }

    private int failAs(String forwardedFor) {
        return server.post("/api/v1/auths/signin", Map.of("email", "a@example.org", "password", "wrong password"),
                "X-Forwarded-For", forwardedFor).status;
    }

    @Test
    void anUntrustedPeerCannotEscapeTheLimitBySpoofingForwardedFor() {
        startWithTrustedProxies(List.of());
        for (int i = 1; i <= 15; i++) {
            assertEquals(400, failAs("203.0.113." + i));
        }

        assertEquals(429, failAs("198.51.100.7"), "every attempt came from 127.0.0.1 whatever the header said");
    }

    @Test
    void behindATrustedProxyEachForwardedClientIsCountedApart() {
        startWithTrustedProxies(List.of(Cidr.parse("127.0.0.0/8")));
        for (int i = 1; i <= 15; i++) {
            assertEquals(400, failAs("203.0.113.9"));
        }

        assertEquals(429, failAs("203.0.113.9"));
        assertEquals(400, failAs("198.51.100.7"), "another client behind the proxy is not locked out");
        assertEquals(400, failAs("203.0.113.9, 198.51.100.8"), "the right-most untrusted hop is the client");
    }
}

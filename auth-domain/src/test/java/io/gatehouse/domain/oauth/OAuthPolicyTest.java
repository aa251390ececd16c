package io.gatehouse.domain.oauth;

import io.gatehouse.domain.user.EmailAddress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuthPolicyTest {

    private static OAuthPolicy withDomains(List<String> domains, boolean fallback) {
        OAuthPolicy d = OAuthPolicy.defaults();
        return new OAuthPolicy(d.signupEnabled(), d.mergeByEmail(), d.emailClaim(), d.usernameClaim(), fallback,
                domains, false, false, d.roles(), false, d.groupsClaim(), false, List.of());
    }

    @Test
    void theEmailIsTheClaimLowerCasedOrTheFallbackWhenAllowed() {
        assertEquals(Optional.of(EmailAddress.of("ann@example.org")),
                OAuthPolicy.defaults().email("oidc", "42", Map.of("email", " Ann@Example.ORG ")));
        assertEquals(Optional.empty(), OAuthPolicy.defaults().email("oidc", "42", Map.of()));
        assertEquals(Optional.empty(), OAuthPolicy.defaults().email("oidc", "42", Map.of("email", "not an address")));
        assertEquals(Optional.of(EmailAddress.of("github@42.local")),
                withDomains(List.of("*"), true).email("github", "42", Map.of()));
    }

    @Test
    void onlyATrueEmailVerifiedClaimCountsAsVerified() {
        assertTrue(OAuthPolicy.emailVerified(Map.of("email_verified", true)));
        assertTrue(OAuthPolicy.emailVerified(Map.of("email_verified", "true")));
        assertFalse(OAuthPolicy.emailVerified(Map.of("email_verified", false)));
        assertFalse(OAuthPolicy.emailVerified(Map.of("email_verified", "yes")));
        assertFalse(OAuthPolicy.emailVerified(Map.of()));
    }

    @Test
    void allowedDomainsAreExactButIgnoreCase() {
        OAuthPolicy corp = withDomains(List.of("example.org", " Corp.example "), false);

        assertTrue(corp.allowsDomainOf(EmailAddress.of("ann@example.org")));
        assertTrue(corp.allowsDomainOf(EmailAddress.of("bob@corp.example")));
        assertFalse(corp.allowsDomainOf(EmailAddress.of("eve@evil-example.org")));
        assertFalse(corp.allowsDomainOf(EmailAddress.of("eve@sub.example.org")));
        assertTrue(withDomains(List.of("*"), false).allowsDomainOf(EmailAddress.of("any@where.net")));
    }
}

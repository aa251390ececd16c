package io.gatehouse.application.service.oauth;

import io.gatehouse.application.fake.FakeIdentityProviders;
import io.gatehouse.application.fake.InMemorySettingsRepository;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.IdentityProviderFactory;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.port.out.oauth.LogoutTokenOutcome;
import io.gatehouse.application.port.out.oauth.LogoutTokenRefusal;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.application.service.SettingsHolder.OAuthPersistence;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.oauth.OpenIdClient;
import io.gatehouse.domain.oauth.PictureSync;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsBackedIdentityProvidersTest {

    /** Records what it was asked to build; the generic provider is there when the settings configure it. */
    private static final class RecordingFactory implements IdentityProviderFactory {
        final List<OAuthSettings> builtFrom = new ArrayList<>();

        @Override
        public IdentityProviders providersFor(OAuthSettings settings) {
            builtFrom.add(settings);
            FakeIdentityProviders providers = new FakeIdentityProviders();
            return settings.openId().isConfigured() ? providers : new IdentityProviders() {
                @Override
                public List<IdentityProvider> all() {
                    return List.of();
                }

                @Override
                public Optional<IdentityProvider> find(String id) {
                    return Optional.empty();
                }

                @Override
                public LogoutTokenOutcome validateLogoutToken(String logoutToken) {
                    return new LogoutTokenOutcome.Refused(LogoutTokenRefusal.UNKNOWN_ISSUER);
                }
            };
        }
    }

    private final InMemorySettingsRepository store = new InMemorySettingsRepository();
    private final SettingsHolder here = new SettingsHolder(store, TestSettings.authDefaults(), () -> { },
            OAuthPersistence.STORED);
    private final RecordingFactory factory = new RecordingFactory();
    private final SettingsBackedIdentityProviders providers = new SettingsBackedIdentityProviders(here, factory);

    private static OAuthSettings configured(OAuthSettings oauth) {
        OpenIdClient d = oauth.openId();
        return oauth.withOpenId(new OpenIdClient("Corp SSO",
                Optional.of(URI.create("https://sso.example.org/.well-known/openid-configuration")), "gatehouse",
                Optional.empty(), d.redirectUri(), d.scopes(), d.codeChallengeMethod(), d.tokenEndpointAuthMethod(),
                d.endSessionEndpoint(), d.timeout(), d.subClaim(), d.audience()));
    }

    private static OAuthSettings switched(OAuthSettings oauth, boolean enabled) {
        return new OAuthSettings(enabled, oauth.policy(), oauth.pictures(), oauth.autoRedirect(),
                oauth.groupDefaultShare(), oauth.openId(), oauth.clientTimeout(), oauth.refreshTokenIncludeScope());
    }

    private List<String> ids() {
        return providers.all().stream().map(IdentityProvider::id).collect(Collectors.toList());
    }

    @Test
    void providersAreMadeOnceAndAgainOnlyWhenTheSettingsChange() {
        assertEquals(List.of(), ids());
        assertEquals(List.of(), ids());
        assertEquals(1, factory.builtFrom.size(), "unchanged settings reuse the providers");

        here.update(current -> current.withOAuth(configured(current.oauth())));

        assertEquals(List.of("oidc"), ids());
        assertTrue(providers.find("oidc").isPresent());
        assertEquals(2, factory.builtFrom.size());
        assertEquals(here.current().oauth(), factory.builtFrom.get(1));

        here.update(current -> current.withOAuth(current.oauth().withPictures(new PictureSync("avatar", true))));
        assertEquals(List.of("oidc"), ids());
        assertEquals(2, factory.builtFrom.size(), "a change of the account rules or pictures keeps the providers");
    }

    @Test
    void aProviderRemovedOrSingleSignOnSwitchedOffIsGone() {
        here.update(current -> current.withOAuth(configured(current.oauth())));
        assertEquals(List.of("oidc"), ids());

        here.update(current -> current.withOAuth(switched(current.oauth(), false)));
        assertEquals(List.of(), ids());
        assertEquals(new LogoutTokenOutcome.Refused(LogoutTokenRefusal.UNKNOWN_ISSUER),
                providers.validateLogoutToken("anything"));

        here.update(current -> current.withOAuth(switched(current.oauth(), true).withOpenId(OpenIdClient.defaults())));
        assertEquals(List.of(), ids());
        assertTrue(providers.find("oidc").isEmpty());
    }

    @Test
    void aChangeAnotherInstanceStoredIsFollowedOnceThisOneReloads() {
        SettingsHolder elsewhere = new SettingsHolder(store, TestSettings.authDefaults(), () -> { },
                OAuthPersistence.STORED);
        elsewhere.update(current -> current.withOAuth(configured(current.oauth())));
        assertEquals(List.of(), ids(), "not before the announcement");

        here.reload();

        assertEquals(List.of("oidc"), ids());
    }
}

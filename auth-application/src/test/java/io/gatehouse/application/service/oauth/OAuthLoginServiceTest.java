package io.gatehouse.application.service.oauth;

import io.gatehouse.application.fake.FakeIdentityProviders;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestUsers;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.application.port.in.oauth.BeginOAuthLoginUseCase.Redirect;
import io.gatehouse.application.port.in.oauth.CompleteOAuthLoginUseCase.Command;
import io.gatehouse.application.port.in.oauth.CompleteOAuthLoginUseCase.Refusal;
import io.gatehouse.application.port.in.oauth.CompleteOAuthLoginUseCase.Result;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvent.Channel;
import io.gatehouse.domain.claim.ClaimMapping;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.oauth.RoleMapping;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.gatehouse.domain.group.ShareSetting;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuthLoginServiceTest {

    private static final ClientAddress FROM = new ClientAddress("203.0.113.7");
    private static final URI CALLBACK = URI.create("https://chat.example.org/oauth/oidc/login/callback");

    private TestGatehouse gatehouse;

    @BeforeEach
    void anInstanceWithAnAdmin() {
        gatehouse = new TestGatehouse();
        gatehouse.signedUp("root@example.org");
        policy(true, false, List.of("*"), RoleMapping.off(), false, false, List.of());
    }

    private void policy(boolean signup, boolean merge, List<String> domains, RoleMapping roles, boolean groups,
                        boolean createGroups, List<String> blocked) {
        OAuthPolicy d = OAuthPolicy.defaults();
        gatehouse.useOAuthPolicy(new OAuthPolicy(signup, merge, d.emailClaim(), d.usernameClaim(), false, domains,
                true, false, roles, groups, new ClaimMapping("groups", ";"), createGroups, blocked));
    }

    /** A whole login: begin, then the callback with the state the provider echoes. */
    private Result login(String code) {
        Redirect redirect = gatehouse.beginOAuthLogin.begin(FakeIdentityProviders.ID, CALLBACK).orElseThrow();
        return callback(redirect, code);
    }

    private Result callback(Redirect redirect, String code) {
        String state = redirect.authorizationUrl().getQuery().substring("state=".length());
        return gatehouse.completeOAuthLogin.complete(new Command(FakeIdentityProviders.ID,
                Map.of("code", code, "state", state), Optional.of(redirect.loginKey()), FROM));
    }

    private User signedIn(String code) {
        return assertInstanceOf(Result.SignedIn.class, login(code)).session().user();
    }

    private static Result refused(Refusal reason) {
        return new Result.Refused(reason, Optional.empty());
    }

    @Test
    void theFirstLoginCreatesTheAccountAndTheNextFindsItByItsSubject() {
        gatehouse.identityProviders.vouchFor("c1", Map.of("sub", "s-1", "email", "Ann@Example.org", "name", "Ann"));
        gatehouse.identityProviders.vouchFor("c2", Map.of("sub", "s-1", "email", "ann.new@example.org", "name", "Ann B"));

        User first = signedIn("c1");
        User second = signedIn("c2");

        assertEquals("ann@example.org", first.email().value());
        assertEquals(Role.PENDING, first.role());
        assertEquals(first.id(), second.id(), "found by (provider, subject), whatever the e-mail says now");
        assertEquals("Ann B", second.name(), "name synced on login");
        List<AuthEvent.AccountCreated> created = gatehouse.events.ofType(AuthEvent.AccountCreated.class);
        assertEquals(Channel.OAUTH, created.get(created.size() - 1).channel());
    }

    @Test
    void theLoginStateIsUsedOnceAndExpires() {
        gatehouse.identityProviders.vouchFor("c1", Map.of("sub", "s-1", "email", "ann@example.org"));
        Redirect redirect = gatehouse.beginOAuthLogin.begin(FakeIdentityProviders.ID, CALLBACK).orElseThrow();
        assertInstanceOf(Result.SignedIn.class, callback(redirect, "c1"));

        Result replayed = callback(redirect, "c1");

        Result.Refused refused = assertInstanceOf(Result.Refused.class, replayed);
        assertEquals(Refusal.PROVIDER_LOGIN_FAILED, refused.reason());
        assertTrue(refused.detail().orElseThrow().contains("session may have expired"));
        Redirect late = gatehouse.beginOAuthLogin.begin(FakeIdentityProviders.ID, CALLBACK).orElseThrow();
        gatehouse.clock.advance(Duration.ofMinutes(11));
        assertEquals(Refusal.PROVIDER_LOGIN_FAILED, ((Result.Refused) callback(late, "c1")).reason());
    }

    @Test
    void aForgedStateIsRefusedWithTheProvidersReason() {
        gatehouse.identityProviders.vouchFor("c1", Map.of("sub", "s-1", "email", "ann@example.org"));
        Redirect redirect = gatehouse.beginOAuthLogin.begin(FakeIdentityProviders.ID, CALLBACK).orElseThrow();

        Result forged = gatehouse.completeOAuthLogin.complete(new Command(FakeIdentityProviders.ID,
                Map.of("code", "c1", "state", "forged"), Optional.of(redirect.loginKey()), FROM));

        assertEquals(new Result.Refused(Refusal.PROVIDER_LOGIN_FAILED, Optional.of("state mismatch")), forged);
        assertEquals(1, gatehouse.users.count());
    }

    @Test
    void unknownProvidersAndClosedSignUpAreRefused() {
        assertEquals(Optional.empty(), gatehouse.beginOAuthLogin.begin("nope", CALLBACK));
        assertEquals(refused(Refusal.UNKNOWN_PROVIDER), gatehouse.completeOAuthLogin.complete(
                new Command("nope", Map.of(), Optional.empty(), FROM)));
        policy(false, false, List.of("*"), RoleMapping.off(), false, false, List.of());
        gatehouse.identityProviders.vouchFor("c1", Map.of("sub", "s-1", "email", "ann@example.org"));

        assertEquals(refused(Refusal.SIGNUP_DISABLED), login("c1"));
    }

    @Test
    void anExistingEmailIsJoinedOnlyWhenMergingIsOnAndTheProviderVerifiedIt() {
        User local = TestUsers.user("ann@example.org");
        gatehouse.users.insert(local, Credential.none(), UserRepository.FirstUserPolicy.KEEP_ROLE);
        gatehouse.identityProviders.vouchFor("unverified", Map.of("sub", "s-1", "email", "ann@example.org"));
        gatehouse.identityProviders.vouchFor("said-false", Map.of("sub", "s-1", "email", "ann@example.org",
                "email_verified", false));
        gatehouse.identityProviders.vouchFor("verified", Map.of("sub", "s-1", "email", "ann@example.org",
                "email_verified", true));

        assertEquals(refused(Refusal.EMAIL_TAKEN), login("verified"), "merging is off");
        policy(true, true, List.of("*"), RoleMapping.off(), false, false, List.of());
        assertEquals(refused(Refusal.EMAIL_TAKEN), login("unverified"));
        assertEquals(refused(Refusal.EMAIL_TAKEN), login("said-false"));
        assertEquals(local.id(), signedIn("verified").id());
        assertEquals(Optional.of(local.id()), gatehouse.identityLinks.findUser(FakeIdentityProviders.ID, "s-1"));
    }

    @Test
    void onlyAllowedDomainsAndUsableAddressesSignIn() {
        policy(true, false, List.of("example.org"), RoleMapping.off(), false, false, List.of());
        gatehouse.identityProviders.vouchFor("elsewhere", Map.of("sub", "s-1", "email", "eve@evil.example"));
        gatehouse.identityProviders.vouchFor("none", Map.of("sub", "s-2"));

        assertEquals(refused(Refusal.INVALID_IDENTITY), login("elsewhere"));
        assertEquals(refused(Refusal.INVALID_IDENTITY), login("none"));
        assertEquals(1, gatehouse.users.count());
    }

    @Test
    void roleManagementAssignsRolesAtEveryLoginAndCanFailClosed() {
        RoleMapping keycloak = new RoleMapping(true, new ClaimMapping("realm_access.roles", ","), List.of("staff"),
                List.of("ops"), List.of(), true);
        policy(true, false, List.of("*"), keycloak, false, false, List.of());
        gatehouse.identityProviders.vouchFor("admin", Map.of("sub", "s-1", "email", "ann@example.org",
                "realm_access", Map.of("roles", List.of("ops"))));
        gatehouse.identityProviders.vouchFor("staff", Map.of("sub", "s-1", "email", "ann@example.org",
                "realm_access", Map.of("roles", List.of("staff"))));
        gatehouse.identityProviders.vouchFor("nothing", Map.of("sub", "s-1", "email", "ann@example.org"));

        assertEquals(Role.ADMIN, signedIn("admin").role());
        assertEquals(Role.USER, signedIn("staff").role());
        assertEquals(refused(Refusal.ROLE_REFUSED), login("nothing"), "no roles claim: refused, not the default");
    }

    @Test
    void groupsAreSyncedCreatedUnlessBlockedAndHandMadeMembershipsStay() {
        policy(true, false, List.of("*"), RoleMapping.off(), true, true, List.of("^adm.*"));
        Group ops = gatehouse.storedGroup("ops");
        gatehouse.identityProviders.vouchFor("c1", Map.of("sub", "s-1", "email", "ann@example.org",
                "groups", List.of("devs", "admins")));
        gatehouse.identityProviders.vouchFor("c2", Map.of("sub", "s-1", "email", "ann@example.org",
                "groups", "qa;ops"));
        User ann = signedIn("c1");
        gatehouse.groups.addMembers(ops.id(), List.of(ann.id()), MembershipSource.ADMIN, gatehouse.clock.instant());

        signedIn("c2");

        assertEquals(Set.of("ops:ADMIN", "ops:OAUTH", "qa:OAUTH"), gatehouse.membershipsOf(ann.id()));
        assertEquals(Set.of("devs", "ops", "qa"), gatehouse.groups.findAll().stream()
                .map(group -> group.name().value()).collect(Collectors.toSet()), "admins is blocked: never created");
    }

    @Test
    void groupsOAuthCreatesTakeItsDefaultShareNotTheInstancesAndFollowAnAdminsChange() {
        policy(true, false, List.of("*"), RoleMapping.off(), true, true, List.of());
        gatehouse.identityProviders.vouchFor("c1", Map.of("sub", "s-1", "email", "ann@example.org",
                "groups", List.of("devs")));
        gatehouse.identityProviders.vouchFor("c2", Map.of("sub", "s-2", "email", "bob@example.org",
                "groups", List.of("ops")));

        signedIn("c1");
        gatehouse.useOAuthSettings(oauth -> new io.gatehouse.domain.oauth.OAuthSettings(oauth.enabled(),
                oauth.policy(), oauth.pictures(), oauth.autoRedirect(), ShareSetting.NOBODY, oauth.openId(),
                oauth.clientTimeout(), oauth.refreshTokenIncludeScope()));
        signedIn("c2");

        assertEquals(ShareSetting.MEMBERS, gatehouse.fixed.defaultGroupShare(), "the instance's default differs");
        assertEquals(Optional.of(ShareSetting.ANYONE), share("devs"), "OAUTH_GROUP_DEFAULT_SHARE's default: true");
        assertEquals(Optional.of(ShareSetting.NOBODY), share("ops"));
    }

    private Optional<ShareSetting> share(String groupName) {
        return gatehouse.groups.findAll().stream().filter(group -> group.name().value().equals(groupName))
                .findFirst().orElseThrow().share();
    }

    @Test
    void theProvidersPictureIsKeptAsADataUriForNewAccountsAndOnLoginWhenAsked() {
        URI first = URI.create("https://pictures.example/ann-1.png");
        URI second = URI.create("https://pictures.example/ann-2.png");
        gatehouse.pictureServer.put(first, "data:image/png;base64,AAAA");
        gatehouse.pictureServer.put(second, "data:image/png;base64,BBBB");
        gatehouse.identityProviders.vouchFor("c1", Map.of("sub", "s-1", "email", "ann@example.org",
                "picture", first.toString()));
        gatehouse.identityProviders.vouchFor("c2", Map.of("sub", "s-1", "email", "ann@example.org",
                "picture", second.toString()));
        gatehouse.identityProviders.vouchFor("unreachable", Map.of("sub", "s-2", "email", "bo@example.org",
                "picture", "https://pictures.example/missing.png"));

        assertEquals("data:image/png;base64,AAAA", signedIn("c1").profile().profileImageUrl());
        assertEquals("data:image/png;base64,AAAA", signedIn("c2").profile().profileImageUrl(), "no update by default");
        gatehouse.useOAuthSettings(oauth -> oauth.withPictures(new io.gatehouse.domain.oauth.PictureSync("picture", true)));
        assertEquals("data:image/png;base64,BBBB", signedIn("c2").profile().profileImageUrl());
        assertEquals("/user.png", signedIn("unreachable").profile().profileImageUrl());
    }

    @Test
    void withoutAPictureClaimTheProvidersOwnPictureIsAskedWithTheAccessTokenAndOnlyThere() {
        URI graph = URI.create("https://graph.example/v1.0/me/photo/$value");
        URI claimed = URI.create("https://pictures.example/cy.png");
        gatehouse.identityProviders.pictureUrl = Optional.of(graph);
        gatehouse.pictureServer.put(graph, "data:image/jpeg;base64,GRAPH");
        gatehouse.pictureServer.put(claimed, "data:image/png;base64,CLAIM");
        gatehouse.identityProviders.vouchFor("no-claim", Map.of("sub", "s-1", "email", "ann@example.org"));
        gatehouse.identityProviders.vouchFor("empty-claim", Map.of("sub", "s-2", "email", "bo@example.org",
                "picture", ""));
        gatehouse.identityProviders.vouchFor("claim", Map.of("sub", "s-3", "email", "cy@example.org",
                "picture", claimed.toString()));

        assertEquals("data:image/jpeg;base64,GRAPH", signedIn("no-claim").profile().profileImageUrl());
        assertEquals("data:image/jpeg;base64,GRAPH", signedIn("empty-claim").profile().profileImageUrl());
        assertEquals("data:image/png;base64,CLAIM", signedIn("claim").profile().profileImageUrl());
        assertEquals(List.of(graph + " access-no-claim", graph + " access-empty-claim"),
                gatehouse.bearerPictureFetches, "the access token went to the provider's picture endpoint only");

        gatehouse.useOAuthSettings(oauth -> oauth.withPictures(new io.gatehouse.domain.oauth.PictureSync("", false)));
        gatehouse.identityProviders.vouchFor("off", Map.of("sub", "s-4", "email", "di@example.org"));
        assertEquals("/user.png", signedIn("off").profile().profileImageUrl(), "picture handling off: none asked");
        assertEquals(2, gatehouse.bearerPictureFetches.size());
    }

    @Test
    void theRedirectUriAnAdminConfiguredForTheProviderWinsOverTheOneDerivedFromTheRequest() {
        URI configured = URI.create("https://chat.example.org/oauth/oidc/login/callback");
        gatehouse.useOAuthSettings(oauth -> {
            io.gatehouse.domain.oauth.OpenIdClient d = oauth.openId();
            return oauth.withOpenId(new io.gatehouse.domain.oauth.OpenIdClient(d.providerName(), d.providerUrl(),
                    d.clientId(), d.clientSecret(), Optional.of(configured), d.scopes(), d.codeChallengeMethod(),
                    d.tokenEndpointAuthMethod(), d.endSessionEndpoint(), d.timeout(), d.subClaim(), d.audience()));
        });
        BeginOAuthLoginService begin = gatehouse.beginOAuthLogin;

        Redirect redirect = begin.begin(FakeIdentityProviders.ID, URI.create("http://10.0.0.5:8080/whatever"))
                .orElseThrow();

        String kept = gatehouse.shortLivedValues.get(BeginOAuthLoginService.KEY_PREFIX + redirect.loginKey())
                .orElseThrow();
        assertEquals(configured, io.gatehouse.application.port.out.oauth.LoginState.fromStoredForm(kept).orElseThrow()
                .redirectUri());
    }
}

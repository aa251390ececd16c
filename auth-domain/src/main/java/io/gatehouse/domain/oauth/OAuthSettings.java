package io.gatehouse.domain.oauth;

import io.gatehouse.domain.group.MembershipSync;
import io.gatehouse.domain.group.ShareSetting;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The single sign-on settings an admin changes while the instance runs (Open WebUI §7.2, §10.4): the account rules,
 * the generic OpenID provider and what the login page does. Their defaults come from the environment.
 *
 * @param enabled                  whether single sign-on is offered at all ({@code ENABLE_OAUTH}); off, no provider
 *                                 is listed or answers
 * @param policy                   how claims become an account, a role and groups
 * @param pictures                 the picture claim and its sync at login
 * @param autoRedirect             whether the login page goes straight to the only provider
 *                                 ({@code OAUTH_AUTO_REDIRECT}); the front end acts on it
 * @param groupDefaultShare        who may share to groups that OAuth group creation makes
 *                                 ({@code OAUTH_GROUP_DEFAULT_SHARE})
 * @param openId                   the generic OpenID provider {@code oidc}
 * @param clientTimeout            Open WebUI's timeout for its tool servers' OAuth clients
 *                                 ({@code OAUTH_CLIENT_TIMEOUT}); kept for its admin form, Gatehouse has no such clients
 * @param refreshTokenIncludeScope whether a refresh sends {@code scope} ({@code OAUTH_REFRESH_TOKEN_INCLUDE_SCOPE});
 *                                 kept for Open WebUI's admin form
 */
public record OAuthSettings(boolean enabled, OAuthPolicy policy, PictureSync pictures, boolean autoRedirect,
                            ShareSetting groupDefaultShare, OpenIdClient openId, Optional<Duration> clientTimeout,
                            boolean refreshTokenIncludeScope) {

    public OAuthSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(pictures, "pictures");
        Objects.requireNonNull(groupDefaultShare, "groupDefaultShare");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(clientTimeout, "clientTimeout");
        if (clientTimeout.filter(limit -> limit.isNegative() || limit.isZero()).isPresent()) {
            throw new IllegalArgumentException("OAUTH_CLIENT_TIMEOUT must be a positive number of seconds");
        }
    }

    /** Open WebUI's defaults: on, no generic provider, groups made by OAuth shared with anyone. */
    public static OAuthSettings defaults() {
        return new OAuthSettings(true, OAuthPolicy.defaults(), PictureSync.defaults(), false, ShareSetting.ANYONE,
                OpenIdClient.defaults(), Optional.empty(), false);
    }

    /** How a sign-in changes the user's OAuth memberships, groups it makes taking {@link #groupDefaultShare}. */
    public MembershipSync membershipSync() {
        return policy.membershipSync().withCreatedGroupShare(groupDefaultShare);
    }

    public OAuthSettings withPolicy(OAuthPolicy changed) {
        return new OAuthSettings(enabled, changed, pictures, autoRedirect, groupDefaultShare, openId, clientTimeout,
                refreshTokenIncludeScope);
    }

    public OAuthSettings withPictures(PictureSync changed) {
        return new OAuthSettings(enabled, policy, changed, autoRedirect, groupDefaultShare, openId, clientTimeout,
                refreshTokenIncludeScope);
    }

    public OAuthSettings withOpenId(OpenIdClient changed) {
        return new OAuthSettings(enabled, policy, pictures, autoRedirect, groupDefaultShare, changed, clientTimeout,
                refreshTokenIncludeScope);
    }
}

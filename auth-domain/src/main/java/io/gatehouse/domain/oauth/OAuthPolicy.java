package io.gatehouse.domain.oauth;

import io.gatehouse.domain.claim.ClaimMapping;
import io.gatehouse.domain.group.BlockedGroupPatterns;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.group.MembershipSync;
import io.gatehouse.domain.user.EmailAddress;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How single sign-on turns a provider's claims into an account (Open WebUI §7.2, §7.4, §7.6, §7.7).
 *
 * @param signupEnabled      whether a first sign-in creates the account ({@code ENABLE_OAUTH_SIGNUP})
 * @param mergeByEmail       whether an unknown identity joins the account with its e-mail, which happens only
 *                           when the provider says the e-mail is verified ({@code OAUTH_MERGE_ACCOUNTS_BY_EMAIL})
 * @param emailClaim         ({@code OAUTH_EMAIL_CLAIM})
 * @param usernameClaim      the display name ({@code OAUTH_USERNAME_CLAIM})
 * @param emailFallback      {@code <provider>@<subject>.local} when there is no e-mail
 *                           ({@code ENABLE_OAUTH_EMAIL_FALLBACK})
 * @param allowedDomains     e-mail domains that may sign in; {@code *} for any ({@code OAUTH_ALLOWED_DOMAINS})
 * @param updateNameOnLogin  ({@code OAUTH_UPDATE_NAME_ON_LOGIN})
 * @param updateEmailOnLogin ({@code OAUTH_UPDATE_EMAIL_ON_LOGIN})
 * @param roles              role management
 * @param groupsManaged      whether memberships follow the groups claim ({@code ENABLE_OAUTH_GROUP_MANAGEMENT})
 * @param groupsClaim        ({@code OAUTH_GROUPS_CLAIM}, {@code OAUTH_GROUPS_SEPARATOR})
 * @param groupCreation      ({@code ENABLE_OAUTH_GROUP_CREATION})
 * @param blockedGroups      ({@code OAUTH_BLOCKED_GROUPS})
 */
public record OAuthPolicy(boolean signupEnabled, boolean mergeByEmail, String emailClaim, String usernameClaim,
                          boolean emailFallback, List<String> allowedDomains, boolean updateNameOnLogin,
                          boolean updateEmailOnLogin, RoleMapping roles, boolean groupsManaged,
                          ClaimMapping groupsClaim, boolean groupCreation, List<String> blockedGroups) {

    public OAuthPolicy {
        Objects.requireNonNull(emailClaim, "emailClaim");
        Objects.requireNonNull(usernameClaim, "usernameClaim");
        allowedDomains = List.copyOf(allowedDomains);
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(groupsClaim, "groupsClaim");
        blockedGroups = List.copyOf(blockedGroups);
    }

    /** Open WebUI's defaults: no sign-up, no merge, any domain, no role or group management. */
    public static OAuthPolicy defaults() {
        return new OAuthPolicy(false, false, "email", "name", false, List.of("*"), false, false, RoleMapping.off(),
                false, new ClaimMapping("groups", ";"), false, List.of());
    }

    /**
     * The e-mail the account has: the e-mail claim, lower-cased; else, with the fallback on,
     * {@code <provider>@<subject>.local}; empty when there is none or it is not an address.
     */
    public Optional<EmailAddress> email(String provider, String subject, Map<String, ?> claims) {
        Object claimed = claims.get(emailClaim);
        if (claimed instanceof String && !((String) claimed).isBlank()) {
            return EmailAddress.parse(((String) claimed).strip().toLowerCase(Locale.ROOT));
        }
        return emailFallback
                ? EmailAddress.parse((provider + "@" + subject + ".local").toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Whether the provider vouches that the e-mail belongs to the user ({@code email_verified} true). */
    public static boolean emailVerified(Map<String, ?> claims) {
        Object verified = claims.get("email_verified");
        return Boolean.TRUE.equals(verified) || "true".equalsIgnoreCase(String.valueOf(verified));
    }

    /** Whether the address's domain may sign in: {@code *}, or equal to an allowed one, ignoring case. */
    public boolean allowsDomainOf(EmailAddress email) {
        String address = email.value();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return allowedDomains.stream().map(String::strip)
                .anyMatch(allowed -> allowed.equals("*") || allowed.equalsIgnoreCase(domain));
    }

    /** The display name: the username claim when it is a non-blank text. */
    public Optional<String> name(Map<String, ?> claims) {
        Object name = claims.get(usernameClaim);
        return name instanceof String && !((String) name).isBlank() ? Optional.of(((String) name).strip())
                : Optional.empty();
    }

    /** How a sign-in changes the user's OAuth memberships. */
    public MembershipSync membershipSync() {
        return new MembershipSync(MembershipSource.OAUTH, BlockedGroupPatterns.of(blockedGroups), groupCreation);
    }
}

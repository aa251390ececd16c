package io.gatehouse.adapter.oauth.pac4j;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.IOUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.pac4j.core.resource.SpringResourceHelper;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.exceptions.OidcException;
import org.pac4j.oidc.metadata.IOidcOpMetadataResolver;
import org.pac4j.oidc.metadata.OidcOpMetadataResolver;
import org.pac4j.oidc.profile.creator.TokenValidator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Microsoft's multi-tenant endpoints (tenant {@code common}, {@code organizations} or {@code consumers}) publish an
 * issuer template, {@code https://login.microsoftonline.com/{tenantid}/v2.0}, because each id_token's {@code iss}
 * names the user's own tenant. Such an id_token is accepted only when its {@code iss} equals the template with the
 * token's own {@code tid} claim in place of {@code {tenantid}}, and no other issuer; a token without a {@code tid}
 * is refused. A discovery document with a plain issuer (one tenant) is checked as any other.
 *
 * <p>pac4j's Azure AD validator does the same substitution but keeps the per-token validator in a field, so two
 * logins at once could check one token against the other's tenant; here each check builds its own, sharing the keys.
 */
final class TenantIssuers {

    private static final String TEMPLATE = "{tenantid}";
    /** Nimbus reads the issuer as a URI, which braces are not part of: the template is kept percent-encoded. */
    private static final String ENCODED_TEMPLATE = "%7Btenantid%7D";
    /** Microsoft's tenant ids are GUIDs; anything that could add a path or a query is refused. */
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private TenantIssuers() {
    }

    /**
     * The issuer an id_token must name: the published issuer, or for a template, the template with the token's
     * {@code tid}. Empty when the issuer is a template the token cannot fill (no usable {@code tid}).
     */
    static Optional<String> expectedFor(String publishedIssuer, JWTClaimsSet claims) {
        if (!publishedIssuer.contains(ENCODED_TEMPLATE)) {
            return Optional.of(publishedIssuer);
        }
        Object tenant = claims.getClaim("tid");
        return tenant instanceof String && TENANT_ID.matcher((String) tenant).matches()
                ? Optional.of(publishedIssuer.replace(ENCODED_TEMPLATE, (String) tenant)) : Optional.empty();
    }

    /** As {@link #expectedFor(String, JWTClaimsSet)} for a raw id_token; the published issuer when unreadable. */
    static String expectedFor(String publishedIssuer, String idToken) {
        try {
            return expectedFor(publishedIssuer, JWTParser.parse(idToken).getJWTClaimsSet()).orElse(publishedIssuer);
        } catch (java.text.ParseException unreadable) {
            return publishedIssuer;
        }
    }

    /** The configuration of a Microsoft provider: PKCE as every provider, and the issuer template understood. */
    static final class Configuration extends OidcConfigurations.S256Configuration {
        @Override
        protected IOidcOpMetadataResolver createNewOpMetadataResolver() {
            Resolver resolver = new Resolver(this);
            resolver.init();
            return resolver;
        }
    }

    /** Reads a discovery document whose issuer may be the template, and checks id_tokens against their tenant. */
    static final class Resolver extends OidcOpMetadataResolver {

        Resolver(OidcConfiguration configuration) {
            super(configuration);
        }

        @Override
        protected OIDCProviderMetadata retrieveMetadata() {
            try (InputStream in = SpringResourceHelper.getResourceInputStream(resource, null,
                    configuration.getSslSocketFactory(), configuration.getHostnameVerifier(),
                    configuration.getConnectTimeout(), configuration.getReadTimeout())) {
                return OIDCProviderMetadata.parse(IOUtils.readInputStreamToString(in)
                        .replace(TEMPLATE, ENCODED_TEMPLATE));
            } catch (IOException | ParseException unusable) {
                throw new OidcException("Error getting OP metadata", unusable);
            }
        }

        @Override
        protected TokenValidator createTokenValidator() {
            return new TokenValidator(configuration, loaded) {
                @Override
                protected IDTokenValidator createRSAIdTokenValidator(JWSAlgorithm algorithm, ClientID clientId) {
                    return new PerTenant(super.createRSAIdTokenValidator(algorithm, clientId));
                }

                @Override
                protected IDTokenValidator createHMACTokenValidator(JWSAlgorithm algorithm, ClientID clientId,
                                                                    Secret secret) {
                    return new PerTenant(super.createHMACTokenValidator(algorithm, clientId, secret));
                }
            };
        }
    }

    /** Checks each id_token against the issuer of its own tenant, with the keys of the validator it wraps. */
    static final class PerTenant extends IDTokenValidator {

        private final IDTokenValidator published;

        PerTenant(IDTokenValidator published) {
            super(published.getExpectedIssuer(), published.getClientID());
            this.published = published;
        }

        @Override
        public IDTokenClaimsSet validate(JWT idToken, Nonce expectedNonce) throws BadJOSEException, JOSEException {
            String issuer = published.getExpectedIssuer().getValue();
            if (!issuer.contains(ENCODED_TEMPLATE)) {
                return published.validate(idToken, expectedNonce);
            }
            JWTClaimsSet claims;
            try {
                claims = idToken.getJWTClaimsSet();
            } catch (java.text.ParseException unreadable) {
                throw new BadJWTException("unreadable ID token claims", unreadable);
            }
            String tenantIssuer = expectedFor(issuer, claims)
                    .orElseThrow(() -> new BadJWTException("the ID token names no tenant (tid)"));
            IDTokenValidator forTenant = new IDTokenValidator(new Issuer(tenantIssuer), published.getClientID(),
                    published.getJWSKeySelector(), published.getJWEKeySelector());
            forTenant.setMaxClockSkew(published.getMaxClockSkew());
            return forTenant.validate(idToken, expectedNonce);
        }
    }
}

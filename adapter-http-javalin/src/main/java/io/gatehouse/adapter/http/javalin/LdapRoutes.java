package io.gatehouse.adapter.http.javalin;

import io.gatehouse.adapter.http.javalin.dto.LdapEnableForm;
import io.gatehouse.adapter.http.javalin.dto.LdapForm;
import io.gatehouse.adapter.http.javalin.dto.LdapServerForm;
import io.gatehouse.adapter.http.javalin.dto.LdapServerResponse;
import io.gatehouse.adapter.http.javalin.dto.LdapServersForm;
import io.gatehouse.application.port.in.admin.UpdateLdapSettingsUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.in.session.SignInWithLdapUseCase;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.ldap.LdapServer;
import io.gatehouse.domain.ldap.LdapSettings;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * LDAP sign-in (Open WebUI §1.8) and its admin settings (§10.3, with the server list of Open WebUI's latest version).
 * Every failure about the user is one 400 with one message; a directory nobody could ask is a 503 with the same
 * message. The service account's password is accepted but never sent back.
 */
final class LdapRoutes {

    private final Supplier<UseCases> useCases;
    private final RequestAuthenticator authenticator;
    private final SessionCookies cookies;
    private final ClientAddresses addresses;
    private final Json json;

    LdapRoutes(Supplier<UseCases> useCases, RequestAuthenticator authenticator, SessionCookies cookies,
               ClientAddresses addresses, Json json) {
        this.useCases = useCases;
        this.authenticator = authenticator;
        this.cookies = cookies;
        this.addresses = addresses;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auths/ldap", this::signIn);
        routes.get("/api/v1/auths/admin/config/ldap", this::getEnabled);
        routes.post("/api/v1/auths/admin/config/ldap", this::setEnabled);
        routes.get("/api/v1/auths/admin/config/ldap/server", this::getServer);
        routes.post("/api/v1/auths/admin/config/ldap/server", this::setServer);
        routes.get("/api/v1/auths/admin/config/ldap/servers", this::getServers);
        routes.post("/api/v1/auths/admin/config/ldap/servers", this::setServers);
    }

    private void signIn(Context ctx) {
        LdapForm form = json.read(ctx, LdapForm.class);
        SignInWithLdapUseCase.Result result = useCases.get().signInWithLdap().signIn(new SignInWithLdapUseCase.Command(
                form.user(), PlainPassword.of(form.password()), addresses.of(ctx)));
        if (result instanceof SignInWithLdapUseCase.Result.Refused) {
            SignInWithLdapUseCase.Result.Refused refused = (SignInWithLdapUseCase.Result.Refused) result;
            switch (refused.reason()) {
                case NOT_ENABLED: throw ApiError.of(400, Messages.LDAP_NOT_ENABLED);
                case PASSWORD_AUTH_DISABLED: throw ApiError.of(403, Messages.ACTION_PROHIBITED);
                case RATE_LIMITED:
                    throw ApiError.withHeaders(429, Messages.RATE_LIMIT_EXCEEDED, Map.of("Retry-After",
                            String.valueOf(Math.max(1, refused.retryAfter().map(Duration::toSeconds).orElse(60L)))));
                case UNAVAILABLE: throw ApiError.of(503, Messages.LDAP_FAILED);
                default: throw ApiError.of(400, Messages.LDAP_FAILED);
            }
        }
        SessionRoutes.startSession(ctx, cookies, ((SignInWithLdapUseCase.Result.SignedIn) result).session());
    }

    private void getEnabled(Context ctx) {
        authenticator.require(ctx, Access.ADMIN);
        ctx.json(Map.of("ENABLE_LDAP", current().enabled()));
    }

    private void setEnabled(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        LdapEnableForm form = json.read(ctx, LdapEnableForm.class);
        LdapSettings stored = form.enableLdap() == null ? current()
                : update(admin, ldap -> ldap.withEnabled(form.enableLdap()));
        ctx.json(Map.of("ENABLE_LDAP", stored.enabled()));
    }

    private void getServer(Context ctx) {
        authenticator.require(ctx, Access.ADMIN);
        ctx.json(response(current().server(), current()));
    }

    /** Open WebUI's single-server form: it replaces the server list, and carries the group settings. */
    private void setServer(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        LdapServerForm form = json.read(ctx, LdapServerForm.class);
        boolean management = Boolean.TRUE.equals(form.enableGroupManagement());
        requireNonEmpty("label", form.label());
        requireNonEmpty("host", form.host());
        requireNonEmpty("attribute_for_mail", form.attributeForMail());
        requireNonEmpty("attribute_for_username", form.attributeForUsername());
        requireNonEmpty("search_base", form.searchBase());
        if (management) {
            requireNonEmpty("attribute_for_groups", form.attributeForGroups());
        }
        LdapSettings stored = update(admin, ldap -> ldap.withSingleServer(
                server(form).keepingPasswordOf(Optional.of(ldap.server())), management,
                Boolean.TRUE.equals(form.enableGroupCreation()),
                form.attributeForGroups() == null || form.attributeForGroups().isBlank()
                        ? ldap.attributeForGroups() : form.attributeForGroups().strip()));
        ctx.json(response(stored.server(), stored));
    }

    private void getServers(Context ctx) {
        authenticator.require(ctx, Access.ADMIN);
        ctx.json(Map.of("servers", responses(current())));
    }

    /** Each server keeps its stored password when the form leaves it blank, matched by host, port and DN. */
    private void setServers(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        LdapServersForm form = json.read(ctx, LdapServersForm.class);
        if (form.servers() == null || form.servers().isEmpty()) {
            throw ApiError.of(400, Messages.LDAP_SERVER_REQUIRED);
        }
        for (LdapServerForm server : form.servers()) {
            if (server == null || isBlank(server.label()) || isBlank(server.host())) {
                throw ApiError.of(400, Messages.LDAP_SERVER_INCOMPLETE);
            }
        }
        LdapSettings stored = update(admin, ldap -> ldap.withServers(form.servers().stream()
                .map(LdapRoutes::server)
                .map(given -> given.keepingPasswordOf(ldap.servers().stream()
                        .filter(old -> old.host().equals(given.host()) && old.port().equals(given.port())
                                && old.appDn().equals(given.appDn()))
                        .findFirst()))
                .collect(Collectors.toList())));
        ctx.json(Map.of("servers", responses(stored)));
    }

    private LdapSettings current() {
        return useCases.get().getSettings().settings().ldap();
    }

    private LdapSettings update(Principal admin, UnaryOperator<LdapSettings> change) {
        return useCases.get().updateLdapSettings().update(new UpdateLdapSettingsUseCase.Command(admin.user().id(), change));
    }

    private static void requireNonEmpty(String field, String value) {
        if (isBlank(value)) {
            throw ApiError.of(400, String.format(Messages.REQUIRED_FIELD_EMPTY, field));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A server from the form, Open WebUI's defaults for what it leaves out. */
    private static LdapServer server(LdapServerForm form) {
        LdapServer defaults = LdapServer.defaults();
        return new LdapServer(form.label().strip(), form.host().strip(),
                Optional.ofNullable(form.port()),
                orDefault(form.attributeForMail(), defaults.attributeForMail()),
                orDefault(form.attributeForUsername(), defaults.attributeForUsername()),
                orDefault(form.appDn(), ""),
                form.appDnPassword() == null ? "" : form.appDnPassword(),
                orDefault(form.searchBase(), ""),
                orDefault(form.searchFilters(), ""),
                form.useTls() == null ? defaults.useTls() : form.useTls(),
                Boolean.TRUE.equals(form.startTls()),
                orDefault(form.certificatePath(), ""),
                form.validateCert() == null ? defaults.validateCert() : form.validateCert(),
                orDefault(form.ciphers(), defaults.ciphers()));
    }

    private static String orDefault(String value, String fallback) {
        return isBlank(value) ? fallback : value.strip();
    }

    private static List<LdapServerResponse> responses(LdapSettings ldap) {
        List<LdapServerResponse> servers = new ArrayList<>();
        ldap.servers().forEach(server -> servers.add(response(server, ldap)));
        return servers;
    }

    private static LdapServerResponse response(LdapServer server, LdapSettings ldap) {
        return new LdapServerResponse(server.label(), server.host(), server.port().orElse(null),
                server.attributeForMail(), server.attributeForUsername(), server.appDn(), server.searchBase(),
                server.searchFilters(), server.useTls(), server.startTls(), server.certificatePath(),
                server.validateCert(), server.ciphers(), ldap.groupManagement(), ldap.groupCreation(),
                ldap.attributeForGroups());
    }
}

package io.gatehouse.adapter.http.javalin;

import io.javalin.http.Context;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Who a trusted reverse proxy says the caller is: the trusted headers, read only from a trusted proxy. */
final class ProxyIdentity {

    private final TrustedHeaders headers;
    private final ClientAddresses addresses;

    ProxyIdentity(TrustedHeaders headers, ClientAddresses addresses) {
        this.headers = headers;
        this.addresses = addresses;
    }

    /** The e-mail the proxy vouches for, lower-cased; empty when absent or not sent by a trusted proxy. */
    Optional<String> email(Context ctx) {
        return header(ctx, headers.email()).map(value -> value.toLowerCase(Locale.ROOT));
    }

    Optional<String> name(Context ctx) {
        return headers.name().flatMap(name -> header(ctx, name)).map(ProxyIdentity::urlDecoded);
    }

    /** The group names, or empty when the header is not configured or not sent. */
    Optional<List<String>> groups(Context ctx) {
        return headers.groups().flatMap(name -> header(ctx, name)).map(value -> Arrays.stream(value.split(","))
                .map(String::strip).filter(group -> !group.isEmpty()).collect(Collectors.toList()));
    }

    Optional<String> role(Context ctx) {
        return headers.role().flatMap(name -> header(ctx, name));
    }

    private Optional<String> header(Context ctx, String name) {
        if (!addresses.fromTrustedProxy(ctx)) {
            return Optional.empty();
        }
        return Optional.ofNullable(ctx.header(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Open WebUI URL-decodes the name; a malformed escape leaves it as sent. */
    private static String urlDecoded(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}

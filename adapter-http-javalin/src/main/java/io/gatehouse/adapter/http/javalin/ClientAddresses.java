package io.gatehouse.adapter.http.javalin;

import io.gatehouse.domain.throttle.ClientAddress;
import io.javalin.http.Context;

import java.util.List;
import java.util.Optional;

/**
 * Who is calling, for per-address limits: the socket's peer, unless that peer is a configured trusted proxy, in which
 * case {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first other address is the
 * client. A client cannot spoof its address: headers from untrusted peers are ignored.
 */
final class ClientAddresses {

    private final List<Cidr> trustedProxies;

    ClientAddresses(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    ClientAddress of(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (!isTrusted(peer)) {
            return address(peer);
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null) {
            return address(peer);
        }
        String[] hops = forwarded.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (Cidr.ipLiteral(hop).isEmpty()) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return address(client);
    }

    /** Whether the socket's peer is one of the trusted proxies. */
    boolean fromTrustedProxy(Context ctx) {
        return isTrusted(ctx.req().getRemoteAddr());
    }

    private boolean isTrusted(String address) {
        Optional<byte[]> bytes = Cidr.ipLiteral(address);
        return bytes.isPresent() && trustedProxies.stream().anyMatch(cidr -> cidr.contains(bytes.get()));
    }

    private static ClientAddress address(String raw) {
        String value = raw == null || raw.isBlank() ? "unknown" : raw;
        return new ClientAddress(value.length() > 64 ? value.substring(0, 64) : value);
    }
}

package io.gatehouse.adapter.ldap;

import java.time.Duration;
import java.util.Objects;

/**
 * How the adapter talks to every directory server.
 *
 * @param connectTimeout  how long a connection (and its TLS handshake) may take ({@code LDAP_CONNECT_TIMEOUT})
 * @param responseTimeout how long one operation, or the wait for a free pooled connection, may take
 *                        ({@code LDAP_RESPONSE_TIMEOUT})
 * @param poolSize        connections kept per server ({@code LDAP_POOL_SIZE})
 */
public record LdapConnectionSettings(Duration connectTimeout, Duration responseTimeout, int poolSize) {

    public LdapConnectionSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || responseTimeout.isNegative()
                || responseTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts are positive");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("a pool holds at least one connection");
        }
    }

    /** Five seconds to connect, ten to answer, four connections per server. */
    public static LdapConnectionSettings defaults() {
        return new LdapConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 4);
    }
}

package io.gatehouse.domain.ldap;

import java.util.Objects;
import java.util.Optional;

/**
 * One directory server and how to read its user entries (Open WebUI §6.1, the admin form of §10.3).
 *
 * @param label                 the name shown to admins ({@code LDAP_SERVER_LABEL})
 * @param host                  ({@code LDAP_SERVER_HOST})
 * @param port                  empty for the protocol's default, 636 with TLS, 389 without ({@code LDAP_SERVER_PORT})
 * @param attributeForMail      the attribute that holds the e-mail address ({@code LDAP_ATTRIBUTE_FOR_MAIL})
 * @param attributeForUsername  the attribute users sign in with: {@code uid}, {@code sAMAccountName} on Active
 *                              Directory ({@code LDAP_ATTRIBUTE_FOR_USERNAME})
 * @param appDn                 the service account that searches; empty for an anonymous search ({@code LDAP_APP_DN})
 * @param appPassword           its password ({@code LDAP_APP_PASSWORD}); never shown by {@link #toString()}
 * @param searchBase            where users are searched ({@code LDAP_SEARCH_BASE})
 * @param searchFilters         a filter added to the user search, in parentheses, e.g. {@code (objectClass=person)}
 *                              ({@code LDAP_SEARCH_FILTER})
 * @param useTls                LDAPS: TLS from the first byte ({@code LDAP_USE_TLS})
 * @param startTls              StartTLS on a plain connection, when {@code useTls} is off ({@code LDAP_USE_STARTTLS})
 * @param certificatePath       a PEM file of the certificates to trust; empty for the JVM's ({@code LDAP_CA_CERT_FILE})
 * @param validateCert          whether the server's certificate and host name are checked ({@code LDAP_VALIDATE_CERT})
 * @param ciphers               the TLS cipher suites allowed, by their standard names, separated by {@code :} or
 *                              {@code ,}; {@code ALL} or empty for the JVM's defaults ({@code LDAP_CIPHERS})
 */
public record LdapServer(String label, String host, Optional<Integer> port, String attributeForMail,
                         String attributeForUsername, String appDn, String appPassword, String searchBase,
                         String searchFilters, boolean useTls, boolean startTls, String certificatePath,
                         boolean validateCert, String ciphers) {

    public static final int DEFAULT_PORT = 389;
    public static final int DEFAULT_TLS_PORT = 636;

    public LdapServer {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(attributeForMail, "attributeForMail");
        Objects.requireNonNull(attributeForUsername, "attributeForUsername");
        Objects.requireNonNull(appDn, "appDn");
        Objects.requireNonNull(appPassword, "appPassword");
        Objects.requireNonNull(searchBase, "searchBase");
        Objects.requireNonNull(searchFilters, "searchFilters");
        Objects.requireNonNull(certificatePath, "certificatePath");
        Objects.requireNonNull(ciphers, "ciphers");
        port.ifPresent(number -> {
            if (number < 1 || number > 65_535) {
                throw new IllegalArgumentException("a port lies between 1 and 65535");
            }
        });
    }

    /** Open WebUI's defaults: {@code localhost}, LDAPS, {@code uid} and {@code mail}, anonymous search. */
    public static LdapServer defaults() {
        return new LdapServer("LDAP Server", "localhost", Optional.of(DEFAULT_PORT), "mail", "uid", "", "", "", "",
                true, false, "", true, "ALL");
    }

    /** The port connected to. */
    public int effectivePort() {
        return port.orElse(useTls ? DEFAULT_TLS_PORT : DEFAULT_PORT);
    }

    /** Whether the search binds as a service account rather than anonymously. */
    public boolean hasAppAccount() {
        return !appDn.isEmpty();
    }

    /**
     * This server as an admin sent it, with the stored password kept when the form left it blank: the admin API never
     * shows the password, so a form sent back unchanged carries none. Without an app DN there is no password to keep.
     */
    public LdapServer keepingPasswordOf(Optional<LdapServer> stored) {
        if (!appPassword.isEmpty() || appDn.isEmpty() || stored.isEmpty() || !stored.get().appDn.equals(appDn)) {
            return appDn.isEmpty() ? withAppPassword("") : this;
        }
        return withAppPassword(stored.get().appPassword);
    }

    private LdapServer withAppPassword(String password) {
        return new LdapServer(label, host, port, attributeForMail, attributeForUsername, appDn, password, searchBase,
                searchFilters, useTls, startTls, certificatePath, validateCert, ciphers);
    }

    /** Everything but the password, which shows only whether there is one. */
    @Override
    public String toString() {
        return "LdapServer[label=" + label + ", host=" + host + ", port=" + effectivePort() + ", appDn=" + appDn
                + ", appPassword=" + (appPassword.isEmpty() ? "none" : "redacted") + ", searchBase=" + searchBase
                + ", useTls=" + useTls + ", startTls=" + startTls + ", validateCert=" + validateCert + "]";
    }
}

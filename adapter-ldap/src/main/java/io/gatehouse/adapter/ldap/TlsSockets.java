package io.gatehouse.adapter.ldap;

import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllSSLSocketVerifier;
import com.unboundid.util.ssl.TrustAllTrustManager;
import io.gatehouse.domain.ldap.LdapServer;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The TLS side of a server's settings (Open WebUI §6.1): whom to trust (the PEM file's certificates, the JVM's, or,
 * with validation off, anyone), whether the host name must match the certificate, and which cipher suites may be
 * used. Built once per pool.
 */
final class TlsSockets {

    private final SSLSocketFactory factory;
    private final SSLSocketVerifier verifier;

    private TlsSockets(SSLSocketFactory factory, SSLSocketVerifier verifier) {
        this.factory = factory;
        this.verifier = verifier;
    }

    /** @throws IllegalArgumentException when the CA file cannot be read or a cipher suite is unknown */
    static TlsSockets of(LdapServer server) {
        TrustManager trust;
        try {
            if (!server.validateCert()) {
                trust = new TrustAllTrustManager();
            } else if (!server.certificatePath().isBlank()) {
                trust = new PEMFileTrustManager(new File(server.certificatePath()));
            } else {
                trust = JVMDefaultTrustManager.getInstance();
            }
            SSLSocketFactory plain = new SSLUtil(trust).createSSLSocketFactory("TLS");
            List<String> ciphers = cipherSuites(server.ciphers(), plain);
            SSLSocketFactory factory = ciphers.isEmpty() ? plain : new RestrictedCiphers(plain, ciphers);
            SSLSocketVerifier verifier = server.validateCert()
                    ? new HostNameSSLSocketVerifier(true) : TrustAllSSLSocketVerifier.getInstance();
            return new TlsSockets(factory, verifier);
        } catch (GeneralSecurityException | IllegalStateException unusable) {
            throw new IllegalArgumentException("the CA certificate file cannot be used", unusable);
        }
    }

    SSLSocketFactory factory() {
        return factory;
    }

    SSLSocketVerifier verifier() {
        return verifier;
    }

    /** The suites named, or none for the JVM's defaults ({@code ALL} or empty). */
    private static List<String> cipherSuites(String setting, SSLSocketFactory factory) {
        String trimmed = setting.strip();
        if (trimmed.isEmpty() || trimmed.toUpperCase(Locale.ROOT).equals("ALL")) {
            return List.of();
        }
        Set<String> supported = Set.of(factory.getSupportedCipherSuites());
        List<String> named = Arrays.stream(trimmed.split("[:,\\s]+")).filter(name -> !name.isEmpty())
                .collect(Collectors.toList());
        for (String name : named) {
            if (!supported.contains(name)) {
                throw new IllegalArgumentException("unknown TLS cipher suite " + name);
            }
        }
        return named;
    }

    /** Sockets that offer only the configured cipher suites. */
    private static final class RestrictedCiphers extends SSLSocketFactory {

        private final SSLSocketFactory delegate;
        private final String[] suites;

        RestrictedCiphers(SSLSocketFactory delegate, List<String> suites) {
            this.delegate = delegate;
            this.suites = suites.toArray(String[]::new);
        }

        private Socket restricted(Socket socket) {
            ((SSLSocket) socket).setEnabledCipherSuites(suites);
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return suites.clone();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return restricted(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return restricted(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return restricted(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return restricted(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return restricted(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return restricted(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}

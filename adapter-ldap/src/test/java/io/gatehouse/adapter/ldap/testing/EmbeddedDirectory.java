package io.gatehouse.adapter.ldap.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import com.unboundid.ldap.sdk.ResultCode;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * UnboundID's in-memory directory server on 127.0.0.1, as a real LDAP server for tests: one listener for plain LDAP
 * that also accepts StartTLS, one for LDAPS, both with a self-signed certificate made at start, whose PEM is
 * {@link #caFile()}. Counts the simple binds it receives, so that tests can see what a sign-in cost the directory.
 */
public final class EmbeddedDirectory implements AutoCloseable {

    /** The service account every directory has, with {@link #APP_PASSWORD}. */
    public static final String APP_DN = "cn=gatehouse,ou=services,dc=example,dc=org";
    public static final String APP_PASSWORD = "app-secret";
    public static final String BASE_DN = "dc=example,dc=org";
    private static final String KEY_STORE_PASSWORD = "test-only";

    private final InMemoryDirectoryServer server;
    private final Path caFile;
    private final AtomicInteger simpleBinds;

    private EmbeddedDirectory(InMemoryDirectoryServer server, Path caFile, AtomicInteger simpleBinds) {
        this.server = server;
        this.caFile = caFile;
        this.simpleBinds = simpleBinds;
    }

    /**
     * @param checkSchema false for a directory that accepts any attribute, such as Active Directory's
     *                    {@code sAMAccountName} and {@code memberOf}
     */
    public static EmbeddedDirectory start(boolean checkSchema) {
        try {
            File keyStore = selfSignedForLocalhost();
            SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(keyStore, KEY_STORE_PASSWORD.toCharArray(),
                    "PKCS12", "server"), new TrustAllTrustManager());
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, serverTls.createSSLSocketFactory()),
                    InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0,
                            serverTls.createSSLServerSocketFactory(), null));
            if (!checkSchema) {
                config.setSchema(null);
            }
            AtomicInteger simpleBinds = new AtomicInteger();
            config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
                @Override
                public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                    simpleBinds.incrementAndGet();
                }
            });
            EmbeddedDirectory started = new EmbeddedDirectory(new InMemoryDirectoryServer(config),
                    certificatePem(keyStore), simpleBinds);
            started.server.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: example");
            started.server.add("dn: ou=services," + BASE_DN, "objectClass: top", "objectClass: organizationalUnit",
                    "ou: services");
            started.server.add("dn: " + APP_DN, "objectClass: top", "objectClass: person", "cn: gatehouse",
                    "sn: service", "userPassword: " + APP_PASSWORD);
            started.server.startListening();
            return started;
        } catch (GeneralSecurityException | LDAPException | LDIFException | IOException e) {
            throw new IllegalStateException("the test directory does not start", e);
        }
    }

    /**
     * A key store with a self-signed certificate for {@code localhost} and {@code 127.0.0.1}, so that clients can check
     * the host name too (UnboundID's own generator names the machine's external addresses).
     */
    private static File selfSignedForLocalhost() throws IOException {
        File keyStore = File.createTempFile("gatehouse-ldap", ".p12");
        keyStore.delete();
        keyStore.deleteOnExit();
        ResultCode made = ManageCertificates.main((InputStream) null, null, null, "generate-self-signed-certificate",
                "--keystore", keyStore.getPath(), "--keystore-password", KEY_STORE_PASSWORD, "--keystore-type", "PKCS12",
                "--alias", "server", "--subject-dn", "CN=localhost", "--subject-alternative-name-dns", "localhost",
                "--subject-alternative-name-ip-address", "127.0.0.1", "--days-valid", "2");
        if (made != ResultCode.SUCCESS) {
            throw new IllegalStateException("no test certificate: " + made);
        }
        return keyStore;
    }

    private static Path certificatePem(File keyStore) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore)) {
            store.load(in, KEY_STORE_PASSWORD.toCharArray());
        }
        Certificate certificate = store.getCertificate("server");
        Path pem = Files.createTempFile("gatehouse-ldap-ca", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return pem;
    }

    /** Adds one entry, given as LDIF lines. */
    public EmbeddedDirectory add(String... ldif) {
        try {
            server.add(ldif);
            return this;
        } catch (LDAPException | LDIFException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public int ldapPort() {
        return server.getListenPort("ldap");
    }

    public int ldapsPort() {
        return server.getListenPort("ldaps");
    }

    /** The PEM file of the certificate both listeners present. */
    public Path caFile() {
        return caFile;
    }

    /** Simple binds received since start, whatever their outcome. */
    public int simpleBinds() {
        return simpleBinds.get();
    }

    /** Stops listening; connections are closed. */
    public void stop() {
        server.shutDown(true);
    }

    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(caFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

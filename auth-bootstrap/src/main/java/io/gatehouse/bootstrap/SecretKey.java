package io.gatehouse.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The key that signs session tokens ({@code WEBUI_SECRET_KEY}). It must be strong: at least 32 bytes and not a known
 * default such as Open WebUI's {@code t0p-s3cr3t}. Only the embedded quick start may generate one, and it keeps it
 * in the data folder ({@code .webui_secret_key}, as Open WebUI's start script does) so tokens survive a restart.
 */
final class SecretKey {

    static final int MINIMUM_BYTES = 32;
    static final String FILE_NAME = ".webui_secret_key";
    private static final Set<String> KNOWN_DEFAULTS = Set.of("t0p-s3cr3t", "secret", "changeme", "change-me");

    private final byte[] bytes;

    private SecretKey(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** The key from text, or empty when the text is too weak to sign tokens with. */
    static Optional<SecretKey> strong(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_BYTES || KNOWN_DEFAULTS.contains(text.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new SecretKey(bytes));
    }

    /** The key kept in the data folder, made now (readable by the owner only) if there is none yet. */
    static SecretKey keptIn(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return strong(Files.readString(file).strip()).orElseThrow(() -> new ConfigurationException(
                        List.of(file + " holds a key shorter than " + MINIMUM_BYTES + " bytes: delete it or set WEBUI_SECRET_KEY")));
            }
            createOwnerOnly(dataDir);
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, text);
            restrictToOwner(file);
            return new SecretKey(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException unwritable) {
            throw new UncheckedIOException("cannot keep the secret key in " + file, unwritable);
        }
    }

    /** The data folder holds the database and the key: made readable by its owner only when we make it. */
    private static void createOwnerOnly(Path dataDir) throws IOException {
        if (Files.isDirectory(dataDir)) {
            return;
        }
        try {
            Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(dataDir);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the data folder's permissions.
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "SecretKey[redacted]";
    }
}

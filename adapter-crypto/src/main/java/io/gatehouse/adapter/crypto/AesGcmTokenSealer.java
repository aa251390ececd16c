package io.gatehouse.adapter.crypto;

import io.gatehouse.application.port.out.TokenSealer;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * AES-256-GCM with a random 96-bit nonce per value, written as {@code v1.<base64url(nonce | ciphertext | tag)>}. The
 * key is the SHA-256 of the configured key text ({@code OAUTH_SESSION_TOKEN_ENCRYPTION_KEY}, else the signing key),
 * so any text of enough entropy serves. Thread-safe.
 */
public final class AesGcmTokenSealer implements TokenSealer {

    private static final String PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public AesGcmTokenSealer(byte[] keyMaterial) {
        if (keyMaterial.length < 32) {
            throw new IllegalArgumentException("the sealing key needs at least 32 bytes");
        }
        try {
            key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(keyMaterial), "AES");
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("the JVM lacks SHA-256", missing);
        }
    }

    @Override
    public String seal(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("the JVM lacks AES-GCM", missing);
        }
    }

    @Override
    public Optional<String> open(String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return Optional.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (AEADBadTagException | IllegalArgumentException tamperedOrForeign) {
            return Optional.empty();
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("the JVM lacks AES-GCM", missing);
        }
    }

    @Override
    public String toString() {
        return "AesGcmTokenSealer[key=redacted]";
    }
}

/**
 * The cryptographic driven adapters: bcrypt password hashing through jbcrypt that also verifies the {@code $2b$} and
 * {@code $2y$} hashes imported from Open WebUI and LibreChat
 * ({@link io.gatehouse.adapter.crypto.BcryptPasswordHasher}), HS256 session tokens through java-jwt with Open WebUI's
 * claims plus a type and a token version ({@link io.gatehouse.adapter.crypto.HmacTokenCodec}), and {@code sk-} API
 * keys with their SHA-256 digests ({@link io.gatehouse.adapter.crypto.RandomApiKeySecrets}). No secret handled here
 * appears in a {@code toString} or a log line.
 */
package io.gatehouse.adapter.crypto;

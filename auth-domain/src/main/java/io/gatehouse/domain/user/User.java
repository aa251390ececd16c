package io.gatehouse.domain.user;

import io.gatehouse.domain.role.Role;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account. Immutable: every change returns a new {@code User} carrying the time of the change.
 *
 * <p>{@link #tokenVersion()} counts "sign out everywhere" events: each session token records the version it was
 * issued under and stops being accepted once the version moves on. Changing the role moves it, so a demoted admin's
 * tokens die with the demotion.
 *
 * <p>{@link #revision()} is the stored version this account was read at. A store writes a changed account only if
 * its own version is still that one, so two concurrent changes never silently undo each other.
 */
public final class User {

    /** Longest display name we store. */
    public static final int MAX_NAME_LENGTH = 255;

    private final UserId id;
    private final EmailAddress email;
    private final String name;
    private final Role role;
    private final UserProfile profile;
    private final String timezone;
    private final int tokenVersion;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant lastActiveAt;
    private final long revision;

    private User(UserId id, EmailAddress email, String name, Role role, UserProfile profile, String timezone,
                 int tokenVersion, Instant createdAt, Instant updatedAt, Instant lastActiveAt, long revision) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = Objects.requireNonNull(email, "email");
        this.name = requireValidName(name);
        this.role = Objects.requireNonNull(role, "role");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.timezone = timezone;
        if (tokenVersion < 0) {
            throw new IllegalArgumentException("tokenVersion must not be negative");
        }
        this.tokenVersion = tokenVersion;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.lastActiveAt = lastActiveAt;
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative");
        }
        this.revision = revision;
    }

    /** A new account, never stored yet. */
    public static User register(UserId id, EmailAddress email, String name, Role role, UserProfile profile,
                                Instant now) {
        return new User(id, email, name, role, profile, null, 0, now, now, now, 0);
    }

    /** An account as it was stored, at the store's {@code revision}. For persistence adapters only. */
    public static User reconstitute(UserId id, EmailAddress email, String name, Role role, UserProfile profile,
                                    Optional<String> timezone, int tokenVersion, Instant createdAt,
                                    Instant updatedAt, Optional<Instant> lastActiveAt, long revision) {
        return new User(id, email, name, role, profile, timezone.orElse(null), tokenVersion, createdAt, updatedAt,
                lastActiveAt.orElse(null), revision);
    }

    /** Whether a display name is acceptable: 1 to {@value #MAX_NAME_LENGTH} characters, not only blanks. */
    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH;
    }

    /** @throws IllegalArgumentException unless {@link #isValidName} */
    public static String requireValidName(String name) {
        Objects.requireNonNull(name, "name");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("a name has 1 to " + MAX_NAME_LENGTH + " characters, not only blanks");
        }
        return name;
    }

    /** A new role; every token issued under the old one is revoked when the role really changes. */
    public User withRole(Role newRole, Instant now) {
        if (newRole == role) {
            return this;
        }
        return new User(id, email, name, newRole, profile, timezone, tokenVersion + 1, createdAt, now,
                lastActiveAt, revision);
    }

    public User withEmail(EmailAddress newEmail, Instant now) {
        return new User(id, newEmail, name, role, profile, timezone, tokenVersion, createdAt, now,
                lastActiveAt, revision);
    }

    public User withName(String newName, Instant now) {
        return new User(id, email, newName, role, profile, timezone, tokenVersion, createdAt, now,
                lastActiveAt, revision);
    }

    public User withProfile(UserProfile newProfile, Instant now) {
        return new User(id, email, name, role, newProfile, timezone, tokenVersion, createdAt, now,
                lastActiveAt, revision);
    }

    public User withTimezone(String newTimezone, Instant now) {
        return new User(id, email, name, role, profile, newTimezone, tokenVersion, createdAt, now,
                lastActiveAt, revision);
    }

    /** Revokes every token issued so far ("sign out everywhere"). */
    public User withTokensRevoked(Instant now) {
        return new User(id, email, name, role, profile, timezone, tokenVersion + 1, createdAt, now,
                lastActiveAt, revision);
    }

    public User activeAt(Instant now) {
        return new User(id, email, name, role, profile, timezone, tokenVersion, createdAt, updatedAt, now, revision);
    }

    public UserId id() {
        return id;
    }

    public EmailAddress email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public UserProfile profile() {
        return profile;
    }

    public Optional<String> timezone() {
        return Optional.ofNullable(timezone);
    }

    public int tokenVersion() {
        return tokenVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> lastActiveAt() {
        return Optional.ofNullable(lastActiveAt);
    }

    /** The stored version this account was read at; 0 for an account never stored. */
    public long revision() {
        return revision;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof User && ((User) other).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + role.wireName() + "]";
    }
}

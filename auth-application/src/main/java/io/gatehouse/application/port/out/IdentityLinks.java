package io.gatehouse.application.port.out;

import io.gatehouse.domain.user.UserId;

import java.util.Optional;

/**
 * Which account an identity at a provider belongs to: the pair (provider, subject) names at most one account, and an
 * account has at most one subject per provider (Open WebUI's {@code user.oauth} map). Links go with the account.
 */
public interface IdentityLinks {

    Optional<UserId> findUser(String provider, String subject);

    /**
     * Links the identity to the account. Answers {@code false}, changing nothing, when the identity already belongs
     * to another account or the account already has another subject at this provider; linking again what is
     * already linked answers {@code true}.
     */
    boolean link(UserId user, String provider, String subject);
}

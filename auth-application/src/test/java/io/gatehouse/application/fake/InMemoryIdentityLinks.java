package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.IdentityLinks;
import io.gatehouse.domain.user.UserId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Links in a map; links of accounts the user store no longer has are not found. */
public final class InMemoryIdentityLinks implements IdentityLinks {

    private final InMemoryUserRepository users;
    private final Map<String, UserId> byIdentity = new HashMap<>();

    public InMemoryIdentityLinks(InMemoryUserRepository users) {
        this.users = users;
    }

    @Override
    public synchronized Optional<UserId> findUser(String provider, String subject) {
        return Optional.ofNullable(byIdentity.get(key(provider, subject)))
                .filter(user -> users.findById(user).isPresent());
    }

    @Override
    public synchronized boolean link(UserId user, String provider, String subject) {
        Optional<UserId> owner = findUser(provider, subject);
        if (owner.isPresent()) {
            return owner.get().equals(user);
        }
        boolean hasOther = byIdentity.entrySet().stream().anyMatch(entry -> entry.getValue().equals(user)
                && entry.getKey().startsWith(provider + "\u0000"));
        if (hasOther || users.findById(user).isEmpty()) {
            return false;
        }
        byIdentity.put(key(provider, subject), user);
        return true;
    }

    private static String key(String provider, String subject) {
        return provider + "\u0000" + subject;
    }
}

package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.IdentityLinks;
import io.gatehouse.domain.user.UserId;

import java.time.Clock;
import java.util.Optional;

/** Links in {@code identity_links}; the database's keys refuse a second owner or a second subject. */
final class JdbiIdentityLinks implements IdentityLinks {

    private final Database database;
    private final Clock clock;

    JdbiIdentityLinks(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<UserId> findUser(String provider, String subject) {
        return database.withHandle(handle -> handle
                .createQuery("SELECT user_id FROM identity_links WHERE provider = :provider AND subject = :subject")
                .bind("provider", provider)
                .bind("subject", subject)
                .mapTo(String.class)
                .findOne()
                .map(UserId::new));
    }

    @Override
    public boolean link(UserId user, String provider, String subject) {
        Optional<UserId> owner = findUser(provider, subject);
        if (owner.isPresent()) {
            return owner.get().equals(user);
        }
        return database.inTransactionIfUnique(handle -> {
            boolean exists = handle.createQuery("SELECT 1 FROM users WHERE id = :user")
                    .bind("user", user.value()).mapTo(Integer.class).findOne().isPresent();
            return exists && handle.createUpdate("INSERT INTO identity_links (provider, subject, user_id, created_at) "
                            + "VALUES (:provider, :subject, :user, :now)")
                    .bind("provider", provider)
                    .bind("subject", subject)
                    .bind("user", user.value())
                    .bind("now", clock.millis())
                    .execute() == 1;
        }).orElseGet(() -> findUser(provider, subject).map(user::equals).orElse(false));
    }
}

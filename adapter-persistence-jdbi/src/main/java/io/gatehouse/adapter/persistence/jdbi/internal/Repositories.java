package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.ApiKeyRepository;
import io.gatehouse.application.port.out.Callers;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.application.port.out.IdentityLinks;
import io.gatehouse.application.port.out.IdpSessionRepository;
import io.gatehouse.application.port.out.SettingsRepository;
import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.application.port.out.UserRepository;

import javax.sql.DataSource;
import java.time.Clock;

/** The repositories of one database, built over its (migrated) data source. */
public record Repositories(UserRepository users, GroupRepository groups, ApiKeyRepository apiKeys,
                           TokenRevocations tokenRevocations, SettingsRepository settings,
                           IdentityLinks identityLinks, IdpSessionRepository idpSessions, Callers callers) {

    public static Repositories over(DataSource dataSource, Clock clock) {
        Database database = new Database(dataSource);
        return new Repositories(new JdbiUserRepository(database), new JdbiGroupRepository(database),
                new JdbiApiKeyRepository(database), new JdbiTokenRevocations(database, clock),
                new JdbiSettingsRepository(database), new JdbiIdentityLinks(database, clock),
                new JdbiIdpSessions(database), new JdbiCallers(database));
    }
}

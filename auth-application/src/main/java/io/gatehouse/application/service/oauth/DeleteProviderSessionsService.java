package io.gatehouse.application.service.oauth;

import io.gatehouse.application.port.in.oauth.DeleteProviderSessionsUseCase;
import io.gatehouse.application.service.ProviderSessions;

import java.util.Objects;

/** Deletes the caller's sessions at a provider. */
public final class DeleteProviderSessionsService implements DeleteProviderSessionsUseCase {

    private final ProviderSessions sessions;

    public DeleteProviderSessionsService(ProviderSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public boolean delete(Command command) {
        return sessions.deleteByUser(command.user(), command.provider()) > 0;
    }
}

package io.gatehouse.application.contract;

import io.gatehouse.application.port.out.ApiKeyRepository;
import io.gatehouse.application.port.out.Callers;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.application.port.out.IdentityLinks;
import io.gatehouse.application.port.out.IdpSessionRepository;
import io.gatehouse.application.port.out.SettingsRepository;
import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.application.port.out.UserRepository;

/** The repositories of one store (one database), empty, for one contract test. */
public record Stores(UserRepository users, GroupRepository groups, ApiKeyRepository apiKeys,
                     TokenRevocations revocations, SettingsRepository settings, IdentityLinks identityLinks,
                     IdpSessionRepository idpSessions, Callers callers) {
}

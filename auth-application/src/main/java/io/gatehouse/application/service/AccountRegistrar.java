package io.gatehouse.application.service;

import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvent.Channel;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.InsertOutcome;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import io.gatehouse.domain.user.UserProfile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates accounts, and does what follows every creation, whichever way the account came (Open WebUI's signup
 * handler, §3.3–3.5): store it race-free with the first-user rule, close public sign-up behind the first admin made
 * by sign-up, join the default group, publish the event that drives the audit log and the sign-up webhook.
 */
public final class AccountRegistrar {

    private final UserRepository users;
    private final GroupRepository groups;
    private final SettingsHolder settings;
    private final AuthEvents events;
    private final Clock clock;

    public AccountRegistrar(UserRepository users, GroupRepository groups, SettingsHolder settings, AuthEvents events,
                            Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param role the account's role, or empty for the instance's default role
     */
    public InsertOutcome register(String name, EmailAddress email, Optional<Role> role, String profileImageUrl,
                                  Credential credential, FirstUserPolicy policy, Channel channel) {
        Instant now = clock.instant();
        User candidate = User.register(UserId.random(), email, name,
                role.orElseGet(() -> settings.current().defaultUserRole()), UserProfile.withImage(profileImageUrl), now);
        InsertOutcome outcome = users.insert(candidate, credential, policy);
        if (outcome instanceof InsertOutcome.Inserted) {
            InsertOutcome.Inserted inserted = (InsertOutcome.Inserted) outcome;
            if (inserted.first() && closesSignupBehindFirstAccount(channel)) {
                settings.update(current -> current.withSignupEnabled(false));
            }
            settings.current().defaultGroupId().ifPresent(groupId ->
                    groups.addMembers(groupId, List.of(inserted.user().id()), MembershipSource.DEFAULT_GROUP, now));
            events.publish(new AuthEvent.AccountCreated(inserted.user(), channel));
        }
        return outcome;
    }

    /** Sign-up and the start-up bootstrap close public sign-up after the first admin; other channels do not. */
    private static boolean closesSignupBehindFirstAccount(Channel channel) {
        return channel == Channel.SIGNUP || channel == Channel.NO_AUTH || channel == Channel.BOOTSTRAP;
    }
}

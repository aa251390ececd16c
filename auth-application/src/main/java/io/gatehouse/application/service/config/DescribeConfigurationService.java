package io.gatehouse.application.service.config;

import io.gatehouse.application.port.in.config.DescribeConfigurationUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.settings.FixedSettings;

import java.util.Objects;
import java.util.Optional;

/** What the front end may know: sign-in options for everyone, more for signed-in callers. Single-user mode never offers sign-up. */
public final class DescribeConfigurationService implements DescribeConfigurationUseCase {

    private final FixedSettings fixed;
    private final SettingsHolder settings;
    private final UserRepository users;

    public DescribeConfigurationService(FixedSettings fixed, SettingsHolder settings, UserRepository users) {
        this.fixed = Objects.requireNonNull(fixed, "fixed");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public PublicConfiguration describe(Optional<Principal> caller) {
        AuthSettings current = settings.current();
        Optional<Role> role = caller.map(principal -> principal.user().role());
        boolean onboarding = caller.isEmpty() && users.count() == 0;
        boolean signupOffered = fixed.authEnabled() && current.signupEnabled();
        return new PublicConfiguration(onboarding, fixed.authEnabled(), signupOffered,
                current.loginFormEnabled(), current.apiKeysEnabled(), fixed.authEnabled() && current.ldap().enabled(),
                current.oauth().autoRedirect(),
                role.filter(Role::isVerified).map(verified -> current.defaultPermissions()),
                role.filter(r -> r == Role.PENDING)
                        .map(pending -> new PendingOverlay(current.pendingOverlayTitle(), current.pendingOverlayContent())));
    }
}

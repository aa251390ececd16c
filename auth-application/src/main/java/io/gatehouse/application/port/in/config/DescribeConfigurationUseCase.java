package io.gatehouse.application.port.in.config;

import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.domain.permission.PermissionTree;

import java.util.Objects;
import java.util.Optional;

/**
 * The public bootstrap a front end reads first (Open WebUI §1.16): which sign-in options to offer, whether this is
 * a fresh instance, and for signed-in callers the default permissions or the pending-approval message.
 */
public interface DescribeConfigurationUseCase {

    /** @param caller the signed-in caller, or empty for an anonymous one */
    PublicConfiguration describe(Optional<Principal> caller);

    /**
     * @param onboarding        no account exists yet and the caller is anonymous: the front end offers to create
     *                          the first admin
     * @param defaultPermissions present for verified callers
     * @param pendingOverlay    present for pending callers: title and content of the approval message
     * @param oauthAutoRedirect the login page goes straight to the only provider ({@code OAUTH_AUTO_REDIRECT})
     */
    record PublicConfiguration(boolean onboarding, boolean authEnabled, boolean signupEnabled,
                               boolean loginFormEnabled, boolean apiKeysEnabled, boolean ldapEnabled,
                               boolean oauthAutoRedirect,
                               Optional<PermissionTree> defaultPermissions, Optional<PendingOverlay> pendingOverlay) {
        public PublicConfiguration {
            Objects.requireNonNull(defaultPermissions, "defaultPermissions");
            Objects.requireNonNull(pendingOverlay, "pendingOverlay");
        }
    }

    record PendingOverlay(String title, String content) {
        public PendingOverlay {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(content, "content");
        }
    }
}

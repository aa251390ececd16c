package io.gatehouse.bootstrap;

import io.gatehouse.application.port.in.account.ChangePasswordUseCase;
import io.gatehouse.application.port.in.account.CreateApiKeyUseCase;
import io.gatehouse.application.port.in.account.DeleteApiKeyUseCase;
import io.gatehouse.application.port.in.account.GetApiKeyUseCase;
import io.gatehouse.application.port.in.account.UpdateProfileUseCase;
import io.gatehouse.application.port.in.account.UpdateTimezoneUseCase;
import io.gatehouse.application.port.in.admin.AddUserUseCase;
import io.gatehouse.application.port.in.admin.BootstrapAdminUseCase;
import io.gatehouse.application.port.in.admin.DeleteUserUseCase;
import io.gatehouse.application.port.in.admin.GetAdminContactUseCase;
import io.gatehouse.application.port.in.admin.GetSettingsUseCase;
import io.gatehouse.application.port.in.admin.ListUsersUseCase;
import io.gatehouse.application.port.in.admin.UpdateDefaultPermissionsUseCase;
import io.gatehouse.application.port.in.admin.UpdateLdapSettingsUseCase;
import io.gatehouse.application.port.in.admin.UpdateOAuthSettingsUseCase;
import io.gatehouse.application.port.in.admin.UpdateSettingsUseCase;
import io.gatehouse.application.port.in.admin.UpdateUserUseCase;
import io.gatehouse.application.port.in.config.DescribeConfigurationUseCase;
import io.gatehouse.application.port.in.group.AddGroupMembersUseCase;
import io.gatehouse.application.port.in.group.CreateGroupUseCase;
import io.gatehouse.application.port.in.group.DeleteGroupUseCase;
import io.gatehouse.application.port.in.group.ExportGroupUseCase;
import io.gatehouse.application.port.in.group.GetGroupUseCase;
import io.gatehouse.application.port.in.group.ListGroupMembersUseCase;
import io.gatehouse.application.port.in.group.ListGroupsUseCase;
import io.gatehouse.application.port.in.group.RemoveGroupMembersUseCase;
import io.gatehouse.application.port.in.group.SyncGroupMembershipsUseCase;
import io.gatehouse.application.port.in.group.UpdateGroupUseCase;
import io.gatehouse.application.port.in.oauth.BackChannelLogoutUseCase;
import io.gatehouse.application.port.in.oauth.BeginOAuthLoginUseCase;
import io.gatehouse.application.port.in.oauth.CompleteOAuthLoginUseCase;
import io.gatehouse.application.port.in.oauth.DeleteProviderSessionsUseCase;
import io.gatehouse.application.port.in.oauth.ExchangeProviderTokenUseCase;
import io.gatehouse.application.port.in.oauth.GetProviderAccessTokenUseCase;
import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.DescribeSessionUseCase;
import io.gatehouse.application.port.in.session.SignInWithLdapUseCase;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.in.session.SignInWithTrustedHeaderUseCase;
import io.gatehouse.application.port.in.session.SignOutUseCase;
import io.gatehouse.application.port.in.session.SignUpUseCase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A running Gatehouse: every use case, ready to call from the embedding application's own code, over the storage
 * the builder chose. Thread-safe. Close it to release the database pool and background threads.
 *
 * <pre>{@code
 * try (Gatehouse gatehouse = Gatehouse.builder().databaseUrl("jdbc:h2:mem:demo").secretKey(key).build()) {
 *     gatehouse.signUp().signUp(new SignUpUseCase.Command(...));
 * }
 * }</pre>
 */
public final class Gatehouse implements AutoCloseable {

    private final UseCaseSet useCases;
    private final List<AutoCloseable> resources;

    Gatehouse(UseCaseSet useCases, List<AutoCloseable> resources) {
        this.useCases = useCases;
        this.resources = List.copyOf(resources);
    }

    public static GatehouseBuilder builder() {
        return new GatehouseBuilder();
    }

    public SignUpUseCase signUp() {
        return useCases.signUp();
    }

    public SignInWithPasswordUseCase signIn() {
        return useCases.signIn();
    }

    public SignOutUseCase signOut() {
        return useCases.signOut();
    }

    public AuthenticateUseCase authenticate() {
        return useCases.authenticate();
    }

    public DescribeSessionUseCase describeSession() {
        return useCases.describeSession();
    }

    public DescribeConfigurationUseCase describeConfiguration() {
        return useCases.describeConfiguration();
    }

    public UpdateProfileUseCase updateProfile() {
        return useCases.updateProfile();
    }

    public UpdateTimezoneUseCase updateTimezone() {
        return useCases.updateTimezone();
    }

    public ChangePasswordUseCase changePassword() {
        return useCases.changePassword();
    }

    public CreateApiKeyUseCase createApiKey() {
        return useCases.createApiKey();
    }

    public GetApiKeyUseCase getApiKey() {
        return useCases.getApiKey();
    }

    public DeleteApiKeyUseCase deleteApiKey() {
        return useCases.deleteApiKey();
    }

    public AddUserUseCase addUser() {
        return useCases.addUser();
    }

    public ListUsersUseCase listUsers() {
        return useCases.listUsers();
    }

    public UpdateUserUseCase updateUser() {
        return useCases.updateUser();
    }

    public DeleteUserUseCase deleteUser() {
        return useCases.deleteUser();
    }

    public GetAdminContactUseCase adminContact() {
        return useCases.adminContact();
    }

    public GetSettingsUseCase getSettings() {
        return useCases.getSettings();
    }

    public UpdateSettingsUseCase updateSettings() {
        return useCases.updateSettings();
    }

    public UpdateDefaultPermissionsUseCase updateDefaultPermissions() {
        return useCases.updateDefaultPermissions();
    }

    public BootstrapAdminUseCase bootstrapAdmin() {
        return useCases.bootstrapAdmin();
    }

    public ListGroupsUseCase listGroups() {
        return useCases.listGroups();
    }

    public CreateGroupUseCase createGroup() {
        return useCases.createGroup();
    }

    public GetGroupUseCase getGroup() {
        return useCases.getGroup();
    }

    public ExportGroupUseCase exportGroup() {
        return useCases.exportGroup();
    }

    public ListGroupMembersUseCase listGroupMembers() {
        return useCases.listGroupMembers();
    }

    public UpdateGroupUseCase updateGroup() {
        return useCases.updateGroup();
    }

    public AddGroupMembersUseCase addGroupMembers() {
        return useCases.addGroupMembers();
    }

    public RemoveGroupMembersUseCase removeGroupMembers() {
        return useCases.removeGroupMembers();
    }

    public DeleteGroupUseCase deleteGroup() {
        return useCases.deleteGroup();
    }

    public SyncGroupMembershipsUseCase syncGroupMemberships() {
        return useCases.syncGroupMemberships();
    }

    public SignInWithLdapUseCase signInWithLdap() {
        return useCases.signInWithLdap();
    }

    public UpdateLdapSettingsUseCase updateLdapSettings() {
        return useCases.updateLdapSettings();
    }

    /**
     * Single sign-on settings, the generic OpenID provider included, which applies to the next login; stored and
     * shared by every instance only with {@code ENABLE_OAUTH_PERSISTENT_CONFIG} ({@link
     * GatehouseBuilder#oauthPersistentConfig}).
     */
    public UpdateOAuthSettingsUseCase updateOAuthSettings() {
        return useCases.updateOAuthSettings();
    }

    public SignInWithTrustedHeaderUseCase signInWithTrustedHeader() {
        return useCases.signInWithTrustedHeader();
    }

    public BeginOAuthLoginUseCase beginOAuthLogin() {
        return useCases.beginOAuthLogin();
    }

    public CompleteOAuthLoginUseCase completeOAuthLogin() {
        return useCases.completeOAuthLogin();
    }

    public DeleteProviderSessionsUseCase deleteProviderSessions() {
        return useCases.deleteProviderSessions();
    }

    public BackChannelLogoutUseCase backChannelLogout() {
        return useCases.backChannelLogout();
    }

    public ExchangeProviderTokenUseCase exchangeProviderToken() {
        return useCases.exchangeProviderToken();
    }

    /** A signed-in user's access token at the provider they signed in with, refreshed when about to expire. */
    public GetProviderAccessTokenUseCase providerAccessToken() {
        return useCases.providerAccessToken();
    }

    /** Releases what the builder opened, last opened first. */
    @Override
    public void close() {
        closeAll(resources);
    }

    /** Closes every resource, last first, even when some fail; then throws the first failure, if any. */
    static void closeAll(List<AutoCloseable> resources) {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        RuntimeException failure = null;
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception closing) {
                if (failure == null) {
                    failure = new IllegalStateException("closing Gatehouse failed", closing);
                } else {
                    failure.addSuppressed(closing);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The services, as the builder wired them. */
    record UseCaseSet(SignUpUseCase signUp, SignInWithPasswordUseCase signIn, SignOutUseCase signOut,
                      AuthenticateUseCase authenticate, DescribeSessionUseCase describeSession,
                      DescribeConfigurationUseCase describeConfiguration, UpdateProfileUseCase updateProfile,
                      UpdateTimezoneUseCase updateTimezone, ChangePasswordUseCase changePassword,
                      CreateApiKeyUseCase createApiKey, GetApiKeyUseCase getApiKey, DeleteApiKeyUseCase deleteApiKey,
                      AddUserUseCase addUser, ListUsersUseCase listUsers, UpdateUserUseCase updateUser,
                      DeleteUserUseCase deleteUser, GetAdminContactUseCase adminContact,
                      GetSettingsUseCase getSettings, UpdateSettingsUseCase updateSettings,
                      UpdateDefaultPermissionsUseCase updateDefaultPermissions,
                      BootstrapAdminUseCase bootstrapAdmin, ListGroupsUseCase listGroups,
                      CreateGroupUseCase createGroup, GetGroupUseCase getGroup, ExportGroupUseCase exportGroup,
                      ListGroupMembersUseCase listGroupMembers, UpdateGroupUseCase updateGroup,
                      AddGroupMembersUseCase addGroupMembers, RemoveGroupMembersUseCase removeGroupMembers,
                      DeleteGroupUseCase deleteGroup, SyncGroupMembershipsUseCase syncGroupMemberships,
                      SignInWithLdapUseCase signInWithLdap, UpdateLdapSettingsUseCase updateLdapSettings,
                      SignInWithTrustedHeaderUseCase signInWithTrustedHeader,
                      BeginOAuthLoginUseCase beginOAuthLogin, CompleteOAuthLoginUseCase completeOAuthLogin,
                      DeleteProviderSessionsUseCase deleteProviderSessions, BackChannelLogoutUseCase backChannelLogout,
                      GetProviderAccessTokenUseCase providerAccessToken,
                      ExchangeProviderTokenUseCase exchangeProviderToken,
                      UpdateOAuthSettingsUseCase updateOAuthSettings) {
    }
}

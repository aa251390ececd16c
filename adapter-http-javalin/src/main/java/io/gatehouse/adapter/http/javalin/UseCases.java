package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.port.in.account.ChangePasswordUseCase;
import io.gatehouse.application.port.in.account.CreateApiKeyUseCase;
import io.gatehouse.application.port.in.account.DeleteApiKeyUseCase;
import io.gatehouse.application.port.in.account.GetApiKeyUseCase;
import io.gatehouse.application.port.in.account.UpdateProfileUseCase;
import io.gatehouse.application.port.in.account.UpdateTimezoneUseCase;
import io.gatehouse.application.port.in.admin.AddUserUseCase;
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
import io.gatehouse.application.port.in.group.UpdateGroupUseCase;
import io.gatehouse.application.port.in.oauth.BackChannelLogoutUseCase;
import io.gatehouse.application.port.in.oauth.BeginOAuthLoginUseCase;
import io.gatehouse.application.port.in.oauth.CompleteOAuthLoginUseCase;
import io.gatehouse.application.port.in.oauth.DeleteProviderSessionsUseCase;
import io.gatehouse.application.port.in.oauth.ExchangeProviderTokenUseCase;
import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.DescribeSessionUseCase;
import io.gatehouse.application.port.in.session.SignInWithLdapUseCase;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.in.session.SignInWithTrustedHeaderUseCase;
import io.gatehouse.application.port.in.session.SignOutUseCase;
import io.gatehouse.application.port.in.session.SignUpUseCase;

/** The use cases the HTTP surface calls: everything it does goes through one of these. */
public record UseCases(SignUpUseCase signUp, SignInWithPasswordUseCase signIn, SignOutUseCase signOut,
                       AuthenticateUseCase authenticate, DescribeSessionUseCase describeSession,
                       DescribeConfigurationUseCase describeConfiguration, UpdateProfileUseCase updateProfile,
                       UpdateTimezoneUseCase updateTimezone, ChangePasswordUseCase changePassword,
                       CreateApiKeyUseCase createApiKey, GetApiKeyUseCase getApiKey, DeleteApiKeyUseCase deleteApiKey,
                       AddUserUseCase addUser, GetAdminContactUseCase adminContact, GetSettingsUseCase getSettings,
                       UpdateSettingsUseCase updateSettings, ListUsersUseCase listUsers, UpdateUserUseCase updateUser,
                       DeleteUserUseCase deleteUser, UpdateDefaultPermissionsUseCase updateDefaultPermissions,
                       ListGroupsUseCase listGroups, CreateGroupUseCase createGroup, GetGroupUseCase getGroup,
                       ExportGroupUseCase exportGroup, ListGroupMembersUseCase listGroupMembers,
                       UpdateGroupUseCase updateGroup, AddGroupMembersUseCase addGroupMembers,
                       RemoveGroupMembersUseCase removeGroupMembers, DeleteGroupUseCase deleteGroup,
                       SignInWithLdapUseCase signInWithLdap, UpdateLdapSettingsUseCase updateLdapSettings,
                       SignInWithTrustedHeaderUseCase signInWithTrustedHeader,
                       BeginOAuthLoginUseCase beginOAuthLogin, CompleteOAuthLoginUseCase completeOAuthLogin,
                       DeleteProviderSessionsUseCase deleteProviderSessions,
                       BackChannelLogoutUseCase backChannelLogout,
                       ExchangeProviderTokenUseCase exchangeProviderToken,
                       UpdateOAuthSettingsUseCase updateOAuthSettings) {
}

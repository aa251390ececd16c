package io.gatehouse.domain.ldap;

import io.gatehouse.domain.group.BlockedGroupPatterns;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.group.MembershipSync;

import java.util.List;
import java.util.Objects;

/**
 * Whether LDAP sign-in is on, against which servers, and how it treats groups (Open WebUI §6.1). The group settings
 * hold for every server.
 *
 * @param enabled           ({@code ENABLE_LDAP})
 * @param server            the single server of the admin form ({@code LDAP_SERVER_*}); used when {@code servers}
 *                          is empty
 * @param servers           servers tried in order until one accepts the user (the admin list of Open WebUI's latest
 *                          version); saving the single-server form empties it
 * @param groupManagement   whether memberships follow the directory ({@code ENABLE_LDAP_GROUP_MANAGEMENT})
 * @param groupCreation     whether groups the directory names are created when missing
 *                          ({@code ENABLE_LDAP_GROUP_CREATION})
 * @param attributeForGroups the user attribute listing group DNs ({@code LDAP_ATTRIBUTE_FOR_GROUPS})
 * @param groupSearchBase   where to search groups that list the user as {@code member} or {@code uniqueMember}, for
 *                          directories without {@code memberOf}; empty to read {@code attributeForGroups}
 *                          ({@code LDAP_GROUP_SEARCH_BASE})
 * @param blockedGroups     patterns of groups the sync never creates, joins or leaves ({@code LDAP_BLOCKED_GROUPS})
 */
public record LdapSettings(boolean enabled, LdapServer server, List<LdapServer> servers, boolean groupManagement,
                           boolean groupCreation, String attributeForGroups, String groupSearchBase,
                           List<String> blockedGroups) {

    public LdapSettings {
        Objects.requireNonNull(server, "server");
        servers = List.copyOf(servers);
        Objects.requireNonNull(attributeForGroups, "attributeForGroups");
        Objects.requireNonNull(groupSearchBase, "groupSearchBase");
        blockedGroups = List.copyOf(blockedGroups);
    }

    /** Off, with Open WebUI's defaults. */
    public static LdapSettings defaults() {
        return new LdapSettings(false, LdapServer.defaults(), List.of(), false, false, "memberOf", "", List.of());
    }

    /** The servers a sign-in tries, in order. */
    public List<LdapServer> serversToTry() {
        return servers.isEmpty() ? List.of(server) : servers;
    }

    /** How a sign-in changes the user's LDAP memberships. */
    public MembershipSync membershipSync() {
        return new MembershipSync(MembershipSource.LDAP, BlockedGroupPatterns.of(blockedGroups), groupCreation);
    }

    public LdapSettings withEnabled(boolean on) {
        return new LdapSettings(on, server, servers, groupManagement, groupCreation, attributeForGroups,
                groupSearchBase, blockedGroups);
    }

    /** The single-server form replaces the list, as in Open WebUI. */
    public LdapSettings withSingleServer(LdapServer single, boolean management, boolean creation,
                                         String groupsAttribute) {
        return new LdapSettings(enabled, single, List.of(), management, creation, groupsAttribute, groupSearchBase,
                blockedGroups);
    }

    public LdapSettings withServers(List<LdapServer> list) {
        return new LdapSettings(enabled, server, list, groupManagement, groupCreation, attributeForGroups,
                groupSearchBase, blockedGroups);
    }
}

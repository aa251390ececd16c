package io.gatehouse.adapter.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Group names from group DNs, such as the values of {@code memberOf}: the value of the first {@code CN} component,
 * with the DN parsed by RFC 4514, so that {@code CN=Sales\, EMEA,OU=Groups,DC=example,DC=org} is the group
 * {@code Sales, EMEA} (Open WebUI's main path splits on commas and gets {@code Sales\}). A value that is not a DN, or
 * has no {@code CN}, names no group.
 */
final class GroupNames {

    private static final Logger LOG = LoggerFactory.getLogger(GroupNames.class);

    private GroupNames() {
    }

    static List<String> fromDns(Collection<String> dns) {
        List<String> names = new ArrayList<>();
        for (String dn : dns) {
            commonName(dn).ifPresentOrElse(names::add,
                    () -> LOG.warn("A group DN without a CN component names no group"));
        }
        return names;
    }

    static Optional<String> commonName(String dn) {
        try {
            for (RDN rdn : new DN(dn).getRDNs()) {
                String[] attributes = rdn.getAttributeNames();
                String[] values = rdn.getAttributeValues();
                for (int i = 0; i < attributes.length; i++) {
                    if (attributes[i].equalsIgnoreCase("cn") && !values[i].isEmpty()) {
                        return Optional.of(values[i]);
                    }
                }
            }
        } catch (LDAPException notADn) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}

package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.LdapDirectory;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.ldap.LdapServer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Directories by server label: each holds people with a password, e-mail values, a common name and groups; a server
 * can be down. Records which servers were asked, in order. The real flow is tested in the LDAP adapter.
 */
public final class FakeLdapDirectory implements LdapDirectory {

    private final Map<String, Map<String, Person>> directories = new HashMap<>();
    private final Set<String> down = new HashSet<>();
    private final Map<String, Reason> broken = new HashMap<>();
    public final List<String> asked = new ArrayList<>();

    /** A person in a directory; {@code groups} empty when the entry lists none. */
    public record Person(String password, List<String> mails, Optional<String> commonName, List<String> groups) {
    }

    public FakeLdapDirectory add(String serverLabel, String username, Person person) {
        directories.computeIfAbsent(serverLabel, label -> new HashMap<>()).put(username, person);
        return this;
    }

    public void takeDown(String serverLabel) {
        down.add(serverLabel);
    }

    public void breakWith(String serverLabel, Reason reason) {
        broken.put(serverLabel, reason);
    }

    @Override
    public Lookup authenticate(LdapServer server, GroupQuery groups, String username, PlainPassword password) {
        asked.add(server.label());
        if (down.contains(server.label())) {
            return new Lookup.Refused(Reason.UNREACHABLE);
        }
        if (broken.containsKey(server.label())) {
            return new Lookup.Refused(broken.get(server.label()));
        }
        Person person = directories.getOrDefault(server.label(), Map.of()).get(username);
        if (person == null) {
            return new Lookup.Refused(Reason.USER_NOT_FOUND);
        }
        if (!person.password.equals(password.reveal())) {
            return new Lookup.Refused(Reason.WRONG_PASSWORD);
        }
        return new Lookup.Authenticated("uid=" + username + ",dc=example,dc=org", person.mails, person.commonName,
                groups.wanted() ? Optional.of(person.groups) : Optional.empty());
    }

    @Override
    public void retainOnly(Collection<LdapServer> servers) {
        // no connections to release
    }
}

package io.gatehouse.adapter.ldap;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GroupNamesTest {

    @Test
    void theFirstCommonNameIsTheGroupWithEscapesDecoded() {
        assertEquals(Optional.of("Sales, EMEA"), GroupNames.commonName("CN=Sales\\, EMEA,OU=Groups,DC=example,DC=org"));
        assertEquals(Optional.of("M\u00fcnchen"), GroupNames.commonName("cn=M\\C3\\BCnchen,ou=groups,dc=example,dc=org"));
        assertEquals(Optional.of("a+b"), GroupNames.commonName("cn=a\\+b,dc=org"));
        assertEquals(Optional.of("inner"), GroupNames.commonName("OU=Teams,CN=inner,CN=outer,DC=org"));
    }

    @Test
    void valuesThatAreNotDnsOrLackACommonNameNameNoGroup() {
        assertEquals(Optional.empty(), GroupNames.commonName("OU=Groups,DC=example,DC=org"));
        assertEquals(Optional.empty(), GroupNames.commonName("just a name"));
        assertEquals(Optional.empty(), GroupNames.commonName("CN=,DC=org"));
        assertEquals(List.of("devs"), GroupNames.fromDns(List.of("not a dn", "CN=devs,DC=org", "OU=x,DC=org")));
    }
}

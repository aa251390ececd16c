package io.gatehouse.adapter.http.javalin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {

    @Test
    void cidrBlocksMatchByPrefix() {
        Cidr ten = Cidr.parse("10.0.0.0/8");
        Cidr v6 = Cidr.parse("fd00::/8");

        assertTrue(ten.contains(Cidr.ipLiteral("10.200.3.4").orElseThrow()));
        assertFalse(ten.contains(Cidr.ipLiteral("11.0.0.1").orElseThrow()));
        assertTrue(v6.contains(Cidr.ipLiteral("fd12:3456::1").orElseThrow()));
        assertFalse(v6.contains(Cidr.ipLiteral("10.0.0.1").orElseThrow()));
        assertTrue(Cidr.parse("192.168.1.7").contains(Cidr.ipLiteral("192.168.1.7").orElseThrow()));
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedWithoutAnyLookup() {
        assertTrue(Cidr.ipLiteral("example.org").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("proxy.internal/24"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/x"));
    }
}

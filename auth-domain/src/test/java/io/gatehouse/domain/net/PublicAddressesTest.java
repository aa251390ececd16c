package io.gatehouse.domain.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicAddressesTest {

    /** Literal addresses only: {@link InetAddress#getByName} does no lookup for them. */
    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.8.9.10",                              // loopback
            "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",  // private
            "169.254.169.254",                                      // link-local: AWS, GCP and Azure metadata
            "0.0.0.0", "0.1.2.3",                                   // this network
            "100.64.0.1", "100.100.100.200",                        // shared address space: Alibaba metadata
            "224.0.0.1", "239.255.255.250",                         // multicast
            "240.0.0.1", "255.255.255.255",                         // reserved, broadcast
            "::", "::1", "fe80::1", "fec0::1", "ff02::1",           // IPv6 any, loopback, link/site-local, multicast
            "fc00::1", "fd00:ec2::254",                             // unique local: AWS's IPv6 metadata
            "::ffff:127.0.0.1", "::ffff:10.0.0.1",                  // IPv4-mapped
            "::127.0.0.1", "::a9fe:a9fe",                           // IPv4-compatible
            "64:ff9b::a9fe:a9fe",                                   // NAT64 of 169.254.169.254
            "2002:7f00:1::1", "2002:c0a8:101::"                     // 6to4 of 127.0.0.1, 192.168.1.1
    })
    void privateAndSpecialAddressesAreRefused(String literal) throws UnknownHostException {
        assertFalse(PublicAddresses.isPublic(address(literal)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "8.8.8.8", "1.1.1.1", "203.0.113.7",
            "172.15.255.255", "172.32.0.1", "192.169.0.1", "100.63.255.255", "100.128.0.1", "169.255.0.1",
            "2606:4700:4700::1111", "2002:808:808::1", "64:ff9b::808:808"
    })
    void publicAddressesAreAllowed(String literal) throws UnknownHostException {
        assertTrue(PublicAddresses.isPublic(address(literal)));
    }

    @Test
    void oneNonPublicAddressAmongTheAnswersRefusesTheHost() throws UnknownHostException {
        assertTrue(PublicAddresses.allPublic(List.of(address("8.8.8.8"), address("1.1.1.1"))));
        assertFalse(PublicAddresses.allPublic(List.of(address("8.8.8.8"), address("10.0.0.1"))));
        assertFalse(PublicAddresses.allPublic(List.of()));
    }
}

package io.gatehouse.domain.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses the server may send a request to on someone else's say-so (a webhook URL, a profile picture URL from
 * an identity provider) when private ones are not allowed: none of the host itself, its private networks or the cloud
 * metadata services, so that whoever chooses the URL cannot make the server probe them (server-side request forgery).
 */
public final class PublicAddresses {

    /** {@code ::a.b.c.d}. */
    private static final byte[] IPV4_COMPATIBLE = new byte[12];
    /** {@code 64:ff9b::a.b.c.d}. */
    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    /** {@code 2002:aabb:ccdd::/48} carries {@code aa.bb.cc.dd}. */
    private static final byte[] SIX_TO_FOUR = {0x20, 0x02};

    private PublicAddresses() {
    }

    /** Whether every address a host resolved to is public: one private answer is enough to refuse the host. */
    public static boolean allPublic(List<InetAddress> addresses) {
        return !addresses.isEmpty() && addresses.stream().allMatch(PublicAddresses::isPublic);
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? isPublicIpv4(bytes) : isPublicIpv6(bytes);
    }

    /** Beyond what {@link InetAddress} classifies (loopback, 10/8, 172.16/12, 192.168/16, 169.254/16, 224/4). */
    private static boolean isPublicIpv4(byte[] bytes) {
        int first = Byte.toUnsignedInt(bytes[0]);
        int second = Byte.toUnsignedInt(bytes[1]);
        // 0/8: Linux connects 0.0.0.0 to the host itself.
        boolean thisNetwork = first == 0;
        // 100.64/10: carrier-grade NAT, and Alibaba Cloud's metadata service at 100.100.100.200.
        boolean sharedAddressSpace = first == 100 && second >= 64 && second < 128;
        // 240/4 and the broadcast address.
        boolean reserved = first >= 240;
        return !thisNetwork && !sharedAddressSpace && !reserved;
    }

    /**
     * Beyond what {@link InetAddress} classifies (::, ::1, fe80::/10, the old fec0::/10, ff00::/8): unique local
     * addresses, and IPv6 forms that carry an IPv4 address, judged by that address. IPv4-mapped addresses
     * ({@code ::ffff:a.b.c.d}) need nothing here: Java turns them into IPv4 addresses.
     */
    private static boolean isPublicIpv6(byte[] bytes) {
        // fc00::/7, which holds AWS's IPv6 metadata service fd00:ec2::254.
        boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
        if (uniqueLocal) {
            return false;
        }
        if (startsWith(bytes, IPV4_COMPATIBLE) || startsWith(bytes, NAT64)) {
            return isPublic(ipv4(bytes, 12));
        }
        if (startsWith(bytes, SIX_TO_FOUR)) {
            return isPublic(ipv4(bytes, 2));
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static InetAddress ipv4(byte[] bytes, int offset) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 4));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four bytes are an IPv4 address", impossible);
        }
    }
}

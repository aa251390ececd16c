package io.gatehouse.adapter.http.javalin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of IP addresses ({@code 10.0.0.0/8}, {@code ::1/128}, or one address): where trusted proxies are. Parsing
 * accepts IP literals only, so it never triggers a DNS lookup.
 */
public final class Cidr {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** @throws IllegalArgumentException for anything but an IP literal with an optional valid prefix length */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = ipLiteral(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: " + text));
        int maxPrefix = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? maxPrefix : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("not a CIDR prefix length: " + text, notANumber);
        }
        if (prefix < 0 || prefix > maxPrefix) {
            throw new IllegalArgumentException("a prefix length is between 0 and " + maxPrefix + ": " + text);
        }
        return new Cidr(bytes, prefix, trimmed);
    }

    /** The bytes of an IP literal (v4 or v6), or empty for anything else; never resolves a host name. */
    static Optional<byte[]> ipLiteral(String candidate) {
        if (candidate.isEmpty() || !IP_LITERAL.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate).getAddress());
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainingBits) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}

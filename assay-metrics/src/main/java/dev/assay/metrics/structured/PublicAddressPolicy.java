package dev.assay.metrics.structured;

import java.net.InetAddress;

/** The address ranges behind {@link AddressPolicy#publicAddressesOnly()}. */
final class PublicAddressPolicy {

    private static final int IPV4_LENGTH = 4;
    private static final int EMBEDDED_IPV4_OFFSET = 12;

    private PublicAddressPolicy() {}

    /** Whether the address is public unicast, so that URL Validation may connect to it. */
    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == IPV4_LENGTH) {
            return isPublicIpv4(bytes, 0);
        }
        if (embedsIpv4(bytes)) {
            return isPublicIpv4(bytes, EMBEDDED_IPV4_OFFSET);
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        boolean multicast = first == 0xFF;
        boolean uniqueLocal = (first & 0xFE) == 0xFC;
        boolean linkOrSiteLocal = first == 0xFE && (second & 0x80) == 0x80;
        return !(multicast || uniqueLocal || linkOrSiteLocal);
    }

    /** ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, also :: and ::1) and 64:ff9b::a.b.c.d (NAT64). */
    private static boolean embedsIpv4(byte[] bytes) {
        boolean firstTenZero = true;
        for (int index = 0; index < 10; index++) {
            firstTenZero &= bytes[index] == 0;
        }
        int eleventh = bytes[10] & 0xFF;
        int twelfth = bytes[11] & 0xFF;
        if (firstTenZero && ((eleventh == 0 && twelfth == 0) || (eleventh == 0xFF && twelfth == 0xFF))) {
            return true;
        }
        byte[] nat64Prefix = {0, 0x64, (byte) 0xFF, (byte) 0x9B, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int index = 0; index < nat64Prefix.length; index++) {
            if (bytes[index] != nat64Prefix[index]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPublicIpv4(byte[] bytes, int offset) {
        int first = bytes[offset] & 0xFF;
        int second = bytes[offset + 1] & 0xFF;
        boolean thisNetwork = first == 0;
        boolean privateRange = first == 10 || (first == 172 && (second & 0xF0) == 16) || (first == 192 && second == 168);
        boolean carrierGradeNat = first == 100 && (second & 0xC0) == 64;
        boolean loopback = first == 127;
        boolean linkLocal = first == 169 && second == 254;
        boolean multicastReservedOrBroadcast = first >= 224;
        return !(thisNetwork || privateRange || carrierGradeNat || loopback || linkLocal || multicastReservedOrBroadcast);
    }
}

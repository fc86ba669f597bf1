package org.bossa.rpc.netlogon.schannel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException.Reason;

/**
 * NL_AUTH_MESSAGE (MS-NRPC 2.2.1.3.1), the auth_value of a bind with the Netlogon SSP:
 * MessageType (4 bytes), Flags (4 bytes), then the names the flags announce, in flag order. The
 * NetBIOS names are null-terminated OEM strings; the DNS names are in the compressed form of
 * RFC 1035 4.1.4 (length-prefixed labels, a zero byte at the end). This class writes them
 * uncompressed (a valid encoding) and reads uncompressed ones only.
 *
 * @param messageType {@link #NEGOTIATE_REQUEST} or {@link #NEGOTIATE_RESPONSE}
 * @param netbiosDomain flag 0x01, the NetBIOS domain name
 * @param netbiosComputer flag 0x02, the NetBIOS computer name
 * @param dnsDomain flag 0x04, the DNS domain name
 * @param dnsHostName flag 0x08, the DNS host name
 * @param utf8NetbiosComputer flag 0x10, the NetBIOS computer name in UTF-8 DNS form
 */
public record NlAuthMessage(int messageType, Optional<String> netbiosDomain, Optional<String> netbiosComputer,
                            Optional<String> dnsDomain, Optional<String> dnsHostName,
                            Optional<String> utf8NetbiosComputer) {

    public static final int NEGOTIATE_REQUEST = 0;
    public static final int NEGOTIATE_RESPONSE = 1;

    public static final int FLAG_OEM_NETBIOS_DOMAIN = 0x01;
    public static final int FLAG_OEM_NETBIOS_COMPUTER = 0x02;
    public static final int FLAG_UTF8_DNS_DOMAIN = 0x04;
    public static final int FLAG_UTF8_DNS_HOST = 0x08;
    public static final int FLAG_UTF8_NETBIOS_COMPUTER = 0x10;

    /** The header: MessageType and Flags. */
    static final int HEADER_SIZE = 8;
    /** A DNS name is at most 255 bytes on the wire; a label at most 63 (RFC 1035 2.3.4). */
    private static final int MAX_DNS_NAME = 255;
    private static final int MAX_LABEL = 63;

    public NlAuthMessage {
        if (messageType != NEGOTIATE_REQUEST && messageType != NEGOTIATE_RESPONSE) {
            throw new IllegalArgumentException("NL_AUTH_MESSAGE type " + messageType);
        }
        netbiosDomain.ifPresent(NlAuthMessage::requireOem);
        netbiosComputer.ifPresent(NlAuthMessage::requireOem);
        dnsDomain.ifPresent(NlAuthMessage::requireDnsName);
        dnsHostName.ifPresent(NlAuthMessage::requireDnsName);
        utf8NetbiosComputer.ifPresent(NlAuthMessage::requireDnsName);
    }

    /** The client's negotiate message with the NetBIOS domain and computer names (what Samba and Windows send). */
    public static NlAuthMessage negotiate(String netbiosDomain, String netbiosComputer) {
        return new NlAuthMessage(NEGOTIATE_REQUEST, Optional.of(netbiosDomain), Optional.of(netbiosComputer),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The negotiate message with the DNS domain and host names besides the NetBIOS ones. */
    public static NlAuthMessage negotiate(String netbiosDomain, String netbiosComputer, String dnsDomain,
            String dnsHostName) {
        return new NlAuthMessage(NEGOTIATE_REQUEST, Optional.of(netbiosDomain), Optional.of(netbiosComputer),
                Optional.of(dnsDomain), Optional.of(dnsHostName), Optional.empty());
    }

    /** Flags: one bit per name present. */
    public int flags() {
        return (netbiosDomain.isPresent() ? FLAG_OEM_NETBIOS_DOMAIN : 0)
                | (netbiosComputer.isPresent() ? FLAG_OEM_NETBIOS_COMPUTER : 0)
                | (dnsDomain.isPresent() ? FLAG_UTF8_DNS_DOMAIN : 0)
                | (dnsHostName.isPresent() ? FLAG_UTF8_DNS_HOST : 0)
                | (utf8NetbiosComputer.isPresent() ? FLAG_UTF8_NETBIOS_COMPUTER : 0);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        writeU32(out, messageType);
        writeU32(out, flags());
        netbiosDomain.ifPresent(n -> writeOem(out, n));
        netbiosComputer.ifPresent(n -> writeOem(out, n));
        dnsDomain.ifPresent(n -> writeDnsName(out, n));
        dnsHostName.ifPresent(n -> writeDnsName(out, n));
        utf8NetbiosComputer.ifPresent(n -> writeDnsName(out, n));
        return out.toByteArray();
    }

    /**
     * Reads a message. Bytes after the announced names are ignored (a negotiate response carries a
     * 4-byte filler there in Samba's answers).
     *
     * @throws NetlogonCryptoException {@code BAD_AUTH_MESSAGE} on an unknown type, unknown flags, a
     *     name running past the end, or a compressed DNS name
     */
    public static NlAuthMessage decode(byte[] token) throws NetlogonCryptoException {
        if (token == null || token.length < HEADER_SIZE) {
            throw bad("shorter than its 8-byte header");
        }
        int type = readU32(token, 0);
        int flags = readU32(token, 4);
        if (type != NEGOTIATE_REQUEST && type != NEGOTIATE_RESPONSE) {
            throw bad("unknown message type " + Integer.toUnsignedString(type));
        }
        if ((flags & ~0x1F) != 0) {
            throw bad("unknown flags 0x" + Integer.toHexString(flags));
        }
        int[] pos = {HEADER_SIZE};
        Optional<String> domain = (flags & FLAG_OEM_NETBIOS_DOMAIN) != 0 ? Optional.of(readOem(token, pos)) : Optional.empty();
        Optional<String> computer = (flags & FLAG_OEM_NETBIOS_COMPUTER) != 0 ? Optional.of(readOem(token, pos)) : Optional.empty();
        Optional<String> dnsDomain = (flags & FLAG_UTF8_DNS_DOMAIN) != 0 ? Optional.of(readDnsName(token, pos)) : Optional.empty();
        Optional<String> dnsHost = (flags & FLAG_UTF8_DNS_HOST) != 0 ? Optional.of(readDnsName(token, pos)) : Optional.empty();
        Optional<String> utf8Computer = (flags & FLAG_UTF8_NETBIOS_COMPUTER) != 0 ? Optional.of(readDnsName(token, pos)) : Optional.empty();
        try {
            return new NlAuthMessage(type, domain, computer, dnsDomain, dnsHost, utf8Computer);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static void requireOem(String name) {
        // NetBIOS names are ASCII in practice; anything else would depend on the peer's OEM code page.
        if (name.isEmpty() || name.length() > 255) {
            throw new IllegalArgumentException("a NetBIOS name is 1 to 255 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("a NetBIOS name in NL_AUTH_MESSAGE must be printable ASCII");
            }
        }
    }

    private static void requireDnsName(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.contains("..")) {
            throw new IllegalArgumentException("not a DNS name: empty label");
        }
        String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        int wire = 1;
        for (String label : trimmed.split("\\.")) {
            int len = label.getBytes(StandardCharsets.UTF_8).length;
            if (len == 0 || len > MAX_LABEL) {
                throw new IllegalArgumentException("a DNS label is 1 to 63 bytes");
            }
            wire += 1 + len;
        }
        if (wire > MAX_DNS_NAME) {
            throw new IllegalArgumentException("a DNS name is at most 255 bytes on the wire");
        }
    }

    private static void writeOem(ByteArrayOutputStream out, String name) {
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
    }

    private static void writeDnsName(ByteArrayOutputStream out, String name) {
        String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (String label : trimmed.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.write(0);
    }

    private static String readOem(byte[] token, int[] pos) throws NetlogonCryptoException {
        int start = pos[0];
        for (int i = start; i < token.length; i++) {
            if (token[i] == 0) {
                pos[0] = i + 1;
                return new String(token, start, i - start, StandardCharsets.US_ASCII);
            }
        }
        throw bad("unterminated NetBIOS name");
    }

    private static String readDnsName(byte[] token, int[] pos) throws NetlogonCryptoException {
        StringBuilder name = new StringBuilder();
        int p = pos[0];
        while (true) {
            if (p >= token.length) {
                throw bad("DNS name runs past the end");
            }
            int len = token[p] & 0xFF;
            p++;
            if (len == 0) {
                break;
            }
            if (len > MAX_LABEL) {
                throw bad("compressed or oversized DNS label");
            }
            if (len > token.length - p) {
                throw bad("DNS label runs past the end");
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(token, p, len, StandardCharsets.UTF_8));
            p += len;
            if (name.length() > MAX_DNS_NAME) {
                throw bad("DNS name longer than 255 bytes");
            }
        }
        pos[0] = p;
        return name.toString();
    }

    private static void writeU32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    static int readU32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    private static NetlogonCryptoException bad(String why) {
        return new NetlogonCryptoException(Reason.BAD_AUTH_MESSAGE, "NL_AUTH_MESSAGE " + why);
    }
}

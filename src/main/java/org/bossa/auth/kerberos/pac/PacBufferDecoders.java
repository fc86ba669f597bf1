package org.bossa.auth.kerberos.pac;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.Sid;

/**
 * Decoders of the small PAC buffers, which are plain little-endian structures (not NDR):
 * PAC_CLIENT_INFO, UPN_DNS_INFO, PAC_ATTRIBUTES_INFO, PAC_REQUESTOR and PAC_SIGNATURE_DATA. Each
 * reads only inside its {@link PacBuffer}; bytes after the structure are allowed (as MIT and Samba
 * allow them).
 */
final class PacBufferDecoders {
    /** PAC_CLIENT_INFO's fixed part: ClientId (8) and NameLength (2). */
    private static final int CLIENT_INFO_FIXED = 10;
    private static final int UPN_DNS_INFO_FIXED = 12;
    private static final int UPN_DNS_INFO_EXTENDED = 20;
    private static final int SIGNATURE_TYPE_SIZE = 4;
    private static final int RODC_IDENTIFIER_SIZE = 2;

    private PacBufferDecoders() {
    }

    /** MS-PAC 2.7: ClientId (FILETIME), NameLength in bytes, Name in UTF-16LE without terminator. */
    static ClientInfo clientInfo(byte[] pac, PacBuffer b) throws PacException {
        if (b.size() < CLIENT_INFO_FIXED) {
            throw new PacException("CLIENT_INFO of " + b.size() + " bytes is shorter than 10");
        }
        long clientId = PacBytes.u64(pac, b.offset());
        int nameLength = PacBytes.u16(pac, b.offset() + 8);
        if (nameLength % 2 != 0) {
            throw new PacException("CLIENT_INFO NameLength " + nameLength + " is odd");
        }
        if (nameLength > b.size() - CLIENT_INFO_FIXED) {
            throw new PacException("CLIENT_INFO NameLength " + nameLength + " exceeds the "
                    + (b.size() - CLIENT_INFO_FIXED) + " bytes after it");
        }
        String name = new String(pac, b.offset() + CLIENT_INFO_FIXED, nameLength, StandardCharsets.UTF_16LE);
        return new ClientInfo(clientId, name);
    }

    /**
     * MS-PAC 2.10: UpnLength, UpnOffset, DnsDomainNameLength, DnsDomainNameOffset, Flags, and with
     * the S flag SamNameLength, SamNameOffset, SidLength, SidOffset; offsets from the buffer's start,
     * strings UTF-16LE without terminator, the SID in its binary form.
     */
    static UpnDnsInfo upnDnsInfo(byte[] pac, PacBuffer b) throws PacException {
        if (b.size() < UPN_DNS_INFO_FIXED) {
            throw new PacException("UPN_DNS_INFO of " + b.size() + " bytes is shorter than 12");
        }
        int at = b.offset();
        String upn = string(pac, b, PacBytes.u16(pac, at), PacBytes.u16(pac, at + 2), "Upn");
        String dns = string(pac, b, PacBytes.u16(pac, at + 4), PacBytes.u16(pac, at + 6), "DnsDomainName");
        int flags = PacBytes.u32(pac, at + 8);
        if ((flags & UpnDnsInfo.HAS_SAM_NAME_AND_SID) == 0) {
            return new UpnDnsInfo(upn, dns, flags, Optional.empty(), Optional.empty());
        }
        if (b.size() < UPN_DNS_INFO_EXTENDED) {
            throw new PacException("UPN_DNS_INFO with the S flag of " + b.size() + " bytes is shorter than 20");
        }
        String samName = string(pac, b, PacBytes.u16(pac, at + 12), PacBytes.u16(pac, at + 14), "SamName");
        int sidLength = PacBytes.u16(pac, at + 16);
        int sidOffset = PacBytes.u16(pac, at + 18);
        if (sidLength == 0) {
            throw new PacException("UPN_DNS_INFO with the S flag has SidLength 0");
        }
        checkRange(b, sidLength, sidOffset, "Sid");
        Sid sid = sid(pac, b.offset() + sidOffset, sidLength, "UPN_DNS_INFO Sid");
        return new UpnDnsInfo(upn, dns, flags, Optional.of(samName), Optional.of(sid));
    }

    private static String string(byte[] pac, PacBuffer b, int length, int offset, String what) throws PacException {
        if (length % 2 != 0) {
            throw new PacException("UPN_DNS_INFO " + what + "Length " + length + " is odd");
        }
        if (length == 0) {
            return ""; // the offset of an empty string is not used (Heimdal: an absent UPN has offset 0)
        }
        checkRange(b, length, offset, what);
        return new String(pac, b.offset() + offset, length, StandardCharsets.UTF_16LE);
    }

    private static void checkRange(PacBuffer b, int length, int offset, String what) throws PacException {
        if (offset > b.size() || length > b.size() - offset) {
            throw new PacException("UPN_DNS_INFO " + what + " (offset " + offset + ", length " + length
                    + ") lies outside the buffer's " + b.size() + " bytes");
        }
    }

    /** MS-PAC 2.14: FlagsLength in bits, then ceil(FlagsLength/32) 32-bit words of flags. */
    static AttributesInfo attributesInfo(byte[] pac, PacBuffer b) throws PacException {
        if (b.size() < 4) {
            throw new PacException("ATTRIBUTES_INFO of " + b.size() + " bytes is shorter than 4");
        }
        long bits = Integer.toUnsignedLong(PacBytes.u32(pac, b.offset()));
        long words = (bits + 31) / 32;
        if (words * 4 > b.size() - 4) {
            throw new PacException("ATTRIBUTES_INFO FlagsLength " + bits + " needs " + words * 4
                    + " bytes of flags, the buffer has " + (b.size() - 4));
        }
        int flags = words == 0 ? 0 : PacBytes.u32(pac, b.offset() + 4);
        return new AttributesInfo(bits, flags);
    }

    /** MS-PAC 2.15: PAC_REQUESTOR, the binary SID of the client the ticket was requested for. */
    static Sid requestor(byte[] pac, PacBuffer b) throws PacException {
        return sidPrefix(pac, b.offset(), b.size(), "REQUESTOR Sid");
    }

    /**
     * MS-PAC 2.8: SignatureType, Signature (its length set by the type), RODCIdentifier when two more
     * bytes follow. A type this package does not know is an error for the server checksum (which is
     * verified); for the others every byte after the type is kept as the signature.
     */
    static PacSignature signature(byte[] pac, PacBuffer b) throws PacException {
        String what = PacBufferType.name(b.type());
        if (b.size() < SIGNATURE_TYPE_SIZE) {
            throw new PacException(what + " of " + b.size() + " bytes has no SignatureType");
        }
        int type = PacBytes.u32(pac, b.offset());
        int length = PacSignature.signatureLength(type);
        int available = b.size() - SIGNATURE_TYPE_SIZE;
        int start = b.offset() + SIGNATURE_TYPE_SIZE;
        if (length < 0) {
            if (b.type() == PacBufferType.SERVER_CHECKSUM) {
                throw new PacException("SERVER_CHECKSUM of unknown signature type " + type);
            }
            return new PacSignature(b, type, copy(pac, start, available), OptionalInt.empty());
        }
        if (length > available) {
            throw new PacException(what + " of signature type " + type + " needs " + length
                    + " signature bytes, the buffer has " + available);
        }
        OptionalInt rodc = available - length >= RODC_IDENTIFIER_SIZE
                ? OptionalInt.of(PacBytes.u16(pac, start + length)) : OptionalInt.empty();
        return new PacSignature(b, type, copy(pac, start, length), rodc);
    }

    private static byte[] copy(byte[] pac, int from, int length) {
        byte[] out = new byte[length];
        System.arraycopy(pac, from, out, 0, length);
        return out;
    }

    /** A binary SID of exactly {@code length} bytes. */
    private static Sid sid(byte[] pac, int at, int length, String what) throws PacException {
        Sid sid = sidPrefix(pac, at, length, what);
        if (sid.encodedLength() != length) {
            throw new PacException(what + " is " + sid.encodedLength() + " bytes, its length field says " + length);
        }
        return sid;
    }

    /** A binary SID at the start of {@code length} bytes. */
    private static Sid sidPrefix(byte[] pac, int at, int length, String what) throws PacException {
        try {
            return Sid.decode(pac, at, at + length);
        } catch (DtypFormatException e) {
            throw new PacException(what + ": " + e.getMessage());
        }
    }
}

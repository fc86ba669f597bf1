package org.bossa.auth.kerberos.pac;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bossa.dtyp.Sid;

/**
 * A decoded Privilege Attribute Certificate (MS-PAC 2.3, 2.4): the PACTYPE header's buffers and the
 * buffers this package understands, decoded. Immutable; {@link #bytes()} returns a copy of the data
 * it was decoded from, which the server checksum covers.
 *
 * <p>Decoding checks the structure only: Version 0, 1 to {@link #MAX_BUFFERS} buffers, each 8-aligned,
 * past the header and inside the data (overlap is not checked, as MIT does not). LOGON_INFO,
 * CLIENT_INFO, UPN_DNS_INFO, ATTRIBUTES_INFO, REQUESTOR and the four signatures are decoded; a second
 * buffer of any of these types is an error (MIT, Heimdal and Samba refuse duplicates: which one would
 * count?). Other types are kept as {@link PacBuffer}s and ignored. Whether the required buffers are
 * present, and every check against the ticket and key, is {@link PacValidator}'s job.
 */
public final class Pac {
    /** The most PAC_INFO_BUFFERs accepted (Windows writes about ten). */
    public static final int MAX_BUFFERS = 64;
    static final int PACTYPE_SIZE = 8;
    static final int INFO_BUFFER_SIZE = 16;
    static final int ALIGNMENT = 8;
    /** The types decoded here, each allowed once. */
    private static final Set<Integer> DECODED_TYPES = Set.of(PacBufferType.LOGON_INFO, PacBufferType.CLIENT_INFO,
            PacBufferType.UPN_DNS_INFO, PacBufferType.ATTRIBUTES_INFO, PacBufferType.REQUESTOR,
            PacBufferType.SERVER_CHECKSUM, PacBufferType.KDC_CHECKSUM, PacBufferType.TICKET_CHECKSUM,
            PacBufferType.FULL_CHECKSUM);

    private final byte[] data;
    private final List<PacBuffer> buffers;
    private final LogonInfo logonInfo;
    private final ClientInfo clientInfo;
    private final UpnDnsInfo upnDnsInfo;
    private final AttributesInfo attributesInfo;
    private final Sid requestorSid;
    private final PacSignature serverChecksum;
    private final PacSignature kdcChecksum;
    private final PacSignature ticketChecksum;
    private final PacSignature fullChecksum;

    private Pac(Builder b) {
        this.data = b.data;
        this.buffers = List.copyOf(b.buffers);
        this.logonInfo = b.logonInfo;
        this.clientInfo = b.clientInfo;
        this.upnDnsInfo = b.upnDnsInfo;
        this.attributesInfo = b.attributesInfo;
        this.requestorSid = b.requestorSid;
        this.serverChecksum = b.serverChecksum;
        this.kdcChecksum = b.kdcChecksum;
        this.ticketChecksum = b.ticketChecksum;
        this.fullChecksum = b.fullChecksum;
    }

    /** What decode has found so far. */
    private static final class Builder {
        byte[] data;
        final List<PacBuffer> buffers = new ArrayList<>();
        LogonInfo logonInfo;
        ClientInfo clientInfo;
        UpnDnsInfo upnDnsInfo;
        AttributesInfo attributesInfo;
        Sid requestorSid;
        PacSignature serverChecksum;
        PacSignature kdcChecksum;
        PacSignature ticketChecksum;
        PacSignature fullChecksum;
        final Set<Integer> seen = new HashSet<>();
    }

    /**
     * Decodes the PAC (the contents of the AD-WIN2K-PAC authorization data element).
     *
     * @throws PacException for any malformed input; no unchecked exception escapes for any bytes
     */
    public static Pac decode(byte[] pacData) throws PacException {
        if (pacData == null) {
            throw new PacException("no PAC data");
        }
        byte[] data = pacData.clone();
        if (data.length < PACTYPE_SIZE) {
            throw new PacException("PAC of " + data.length + " bytes is shorter than the 8-byte PACTYPE");
        }
        long count = Integer.toUnsignedLong(PacBytes.u32(data, 0));
        long version = Integer.toUnsignedLong(PacBytes.u32(data, 4));
        if (version != 0) {
            throw new PacException("PAC Version " + version + ", expected 0");
        }
        if (count < 1 || count > MAX_BUFFERS) {
            throw new PacException("PAC cBuffers " + count + " is outside 1.." + MAX_BUFFERS);
        }
        long headerSize = PACTYPE_SIZE + count * INFO_BUFFER_SIZE;
        if (headerSize > data.length) {
            throw new PacException("PAC header for " + count + " buffers needs " + headerSize + " bytes, the PAC has "
                    + data.length);
        }
        Builder b = new Builder();
        b.data = data;
        for (int i = 0; i < count; i++) {
            int at = PACTYPE_SIZE + i * INFO_BUFFER_SIZE;
            int type = PacBytes.u32(data, at);
            long size = Integer.toUnsignedLong(PacBytes.u32(data, at + 4));
            long offset = PacBytes.u64(data, at + 8);
            String what = "PAC buffer " + i + " (" + PacBufferType.name(type) + ")";
            if (offset % ALIGNMENT != 0) {
                throw new PacException(what + " offset " + Long.toUnsignedString(offset) + " is not 8-aligned");
            }
            if (Long.compareUnsigned(offset, headerSize) < 0 || Long.compareUnsigned(offset, data.length) > 0
                    || size > data.length - offset) {
                throw new PacException(what + " (offset " + Long.toUnsignedString(offset) + ", size " + size
                        + ") lies outside the " + data.length + "-byte PAC or inside its header");
            }
            b.buffers.add(new PacBuffer(type, (int) offset, (int) size));
        }
        for (PacBuffer buffer : b.buffers) {
            decodeBuffer(b, buffer);
        }
        return new Pac(b);
    }

    private static void decodeBuffer(Builder b, PacBuffer buffer) throws PacException {
        int type = buffer.type();
        if (DECODED_TYPES.contains(type) && !b.seen.add(type)) {
            throw new PacException("PAC has more than one " + PacBufferType.name(type) + " buffer");
        }
        byte[] d = b.data;
        switch (type) {
            case PacBufferType.LOGON_INFO -> b.logonInfo = LogonInfoDecoder.decode(d, buffer);
            case PacBufferType.CLIENT_INFO -> b.clientInfo = PacBufferDecoders.clientInfo(d, buffer);
            case PacBufferType.UPN_DNS_INFO -> b.upnDnsInfo = PacBufferDecoders.upnDnsInfo(d, buffer);
            case PacBufferType.ATTRIBUTES_INFO -> b.attributesInfo = PacBufferDecoders.attributesInfo(d, buffer);
            case PacBufferType.REQUESTOR -> b.requestorSid = PacBufferDecoders.requestor(d, buffer);
            case PacBufferType.SERVER_CHECKSUM -> b.serverChecksum = PacBufferDecoders.signature(d, buffer);
            case PacBufferType.KDC_CHECKSUM -> b.kdcChecksum = PacBufferDecoders.signature(d, buffer);
            case PacBufferType.TICKET_CHECKSUM -> b.ticketChecksum = PacBufferDecoders.signature(d, buffer);
            case PacBufferType.FULL_CHECKSUM -> b.fullChecksum = PacBufferDecoders.signature(d, buffer);
            default -> {
                // kept in buffers(), not interpreted
            }
        }
    }

    /** A copy of the encoded PAC. */
    public byte[] bytes() {
        return data.clone();
    }

    /** Every PAC_INFO_BUFFER in header order, including types this package ignores. */
    public List<PacBuffer> buffers() {
        return buffers;
    }

    /** The first buffer of {@code type}. */
    public Optional<PacBuffer> buffer(int type) {
        return buffers.stream().filter(b -> b.type() == type).findFirst();
    }

    /** A copy of one buffer's bytes. */
    public byte[] bufferData(PacBuffer buffer) {
        if (!buffers.contains(buffer)) {
            throw new IllegalArgumentException("not a buffer of this PAC");
        }
        return Arrays.copyOfRange(data, buffer.offset(), buffer.offset() + buffer.size());
    }

    public Optional<LogonInfo> logonInfo() {
        return Optional.ofNullable(logonInfo);
    }

    public Optional<ClientInfo> clientInfo() {
        return Optional.ofNullable(clientInfo);
    }

    public Optional<UpnDnsInfo> upnDnsInfo() {
        return Optional.ofNullable(upnDnsInfo);
    }

    public Optional<AttributesInfo> attributesInfo() {
        return Optional.ofNullable(attributesInfo);
    }

    /** The PAC_REQUESTOR SID. */
    public Optional<Sid> requestorSid() {
        return Optional.ofNullable(requestorSid);
    }

    public Optional<PacSignature> serverChecksum() {
        return Optional.ofNullable(serverChecksum);
    }

    /** The PRIVSVR (KDC) checksum. */
    public Optional<PacSignature> kdcChecksum() {
        return Optional.ofNullable(kdcChecksum);
    }

    public Optional<PacSignature> ticketChecksum() {
        return Optional.ofNullable(ticketChecksum);
    }

    public Optional<PacSignature> fullChecksum() {
        return Optional.ofNullable(fullChecksum);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Pac[");
        for (PacBuffer b : buffers) {
            s.append(s.length() > 4 ? ", " : "").append(PacBufferType.name(b.type())).append(" (").append(b.size())
                    .append(" bytes)");
        }
        return s.append(']').toString();
    }
}

package org.bossa.kerberos.gss;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.apache.kerby.kerberos.kerb.type.base.CheckSum;

/**
 * The checksum a GSS initiator puts in its Authenticator (RFC 4121 4.1.1, first defined in RFC 1964
 * 1.1.1): checksum type 0x8003, whose value is not a hash but the channel-binding hash and the
 * requested context flags.
 *
 * <pre>
 *  0..3   Lgth   16, little-endian: the size of Bnd
 *  4..19  Bnd    MD5 of the channel bindings, or zeros
 * 20..23  Flags  context flags, little-endian
 * 24..    DlgOpt, Dlgth, Deleg, Exts (optional; we never send delegation)
 * </pre>
 *
 * @param bindingHash the 16-byte Bnd field
 * @param flags the requested context flags
 */
public record AuthenticatorChecksum(byte[] bindingHash, Set<ContextFlag> flags) {
    /** The GSS checksum type (RFC 4121 4.1.1). */
    public static final int CHECKSUM_TYPE = 0x8003;
    static final int MIN_LENGTH = 24;
    private static final int BND_LENGTH = 16;

    public AuthenticatorChecksum {
        if (bindingHash.length != BND_LENGTH) {
            throw new IllegalArgumentException("the channel-binding hash is 16 bytes, not " + bindingHash.length);
        }
        bindingHash = bindingHash.clone();
        flags = Set.copyOf(flags);
    }

    /** The checksum for the given bindings (null: none, so Bnd is zeros) and flags. */
    public static AuthenticatorChecksum of(ChannelBindings bindings, Set<ContextFlag> flags) {
        return new AuthenticatorChecksum(bindings == null ? new byte[BND_LENGTH] : bindings.md5(), flags);
    }

    @Override
    public byte[] bindingHash() {
        return bindingHash.clone();
    }

    /** The 24-byte checksum value. */
    public byte[] encode() {
        return ByteBuffer.allocate(MIN_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(BND_LENGTH).put(bindingHash).putInt(ContextFlag.mask(flags)).array();
    }

    /** Parses a checksum value; extra trailing fields (delegation, extensions) are tolerated. */
    public static AuthenticatorChecksum decode(byte[] value) throws GssException {
        if (value.length < MIN_LENGTH) {
            throw new GssException(GssError.DEFECTIVE_TOKEN,
                    "authenticator checksum is " + value.length + " bytes, at least " + MIN_LENGTH + " expected");
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        int lgth = b.getInt();
        if (lgth != BND_LENGTH) {
            throw new GssException(GssError.DEFECTIVE_TOKEN, "authenticator checksum Lgth is " + lgth + ", not 16");
        }
        byte[] bnd = new byte[BND_LENGTH];
        b.get(bnd);
        return new AuthenticatorChecksum(bnd, ContextFlag.fromMask(b.getInt()));
    }

    /** This checksum as the Kerby type the Authenticator holds, with type 0x8003 on the wire. */
    public CheckSum toKerby() {
        return new GssCheckSum(encode());
    }

    /**
     * The checksum type number of a decoded Kerby checksum. Kerby maps unknown types such as
     * 0x8003 to NONE, so the integer is read from the encoding itself.
     */
    public static int typeOf(CheckSum checksum) throws GssException {
        try {
            GssCheckSum raw = new GssCheckSum();
            raw.decode(checksum.encode());
            return raw.rawType();
        } catch (IOException | RuntimeException e) {
            // Kerby re-encodes what it decoded; a field it read as null (an empty INTEGER) fails
            // there with a NullPointerException: the token is defective, not our code
            throw new GssException(GssError.DEFECTIVE_TOKEN, "authenticator checksum does not decode", e);
        }
    }

    /**
     * Kerby's {@link CheckSum} knows only RFC 3961 checksum types and would write 0 for 0x8003; this
     * subclass stores the number directly in the CKSUM_TYPE field.
     */
    private static final class GssCheckSum extends CheckSum {
        GssCheckSum() {
        }

        GssCheckSum(byte[] value) {
            setFieldAsInt(CheckSumField.CKSUM_TYPE, CHECKSUM_TYPE);
            setChecksum(value);
        }

        int rawType() {
            Integer type = getFieldAsInteger(CheckSumField.CKSUM_TYPE);
            return type == null ? -1 : type;
        }
    }
}

package org.bossa.auth.kerberos.pac;

/**
 * One PAC_INFO_BUFFER of the PACTYPE header (MS-PAC 2.4): the buffer's type, and where its bytes
 * lie in the encoded PAC. Decoding has checked that {@code offset} is 8-aligned, past the header,
 * and that {@code offset + size} lies inside the data.
 *
 * @param type   ulType, an unsigned 32-bit value held in an int (see {@link PacBufferType})
 * @param offset Offset from the start of the PAC
 * @param size   cbBufferSize in bytes
 */
public record PacBuffer(int type, int offset, int size) {
    public PacBuffer {
        if (offset < 0 || size < 0) {
            throw new IllegalArgumentException("negative offset or size");
        }
    }
}

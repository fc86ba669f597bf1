package org.bossa.dcerpc;

/**
 * Bytes read from a named pipe. {@code more} is true when the message being read has bytes left
 * beyond the requested length: the SMB layer then answers STATUS_BUFFER_OVERFLOW and the client
 * reads the rest. Empty data with {@code more == false} means nothing is pending.
 */
public record PipeRead(byte[] data, boolean more) {
    public static final PipeRead EMPTY = new PipeRead(new byte[0], false);

    public PipeRead {
        data = data == null ? new byte[0] : data;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }
}
